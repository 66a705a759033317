import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres, type Database, type Db } from '../../db/client.ts';
import { createPostgresTestUrl, createTestDatabase, testDbKind } from '../../../test/test-db.ts';
import { backoffMs, JobRunner, runDueJobs, type Job, type JobDefinitions } from './job-runner.ts';
import { claimJobs, insertJob } from './jobs.repo.ts';
import { jobs } from './jobs.table.ts';

const T = new Date('2030-01-01T08:00:00.000Z');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const at = (ms: number) => new Date(T.getTime() + ms);
/** Every test has kinds of its own: a runner claims only the kinds it has handlers for. */
const kindOf = (name: string) => `test.${name}.${randomUUID().slice(0, 8)}`;

async function jobsOfKind(db: Db, kind: string) {
  return db.select().from(jobs).where(eq(jobs.kind, kind));
}

async function onlyJob(db: Db, kind: string) {
  const rows = await jobsOfKind(db, kind);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** A handler that records each run (and its clock) and fails while `failing` says so. */
function recorder(opts: { failing?: (run: number) => boolean } = {}) {
  const runs: Array<{ id: string; now: Date; attempts: number }> = [];
  const run = async (_db: Db, job: Job, ctx: { now: Date }) => {
    runs.push({ id: job.id, now: ctx.now, attempts: job.attempts });
    if (opts.failing?.(runs.length)) throw new Error(`run ${runs.length} broke`);
  };
  return { runs, run };
}

/** A handler that tracks how many of its jobs run at once under each concurrency key. */
function concurrencyProbe(ms: number) {
  const now = new Map<string, number>();
  const peak = new Map<string, number>();
  const ran: string[] = [];
  const run = async (_db: Db, job: Job) => {
    const key = job.concurrencyKey ?? '-';
    now.set(key, (now.get(key) ?? 0) + 1);
    peak.set(key, Math.max(peak.get(key) ?? 0, now.get(key)!));
    await new Promise((resolve) => setTimeout(resolve, ms));
    now.set(key, now.get(key)! - 1);
    ran.push(job.id);
  };
  return { peak, ran, run };
}

describe('the job runner', () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it('adds a key once: enqueueing a key that exists does nothing, `again` re-queues it once ended', async () => {
    const kind = kindOf('key');
    const key = `${kind}:1`;
    const { runs, run } = recorder();
    const defs: JobDefinitions = { [kind]: { run } };
    expect(await insertJob(db, { kind, key, runAt: T, payload: { n: 1 } })).toBe(true);
    expect(await insertJob(db, { kind, key, runAt: T, payload: { n: 2 } })).toBe(false);
    // Not even `again` touches a job still queued.
    expect(await insertJob(db, { kind, key, runAt: T, payload: { n: 3 } }, { again: true })).toBe(
      false,
    );
    expect((await onlyJob(db, kind)).payload).toEqual({ n: 1 });

    expect(await runDueJobs(db, { jobs: defs, now: () => T })).toBe(1);
    expect(await insertJob(db, { kind, key, runAt: T })).toBe(false);
    expect(await runDueJobs(db, { jobs: defs, now: () => at(MINUTE) })).toBe(0);
    expect(runs).toHaveLength(1);

    expect(
      await insertJob(db, { kind, key, runAt: at(MINUTE), payload: { n: 4 } }, { again: true }),
    ).toBe(true);
    expect(await onlyJob(db, kind)).toMatchObject({
      state: 'queued',
      attempts: 0,
      payload: { n: 4 },
    });
    expect(await runDueJobs(db, { jobs: defs, now: () => at(MINUTE) })).toBe(1);
    expect(runs).toHaveLength(2);
  });

  it('runs a job at its time, not before, and records it done', async () => {
    const kind = kindOf('delay');
    const { runs, run } = recorder();
    await insertJob(db, { kind, runAt: at(5 * MINUTE) });
    expect(await runDueJobs(db, { jobs: { [kind]: { run } }, now: () => at(4 * MINUTE) })).toBe(0);
    expect(await runDueJobs(db, { jobs: { [kind]: { run } }, now: () => at(5 * MINUTE) })).toBe(1);
    expect(runs).toEqual([{ id: expect.any(String), now: at(5 * MINUTE), attempts: 1 }]);
    expect(await onlyJob(db, kind)).toMatchObject({
      state: 'done',
      attempts: 1,
      finishedAt: at(5 * MINUTE),
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
    });
  });

  it('retries a failing job with exponential backoff, then gives it up as failed', async () => {
    const kind = kindOf('retry');
    const { runs, run } = recorder({ failing: () => true });
    const failed = vi.fn(async () => {});
    const errors: unknown[] = [];
    const defs: JobDefinitions = { [kind]: { run, onFailed: failed } };
    const runAt = (now: Date) =>
      runDueJobs(db, { jobs: defs, now: () => now, onError: (e) => errors.push(e) });
    await insertJob(db, { kind, runAt: T, maxAttempts: 3 });

    expect(await runAt(T)).toBe(1);
    expect(await onlyJob(db, kind)).toMatchObject({
      state: 'queued',
      attempts: 1,
      runAt: at(backoffMs(1)),
      lastError: 'run 1 broke',
      lockedBy: null,
    });
    expect(backoffMs(1)).toBe(10 * SECOND);
    expect(await runAt(at(backoffMs(1) - 1))).toBe(0);
    expect(await runAt(at(backoffMs(1)))).toBe(1);
    const second = at(backoffMs(1) + backoffMs(2));
    expect(backoffMs(2)).toBe(20 * SECOND);
    expect(await onlyJob(db, kind)).toMatchObject({ state: 'queued', attempts: 2, runAt: second });
    expect(await runAt(second)).toBe(1);
    expect(await onlyJob(db, kind)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'run 3 broke',
      finishedAt: second,
    });
    expect(failed).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(3);
    expect(await runAt(at(60 * MINUTE))).toBe(0);
    expect(runs.map((r) => r.attempts)).toEqual([1, 2, 3]);
    expect(backoffMs(30)).toBe(60 * MINUTE);
  });

  it('claims no more due jobs than asked for, oldest first, and only its own kinds', async () => {
    const kind = kindOf('claim');
    for (let i = 0; i < 10; i++) await insertJob(db, { kind, runAt: at(i * SECOND) });
    await insertJob(db, { kind: kindOf('other'), runAt: T });
    const claim = () =>
      claimJobs(db, { kinds: [kind], workerId: 'w', now: at(MINUTE), leaseMs: MINUTE, limit: 3 });
    const first = await claim();
    expect(first.map((j) => j.runAt)).toEqual([at(0), at(SECOND), at(2 * SECOND)]);
    expect(await claim()).toHaveLength(3);
    expect(await claim()).toHaveLength(3);
    expect(await claim()).toHaveLength(1);
    expect(await claim()).toHaveLength(0);
  });

  it('claims a job again once the lease of the instance that died with it runs out', async () => {
    const kind = kindOf('lease');
    const { runs, run } = recorder();
    await insertJob(db, { kind, runAt: T });
    // Instance A claims it and dies: nobody renews its two-minute lease.
    const [claimed] = await claimJobs(db, {
      kinds: [kind],
      workerId: 'instance-a',
      now: T,
      leaseMs: 2 * MINUTE,
      limit: 5,
    });
    expect(claimed).toMatchObject({ state: 'running', attempts: 1, lockedBy: 'instance-a' });
    const defs = { [kind]: { run } };
    expect(await runDueJobs(db, { jobs: defs, now: () => at(2 * MINUTE - 1) })).toBe(0);
    expect(await runDueJobs(db, { jobs: defs, now: () => at(2 * MINUTE + 1), workerId: 'b' })).toBe(
      1,
    );
    expect(runs).toEqual([{ id: claimed!.id, now: at(2 * MINUTE + 1), attempts: 2 }]);
    expect(await onlyJob(db, kind)).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('gives up a job whose instances kept dying, without running it again', async () => {
    const kind = kindOf('dying');
    const { runs, run } = recorder();
    const failed = vi.fn(async () => {});
    await insertJob(db, { kind, runAt: T, maxAttempts: 2 });
    const claim = (now: Date) =>
      claimJobs(db, { kinds: [kind], workerId: 'dies', now, leaseMs: MINUTE, limit: 1 });
    expect(await claim(T)).toHaveLength(1);
    expect(await claim(at(2 * MINUTE))).toHaveLength(1);
    expect(
      await runDueJobs(db, {
        jobs: { [kind]: { run, onFailed: failed } },
        now: () => at(4 * MINUTE),
      }),
    ).toBe(1);
    expect(runs).toEqual([]);
    expect(failed).toHaveBeenCalledTimes(1);
    expect(await onlyJob(db, kind)).toMatchObject({
      state: 'failed',
      attempts: 3,
      lastError: 'Its server stopped before it finished, too many times',
    });
  });

  it('keeps exactly one recurring job pending, re-queued under its key after each run', async () => {
    const kind = kindOf('recurring');
    let fail = false;
    const { runs, run } = recorder({ failing: () => fail });
    const defs: JobDefinitions = { [kind]: { run, every: 5 * MINUTE } };
    const runAt = (now: Date) => runDueJobs(db, { jobs: defs, now: () => now });

    expect(await runAt(T)).toBe(1);
    expect(await onlyJob(db, kind)).toMatchObject({
      key: kind,
      orgId: null,
      state: 'queued',
      runAt: at(5 * MINUTE),
      attempts: 0,
    });
    // A second runner starting up (another instance) adds no second one.
    expect(await runAt(at(MINUTE))).toBe(0);
    expect(await runAt(at(5 * MINUTE))).toBe(1);
    expect(await onlyJob(db, kind)).toMatchObject({ state: 'queued', runAt: at(10 * MINUTE) });

    // Failing, it comes back after the backoff (never later than its interval), never 'failed'.
    fail = true;
    let now = at(10 * MINUTE);
    for (let i = 1; i <= 7; i++) {
      expect(await runAt(now)).toBe(1);
      const job = await onlyJob(db, kind);
      expect(job).toMatchObject({ state: 'queued', attempts: i, lastError: `run ${i + 2} broke` });
      expect(job.runAt.getTime() - now.getTime()).toBe(Math.min(backoffMs(i), 5 * MINUTE));
      now = job.runAt;
    }
    fail = false;
    expect(await runAt(now)).toBe(1);
    expect(await onlyJob(db, kind)).toMatchObject({
      state: 'queued',
      attempts: 0,
      lastError: null,
    });
    expect(runs).toHaveLength(10);
  });

  it('renews the lease while a long job runs, so no other runner takes it', async () => {
    const kind = kindOf('heartbeat');
    let runs = 0;
    const slow: JobDefinitions = {
      [kind]: {
        run: async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 1200));
        },
      },
    };
    await insertJob(db, { kind, runAt: new Date() });
    const a = new JobRunner(db, { jobs: slow, leaseMs: 300, pollMs: 20 });
    a.start();
    await vi.waitFor(() => expect(runs).toBe(1));
    // Four lease lengths pass while it runs; runner B keeps looking all the while.
    const b = new JobRunner(db, { jobs: slow, leaseMs: 300 });
    let takenByB = 0;
    for (let i = 0; i < 10; i++) {
      takenByB += await b.runDue();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await vi.waitFor(async () => expect((await onlyJob(db, kind)).state).toBe('done'));
    await a.stop();
    expect(takenByB).toBe(0);
    expect(runs).toBe(1);
  });

  it('on stop, a running job is handed back and its attempt undone', async () => {
    const kind = kindOf('stop');
    let started = false;
    const defs: JobDefinitions = {
      [kind]: {
        run: async (_db, _job, ctx) => {
          started = true;
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
          return 'release';
        },
      },
    };
    await insertJob(db, { kind, runAt: new Date() });
    const runner = new JobRunner(db, { jobs: defs, pollMs: 20 });
    runner.start();
    await vi.waitFor(() => expect(started).toBe(true));
    await runner.stop();
    expect(await onlyJob(db, kind)).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
  });

  it('runs at most the limit of jobs sharing a concurrency key; other keys go on', async () => {
    const kind = kindOf('group');
    const probe = concurrencyProbe(150);
    const club = { key: `${kind}:club-a`, limit: 2 };
    for (let i = 0; i < 5; i++) await insertJob(db, { kind, runAt: T, concurrency: club });
    await insertJob(db, { kind, runAt: T, concurrency: { key: `${kind}:club-b`, limit: 2 } });
    await insertJob(db, { kind, runAt: T });
    // The first claim takes club A's two slots, club B's job and the unkeyed job, though A's
    // five were queued first; A's other three wait queued, unclaimed.
    const first = await claimJobs(db, {
      kinds: [kind],
      workerId: 'w',
      now: T,
      leaseMs: MINUTE,
      limit: 10,
    });
    expect(first.map((j) => j.concurrencyKey ?? '-').sort()).toEqual(
      [club.key, club.key, `${kind}:club-b`, '-'].sort(),
    );
    await db
      .update(jobs)
      // Queued again, due now on the runner's own (real) clock.
      .set({
        state: 'queued',
        runAt: new Date(Date.now() - MINUTE),
        lockedBy: null,
        lockedUntil: null,
      })
      .where(eq(jobs.kind, kind));

    const runner = new JobRunner(db, { jobs: { [kind]: probe }, pollMs: 20, concurrency: 4 });
    runner.start();
    await vi.waitFor(() => expect(probe.ran).toHaveLength(7), { timeout: 10_000 });
    await runner.stop();
    expect(probe.peak.get(club.key)).toBe(2);
    expect((await jobsOfKind(db, kind)).every((j) => j.state === 'done')).toBe(true);
  });

  it('a job whose lease ran out frees its slot under the key', async () => {
    const kind = kindOf('group-lease');
    const club = { key: `${kind}:club`, limit: 1 };
    await insertJob(db, { kind, runAt: T, concurrency: club });
    await insertJob(db, { kind, runAt: at(1), concurrency: club });
    const claim = (now: Date) =>
      claimJobs(db, { kinds: [kind], workerId: 'w', now, leaseMs: MINUTE, limit: 5 });
    expect(await claim(at(2))).toHaveLength(1);
    // The holder still holds its lease: nothing else under the key.
    expect(await claim(at(30 * SECOND))).toHaveLength(0);
    // Its instance died: the lapsed job is claimed again, and still only one runs.
    const again = await claim(at(2 * MINUTE));
    expect(again).toHaveLength(1);
    expect(again[0]!.runAt).toEqual(T);
  });

  it('a job left queued for its concurrency key starts when the key frees, not at the next poll', async () => {
    const kind = kindOf('handover');
    const concurrency = { key: `${kind}:source`, limit: 1 };
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const run = async (_db: Db, job: Job) => {
      started.push(job.key!);
      if (job.key === `${kind}:first`) await held;
    };
    // The first is due a second earlier: the embedded database's clock ticks in milliseconds,
    // and two jobs due at the same moment are claimed in the order of their random ids.
    await insertJob(db, {
      kind,
      key: `${kind}:first`,
      runAt: new Date(Date.now() - 1000),
      concurrency,
    });
    await insertJob(db, { kind, key: `${kind}:second`, runAt: new Date(), concurrency });
    // No poll within the test: the first claim takes only the first job (the key's limit).
    const runner = new JobRunner(db, { jobs: { [kind]: { run } }, pollMs: 60 * MINUTE });
    runner.start();
    await vi.waitFor(() => expect(started).toEqual([`${kind}:first`]));
    release();
    await vi.waitFor(() => expect(started).toEqual([`${kind}:first`, `${kind}:second`]));
    await runner.stop();
  });

  it('the background loop picks up jobs as they come, several at once', async () => {
    const kind = kindOf('loop');
    const { runs, run } = recorder();
    const runner = new JobRunner(db, { jobs: { [kind]: { run } }, pollMs: 20, concurrency: 3 });
    runner.start();
    for (let i = 0; i < 7; i++) await insertJob(db, { kind, runAt: new Date() });
    await vi.waitFor(() => expect(runs).toHaveLength(7));
    await runner.stop();
    expect((await jobsOfKind(db, kind)).every((j) => j.state === 'done')).toBe(true);
  });
});

