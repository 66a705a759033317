import { can, type Role } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { Port } from '../../lib/hooks.ts';
import type { CallReach, TaskAudience } from './publish.ts';

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

/**
 * Whether a stream's user is on duty for an incoming call: a staff member (never an API token)
 * whose role may see persons (and is the role the rule names, if it names one), working at the
 * call's branch (limited to it, or to no branch); a call of no known branch reaches every branch.
 */
export function mayHearCall(viewer: Viewer & { role: Role | null }, reach: CallReach): boolean {
  if (viewer.userId === null || viewer.role === null) return false;
  if (!can(viewer.role, 'contacts.read')) return false;
  if (reach.role !== null && viewer.role !== reach.role) return false;
  if (reach.branchId === null || viewer.branchIds.length === 0) return true;
  return viewer.branchIds.includes(reach.branchId);
}
