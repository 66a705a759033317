/**
 * The CSV import (C-14) of 100,000 realistic member rows through the API and the real job
 * runner, on the embedded database and on PostgreSQL; prints a Markdown table with rows/s,
 * wall time and peak memory, beside a floor: the same contacts written by one plain
 * multi-row INSERT per 5,000 rows straight into the table.
 *   node --import tsx bench/import.bench.ts
 * Env: BENCH_ROWS (default 100000); BENCH_DB, BENCH_DATABASE_URL, BENCH_KEEP as in
 * bench/support.ts.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Import } from '@spotter/contracts';
import type { Db } from '../apps/server/src/db/client.ts';
import { seededRandom } from '../apps/server/src/features/contacts/contacts-list.fixtures.ts';
import { buildSearchText, normalizePhone } from '../apps/server/src/lib/phones.ts';
import { json, onEngines, signUpClub } from './support.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const FLOOR_BATCH = 5_000;

const FIRST = ['Anna', 'Erik', 'Maja', 'Lars', 'Karin', 'Oskar', 'Elsa', 'Johan', 'Sara', 'Nils'];
const FIRST2 = ['Ida', 'Olof', 'Wilma', 'Hugo', 'Ebba', 'Axel', 'Åsa', 'Märta', 'Björn', 'Göran'];
const LAST = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson'];
const LAST2 = ['Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Lindqvist', 'Berg', 'Öberg'];
const DOMAINS = ['exempel.se', 'post.example', 'klubb.example', 'telia.example'];
const TAGS = ['Barn', 'Vuxen', 'Yoga', 'Dans', 'Nyhetsbrev', 'Prova-på', 'Familj'];
const LEVELS = ['Guld', 'Silver', 'Brons'];

interface Row {
  first: string;
  last: string;
  phone: string;
  email: string;
  status: string;
  tags: string;
  level: string;
}

/** Row i of the file, the same on every run; every phone and email is unique. */
function row(i: number, statuses: string[], r: ReturnType<typeof seededRandom>): Row {
  const first = `${r.pick(FIRST)}${r.int(4) === 0 ? `-${r.pick(FIRST2)}` : ''}`;
  const last = `${r.pick(LAST)}${r.int(5) === 0 ? ` ${r.pick(LAST2)}` : ''}`;
  const digits = String(1_000_000 + i).padStart(7, '0');
  const phone = r.int(2) === 0 ? `070-${digits.slice(0, 3)} ${digits.slice(3)}` : `+4673${digits}`;
  // Most clubs' member emails are plain ASCII; international ones are tested, not timed.
  const local = `${first}.${last}`
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z.-]/g, '');
  const tags = Array.from({ length: r.int(3) }, () => r.pick(TAGS));
  return {
    first,
    last,
    phone,
    email: `${local}.${i}@${r.pick(DOMAINS)}`,
    status: r.pick(statuses),
    tags: [...new Set(tags)].join(', '),
    level: r.int(3) === 0 ? '' : r.pick(LEVELS),
  };
}

const HEADER = 'Förnamn;Efternamn;Mobil;E-post;Status;Taggar;Medlemskap';

