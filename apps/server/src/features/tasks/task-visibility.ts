import { and, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { contacts } from '../contacts/index.ts';
import { branchLimitOf } from '../users/index.ts';
import { tasks } from './tasks.table.ts';

/**
 * Which tasks an actor sees (every task query, the board and the control view use it):
 * - the own organization only;
 * - staff limited to some branches see those branches' tasks, tasks of no branch, and tasks
 *   assigned to them; staff with no branch limit see every branch;
 * - a private internal task is seen by its creator and its assignee alone (not even admins:
 *   seed 000's "Privat" is the staff member's own to-do);
 * - the tasks of a person or company in the trash wait there with them (back on restore).
 */
export async function taskVisibility(db: Db, actor: Actor): Promise<SQL> {
  const me = actor.userId;
  const branchIds = me ? await branchLimitOf(db, actor.orgId, me) : [];
  return visibilitySql(actor.orgId, me, branchIds.length ? sql.param(branchIds) : undefined);
}

/**
 * Which of an actor's tasks a statement covers: all it sees; only those others see too (`shared`:
 * no private task, so a staff member without a branch limit sees exactly what every other such
 * staff member sees, and the board's reads of it can be shared); or only the actor's own
 * private tasks (`private`). `shared` and `private` together are all it sees.
 */
export type VisibilityPart = 'all' | 'shared' | 'private';

/**
 * `taskVisibility` with placeholders (`visOrg`, `visMe`, `visBranches`) where the actor's
 * values go, for a statement built once per shape (`executeShaped`): `shape` names the text,
 * `values` fills it. `knownBranchIds`: the actor's branch limit as its session read it with
 * the user (as fresh as the session's role: a change to the user drops the session from the
 * cache on every instance), so the board does not read it again. In the `shared` part the
 * actor's own id is a value only when a branch limit uses it (its tasks in other branches).
 */
export async function taskVisibilityShape(
  db: Db,
  actor: Actor,
  knownBranchIds?: string[],
  part: VisibilityPart = 'all',
) {
  const me = actor.userId;
  if (part === 'private' && !me) throw new Error('An API token has no private tasks');
  const branchIds = me ? (knownBranchIds ?? (await branchLimitOf(db, actor.orgId, me))) : [];
  const limited = branchIds.length > 0;
  const usesMe = me !== null && (part !== 'shared' || limited);
  return {
    shape: `${me ? 'user' : 'token'}${limited ? '+branches' : ''}${part === 'all' ? '' : `+${part}`}`,
    sql: visibilitySql(
      sql.placeholder('visOrg'),
      me ? sql.placeholder('visMe') : undefined,
      limited ? sql.placeholder('visBranches') : undefined,
      part,
    ),
    values: { visOrg: actor.orgId, visMe: usesMe ? me : null, visBranches: branchIds },
  };
}

/** Values may be placeholders; `branchIds` is a uuid[] parameter, absent without a limit. */
function visibilitySql(
  orgId: unknown,
  me: unknown,
  branchIds: unknown,
  part: VisibilityPart = 'all',
): SQL {
  const own = and(
    sql`${tasks.orgId} = ${orgId}`,
    sql`not exists (select 1 from ${contacts} where ${contacts.orgId} = ${tasks.orgId}
      and ${contacts.id} = ${tasks.contactId} and ${contacts.deletedAt} is not null)`,
  )!;
  // `not private` as text, not `= $n`: a named statement's generic plan cannot see through a
  // bound false, and the board's plan for it was twice as slow (decision 0040).
  const shared = sql`not ${tasks.private}`;
  const mine = me ? sql`(${tasks.creatorId} = ${me} or ${tasks.assigneeId} = ${me})` : undefined;
  const visible =
    part === 'shared' || !mine
      ? shared
      : part === 'private'
        ? sql`${tasks.private} and ${mine}`
        : or(shared, sql`${tasks.creatorId} = ${me}`, sql`${tasks.assigneeId} = ${me}`)!;
  if (branchIds === undefined) return and(own, visible)!;
  const inBranches = or(
    sql`${tasks.branchId} is null`,
    sql`${tasks.branchId} = any(${branchIds}::uuid[])`,
    sql`${tasks.assigneeId} = ${me}`,
  )!;
  return and(own, visible, inBranches)!;
}
