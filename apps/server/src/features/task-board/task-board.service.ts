import {
  BOARD_COLUMNS,
  type Board,
  type BoardCard,
  type BoardColumn,
  type BoardQuery,
  type GuardianRef,
} from '@spotter/contracts';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { boardBounds, columnRange, isDroppable, type BoardBounds } from '../../lib/club-time.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { phoneDisplay } from '../../lib/phones.ts';
import { SharedRuns } from '../../lib/shared-runs.ts';
import { primaryGuardians } from '../contacts/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { taskSearchCondition, taskVisibilityShape } from '../tasks/index.ts';
import { decodeCursor, encodeCursor } from './board-cursor.ts';
import * as repo from './task-board.repo.ts';

/**
 * T-8: the board. Without `column`: all six columns with their counts and first pages; with
 * `column` (and `cursor`): that column's next page. Columns are computed in the
 * organization's timezone at the app's clock (pinned in tests), read when the board's
 * statement starts.
 *
 * Requests that ask for the same board share its reads (`SharedRuns`): what every staff member
 * without a branch limit sees alike (all but private tasks) is read once for all requests that
 * arrived while the previous read ran, and the answer object is the same for each of them, so
 * the route writes and compresses it once. A staff member's own private tasks are read for them
 * alone, only when they have any open, and merged in.
 */
export async function getBoard(
  db: Db,
  actor: Actor,
  query: BoardQuery,
  clock: () => Date,
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

  const [timezone, visibility] = await Promise.all([
    known?.timezone ?? findOrganization(db, actor.orgId).then((org) => org?.timezone),
    taskVisibilityShape(db, actor, known?.branchIds, 'shared'),
  ]);
  if (!timezone) throw notFound('Organization');
  const request: SharedRequest = {
    timezone,
    search: query.search?.trim() || undefined,
    filters: {
      orgId: actor.orgId,
      visibility,
      branchIds: query.branchId,
      statusIds: query.statusId,
      assigneeId: query.assigneeId === 'me' ? actor.userId! : query.assigneeId,
      templateIds: query.templateId,
    },
    columns: query.column ? [query.column] : BOARD_COLUMNS,
    page: { limit: query.limit + 1, after },
    limit: query.limit,
  };
  // Everything the shared part's answer depends on; the actor's own id only where its branch
  // limit uses it (`visibility.values.visMe`).
  const key = JSON.stringify([
    timezone,
    visibility.shape,
    visibility.values,
    request.search ?? null,
    request.filters.branchIds ?? null,
    request.filters.statusIds ?? null,
    request.filters.assigneeId ?? null,
    request.filters.templateIds ?? null,
    request.columns,
    query.limit,
    query.cursor ?? null,
  ]);
  const shared = await runsOf(db).run(key, () => readShared(db, request, clock()));
  if (!actor.userId || !shared.privateOwners.has(actor.userId)) return shared.board;

  // This staff member has private tasks open: theirs, read on the shared read's clock, merged in.
  const own = await repo.loadBoard(
    db,
    {
      ...request.filters,
      visibility: await taskVisibilityShape(db, actor, known?.branchIds, 'private'),
      search: shared.searchSql,
      ranges: rangesOf(shared.bounds),
    },
    request.columns,
    request.page,
  );
  if (own.cards.length === 0 && request.columns.every((c) => !own.counts[c])) return shared.board;
  const counts = { ...shared.rows.counts };
  for (const c of request.columns) counts[c] += own.counts[c];
  const cards = [...shared.rows.cards, ...own.cards];
  const guardians = await guardiansOf(db, actor.orgId, own.cards, shared.bounds.now, shared);
  return boardOf(request, { counts, cards }, shared.bounds, guardians);
}

/** What a board request resolved, before any task is read: the same for every sharer of a run. */
interface SharedRequest {
  timezone: string;
  search: string | undefined;
  filters: Omit<repo.BoardInput, 'search' | 'ranges'>;
  columns: readonly BoardColumn[];
  /** One more row than shown tells whether there is a next page. */
  page: { limit: number; after?: repo.PageAfter };
  limit: number;
}

/** One read of the shared part, and the board made of it, for every request of the run. */
interface SharedBoard {
  bounds: BoardBounds;
  searchSql: SQL | undefined;
  rows: repo.BoardRows;
  guardians: ReadonlyMap<string, GuardianRef>;
  /** The staff who have open private tasks in the organization: only they read their own. */
  privateOwners: ReadonlySet<string>;
  board: Board;
}

const runs = new WeakMap<Db, SharedRuns<SharedBoard>>();
function runsOf(db: Db) {
  let r = runs.get(db);
  if (!r) runs.set(db, (r = new SharedRuns()));
  return r;
}

async function readShared(db: Db, request: SharedRequest, now: Date): Promise<SharedBoard> {
  const bounds = boardBounds(now, request.timezone);
  const { orgId } = request.filters;
  const searchSql = request.search
    ? await taskSearchCondition(db, orgId, request.search)
    : undefined;
  const [rows, privateOwners] = await Promise.all([
    repo.loadBoard(
      db,
      { ...request.filters, search: searchSql, ranges: rangesOf(bounds) },
      request.columns,
      request.page,
    ),
    repo.privateOwners(db, orgId),
  ]);
  const guardians = await guardiansOf(db, orgId, rows.cards, bounds.now);
  return {
    bounds,
    searchSql,
    rows,
    guardians,
    privateOwners,
    board: boardOf(request, rows, bounds, guardians),
  };
}

/** Cards about a minor show their primary guardian's phone (issue 17). */
async function guardiansOf(
  db: Db,
  orgId: string,
  cards: readonly repo.CardRow[],
  now: Date,
  known?: { guardians: ReadonlyMap<string, GuardianRef> },
): Promise<ReadonlyMap<string, GuardianRef>> {
  const personIds = cards.flatMap((c) => (c.contact?.kind === 'person' ? [c.contact.id] : []));
  if (!personIds.length) return known?.guardians ?? new Map();
  const { guardians } = await primaryGuardians(db, orgId, personIds, now);
  if (!known) return guardians;
  return new Map([...known.guardians, ...guardians]);
}

function boardOf(
  request: SharedRequest,
  { counts, cards }: repo.BoardRows,
  bounds: BoardBounds,
  guardians: ReadonlyMap<string, GuardianRef>,
): Board {
  const { limit } = request;
  const at = { now: bounds.now.toISOString(), startTomorrow: bounds.startTomorrow.toISOString() };
  return {
    columns: request.columns.map((column) => {
      const mine = cards.filter((c) => c.column === column).sort(orderOf(column));
      const shown = mine.slice(0, limit);
      const last = shown[shown.length - 1];
      return {
        column,
        count: counts[column],
        items: shown.map((c) => toCard(c, at, guardians)),
        nextCursor: mine.length > limit && last ? encodeCursor(last) : null,
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
