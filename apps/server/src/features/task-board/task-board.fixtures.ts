/**
 * Rows written straight to the tables for the board's tests and benchmark (bench/board.bench.ts):
 * the board only reads tasks, so its tests need no task or settings service. Not used by the app.
 */
import type { Db } from '../../db/client.ts';
import { buildSearchText, normalizePhone } from '../../lib/phones.ts';
import { contacts } from '../contacts/index.ts';
import { taskStatuses, taskTemplates } from '../task-settings/index.ts';
import { tasks } from '../tasks/index.ts';

type TaskInsert = typeof tasks.$inferInsert;

export async function insertTemplate(
  db: Db,
  orgId: string,
  name: string,
  type: TaskInsert['type'] = 'call',
): Promise<string> {
  const [row] = await db
    .insert(taskTemplates)
    .values({ orgId, type, name, color: '#1c7ed6', background: '#e7f5ff' })
    .returning({ id: taskTemplates.id });
  return row!.id;
}

export async function insertStatus(db: Db, orgId: string, name: string): Promise<string> {
  const [row] = await db
    .insert(taskStatuses)
    .values({ orgId, name, color: '#2b8a3e', background: '#ebfbee' })
    .returning({ id: taskStatuses.id });
  return row!.id;
}

/** A person with one Swedish mobile, searchable the way the app writes search_text. */
export async function insertPerson(
  db: Db,
  orgId: string,
  p: { firstName: string; lastName: string; phone: string; email?: string },
): Promise<string> {
  const phone = normalizePhone(p.phone, 'SE');
  const phones = [{ number: phone.number, label: 'mobile' as const, valid: phone.valid }];
  const emails = p.email ? [{ email: p.email, label: 'personal' as const }] : [];
  const displayName = `${p.firstName} ${p.lastName}`;
  const [row] = await db
    .insert(contacts)
    .values({
      orgId,
      kind: 'person',
      firstName: p.firstName,
      lastName: p.lastName,
      displayName,
      sortName: displayName.toLowerCase(),
      phones,
      emails,
      phoneKeys: [phone.number],
      emailKeys: emails.map((e) => e.email),
      searchText: buildSearchText({ ...p, displayName, phones, emails }, 'SE'),
    })
    .returning({ id: contacts.id });
  return row!.id;
}

export type TaskFixture = Partial<TaskInsert> & { orgId: string; templateId: string };

/** Open tasks (type `call` unless told), many per INSERT; returns their ids in order. */
export async function insertTasks(db: Db, rows: TaskFixture[], batch = 1000): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows.slice(i, i + batch).map((r) => ({ type: 'call' as const, ...r }));
    const inserted = await db.insert(tasks).values(values).returning({ id: tasks.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

export async function insertTask(db: Db, row: TaskFixture): Promise<string> {
  const [id] = await insertTasks(db, [row]);
  return id!;
}
