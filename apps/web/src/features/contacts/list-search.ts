import * as z from 'zod/mini';
import { day, id, ids, lenient, pageNumber, pageSize, text } from '../../lib/search-params.ts';

/** `<fieldId>:<op>:<value>`, as the list API takes it. */
const customFilter = z
  .string()
  .check(
    z.maxLength(260),
    z.regex(/^[0-9a-fA-F-]{36}:(eq|contains|gte|lte|set|unset)(:.{0,200})?$/),
  );

/**
 * The list page's URL: every filter, the sort and the page (its cursor and number). Each param falls back to
 * `undefined` on its own, so a hand-edited or stale URL never breaks the page.
 */
const baseSearch = {
  search: lenient(text(200)),
  statusId: lenient(ids),
  noStatus: lenient(z.boolean()),
  responsibleId: lenient(ids),
  noResponsible: lenient(z.boolean()),
  tagId: lenient(ids),
  tagMode: lenient(z.enum(['any', 'all'])),
  categoryId: lenient(ids),
  branchId: lenient(ids),
  sourceId: lenient(ids),
  createdFrom: lenient(day),
  createdTo: lenient(day),
  /** Waiting for the club's first contact after a lead form (the home page links here). */
  waiting: lenient(z.boolean()),
  /** Persons who reached a step of the sales funnel (the funnel report's drill-down). */
  funnelStep: lenient(z.enum(['contacted', 'trial', 'bought'])),
  cf: lenient(z.array(customFilter).check(z.maxLength(20))),
  sort: lenient(text(60).check(z.regex(/^-?(cf:[0-9a-fA-F-]{36}|[a-zA-Z]+)$/))),
  /** The page's position, opaque: the API's `nextCursor` or `prevCursor`. */
  cursor: lenient(text(2000)),
  /** The page's number, for "51–100" only: the cursor says which rows it shows. */
  page: lenient(pageNumber),
  pageSize: lenient(pageSize),
};

/** A whole age in years, as the list API takes it. */
const age = z.int().check(z.minimum(0), z.maximum(130));

export const personListSearchSchema = z.object({
  ...baseSearch,
  companyId: lenient(id),
  /** Age in whole years on the club's clock (issue 17); persons without a birth date never match. */
  ageFrom: lenient(age),
  ageTo: lenient(age),
  /** `true`: minors only; `false`: adults only (the CRM settings' adult age). */
  minor: lenient(z.boolean()),
});
export type PersonListSearch = z.infer<typeof personListSearchSchema>;

export const companyListSearchSchema = z.object({
  ...baseSearch,
  industryId: lenient(ids),
});
export type CompanyListSearch = z.infer<typeof companyListSearchSchema>;

/** Either kind's search; the list component works on this. */
export type ListSearch = PersonListSearch & CompanyListSearch;