/** The file as a spreadsheet in Sweden saves it: BOM, semicolons, CRLF. */
function generateCsv(statuses: string[]): Buffer {
  const r = seededRandom(10);
  const lines = [`\uFEFF${HEADER}`];
  for (let i = 0; i < ROWS; i++) {
    const x = row(i, statuses, r);
    lines.push([x.first, x.last, x.phone, x.email, x.status, x.tags, x.level].join(';'));
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Peak RSS and heap while `work` runs, sampled every 20 ms. */
async function withMemory<T>(work: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let rss = before.rss;
  let heap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  try {
    const result = await work();
    return {
      result,
      rssBefore: before.rss,
      rssPeak: rss,
      heapBefore: before.heapUsed,
      heapPeak: heap,
    };
  } finally {
    clearInterval(timer);
  }
}

async function waitDone(app: FastifyInstance, cookie: string, id: string): Promise<Import> {
  for (;;) {
    const imp = await json<Import>(app, cookie, 'GET', `/api/imports/${id}`);
    if (imp.status === 'validated' || imp.status === 'done' || imp.status === 'failed') return imp;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface FloorRefs {
  orgId: string;
  /** By lower-case name, as the file has them. */
  statuses: Map<string, string>;
  tags: Map<string, string>;
  fieldId: string;
  options: Map<string, string>;
}

const FLOOR_COLUMNS =
  'id uuid, org_id uuid, kind text, first_name text, last_name text, display_name text, ' +
  'sort_name text, phones jsonb, emails jsonb, phone_keys text[], email_keys text[], ' +
  'search_text text, status_id uuid, tag_ids uuid[], custom jsonb';

/**
 * The floor: the same persons, derived columns and all, written by one plain
 * INSERT … SELECT FROM jsonb_to_recordset per 5,000 rows with nothing else (no history, no
 * checks, no progress). Only the statements are timed, not making the rows.
 */
async function floor(db: Db, refs: FloorRefs, statusNames: string[]) {
  const r = seededRandom(10);
  let ms = 0;
  for (let from = 0; from < ROWS; from += FLOOR_BATCH) {
    const records = [];
    for (let i = from; i < Math.min(from + FLOOR_BATCH, ROWS); i++) {
      const x = row(i, statusNames, r);
      const number = normalizePhone(x.phone, 'SE').number;
      const displayName = `${x.first} ${x.last}`;
      const email = { email: x.email, label: 'personal' };
      records.push({
        id: randomUUID(),
        org_id: refs.orgId,
        kind: 'person',
        first_name: x.first,
        last_name: x.last,
        display_name: displayName,
        sort_name: displayName.toLowerCase(),
        phones: [{ number, valid: true, label: 'mobile' }],
        emails: [email],
        phone_keys: [number],
        email_keys: [x.email],
        search_text: buildSearchText(
          {
            displayName,
            firstName: x.first,
            lastName: x.last,
            phones: [{ number }],
            emails: [email],
          },
          'SE',
        ),
        status_id: refs.statuses.get(x.status.toLowerCase()),
        tag_ids: x.tags ? x.tags.split(', ').map((t) => refs.tags.get(t.toLowerCase())) : [],
        custom: x.level ? { [refs.fieldId]: refs.options.get(x.level.toLowerCase()) } : {},
      });
    }
    const t0 = performance.now();
    await db.execute(sql`
      insert into contacts (${sql.raw(FLOOR_COLUMNS.replace(/ [a-z[\]]+(,|$)/g, '$1'))})
      select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
        as x(${sql.raw(FLOOR_COLUMNS)})`);
    ms += performance.now() - t0;
  }
  return ms;
}

/** Generates and uploads the file; only the stored copy outlives this function. */
async function upload(app: FastifyInstance, cookie: string, statuses: Array<{ name: string }>) {
  const file = generateCsv(statuses.map((s) => s.name));
  const uploaded = await app.inject({
    method: 'POST',
    url: '/api/imports?kind=person&fileName=medlemmar.csv',
    headers: { cookie, 'content-type': 'text/csv' },
    payload: file,
  });
  if (uploaded.statusCode !== 201) throw new Error(`upload: ${uploaded.body}`);
  return { imp: uploaded.json<Import>(), fileBytes: file.length };
}

interface Outcome {
  database: string;
  dryRunMs: number;
  importMs: number;
  floorMs: number;
  rssBefore: number;
  rssPeak: number;
  heapPeak: number;
  fileBytes: number;
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)}`;
const perSecond = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString('en');

async function bench(app: FastifyInstance, db: Db, label: string): Promise<Outcome[]> {
  const { cookie, orgId } = await signUpClub(app);
  const statuses = (
    await json<{ items: Array<{ id: string; name: string }> }>(
      app,
      cookie,
      'GET',
      '/api/settings/statuses?entity=person',
    )
  ).items;
  const field = await json<{ id: string; options: Array<{ id: string; name: string }> }>(
    app,
    cookie,
    'POST',
    '/api/settings/custom-fields',
    {
      entity: 'person',
      name: 'Medlemskap',
      type: 'dropdown',
      options: LEVELS.map((name) => ({ name })),
    },
  );
  const { imp, fileBytes } = await upload(app, cookie, statuses);
  const mapping = {
    Förnamn: 'firstName',
    Efternamn: 'lastName',
    Mobil: 'phone',
    'E-post': 'email',
    Status: 'status',
    Taggar: 'tags',
    Medlemskap: `cf:${field.id}`,
  };
  const runOnce = async (dryRun: boolean) => {
    const t0 = performance.now();
    await json(app, cookie, 'POST', `/api/imports/${imp.id}/run`, { mapping, dryRun });
    const done = await waitDone(app, cookie, imp.id);
    const ms = performance.now() - t0;
    const expected = dryRun ? 'validated' : 'done';
    if (done.status !== expected || done.created !== ROWS || done.errorCount !== 0) {
      throw new Error(
        `import ended ${done.status}: ${done.created} created, ${done.errorCount} problems: ` +
          JSON.stringify(done.errors.slice(0, 3)),
      );
    }
    return ms;
  };
  const dryRunMs = await runOnce(true);
  console.error(`${label}: dry run ${perSecond(dryRunMs)} rows/s`);
  const measured = await withMemory(() => runOnce(false));
  console.error(`${label}: import ${perSecond(measured.result)} rows/s`);

  // The floor writes the same rows again into the same club, so into a table of that size.
  const byName = (items: Array<{ id: string; name: string }>) =>
    new Map(items.map((i) => [i.name.toLowerCase(), i.id]));
  const tags = await json<{ items: Array<{ id: string; name: string }> }>(
    app,
    cookie,
    'GET',
    '/api/settings/tags',
  );
  const refs: FloorRefs = {
    orgId,
    statuses: byName(statuses),
    tags: byName(tags.items),
    fieldId: field.id,
    options: byName(field.options),
  };
  const floorMs = await floor(
    db,
    refs,
    statuses.map((s) => s.name),
  );
  console.error(`${label}: floor ${perSecond(floorMs)} rows/s`);
  return [
    {
      database: label,
      dryRunMs,
      importMs: measured.result,
      floorMs,
      rssBefore: measured.rssBefore,
      rssPeak: measured.rssPeak,
      heapPeak: measured.heapPeak,
      fileBytes,
    },
  ];
}

async function main() {
  const results = await onEngines('import', (app, database, label) =>
    bench(app, database.db, label),
  );
  console.log(
    `\n${ROWS.toLocaleString('en')} rows (${mb(results[0]?.fileBytes ?? 0)} MB CSV), ` +
      `${os.cpus().length} CPUs, Node ${process.version}\n`,
  );
  console.log(
    '| database | dry run rows/s | import rows/s | import wall s | floor rows/s | import : floor | RSS before → peak MB | peak heap MB |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.database} | ${perSecond(r.dryRunMs)} | ${perSecond(r.importMs)} | ` +
        `${(r.importMs / 1000).toFixed(1)} | ${perSecond(r.floorMs)} | ` +
        `${(r.floorMs / r.importMs).toFixed(2)} | ${mb(r.rssBefore)} → ${mb(r.rssPeak)} | ` +
        `${mb(r.heapPeak)} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
