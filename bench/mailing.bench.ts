/**
 * Campaigns (issue 16): a club with BENCH_PERSONS (default 100,000) persons, BENCH_RECIPIENTS
 * (10,000) of them with an email consent, and a local SMTP server (smtp-server, counting only,
 * in a worker thread: bench/smtp-sink.mjs).
 * On each engine (BENCH_DB as in bench/support.ts) it measures
 *  - the audience counts before sending (`POST /api/campaigns/audience`, BENCH_RUNS_AUDIENCE
 *    sequential requests), with their floor: the same one statement alone;
 *  - queuing (`POST /api/campaigns/:id/send` with the rate limit off: the counts, 10,000
 *    recipients in one INSERT … SELECT and their 400 jobs of 25 in one INSERT, in one transaction),
 *    BENCH_SENDS times (each campaign cancelled at once), with its floor: the two INSERTs alone;
 *  - delivery: one more campaign left to the app's own job runner until it is done; messages/s,
 *    with its floor: the same number of mails through one pooled nodemailer transport.
 *   node --import tsx bench/mailing.bench.ts
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createTransport } from 'nodemailer';
import { Worker } from 'node:worker_threads';
import { contactFilterSchema, type Campaign } from '@spotter/contracts';
import type { Db } from '../apps/server/src/db/client.ts';
import { personListCondition } from '../apps/server/src/features/contacts/index.ts';
import { countAudience } from '../apps/server/src/features/mailing/audience.repo.ts';
import { DELIVERY_BATCH } from '../apps/server/src/features/mailing/campaign-start.ts';
import { insertGeneratedPersons, json, onEngines, PERSONS, signUpClub } from './support.ts';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const AUDIENCE_RUNS = Number(process.env.BENCH_RUNS_AUDIENCE ?? 30);
const SENDS = Number(process.env.BENCH_SENDS ?? 5);

interface Row {
  database: string;
  what: string;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95?: number;
  unit: 'ms' | 'msg/s';
}

/** A local SMTP server in a worker thread (bench/smtp-sink.mjs) that takes every mail and counts it. */
async function countingSmtp() {
  const worker = new Worker(new URL('./smtp-sink.mjs', import.meta.url));
  const next = () =>
    new Promise<{ port?: number; received?: number }>((resolve) => worker.once('message', resolve));
  const { port } = await next();
  let received = 0;
  return {
    port: port!,
    /** The count the sink reported last (`refresh` asks it again). */
    received: () => received,
    async refresh() {
      worker.postMessage('count');
      received = (await next()).received ?? 0;
      return received;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await work();
  return [performance.now() - t0, out];
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

async function waitUntilDone(app: FastifyInstance, cookie: string, id: string) {
  for (;;) {
    const c = await json<Campaign>(app, cookie, 'GET', `/api/campaigns/${id}`);
    if (c.state === 'done') return c;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The floor of queuing: the recipients' and the jobs' INSERT … SELECT alone, rolled back. */
async function queueFloor(db: Db, orgId: string): Promise<number> {
  const t0 = performance.now();
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`insert into mail_campaigns (id, org_id, name, channel)
        values ('00000000-0000-4000-8000-000000000001', ${orgId}::uuid, 'floor', 'email')`);
      await tx.execute(sql`insert into mail_recipients (org_id, campaign_id, person_id, address, locale)
        select org_id, '00000000-0000-4000-8000-000000000001', id, emails -> 0 ->> 'email', 'sv'
        from contacts where org_id = ${orgId}::uuid and consent_email and deleted_at is null`);
      // One job per batch of DELIVERY_BATCH recipients, as the app queues them.
      await tx.execute(sql`insert into jobs (kind, key, org_id, payload, run_at)
        select 'floor', 'floor:' || min(person_id::text), ${orgId}::uuid,
          jsonb_build_object('campaignId', '00000000-0000-4000-8000-000000000001',
            'personIds', jsonb_agg(person_id order by person_id)), now()
        from (select person_id, (row_number() over (order by person_id) - 1) / ${DELIVERY_BATCH} as batch
          from mail_recipients where org_id = ${orgId}::uuid
            and campaign_id = '00000000-0000-4000-8000-000000000001') r
        group by batch`);
      throw new Error('rollback');
    })
    .catch((err: unknown) => {
      if (!(err instanceof Error) || err.message !== 'rollback') throw err;
    });
  return performance.now() - t0;
}

/** The floor of delivery: as many mails through one pooled transport, 8 at a time. */
async function deliveryFloor(port: number, count: number): Promise<number> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 5,
    maxMessages: 1000,
  });
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < count) {
        const i = next++;
        await transport.sendMail({
          from: 'club@bench.example',
          to: `p${i}@bench.example`,
          subject: `Hej ${i}`,
          text: 'Första månaden halva priset.',
          html: '<p>Första månaden <strong>halva priset</strong>.</p>',
          headers: { 'List-Unsubscribe': '<http://localhost/api/unsubscribe/x>' },
        });
      }
    }),
  );
  transport.close();
  return (count / (performance.now() - t0)) * 1000;
}

