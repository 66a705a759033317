import type {
  RetentionCallRoundResult,
  RetentionPage,
  RetentionQuery,
  RetentionReason,
  RetentionRow,
  retentionCallRoundSchema,
} from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { clubDate, startOfClubDay } from '../../lib/club-time.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import { createTask, defaultTemplateOf } from '../tasks/index.ts';
import {
  retentionRows,
  withOpenTask,
  type RetentionRowData,
  type RetentionWindow,
} from './retention.repo.ts';

/** The most persons one call round covers (as the tasks feature allows). */
const MAX_ROUND = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** YYYY-MM-DD moved by `n` days (calendar arithmetic, no time zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The club's windows: the recent 28 days end with today, the 28 before precede them. */
async function windowOf(db: Db, orgId: string, days: number, now: Date) {
  const org = await findOrganization(db, orgId);
  if (!org) throw notFound('Organization');
  const today = clubDate(now, org.timezone);
  const recentFromDay = addDays(today, -27);
  const beforeFromDay = addDays(today, -55);
  const window: RetentionWindow = {
    orgId,
    beforeFrom: startOfClubDay(beforeFromDay, org.timezone),
    recentFrom: startOfClubDay(recentFromDay, org.timezone),
    until: startOfClubDay(addDays(today, 1), org.timezone),
    today,
    endsBy: addDays(today, days),
  };
  return { window, recentFromDay, beforeFromDay };
}

const encodeCursor = (r: RetentionRowData) =>
  Buffer.from(JSON.stringify([r.sortName, r.personId])).toString('base64url');

function decodeCursor(cursor: string): { sortName: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      v[0].length <= 400 &&
      typeof v[1] === 'string' &&
      UUID.test(v[1])
    ) {
      return { sortName: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw fieldInvalid('cursor', 'invalid', 'This cursor is not valid; load the list again');
}

function toRow(r: RetentionRowData): RetentionRow {
  const reasons: RetentionReason[] = [];
  if (r.visitsBefore !== null) reasons.push('visits_dropped');
  if (r.contractEndsOn !== null) reasons.push('contract_ending');
  return {
    personId: r.personId,
    name: r.name,
    phone: r.phone,
    branchId: r.branchId,
    reasons,
    visitsRecent: r.visitsRecent ?? 0,
    visitsBefore: r.visitsBefore ?? 0,
    contractEndsOn: r.contractEndsOn,
    hasOpenTask: r.hasOpenTask,
  };
}

/**
 * The retention list: members whose visits dropped (the recent four weeks against the four
 * before) or whose contract ends within `days` with no call planned, in name order, keyset-paged.
 */
export async function retentionList(
  db: Db,
  actor: Actor,
  query: RetentionQuery,
  now: Date,
): Promise<RetentionPage> {
  assertCan(actor, 'reports.read');
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const { window, recentFromDay, beforeFromDay } = await windowOf(db, actor.orgId, query.days, now);
  const rows = await retentionRows(
    db,
    window,
    { branchIds: query.branchId, reason: query.reason },
    { limit: query.limit + 1, after },
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    today: window.today,
    recentFrom: recentFromDay,
    beforeFrom: beforeFromDay,
    items: page.map(toRow),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

async function roundTemplateId(db: Db, orgId: string, templateId?: string): Promise<string> {
  if (templateId) return templateId;
  const template = await defaultTemplateOf(db, orgId, 'round');
  if (!template || template.type !== 'round' || template.archivedAt) {
    throw fieldInvalid('templateId', 'required', 'Choose a call round template');
  }
  return template.id;
}

/**
 * "Start a call round": one call per listed person (the selected ones, or all the filters
 * list) through the tasks feature's own call round, leaving out everyone who already has an
 * open call or client task, so nobody gets a second open call.
 */
export async function startRetentionRound(
  db: Db,
  actor: Actor,
  input: z.output<typeof retentionCallRoundSchema>,
  now: Date,
): Promise<RetentionCallRoundResult> {
  assertCan(actor, 'reports.read');
  assertCan(actor, 'tasks.write');
  const { window } = await windowOf(db, actor.orgId, input.days, now);
  // One round at a time per club: two clicks at once must not both call the same person.
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`retention.round:${actor.orgId}`}, 0))`,
    );
    return roundIn(tx, actor, input, window, now);
  });
}

async function roundIn(
  db: Db,
  actor: Actor,
  input: z.output<typeof retentionCallRoundSchema>,
  window: RetentionWindow,
  now: Date,
): Promise<RetentionCallRoundResult> {
  const listed = await retentionRows(
    db,
    window,
    {
      branchIds: input.branchId,
      reason: input.reason,
      personIds: input.personIds ? [...new Set(input.personIds)] : undefined,
    },
    { limit: MAX_ROUND + 1 },
  );
  if (listed.length > MAX_ROUND) {
    throw fieldInvalid(
      'personIds',
      'too_many',
      `A call round covers at most ${MAX_ROUND} persons`,
      {
        max: MAX_ROUND,
      },
    );
  }
  const ids = listed.map((r) => r.personId);
  const busy = new Set(await withOpenTask(db, actor.orgId, ids));
  const personIds = ids.filter((id) => !busy.has(id));
  if (personIds.length === 0) return { roundId: null, created: 0, skipped: busy.size };
  const templateId = await roundTemplateId(db, actor.orgId, input.templateId);
  const round = await createTask(
    { db, actor, now },
    {
      templateId,
      contactId: null,
      assigneeId: input.assigneeId,
      comment: input.comment,
      dueDate: input.dueDate,
      remindAt: null,
      statusId: null,
      branchId: null,
      private: false,
      personIds,
    },
  );
  return { roundId: round.id, created: personIds.length, skipped: busy.size };
}
