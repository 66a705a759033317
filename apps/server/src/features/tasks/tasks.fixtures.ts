/**
 * Task settings written straight to their tables, so the task tests do not depend on the
 * settings API or on which defaults a new organization gets. Names carry a "Fx" prefix: they
 * never collide with seeded defaults. Not used by the app.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { NextStep, ResultField } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contacts, personRelations } from '../contacts/index.ts';
import { lookups } from '../contact-settings/index.ts';
import {
  taskDictionaries,
  taskResults,
  taskStatuses,
  taskTemplates,
} from '../task-settings/index.ts';

type TemplateInsert = typeof taskTemplates.$inferInsert;

export interface TaskFixture {
  call: { id: string; name: string };
  round: { id: string; name: string };
  client: { id: string; name: string };
  internal: { id: string; name: string };
  checkPurchase: { id: string; name: string };
  results: { goingToBuy: string; thinking: string; refusal: string; booked: string };
  fields: { purchaseDate: string; reason: string; note: string; budget: string };
  reasons: { far: string; schedule: string; archived: string };
  statuses: { fresh: string; working: string };
}

export interface FixtureOptions {
  /** Who gets "check the purchase" after "going to buy" (seed 004's workflow). */
  assignTo?: NextStep['assignTo'];
  userId?: string | null;
  /** The call template's default due offset. */
  dueOffsetMinutes?: number | null;
  defaultAssigneeId?: string | null;
}

async function template(
  db: Db,
  orgId: string,
  row: Omit<TemplateInsert, 'orgId' | 'color' | 'background'> &
    Partial<Pick<TemplateInsert, 'color' | 'background'>>,
) {
  const [created] = await db
    .insert(taskTemplates)
    .values({ orgId, color: '#1f2937', background: '#e5e7eb', ...row })
    .returning({ id: taskTemplates.id, name: taskTemplates.name });
  return created!;
}

const field = (f: Omit<ResultField, 'dictionaryId'> & { dictionaryId?: string }): ResultField => ({
  dictionaryId: null,
  ...f,
});

