import * as z from 'zod/mini';
import { id, ids, lenient, text } from '../../lib/search-params.ts';

const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const owner = z.union([id, z.literal('me')]);

/** The filters the pipeline board and the deals list share (S-4): all of them in the URL. */
const filterFields = {
  /** Staff ids, or `me` for "my deals". */
  ownerId: lenient(owner),
  groupId: lenient(ids),
  branchId: lenient(ids),
  typeId: lenient(ids),
  /** YYYY-MM: open deals expected to close then, won and lost ones closed then. */
  closeMonth: lenient(month),
  q: lenient(text(200)),
};

/**
 * The pipeline board's URL: which pipeline and its filters, so a link shows the same board.
 * Each param falls back to `undefined` on its own, so a stale URL never breaks the page.
 */
export const pipelineSearchSchema = z.object({
  pipelineId: lenient(id),
  ...filterFields,
});
export type PipelineSearch = z.infer<typeof pipelineSearchSchema>;

export const DEAL_LIST_SORTS = [
  '-updatedAt',
  '-createdAt',
  'expectedCloseDate',
  '-expectedCloseDate',
  '-amount',
  'amount',
  'title',
] as const;
export type DealListSort = (typeof DEAL_LIST_SORTS)[number];

/** The deals list's URL: the board's filters, plus pipeline, stage, state and the order. */
export const dealsSearchSchema = z.object({
  pipelineId: lenient(id),
  stageId: lenient(ids),
  state: lenient(z.enum(['open', 'won', 'lost', 'all'])),
  sort: lenient(z.enum(DEAL_LIST_SORTS)),
  ...filterFields,
});
export type DealsSearch = z.infer<typeof dealsSearchSchema>;
