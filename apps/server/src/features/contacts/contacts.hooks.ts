import type { Db } from '../../db/client.ts';
import { Hook } from '../../lib/hooks.ts';

/**
 * Two records became one: whatever refers to the source must follow it to the target before
 * the source is deleted for good (the tasks feature moves its tasks). Runs inside the merge.
 */
export const contactsMerged = new Hook<
  [tx: Db, merge: { orgId: string; sourceId: string; targetId: string }]
>('contactsMerged');
