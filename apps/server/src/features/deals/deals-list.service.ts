import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Deal, DealList, dealExportQuerySchema, DealListQuery } from '@spotter/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { clubDate } from '../../lib/club-time.ts';
import { branches } from '../branches/index.ts';
import { neutralize } from '../contacts/index.ts';
import { groups } from '../groups/index.ts';
import { dealWhere, resolveFilter, stateWhere } from './deal-filters.ts';
import { viewToDto } from './deals.dto.ts';
import {
  decodeListCursor,
  encodeListCursor,
  listDealPage,
  type DealSort,
} from './deals-list.repo.ts';
import { dealListItems, dealStages, pipelines } from './deals.table.ts';

type ExportQuery = z.output<typeof dealExportQuerySchema>;

async function listWhere(db: Db, actor: Actor, query: Omit<DealListQuery, 'limit' | 'cursor'>) {
  const { filter, timezone } = await resolveFilter(db, actor, query);
  const where = and(dealWhere(filter), stateWhere(query.state, filter.month))!;
  return { where, timezone };
}

/** The deals list (and a person's or company's deals): filtered, sorted, keyset-paged. */
export async function listDeals(db: Db, actor: Actor, query: DealListQuery): Promise<DealList> {
  assertCan(actor, 'deals.read');
  const cursor = query.cursor ? decodeListCursor(query.cursor) : undefined;
  const { where } = await listWhere(db, actor, query);
  const rows = await listDealPage(db, actor.orgId, where, query.sort, query.limit + 1, cursor);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(viewToDto),
    nextCursor:
      rows.length > query.limit && last
        ? encodeListCursor({ key: last.cursorKey, id: last.deal.id })
        : null,
  };
}

/** Names of everything a deal refers to by id, read once for a whole export. */
async function exportNames(db: Db, orgId: string) {
  const byId = (rows: Array<{ id: string; name: string }>) =>
    new Map(rows.map((r) => [r.id, r.name]));
  const [pipelineRows, stageRows, itemRows, groupRows, branchRows] = [
    await db
      .select({ id: pipelines.id, name: pipelines.name })
      .from(pipelines)
      .where(eq(pipelines.orgId, orgId)),
    await db
      .select({ id: dealStages.id, name: dealStages.name })
      .from(dealStages)
      .where(eq(dealStages.orgId, orgId)),
    await db
      .select({ id: dealListItems.id, name: dealListItems.name })
      .from(dealListItems)
      .where(eq(dealListItems.orgId, orgId)),
    await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.orgId, orgId)),
    await db
      .select({ id: branches.id, name: branches.name })
      .from(branches)
      .where(eq(branches.orgId, orgId)),
  ];
  return {
    pipeline: byId(pipelineRows),
    stage: byId(stageRows),
    item: byId(itemRows),
    group: byId(groupRows),
    branch: byId(branchRows),
  };
}

/** Minor units as a plain decimal in the currency's own exponent ("1250.00" SEK, "1250" JPY). */
function major(amount: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (amount / 10 ** digits).toFixed(digits);
}

const HEADERS = [
  'Title',
  'Person',
  'Company',
  'Amount',
  'Currency',
  'Weighted amount',
  'Probability %',
  'Pipeline',
  'Stage',
  'State',
  'Expected close date',
  'Owner',
  'Group',
  'Branch',
  'Type',
  'Lost reason',
  'Lost comment',
  'Closed',
  'Created',
];

const PAGE = 1000;

/** The whole filtered, sorted list as CSV, read in keyset batches (memory stays bounded). */
export async function exportDeals(db: Db, actor: Actor, query: ExportQuery, now: Date) {
  assertCan(actor, 'deals.read');
  const { where, timezone } = await listWhere(db, actor, query);
  const names = await exportNames(db, actor.orgId);
  const name = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? '') : '');
  const day = (d: Date | string | null) =>
    d === null ? '' : clubDate(typeof d === 'string' ? new Date(d) : d, timezone);
  const row = (d: Deal) =>
    [
      d.title,
      d.person?.name ?? '',
      d.company?.name ?? '',
      major(d.amount, d.currency),
      d.currency,
      major(Math.round((d.amount * d.probability) / 100), d.currency),
      String(d.probability),
      name(names.pipeline, d.pipelineId),
      name(names.stage, d.stageId),
      d.state,
      d.expectedCloseDate ?? '',
      d.owner?.name ?? '',
      name(names.group, d.groupId),
      name(names.branch, d.branchId),
      name(names.item, d.typeId),
      name(names.item, d.lostReasonId),
      d.lostComment,
      day(d.closedAt),
      day(d.createdAt),
    ].map(neutralize);

  async function* csv() {
    // The BOM makes Excel read the file as UTF-8 (å, ä, ö, Cyrillic).
    yield `\uFEFF${Papa.unparse([HEADERS])}\r\n`;
    let cursor: { key: string; id: string } | undefined;
    for (;;) {
      const rows = await listDealPage(db, actor.orgId, where, query.sort as DealSort, PAGE, cursor);
      if (rows.length === 0) return;
      yield `${Papa.unparse(rows.map((r) => row(viewToDto(r))))}\r\n`;
      const last = rows.at(-1)!;
      if (rows.length < PAGE) return;
      cursor = { key: last.cursorKey, id: last.deal.id };
    }
  }
  return {
    fileName: `deals-${clubDate(now, timezone)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: Readable.from(csv()),
  };
}
