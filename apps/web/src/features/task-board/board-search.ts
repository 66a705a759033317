import { z } from 'zod';

const id = z.uuid();
const ids = z.array(id).max(100);

/**
 * The board's URL: its filters, and the task whose expanded card is open (so a link or the
 * back button brings the same view back). Each param falls back to `undefined` on its own, so
 * a hand-edited or stale URL never breaks the page.
 */
export const taskBoardSearchSchema = z.object({
  branchId: ids.optional().catch(undefined),
  statusId: ids.optional().catch(undefined),
  /** A staff member's id, or `me` for "my cards". */
  assigneeId: z
    .union([id, z.literal('me')])
    .optional()
    .catch(undefined),
  templateId: ids.optional().catch(undefined),
  search: z.string().max(200).optional().catch(undefined),
  /** "My day" instead of the columns; absent: what this device showed last. */
  view: z.enum(['board', 'day']).optional().catch(undefined),
  /** The task whose expanded card (C-15) is open. */
  card: id.optional().catch(undefined),
});
export type BoardSearch = z.infer<typeof taskBoardSearchSchema>;
