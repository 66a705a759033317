import type { Db } from '../../db/client.ts';
import { Port } from '../../lib/hooks.ts';
import type { TaskAudience } from './publish.ts';

/** Who watches a stream: what its events are filtered by, read when the stream opens. */
export interface Viewer {
  /** null for an integration's API token. */
  userId: string | null;
  /** The branches a staff member is limited to; empty: every branch. */
  branchIds: readonly string[];
}

/** A staff member's branch limit (empty: every branch); the users feature, its owner, provides it. */
export const viewerBranches = new Port<
  (db: Db, orgId: string, userId: string) => Promise<readonly string[]>
>('viewerBranches');

/**
 * Whether a task with these facts is one the viewer may see. The same rules as the tasks
 * feature's `taskVisibility` (which this layer cannot import):
 * - a private task: its creator and its assignee alone (an API token never);
 * - staff limited to some branches: tasks of those branches, of no branch, or assigned to them.
 */
export function mayHear(viewer: Viewer, task: TaskAudience): boolean {
  const me = viewer.userId;
  if (task.private && (me === null || (task.creatorId !== me && task.assigneeId !== me))) {
    return false;
  }
  if (viewer.branchIds.length === 0) return true;
  return (
    task.branchId === null ||
    viewer.branchIds.includes(task.branchId) ||
    (me !== null && task.assigneeId === me)
  );
}
