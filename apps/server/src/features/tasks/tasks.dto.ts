import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { GuardianRef, RoundProgress, Task, TaskContact } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { dueStateOf, type BoardBounds } from '../../lib/club-time.ts';
import { phoneDisplay } from '../../lib/phones.ts';
import { contacts, primaryGuardians } from '../contacts/index.ts';
import { taskResults, taskStatuses, taskTemplates } from '../task-settings/index.ts';
import { userNames } from '../users/index.ts';
import { tasks } from './tasks.table.ts';
import type { TaskRow } from './tasks.repo.ts';

interface Coloured {
  id: string;
  name: string;
  color: string;
  background: string;
}

/** Everything a page of tasks shows beyond its own rows, loaded once for the whole page. */
export interface TaskRefs {
  userNames: ReadonlyMap<string, string>;
  contacts: ReadonlyMap<string, TaskContact>;
  templates: ReadonlyMap<string, Coloured>;
  statuses: ReadonlyMap<string, Coloured>;
  results: ReadonlyMap<string, Coloured>;
  /** By the id of the task whose result created it. */
  next: ReadonlyMap<string, NonNullable<Task['next']>>;
  rounds: ReadonlyMap<string, RoundProgress>;
}

const unique = (ids: Array<string | null>) => [...new Set(ids.filter((i): i is string => !!i))];

type ColouredTable = typeof taskTemplates | typeof taskStatuses | typeof taskResults;

async function colouredById(db: Db, table: ColouredTable, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, Coloured>();
  const rows: Coloured[] = await db
    .select({ id: table.id, name: table.name, color: table.color, background: table.background })
    .from(table)
    .where(and(eq(table.orgId, orgId), inArray(table.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

async function taskContacts(db: Db, orgId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, TaskContact>();
  const rows = await db
    .select({
      id: contacts.id,
      kind: contacts.kind,
      name: contacts.displayName,
      phones: contacts.phones,
      emails: contacts.emails,
      responsibleId: contacts.responsibleId,
    })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), inArray(contacts.id, ids)));
  // A task about a minor shows and dials their primary guardian (issue 17).
  const personIds = rows.filter((r) => r.kind === 'person').map((r) => r.id);
  const { guardians } = personIds.length
    ? await primaryGuardians(db, orgId, personIds, new Date())
    : { guardians: new Map<string, GuardianRef>() };
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        kind: r.kind,
        name: r.name,
        phone: r.phones[0]?.number ?? null,
        phoneDisplay: phoneDisplay(r.phones[0]?.number ?? null),
        email: r.emails[0]?.email ?? null,
        responsibleId: r.responsibleId,
        guardian: guardians.get(r.id) ?? null,
      },
    ]),
  );
}

/** The tasks the page's results created (workflow chain: "next step"). */
async function nextSteps(db: Db, orgId: string, ids: string[]) {
  const out = new Map<string, NonNullable<Task['next']>>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: tasks.id,
      previousId: tasks.previousId,
      name: taskTemplates.name,
      dueAt: tasks.dueAt,
    })
    .from(tasks)
    .innerJoin(
      taskTemplates,
      and(eq(taskTemplates.orgId, tasks.orgId), eq(taskTemplates.id, tasks.templateId)),
    )
    .where(and(eq(tasks.orgId, orgId), inArray(tasks.previousId, ids)))
    .orderBy(asc(tasks.createdAt), asc(tasks.id));
  for (const r of rows) {
    if (r.previousId && !out.has(r.previousId)) {
      out.set(r.previousId, { id: r.id, name: r.name, dueAt: r.dueAt?.toISOString() ?? null });
    }
  }
  return out;
}

/** Per round: calls in it, calls done, and how many ended with each result. */
async function roundCounts(db: Db, orgId: string, roundIds: string[]) {
  if (roundIds.length === 0) return [];
  return db
    .select({
      parentId: tasks.parentId,
      resultId: tasks.resultId,
      total: count(),
      done: count(tasks.completedAt),
    })
    .from(tasks)
    .where(and(eq(tasks.orgId, orgId), inArray(tasks.parentId, roundIds)))
    .groupBy(tasks.parentId, tasks.resultId);
}

/** Seven queries at most, whatever the page size. */
export async function loadTaskRefs(db: Db, orgId: string, rows: TaskRow[]): Promise<TaskRefs> {
  const roundIds = rows.filter((r) => r.type === 'round').map((r) => r.id);
  const [names, contactMap, templates, statuses, next, counts] = await Promise.all([
    userNames(
      db,
      orgId,
      unique(rows.flatMap((r) => [r.assigneeId, r.creatorId, r.takenById, r.completedById])),
    ),
    taskContacts(db, orgId, unique(rows.map((r) => r.contactId))),
    colouredById(db, taskTemplates, orgId, unique(rows.map((r) => r.templateId))),
    colouredById(db, taskStatuses, orgId, unique(rows.map((r) => r.statusId))),
    nextSteps(
      db,
      orgId,
      rows.map((r) => r.id),
    ),
    roundCounts(db, orgId, roundIds),
  ]);
  const results = await colouredById(
    db,
    taskResults,
    orgId,
    unique([...rows.map((r) => r.resultId), ...counts.map((c) => c.resultId)]),
  );
  const rounds = new Map<string, RoundProgress>();
  for (const id of roundIds) rounds.set(id, { total: 0, done: 0, tally: [] });
  for (const c of counts) {
    const round = rounds.get(c.parentId!);
    if (!round) continue;
    round.total += c.total;
    round.done += c.done;
    const result = c.resultId ? results.get(c.resultId) : undefined;
    if (result && c.done > 0) round.tally.push({ ...result, count: c.done });
  }
  for (const round of rounds.values())
    round.tally.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { userNames: names, contacts: contactMap, templates, statuses, results, next, rounds };
}

function ref(id: string | null, names: ReadonlyMap<string, string>) {
  return id ? { id, name: names.get(id) ?? '' } : null;
}

export function toTaskDto(row: TaskRow, refs: TaskRefs, bounds: BoardBounds): Task {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    type: row.type,
    template: refs.templates.get(row.templateId) ?? {
      id: row.templateId,
      name: '',
      color: '#1f2937',
      background: '#e5e7eb',
    },
    contact: row.contactId ? (refs.contacts.get(row.contactId) ?? null) : null,
    assignee: ref(row.assigneeId, refs.userNames),
    creator: ref(row.creatorId, refs.userNames),
    comment: row.comment,
    dueAt: iso(row.dueAt),
    remindAt: iso(row.remindAt),
    dueState: row.completedAt ? null : dueStateOf(row.dueAt, bounds),
    status: row.statusId ? (refs.statuses.get(row.statusId) ?? null) : null,
    takenBy: ref(row.takenById, refs.userNames),
    takenAt: iso(row.takenAt),
    result: row.resultId ? (refs.results.get(row.resultId) ?? null) : null,
    resultFields: row.resultFields,
    resultComment: row.resultComment,
    completedAt: iso(row.completedAt),
    completedBy: ref(row.completedById, refs.userNames),
    parentId: row.parentId,
    previousId: row.previousId,
    next: refs.next.get(row.id) ?? null,
    round: refs.rounds.get(row.id) ?? null,
    branchId: row.branchId,
    private: row.private,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function toTaskDtos(db: Db, orgId: string, rows: TaskRow[], bounds: BoardBounds) {
  const refs = await loadTaskRefs(db, orgId, rows);
  return rows.map((r) => toTaskDto(r, refs, bounds));
}