export async function seedTaskFixture(
  db: Db,
  orgId: string,
  opts: FixtureOptions = {},
): Promise<TaskFixture> {
  const call = await template(db, orgId, {
    type: 'call',
    name: 'Fx personal call',
    defaultComment: 'Call and offer a trial',
    dueOffsetMinutes: opts.dueOffsetMinutes === undefined ? 60 : opts.dueOffsetMinutes,
    defaultAssigneeId: opts.defaultAssigneeId ?? null,
  });
  const round = await template(db, orgId, {
    type: 'round',
    name: 'Fx call round',
    callTemplateId: call.id,
  });
  const client = await template(db, orgId, { type: 'client', name: 'Fx client task' });
  const internal = await template(db, orgId, { type: 'internal', name: 'Fx internal task' });
  const checkPurchase = await template(db, orgId, {
    type: 'client',
    name: 'Fx check the purchase',
    defaultComment: 'Did they buy?',
    color: '#0b7285',
    background: '#c5f6fa',
  });

  const reasons = { far: randomUUID(), schedule: randomUUID(), archived: randomUUID() };
  const [dictionary] = await db
    .insert(taskDictionaries)
    .values({
      orgId,
      name: 'Fx refusal reasons',
      options: [
        { id: reasons.far, name: 'Too far to travel', archived: false },
        { id: reasons.schedule, name: 'Schedule does not fit', archived: false },
        { id: reasons.archived, name: 'Old reason', archived: true },
      ],
    })
    .returning({ id: taskDictionaries.id });

  const fields = {
    purchaseDate: randomUUID(),
    reason: randomUUID(),
    note: randomUUID(),
    budget: randomUUID(),
  };
  const resultRow = (
    name: string,
    position: number,
    color: string,
    extra: Partial<typeof taskResults.$inferInsert> = {},
  ) => ({ orgId, templateId: call.id, name, position, color, background: '#ffffff', ...extra });
  const rows = await db
    .insert(taskResults)
    .values([
      resultRow('Booked a trial', 0, '#2b8a3e'),
      resultRow('Thinking', 1, '#e67700', {
        fields: [
          field({ id: fields.note, label: 'Note', type: 'text', required: false }),
          field({ id: fields.budget, label: 'Budget', type: 'number', required: false }),
        ],
      }),
      resultRow('Going to buy', 2, '#1971c2', {
        fields: [
          field({ id: fields.purchaseDate, label: 'Purchase date', type: 'date', required: true }),
        ],
        next: {
          templateId: checkPurchase.id,
          offset: { unit: 'days', amount: 2 },
          assignTo: opts.assignTo ?? 'same',
          userId: opts.userId ?? null,
        },
      }),
      resultRow('Refusal', 3, '#c92a2a', {
        fields: [
          field({
            id: fields.reason,
            label: 'Reason',
            type: 'choice',
            required: true,
            dictionaryId: dictionary!.id,
          }),
        ],
      }),
      resultRow('Old result', 4, '#868e96', { archivedAt: new Date() }),
    ])
    .returning({ id: taskResults.id, name: taskResults.name });
  const idOf = (name: string) => rows.find((r) => r.name === name)!.id;

  // Positions below any seeded default's: these are "the first status" of the organization.
  const statusRows = await db
    .insert(taskStatuses)
    .values([
      { orgId, name: 'Fx new', color: '#000000', background: '#dddddd', position: -2 },
      { orgId, name: 'Fx working', color: '#000000', background: '#ffec99', position: -1 },
    ])
    .returning({ id: taskStatuses.id, name: taskStatuses.name });

  return {
    call,
    round,
    client,
    internal,
    checkPurchase,
    results: {
      booked: idOf('Booked a trial'),
      thinking: idOf('Thinking'),
      goingToBuy: idOf('Going to buy'),
      refusal: idOf('Refusal'),
    },
    fields,
    reasons,
    statuses: {
      fresh: statusRows.find((s) => s.name === 'Fx new')!.id,
      working: statusRows.find((s) => s.name === 'Fx working')!.id,
    },
  };
}

/** A live person (or company) row; `searchText` holds the lower-case name like the app's. */
export async function insertPerson(
  db: Db,
  orgId: string,
  patch: Partial<typeof contacts.$inferInsert> & { displayName?: string } = {},
) {
  const name = patch.displayName ?? `Person ${randomUUID().slice(0, 6)}`;
  const [row] = await db
    .insert(contacts)
    .values({
      orgId,
      kind: 'person',
      displayName: name,
      sortName: name.toLowerCase(),
      searchText: name.toLowerCase(),
      ...patch,
    })
    .returning();
  return row!;
}

/** Many persons in one statement (call rounds over thousands). */
export async function insertPersons(
  db: Db,
  orgId: string,
  n: number,
  extra: { branchId?: string | null } = {},
): Promise<void> {
  await db.execute(sql`
    insert into contacts (org_id, kind, display_name, sort_name, search_text, branch_id)
    select ${orgId}::uuid, 'person', 'Round person ' || g, 'round person ' || g,
      'round person ' || g, ${extra.branchId ?? null}::uuid
    from generate_series(1, ${n}::int) as g`);
}

/**
 * Issue 17: `guardianId` becomes a guardian of `childId` (primary unless told), with a
 * 'relation-roles' lookup named `role` made for it when given. Answers the role's id.
 */
export async function linkGuardian(
  db: Db,
  orgId: string,
  guardianId: string,
  childId: string,
  opts: { primary?: boolean; role?: string } = {},
): Promise<string | null> {
  let roleId: string | null = null;
  if (opts.role) {
    const [role] = await db
      .insert(lookups)
      .values({ orgId, kind: 'relation-roles', name: opts.role, scope: 'person' })
      .onConflictDoNothing()
      .returning({ id: lookups.id });
    roleId = role?.id ?? null;
  }
  await db
    .insert(personRelations)
    .values({ orgId, guardianId, childId, roleId, isPrimary: opts.primary ?? true });
  return roleId;
}