describe.runIf(testDbKind === 'postgres')('two runners on PostgreSQL', () => {
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    const url = await createPostgresTestUrl();
    [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('keep a concurrency key to its limit across runners', async () => {
    const kind = kindOf('group-race');
    const probe = concurrencyProbe(20);
    const keys = ['a', 'b', 'c'].map((c) => `${kind}:${c}`);
    for (let i = 0; i < 60; i++) {
      await insertJob(a.db, {
        kind,
        runAt: new Date(),
        concurrency: { key: keys[i % 3]!, limit: 2 },
      });
    }
    const runners = [a, b, a, b].map(
      (d, i) =>
        new JobRunner(d.db, { jobs: { [kind]: probe }, concurrency: 4, workerId: `g-${i}` }),
    );
    const drained = async (r: JobRunner) => {
      for (let n = -1; n !== 0;) n = await r.runDue();
    };
    // A runner finds nothing it may claim while the others fill every key: drain until done.
    while (probe.ran.length < 60) await Promise.all(runners.map(drained));
    expect(new Set(probe.ran).size).toBe(60);
    for (const key of keys) expect(probe.peak.get(key)).toBe(2);
  });

  it('never run one job twice', async () => {
    const kind = kindOf('race');
    const count = 300;
    for (let i = 0; i < count; i += 100) {
      await a.db.insert(jobs).values(
        Array.from({ length: 100 }, (_, n) => ({
          kind,
          key: `${kind}:${i + n}`,
          runAt: new Date(),
        })),
      );
    }
    const ran: string[] = [];
    const defs: JobDefinitions = {
      [kind]: {
        run: async (_db, job) => {
          ran.push(job.id);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        },
      },
    };
    // Four runners over two connection pools, each claiming small batches at once.
    const runners = [a, b, a, b].map(
      (d, i) => new JobRunner(d.db, { jobs: defs, concurrency: 3, workerId: `runner-${i}` }),
    );
    const drained = async (r: JobRunner) => {
      let total = 0;
      for (let n = -1; n !== 0; total += n) n = await r.runDue();
      return total;
    };
    const totals = await Promise.all(runners.map(drained));
    expect(totals.reduce((x, y) => x + y, 0)).toBe(count);
    expect(totals.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(ran).toHaveLength(count);
    expect(new Set(ran).size).toBe(count);
    const rows = await jobsOfKind(a.db, kind);
    expect(rows.every((r) => r.state === 'done' && r.attempts === 1)).toBe(true);
  });
});
