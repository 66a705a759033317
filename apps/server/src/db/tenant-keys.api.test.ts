import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp } from '../../test/test-app.ts';
import { pgErrorCode } from '../lib/errors.ts';
import type { Db } from './client.ts';
import { findTenantKeyProblems } from './tenant-keys.ts';

const t = useTestApp({ config: { signup: 'open' } });

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back, and returns its result. */
async function rolledBack<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const box: { result?: T } = {};
  await db
    .transaction(async (tx) => {
      box.result = await work(tx);
      throw new Rollback();
    })
    .catch((err: unknown) => {
      if (!(err instanceof Rollback)) throw err;
    });
  return box.result as T;
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const failureOf = (query: Promise<unknown>) =>
  query.then(
    () => undefined,
    (err: unknown) => err,
  );

async function idOf(db: Db, query: SQL): Promise<string> {
  const [row] = await rows<{ id: string }>(db, query);
  if (!row) throw new Error('no row');
  return row.id;
}

describe('tenant keys in the catalog (decision 0006)', () => {
  it('every table has org_id or an explained exception, and every key includes it', async () => {
    expect(await findTenantKeyProblems(t.database.db)).toEqual([]);
  });

  it('reports a table whose keys or foreign keys leave org_id out', async () => {
    const problems = await rolledBack(t.database.db, async (tx) => {
      await tx.execute(sql`create table scratch_global (id uuid primary key)`);
      await tx.execute(sql`create table scratch_parents (
        org_id uuid not null references organizations (id), id uuid primary key, code text,
        unique (id, org_id))`);
      await tx.execute(sql`create unique index scratch_parents_code on scratch_parents (code)`);
      await tx.execute(sql`create table scratch_children (
        org_id uuid not null references organizations (id), id uuid not null,
        parent_id uuid references scratch_parents (id),
        other_id uuid,
        primary key (org_id, id),
        constraint scratch_children_other_fk foreign key (org_id, other_id)
          references scratch_parents (id, org_id))`);
      await tx.execute(sql`create table scratch_notes (
        org_id uuid not null references organizations (id), id uuid not null, child_id uuid,
        primary key (org_id, id),
        constraint scratch_notes_child_fk foreign key (org_id, child_id)
          references scratch_children (org_id, id) on delete set null)`);
      await tx.execute(sql`create table scratch_loose (org_id uuid, id uuid,
        primary key (org_id, id))`);
      return findTenantKeyProblems(tx);
    });
    expect(problems).toEqual([
      'scratch_children: foreign key scratch_children_other_fk pairs org_id with scratch_parents.id instead of its org_id',
      'scratch_children: foreign key scratch_children_parent_id_fkey lacks org_id',
      'scratch_global: has no org_id and is not on the list of exceptions',
      'scratch_loose: org_id does not reference organizations',
      'scratch_notes: foreign key scratch_notes_child_fk resets org_id on delete: name the column, e.g. ON DELETE SET NULL (x_id)',
      'scratch_parents: primary key scratch_parents_pkey lacks org_id',
      'scratch_parents: unique index scratch_parents_code lacks org_id',
    ]);
  });

  it('PostgreSQL refuses a task of one organization that points at a template of another', async () => {
    const db = t.database.db;
    const a = await createOrg(t.app);
    const b = await createOrg(t.app);
    const templateOf = (orgId: string) =>
      idOf(db, sql`select id from task_templates where org_id = ${orgId} limit 1`);
    const insertTask = (tx: Db, templateId: string) =>
      tx.execute(sql`insert into tasks (org_id, type, template_id)
                     values (${a.orgId}, 'client', ${templateId})`);

    // The same statement with a's own template is fine: only the other organization is refused.
    const ownTemplate = await templateOf(a.orgId);
    await rolledBack(db, (tx) => insertTask(tx, ownTemplate));
    const refused = await failureOf(insertTask(db, await templateOf(b.orgId)));
    expect(pgErrorCode(refused)).toBe('23503');

    const theirContact = await idOf(
      db,
      sql`insert into contacts (org_id, kind, display_name, sort_name)
          values (${b.orgId}, 'person', 'Bea', 'bea') returning id`,
    );
    const history = sql`insert into contact_history (org_id, contact_id, event)
                        values (${a.orgId}, ${theirContact}, 'note')`;
    expect(pgErrorCode(await failureOf(db.execute(history)))).toBe('23503');
  });

  it('deleting a company clears its persons’ company and keeps their org_id', async () => {
    const org = await createOrg(t.app);
    const person = await rolledBack(t.database.db, async (tx) => {
      const company = await idOf(
        tx,
        sql`insert into contacts (org_id, kind, name, display_name, sort_name)
            values (${org.orgId}, 'company', 'Acme', 'Acme', 'acme') returning id`,
      );
      const personId = await idOf(
        tx,
        sql`insert into contacts (org_id, kind, display_name, sort_name, company_id)
            values (${org.orgId}, 'person', 'Per', 'per', ${company}) returning id`,
      );
      await tx.execute(sql`delete from contacts where org_id = ${org.orgId} and id = ${company}`);
      return rows<{ org_id: string; company_id: string | null }>(
        tx,
        sql`select org_id, company_id from contacts where id = ${personId}`,
      );
    });
    expect(person).toEqual([{ org_id: org.orgId, company_id: null }]);
  });
});
