import * as z from 'zod/mini';
import { id, ids, lenient, text } from '../../lib/search-params.ts';

/**
 * The board's URL: its filters, and the task whose expanded card is open (so a link or the
 * back button brings the same view back). Each param falls back to `undefined` on its own, so
 * a hand-edited or stale URL never breaks the page.
 */
export const taskBoardSearchSchema = z.object({
  branchId: lenient(ids),
  statusId: lenient(ids),
  /** A staff member's id, or `me` for "my cards". */
  assigneeId: lenient(z.union([id, z.literal('me')])),
  templateId: lenient(ids),
  search: lenient(text(200)),
  /** "My day" instead of the columns; absent: what this device showed last. */
  view: lenient(z.enum(['board', 'day'])),
  /** The task whose expanded card (C-15) is open. */
  card: lenient(id),
});
export type BoardSearch = z.infer<typeof taskBoardSearchSchema>;
