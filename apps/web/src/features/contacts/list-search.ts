import { z } from 'zod';

const id = z.uuid();
const ids = z.array(id).max(100);
const day = z.iso.date();
/** `<fieldId>:<op>:<value>`, as the list API takes it. */
const customFilter = z
  .string()
  .max(260)
  .regex(/^[0-9a-fA-F-]{36}:(eq|contains|gte|lte|set|unset)(:.{0,200})?$/);

/**
 * The list page's URL: every filter, the sort and the page (its cursor and number). Each param falls back to
 * `undefined` on its own, so a hand-edited or stale URL never breaks the page.
 */
const baseSearch = {
  search: z.string().max(200).optional().catch(undefined),
  statusId: ids.optional().catch(undefined),
  noStatus: z.boolean().optional().catch(undefined),
  responsibleId: ids.optional().catch(undefined),
  noResponsible: z.boolean().optional().catch(undefined),
  tagId: ids.optional().catch(undefined),
  tagMode: z.enum(['any', 'all']).optional().catch(undefined),
  categoryId: ids.optional().catch(undefined),
  branchId: ids.optional().catch(undefined),
  sourceId: ids.optional().catch(undefined),
  createdFrom: day.optional().catch(undefined),
  createdTo: day.optional().catch(undefined),
  cf: z.array(customFilter).max(20).optional().catch(undefined),
  sort: z
    .string()
    .max(60)
    .regex(/^-?(cf:[0-9a-fA-F-]{36}|[a-zA-Z]+)$/)
    .optional()
    .catch(undefined),
  /** The page's position, opaque: the API's `nextCursor` or `prevCursor`. */
  cursor: z.string().max(2000).optional().catch(undefined),
  /** The page's number, for "51–100" only: the cursor says which rows it shows. */
  page: z.number().int().min(1).max(100_000).optional().catch(undefined),
  pageSize: z
    .union([z.literal(25), z.literal(50), z.literal(100)])
    .optional()
    .catch(undefined),
};

export const personListSearchSchema = z.object({
  ...baseSearch,
  companyId: id.optional().catch(undefined),
});
export type PersonListSearch = z.infer<typeof personListSearchSchema>;

export const companyListSearchSchema = z.object({
  ...baseSearch,
  industryId: ids.optional().catch(undefined),
});
export type CompanyListSearch = z.infer<typeof companyListSearchSchema>;

/** Either kind's search; the list component works on this. */
export type ListSearch = PersonListSearch & CompanyListSearch;
