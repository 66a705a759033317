import {
  BOARD_COLUMNS,
  type Board,
  type BoardCard,
  type BoardColumn,
  type BoardQuery,
  type GuardianRef,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { boardBounds, columnRange, isDroppable, type BoardBounds } from '../../lib/club-time.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { phoneDisplay } from '../../lib/phones.ts';
import { primaryGuardians } from '../contacts/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { taskSearchCondition, taskVisibilityShape } from '../tasks/index.ts';
import { decodeCursor, encodeCursor } from './board-cursor.ts';
import * as repo from './task-board.repo.ts';

/**
 * T-8: the board. Without `column`: all six columns with their counts and first pages; with
 * `column` (and `cursor`): that column's next page. Columns are computed in the
 * organization's timezone at `now` (the app's clock, pinned in tests).
 */
export async function getBoard(
  db: Db,
  actor: Actor,
  query: BoardQuery,
  now: Date,
  /**
   * What the caller already holds from the actor's session: the organization's timezone and
   * the user's branch limit, read with the session, so neither is read again per request.
   */
  known?: { timezone: string; branchIds: string[] },
): Promise<Board> {
  assertCan(actor, 'tasks.read');
  if (query.cursor !== undefined && query.column === undefined) {
    throw fieldInvalid('cursor', 'required', 'A cursor belongs to a column: give `column` too');
  }
  const after = query.cursor !== undefined ? decodeCursor(query.cursor) : undefined;
  if (after === null || (after?.key === null && query.column !== 'later')) {
    throw fieldInvalid('cursor', 'invalid', 'This cursor is not valid; load the board again');
  }
  if (query.assigneeId === 'me' && !actor.userId) {
    throw fieldInvalid('assigneeId', 'not_allowed', 'An API token has no "me": give a user id');
  }

  const search = query.search?.trim() || undefined;
  const [timezone, visibility, searchSql] = await Promise.all([
    known?.timezone ?? findOrganization(db, actor.orgId).then((org) => org?.timezone),
    taskVisibilityShape(db, actor, known?.branchIds),
    search ? taskSearchCondition(db, actor.orgId, search) : undefined,
  ]);
  if (!timezone) throw notFound('Organization');
  const bounds = boardBounds(now, timezone);
  const input: repo.BoardInput = {
    orgId: actor.orgId,
    visibility,
    branchIds: query.branchId,
    statusIds: query.statusId,
    assigneeId: query.assigneeId === 'me' ? actor.userId! : query.assigneeId,
    templateIds: query.templateId,
    search: searchSql,
    ranges: rangesOf(bounds),
  };

  const columns: readonly BoardColumn[] = query.column ? [query.column] : BOARD_COLUMNS;
  // One more row than shown tells whether there is a next page.
  const { counts, cards } = await repo.loadBoard(db, input, columns, {
    limit: query.limit + 1,
    after,
  });

  // Cards about a minor show their primary guardian's phone (issue 17).
  const personIds = cards.flatMap((c) => (c.contact?.kind === 'person' ? [c.contact.id] : []));
  const { guardians } = personIds.length
    ? await primaryGuardians(db, actor.orgId, personIds, now)
    : { guardians: new Map<string, GuardianRef>() };

  const at = { now: bounds.now.toISOString(), startTomorrow: bounds.startTomorrow.toISOString() };
  return {
    columns: columns.map((column) => {
      const mine = cards.filter((c) => c.column === column).sort(orderOf(column));
      const shown = mine.slice(0, query.limit);
      const last = shown[shown.length - 1];
      return {
        column,
        count: counts[column],
        items: shown.map((c) => toCard(c, at, guardians)),
        nextCursor: mine.length > query.limit && last ? encodeCursor(last) : null,
        droppable: isDroppable(column, bounds),
      };
    }),
  };
}

function rangesOf(b: BoardBounds): repo.BoardInput['ranges'] {
  return {
    overdue: columnRange('overdue', b),
    today: columnRange('today', b),
    tomorrow: columnRange('tomorrow', b),
    week: columnRange('week', b),
    later: columnRange('later', b),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A column's order, as its SQL sorts it (the UNION ALL does not promise to keep it): Unsorted
 * newest first; the rest by due time then id, no due time last. Keys are fixed-width ISO
 * text and ids lower-case hex, so text order is the database's order.
 */
function orderOf(column: BoardColumn) {
  return (a: repo.CardRow, b: repo.CardRow) => {
    if (column === 'unsorted') return compare(b.key ?? '', a.key ?? '') || compare(b.id, a.id);
    if (a.key !== b.key) {
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      return compare(a.key, b.key);
    }
    return compare(a.id, b.id);
  };
}

/**
 * The API's card. Field by field, no spread: this runs for every card of every board request,
 * and V8 builds a literal many times faster than a spread of another object.
 */
function toCard(
  row: repo.CardRow,
  at: { now: string; startTomorrow: string },
  guardians: ReadonlyMap<string, GuardianRef>,
): BoardCard {
  const c = row.contact;
  return {
    id: row.id,
    type: row.type,
    template: row.template,
    contact: c && {
      id: c.id,
      kind: c.kind,
      name: c.name,
      phone: c.phone,
      email: c.email,
      responsibleId: c.responsibleId,
      phoneDisplay: phoneDisplay(c.phone),
      guardian: guardians.get(c.id) ?? null,
    },
    assignee: row.assignee,
    takenBy: row.takenBy,
    status: row.status,
    comment: row.comment,
    dueAt: row.dueAt,
    dueState: dueStateAt(row.dueAt, at),
    createdAt: row.createdAt,
    version: row.version,
    waitingSince: row.waitingSince,
  };
}

/** `dueStateOf` on ISO text: fixed-width UTC timestamps compare as the times do. */
function dueStateAt(dueAt: string | null, at: { now: string; startTomorrow: string }) {
  if (dueAt === null) return null;
  if (dueAt < at.now) return 'overdue';
  if (dueAt < at.startTomorrow) return 'today';
  return 'later';
}
