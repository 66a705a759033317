import type { CustomField, Import, Status } from '@spotter/contracts';
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactHistory, contacts, imports } from '../../schema.ts';
import {
  createOrg,
  createStaff,
  createTestApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { jobs, runDueJobs } from '../jobs/index.ts';
import { BATCH_SIZE } from './import-batch.ts';
import { importJobs, processImport } from './import-worker.ts';

const csvHeaders = { 'content-type': 'text/csv' };

async function upload(
  client: Client,
  csv: string | Buffer,
  query = 'kind=person&fileName=members.csv',
) {
  return client.request('POST', `/api/imports?${query}`, undefined, {
    payload: csv,
    headers: csvHeaders,
  });
}

async function uploadOk(client: Client, csv: string, query?: string) {
  const res = await upload(client, csv, query);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Import>();
}

const FINAL = new Set(['validated', 'done', 'failed']);

/** Polls like the wizard does; `seen` collects the progress along the way. */
async function waitFor(client: Client, id: string, seen: number[] = [], timeoutMs = 90_000) {
  const start = Date.now();
  for (;;) {
    const res = await client.request('GET', `/api/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const imp = res.json<Import>();
    seen.push(imp.processedRows);
    if (FINAL.has(imp.status)) return imp;
    if (Date.now() - start > timeoutMs) throw new Error(`import still ${imp.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function run(client: Client, imp: Import, body: Record<string, unknown> = {}) {
  const res = await client.request('POST', `/api/imports/${imp.id}/run`, {
    mapping: imp.mapping,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitFor(client, imp.id);
}

describe('imports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const personCount = async (orgId: string) => {
    const [row] = await t.database.db
      .select({ n: count() })
      .from(contacts)
      .where(
        and(eq(contacts.orgId, orgId), eq(contacts.kind, 'person'), isNull(contacts.deletedAt)),
      );
    return row!.n;
  };
  const persons = (orgId: string) =>
    t.database.db
      .select()
      .from(contacts)
      .where(and(eq(contacts.orgId, orgId), eq(contacts.kind, 'person')))
      .orderBy(asc(contacts.createdAt), asc(contacts.sortName));

  it('reads the header, a sample and suggests a mapping in any of the five languages', async () => {
    const org = await createOrg(t.app);
    const csv =
      '\uFEFFFörnamn;Efternamn;Telefon;E-post;Status;Okänd\n' +
      'Anna;Berg;070-123 45 67;anna@example.test;Kund;x\n' +
      'Erik;Lund;0701234568;erik@example.test;;y\n';
    const imp = await uploadOk(org.owner, csv, 'kind=person&fileName=medlemmar.csv');
    expect(imp).toMatchObject({
      status: 'uploaded',
      fileName: 'medlemmar.csv',
      headers: ['Förnamn', 'Efternamn', 'Telefon', 'E-post', 'Status', 'Okänd'],
      totalRows: 2,
      mapping: {
        Förnamn: 'firstName',
        Efternamn: 'lastName',
        Telefon: 'phone',
        'E-post': 'email',
        Status: 'status',
        Okänd: 'skip',
      },
    });
    expect(imp.sample[0]).toEqual([
      'Anna',
      'Berg',
      '070-123 45 67',
      'anna@example.test',
      'Kund',
      'x',
    ]);

    const ru = await uploadOk(org.owner, 'Имя\tФамилия\tТелефон\nИван\tПетров\t+79161234567\n');
    expect(ru.mapping).toEqual({ Имя: 'firstName', Фамилия: 'lastName', Телефон: 'phone' });
    const pl = await uploadOk(org.owner, 'Imię,Nazwisko,Telefon\nJan,Kowalski,600100200\n');
    expect(pl.mapping).toEqual({ Imię: 'firstName', Nazwisko: 'lastName', Telefon: 'phone' });
  });

  it('refuses an empty file, a file without a header, binary data and too many rows', async () => {
    const org = await createOrg(t.app);
    const cases: Array<[string | Buffer, string]> = [
      ['', 'empty_file'],
      ['\n\n  \n', 'empty_file'],
      ['Name,Phone\n', 'empty_file'],
      ['anna@example.test,0701234567\nerik@example.test,0701234568\n', 'no_header'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'not_text'],
      [`Phone\n${'1\n'.repeat(200_001)}`, 'too_many_rows'],
    ];
    for (const [body, code] of cases) {
      const res = await upload(org.owner, body);
      expect({ code, status: res.statusCode }).toEqual({ code, status: 400 });
      expect(res.json()).toMatchObject({ code, fields: { file: expect.any(String) } });
    }
    const json = await org.owner.request('POST', '/api/imports', { a: 1 });
    expect(json.statusCode).toBe(415);
  });

  it('a dry run reports bad cells by line as warnings and writes nothing', async () => {
    const org = await createOrg(t.app);
    const csv = [
      'First name,Last name,Email,Status,Tags',
      'Anna,Berg,anna@example.test,Customer,Trial',
      'Erik,Lund,not-an-email,Prospect,',
      'Sara,Holm,sara@example.test,,Family',
      'Olle,Ek,olle@example.test,Gold,',
      'Maja,Nord,maja@example.test,customer,',
    ].join('\n');
    const imp = await uploadOk(org.owner, csv);
    const before = await personCount(org.orgId);
    const done = await run(org.owner, imp, { dryRun: true });
    expect(done).toMatchObject({
      status: 'validated',
      dryRun: true,
      processedRows: 5,
      created: 5,
      failed: 0,
      warned: 2,
      errorCount: 2,
    });
    expect(done.errors).toMatchObject([
      {
        record: 2,
        line: 3,
        column: 'Email',
        severity: 'warning',
        message: "Invalid email 'not-an-email'",
        code: 'invalid_email',
        params: { value: 'not-an-email' },
      },
      {
        record: 4,
        line: 5,
        column: 'Status',
        severity: 'warning',
        message: "Unknown status 'Gold'",
        code: 'unknown_status',
        params: { value: 'Gold' },
      },
    ]);
    expect(await personCount(org.orgId)).toBe(before);
    const tags = await org.owner.request('GET', '/api/settings/tags');
    expect(tags.json<{ items: unknown[] }>().items).toHaveLength(0);

    // The same file for real: every row lands, without its bad cells, with (new) tags.
    const real = await run(org.owner, imp, { dryRun: false });
    expect(real).toMatchObject({ status: 'done', created: 5, failed: 0, warned: 2 });
    const rows = await persons(org.orgId);
    expect(rows.map((r) => r.displayName).sort()).toEqual([
      'Anna Berg',
      'Erik Lund',
      'Maja Nord',
      'Olle Ek',
      'Sara Holm',
    ]);
    expect(rows.find((r) => r.firstName === 'Erik')!.emailKeys).toEqual([]);
    expect(rows.find((r) => r.firstName === 'Olle')!.statusId).toBeNull();
    const statuses = (await org.owner.request('GET', '/api/settings/statuses?entity=person')).json<{
      items: Status[];
    }>().items;
    const customer = statuses.find((s) => s.name === 'Customer')!;
    expect(rows.find((r) => r.firstName === 'Maja')!.statusId).toBe(customer.id);
    const tagNames = (await org.owner.request('GET', '/api/settings/tags')).json<{
      items: Array<{ id: string; name: string }>;
    }>().items;
    expect(tagNames.map((x) => x.name).sort()).toEqual(['Family', 'Trial']);
    const anna = rows.find((r) => r.firstName === 'Anna')!;
    expect(anna.tagIds).toEqual([tagNames.find((x) => x.name === 'Trial')!.id]);
    const history = await t.database.db
      .select()
      .from(contactHistory)
      .where(eq(contactHistory.contactId, anna.id));
    expect(history).toMatchObject([{ event: 'imported', data: { importId: imp.id, line: 2 } }]);

    // A finished import cannot run twice.
    const again = await org.owner.request('POST', `/api/imports/${imp.id}/run`, {
      mapping: imp.mapping,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_imported');
  });

  it('checks the mapping before queueing a run', async () => {
    const org = await createOrg(t.app);
    const imp = await uploadOk(org.owner, 'Note,Phone\nhello,0701234567\n');
    const cases: Array<[Record<string, string>, string]> = [
      [{ Note: 'note', Nope: 'phone' }, 'mapping.Nope'],
      [{ Note: 'note', Phone: 'shoeSize' }, 'mapping.Phone'],
      [{ Note: 'phone', Phone: 'phone' }, 'mapping.Phone'],
      [{ Note: 'note', Phone: 'skip' }, 'mapping'],
      [{ Note: 'cf:00000000-0000-4000-8000-000000000000' }, 'mapping.Note'],
    ];
    for (const [mapping, field] of cases) {
      const res = await org.owner.request('POST', `/api/imports/${imp.id}/run`, { mapping });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(res.json<{ fields: object }>().fields)).toEqual([field]);
    }
    expect((await org.owner.request('GET', `/api/imports/${imp.id}`)).json<Import>().status).toBe(
      'uploaded',
    );
  });

  it('handles duplicates by phone or email: skip, update or create', async () => {
    const org = await createOrg(t.app);
    const first = await uploadOk(
      org.owner,
      'First name,Last name,Phone,Email,City\nAnna,Berg,070-111 22 33,,\nErik,,,erik@example.test,Malmö\n',
    );
    await run(org.owner, first);
    expect(await personCount(org.orgId)).toBe(2);
    const file =
      'First name,Last name,Phone,Email,City,Tags\n' +
      'Anna,Bergström,+46701112233,anna@example.test,Lund,VIP\n' +
      'Erik,Lund,0709998877,ERIK@example.test,Uppsala,\n' +
      'Nils,New,0705554433,,,\n' +
      'Nils,,0705554433,nils@example.test,,\n';

    const skip = await run(org.owner, await uploadOk(org.owner, file), { duplicateMode: 'skip' });
    expect(skip).toMatchObject({ created: 1, skipped: 3, updated: 0, failed: 0 });
    expect(await personCount(org.orgId)).toBe(3);

    const update = await run(org.owner, await uploadOk(org.owner, file), {
      duplicateMode: 'update',
    });
    expect(update).toMatchObject({ created: 0, skipped: 0, updated: 4, failed: 0 });
    expect(await personCount(org.orgId)).toBe(3);
    const rows = await persons(org.orgId);
    const anna = rows.find((r) => r.firstName === 'Anna')!;
    // Fills and adds, never blanks or overwrites.
    expect(anna).toMatchObject({ lastName: 'Berg', emailKeys: ['anna@example.test'] });
    expect(anna.phoneKeys).toEqual(['+46701112233']);
    expect(anna.address).toMatchObject({ city: 'Lund' });
    expect(anna.tagIds).toHaveLength(1);
    expect(anna.version).toBe(2);
    const erik = rows.find((r) => r.firstName === 'Erik')!;
    expect(erik).toMatchObject({ lastName: 'Lund', phoneKeys: ['+46709998877'] });
    expect(erik.address).toMatchObject({ city: 'Malmö' });
    const nils = rows.find((r) => r.firstName === 'Nils')!;
    expect(nils.emailKeys).toEqual(['nils@example.test']);

    const create = await run(org.owner, await uploadOk(org.owner, file), {
      duplicateMode: 'create',
    });
    expect(create).toMatchObject({ created: 4, skipped: 0, updated: 0 });
    expect(await personCount(org.orgId)).toBe(7);
  });

  it('imports custom fields of all five types and names the field of a wrong value', async () => {
    const org = await createOrg(t.app);
    const field = async (body: object) => {
      const res = await org.owner.request('POST', '/api/settings/custom-fields', {
        entity: 'person',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<CustomField>();
    };
    const shoe = await field({ name: 'Shoe size', type: 'number' });
    const fee = await field({ name: 'Fee', type: 'money' });
    const ends = await field({ name: 'Membership ends', type: 'date' });
    const nick = await field({ name: 'Nickname', type: 'text' });
    const level = await field({
      name: 'Level',
      type: 'dropdown',
      options: [{ name: 'Beginner', abbreviation: 'B' }, { name: 'Advanced' }],
    });
    const targets = (await org.owner.request('GET', '/api/imports/targets?kind=person')).json<{
      items: Array<{ key: string; custom: boolean }>;
    }>();
    expect(targets.items.filter((x) => x.custom).map((x) => x.key)).toEqual(
      [shoe, fee, ends, nick, level].map((f) => `cf:${f.id}`),
    );
    expect(targets.items.map((x) => x.key)).toEqual(
      expect.arrayContaining(['firstName', 'phone', 'status', 'tags', 'consentSms']),
    );

    const csv = [
      'Name,Shoe size,Fee,Membership ends,Nickname,Level,SMS',
      'Anna Berg,38,"1 234,50 kr",31.12.2026,Annie,beginner,ja',
      'Erik Lund,big,100,2026-01-01,,Advanced,no',
      'Sara Holm,40,12.5,2026-02-30,,Expert,maybe',
    ].join('\n');
    const imp = await uploadOk(org.owner, csv);
    expect(imp.mapping).toMatchObject({
      Name: 'fullName',
      'Shoe size': `cf:${shoe.id}`,
      Level: `cf:${level.id}`,
    });
    const mapping = { ...imp.mapping, SMS: 'consentSms' };
    const done = await run(org.owner, { ...imp, mapping });
    expect(done).toMatchObject({ created: 3, failed: 0, warned: 2 });
    expect(done.errors).toMatchObject([
      { line: 3, column: 'Shoe size', message: "Shoe size: not a number ('big')" },
      {
        line: 4,
        column: 'Membership ends',
        message: "Membership ends: invalid date ('2026-02-30')",
      },
      { line: 4, column: 'Level', message: "Level: unknown option 'Expert'" },
      { line: 4, column: 'SMS', message: "Expected yes or no, got 'maybe'" },
    ]);
    const anna = (await persons(org.orgId)).find((r) => r.firstName === 'Anna');
    expect(anna).toMatchObject({ firstName: 'Anna', lastName: 'Berg', consentSms: true });
    expect(anna!.consentSmsSource).toBe('Import: members.csv');
    expect(anna!.custom).toEqual({
      [shoe.id]: 38,
      [fee.id]: 1234.5,
      [ends.id]: '2026-12-31',
      [nick.id]: 'Annie',
      [level.id]: level.options[0]!.id,
    });
  });

  it('imports 50,000 rows in the background with progress', { timeout: 180_000 }, async () => {
    const org = await createOrg(t.app);
    const lines = ['First name,Last name,Phone,Email'];
    for (let i = 0; i < 50_000; i++) {
      const n = String(1_000_000 + i).padStart(7, '0');
      lines.push(`Member${i},Test,070-${n.slice(0, 3)} ${n.slice(3)},m${i}@example.test`);
    }
    const imp = await uploadOk(org.owner, lines.join('\n'));
    expect(imp.totalRows).toBe(50_000);
    const start = await org.owner.request('POST', `/api/imports/${imp.id}/run`, {
      mapping: imp.mapping,
    });
    expect(start.statusCode).toBe(202);
    // Waiting for one of the organization's import slots until its job starts.
    expect(start.json<Import>().status).toBe('queued');
    const seen: number[] = [];
    const done = await waitFor(org.owner, imp.id, seen, 170_000);
    expect(done).toMatchObject({
      status: 'done',
      created: 50_000,
      failed: 0,
      processedRows: 50_000,
    });
    expect(seen.some((n) => n > 0 && n < 50_000)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await personCount(org.orgId)).toBe(50_000);
  });

  it('resumes after a crash from the last finished batch, creating nothing twice', async () => {
    const org = await createOrg(t.app);
    const lines = ['Name,Phone'];
    const rows = BATCH_SIZE + 200;
    for (let i = 0; i < rows; i++) lines.push(`Person ${i},+4670${String(5_000_000 + i)}`);
    lines.push('Again,+46705000001'); // the same phone as row 2: a duplicate within the file
    const imp = await uploadOk(org.owner, lines.join('\n'));
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    // Instance A claimed the import's job (its lease runs two minutes), worked one batch and
    // died: the job stays 'running' on a lease nobody renews.
    await t.database.db
      .update(imports)
      .set({ status: 'running', mapping: imp.mapping })
      .where(eq(imports.id, imp.id));
    const key = `imports.run:${imp.id}`;
    await t.database.db.insert(jobs).values({
      kind: 'imports.run',
      key,
      orgId: org.orgId,
      payload: { importId: imp.id },
      state: 'running',
      runAt: new Date(),
      attempts: 1,
      lockedBy: 'instance-a',
      lockedUntil: later(2),
    });
    expect(await processImport(t.database.db, org.orgId, imp.id, { maxBatches: 1 })).toBe(
      'stopped',
    );
    const mid = (await org.owner.request('GET', `/api/imports/${imp.id}`)).json<Import>();
    expect(mid).toMatchObject({
      status: 'running',
      processedRows: BATCH_SIZE,
      created: BATCH_SIZE,
    });
    expect(await personCount(org.orgId)).toBe(BATCH_SIZE);

    // While the lease holds, no runner (this app's own included) takes the job.
    expect(await runDueJobs(t.database.db, { jobs: importJobs, now: () => later(1) })).toBe(0);
    // Three minutes on, instance A looks dead: the job is claimed again and goes on.
    expect(await runDueJobs(t.database.db, { jobs: importJobs, now: () => later(3) })).toBe(1);
    const [job] = await t.database.db.select().from(jobs).where(eq(jobs.key, key));
    expect(job).toMatchObject({ state: 'done', attempts: 2, lockedBy: null });
    const done = (await org.owner.request('GET', `/api/imports/${imp.id}`)).json<Import>();
    expect(done).toMatchObject({
      status: 'done',
      processedRows: rows + 1,
      created: rows,
      skipped: 1,
    });
    expect(await personCount(org.orgId)).toBe(rows);
    const [distinct] = await t.database.db
      .select({ n: sql<number>`count(distinct ${contacts.phoneKeys})::int` })
      .from(contacts)
      .where(eq(contacts.orgId, org.orgId));
    expect(distinct!.n).toBe(rows);
  });

  it('needs contacts.write, and lists only the organization’s own imports', async () => {
    const org: TestOrg = await createOrg(t.app);
    const instructor = await createStaff(t.app, org, 'instructor');
    const denied = await upload(instructor.client, 'Phone\n0701234567\n');
    expect(denied.statusCode).toBe(403);
    const reception = await createStaff(t.app, org, 'reception');
    const imp = await uploadOk(reception.client, 'Phone\n0701234567\n');
    const list = (await org.owner.request('GET', '/api/imports')).json<{ items: Import[] }>();
    expect(list.items.map((i) => i.id)).toEqual([imp.id]);
    expect((await instructor.client.request('GET', `/api/imports/${imp.id}`)).statusCode).toBe(403);
  });

  it('is invisible and unrunnable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await uploadOk(org.owner, 'Phone\n0701234567\n')).id,
      routes: [
        { method: 'GET', path: '/api/imports/:id' },
        { method: 'POST', path: '/api/imports/:id/run', body: { mapping: { Phone: 'phone' } } },
        {
          method: 'POST',
          path: '/api/imports/:id/run',
          body: { mapping: { Phone: 'phone' }, dryRun: true },
        },
      ],
      lists: ['/api/imports'],
      read: async (org, id) => (await org.owner.request('GET', `/api/imports/${id}`)).json(),
    });
  });
});