async function run(
  app: FastifyInstance,
  database: { db: Db },
  label: string,
  smtp: Awaited<ReturnType<typeof countingSmtp>>,
): Promise<Row[]> {
  const { db } = database;
  const { cookie, orgId } = await signUpClub(app);
  await insertGeneratedPersons(db, { orgId });
  // The first RECIPIENTS persons by id agreed to marketing email.
  await db.execute(sql`update contacts set consent_email = true where org_id = ${orgId}::uuid
    and id in (select id from contacts where org_id = ${orgId}::uuid order by id limit ${RECIPIENTS})`);
  await db.execute(sql`analyze contacts`);
  const put = await app.inject({
    method: 'PUT',
    url: '/api/mail-settings',
    headers: { cookie },
    payload: {
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      smtpSecurity: 'none',
      smtpUser: null,
      fromName: 'Bench Club',
      fromAddress: 'club@bench.example',
      replyTo: null,
      postalAddress: 'Storgatan 1, Stockholm',
      dkimDomain: null,
      dkimSelector: null,
      version: 0,
    },
  });
  if (put.statusCode !== 200) throw new Error(`mail settings: ${put.body}`);

  // The counts before sending: the API, and the statement alone.
  const audience = { channel: 'email', audience: {} };
  const api: number[] = [];
  const floor: number[] = [];
  const listed = await personListCondition(db, orgId, contactFilterSchema.parse({}));
  for (let i = 0; i < AUDIENCE_RUNS + 3; i++) {
    const [ms, counts] = await timed(() =>
      json<{ reachable: number }>(app, cookie, 'POST', '/api/campaigns/audience', audience),
    );
    if (counts.reachable !== RECIPIENTS) throw new Error(`reachable ${counts.reachable}`);
    const [floorMs] = await timed(() => countAudience(db, orgId, 'email', listed));
    if (i >= 3) {
      api.push(ms);
      floor.push(floorMs);
    }
  }
  api.sort((a, b) => a - b);
  floor.sort((a, b) => a - b);
  const rows: Row[] = [
    {
      database: label,
      what: `audience counts, ${PERSONS.toLocaleString('en')} persons`,
      p50: pct(api, 50),
      p95: pct(api, 95),
      floorP50: pct(floor, 50),
      floorP95: pct(floor, 95),
      unit: 'ms',
    },
  ];

  const campaign = (name: string) =>
    json<Campaign>(app, cookie, 'POST', '/api/campaigns', {
      name,
      channel: 'email',
      variants: [
        {
          locale: 'sv',
          subject: 'Välkommen tillbaka, {{ firstName | vän }}!',
          body: 'Hej {{firstName}},\n\nFörsta månaden **halva priset** på {{ clubName }}.',
        },
      ],
    });

  // Queuing: send, then cancel at once (the runner may have sent a few meanwhile).
  const sends: number[] = [];
  const floors: number[] = [];
  for (let i = 0; i < SENDS; i++) {
    const c = await campaign(`Queue ${i}`);
    const [ms, started] = await timed(() =>
      json<Campaign>(app, cookie, 'POST', `/api/campaigns/${c.id}/send`, {
        at: null,
        version: c.version,
      }),
    );
    if (started.totals.total !== RECIPIENTS) throw new Error(`queued ${started.totals.total}`);
    sends.push(ms);
    await json(app, cookie, 'POST', `/api/campaigns/${c.id}/cancel`, { version: started.version });
    floors.push(await queueFloor(db, orgId));
  }
  // Mail the cancelled campaigns had time to send is not part of the delivery figure.
  await new Promise((resolve) => setTimeout(resolve, 500));
  sends.sort((a, b) => a - b);
  floors.sort((a, b) => a - b);
  rows.push({
    database: label,
    what: `queue ${RECIPIENTS.toLocaleString('en')} recipients (send)`,
    p50: pct(sends, 50),
    p95: pct(sends, 95),
    floorP50: pct(floors, 50),
    floorP95: pct(floors, 95),
    unit: 'ms',
  });

  // Delivery by the app's own runner, from the send until the campaign is done.
  const c = await campaign('Deliver');
  const before = await smtp.refresh();
  const t0 = performance.now();
  await json(app, cookie, 'POST', `/api/campaigns/${c.id}/send`, { at: null, version: c.version });
  const done = await waitUntilDone(app, cookie, c.id);
  const seconds = (performance.now() - t0) / 1000;
  const got = (await smtp.refresh()) - before;
  if (done.totals.sent !== RECIPIENTS || got < RECIPIENTS) {
    throw new Error(`sent ${done.totals.sent}, received ${got}: ${JSON.stringify(done.totals)}`);
  }
  const history = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from contact_history
      where org_id = ${orgId}::uuid and event = 'email_sent'`),
  )[0]!.n;
  const rate = RECIPIENTS / seconds;
  rows.push({
    database: label,
    what: `deliver ${RECIPIENTS.toLocaleString('en')} mails (${history} history entries)`,
    p50: rate,
    p95: rate,
    floorP50: await deliveryFloor(smtp.port, RECIPIENTS),
    unit: 'msg/s',
  });
  return rows;
}

async function main() {
  const smtp = await countingSmtp();
  try {
    const rows = await onEngines<Row>(
      'mailing',
      (app, database, label) => run(app, database, label, smtp),
      { SPOTTER_SMTP_ALLOW_HOSTS: '127.0.0.1' },
    );
    console.log(
      `\nCampaigns: ${PERSONS.toLocaleString('en')} persons, ${RECIPIENTS.toLocaleString('en')} reachable, a local SMTP server (${os.cpus().length} CPUs)\n`,
    );
    console.log('| database | what | p50 | p95 | floor p50 | floor p95 | unit |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
    for (const r of rows) {
      const f = (n: number | undefined) =>
        n === undefined ? '' : n.toFixed(r.unit === 'ms' ? 1 : 0);
      console.log(
        `| ${r.database} | ${r.what} | ${f(r.p50)} | ${r.unit === 'ms' ? f(r.p95) : ''} | ${f(r.floorP50)} | ${f(r.floorP95)} | ${r.unit} |`,
      );
    }
  } finally {
    await smtp.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
