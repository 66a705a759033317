import { and, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { JobState } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { cursorAtOf, olderThan, type TimeCursor } from '../../lib/time-cursor.ts';
import { jobs } from './jobs.table.ts';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  kind: string;
  /** Exactly once: a job with this key already there (in any state) keeps it from being added. */
  key?: string;
  /** The organization it works for; none for a system job. */
  orgId?: string | null;
  payload?: Record<string, unknown>;
  /** Not before this time: pass the app's clock (`app.now()`) for "now", later for a delay. */
  runAt: Date;
  maxAttempts?: number;
  /**
   * At most `limit` jobs of the same `key` run at once (across every instance); the rest stay
   * queued until one ends, e.g. one organization's imports, so one club cannot fill the runners.
   */
  concurrency?: { key: string; limit: number };
}

export interface EnqueueOptions {
  /**
   * A job of the key that has finished (done or failed) is queued afresh instead of being
   * left alone: for work that may be asked for again (an import run again, a recurring sweep).
   * A queued or running one is still left alone.
   */
  again?: boolean;
}

/** Whether a job of the key waits or runs: a plain read, no row lock. */
const pendingByKey = (db: Db) =>
  db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.key, sql.placeholder('key')), inArray(jobs.state, ['queued', 'running'])))
    .prepare('job_pending_by_key');

const preparedPending = new WeakMap<Db, ReturnType<typeof pendingByKey>>();

async function isPending(db: Db, key: string): Promise<boolean> {
  let query = preparedPending.get(db);
  if (!query) {
    query = pendingByKey(db);
    preparedPending.set(db, query);
  }
  return (await query.execute({ key })).length > 0;
}

const statesByKeys = (db: Db) =>
  db
    .select({ key: jobs.key, state: jobs.state })
    .from(jobs)
    .where(inArray(jobs.key, [sql.placeholder('a'), sql.placeholder('b')]))
    .prepare('job_states_by_two_keys');

const preparedStates = new WeakMap<Db, ReturnType<typeof statesByKeys>>();

/** The states of the jobs of two keys (a plain read, no lock); a key with no job is absent. */
export async function jobStates(db: Db, keys: readonly [string, string]) {
  let query = preparedStates.get(db);
  if (!query) {
    query = statesByKeys(db);
    preparedStates.set(db, query);
  }
  const rows = await query.execute({ a: keys[0], b: keys[1] });
  return new Map(rows.map((r) => [r.key!, r.state as JobState]));
}

/** Adds the job unless its key exists; answers whether one was (re)queued. */
export async function insertJob(db: Db, job: NewJob, opts: EnqueueOptions = {}): Promise<boolean> {
  // Work asked for again while it is still queued or running is left alone. Looking first
  // without a lock matters when many requests ask at once (each delivery of club events asks
  // for its source's drain): the upsert below would lock the row and hold every asker's
  // commit behind the one before it.
  if (opts.again && job.key && (await isPending(db, job.key))) return false;
  const values = {
    kind: job.kind,
    key: job.key ?? null,
    orgId: job.orgId ?? null,
    payload: job.payload ?? {},
    runAt: job.runAt,
    ...(job.maxAttempts !== undefined && { maxAttempts: job.maxAttempts }),
    concurrencyKey: job.concurrency?.key ?? null,
    concurrencyLimit: job.concurrency?.limit ?? null,
  };
  const insert = db.insert(jobs).values(values);
  const rows = opts.again
    ? await insert
        .onConflictDoUpdate({
          target: jobs.key,
          set: {
            ...values,
            state: 'queued',
            attempts: 0,
            lockedBy: null,
            lockedUntil: null,
            heartbeatAt: null,
            lastError: null,
            finishedAt: null,
          },
          setWhere: inArray(jobs.state, ['done', 'failed']),
        })
        .returning({ id: jobs.id })
    : await insert.onConflictDoNothing({ target: jobs.key }).returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Adds many jobs in ONE statement (a campaign's recipients): the rows travel as one JSON
 * parameter, so ten thousand cost one round trip and never hit the parameter limit. A key that
 * exists is left alone, or with `again` queued afresh when its job has finished. Answers how
 * many were (re)queued.
 */
export async function insertJobs(
  db: Db,
  batch: readonly NewJob[],
  opts: EnqueueOptions = {},
): Promise<number> {
  if (batch.length === 0) return 0;
  const rows = JSON.stringify(
    batch.map((j) => ({
      kind: j.kind,
      key: j.key ?? null,
      org_id: j.orgId ?? null,
      payload: j.payload ?? {},
      run_at: j.runAt.toISOString(),
      max_attempts: j.maxAttempts ?? 5,
      concurrency_key: j.concurrency?.key ?? null,
      concurrency_limit: j.concurrency?.limit ?? null,
    })),
  );
  const onConflict = opts.again
    ? sql`on conflict (key) do update set payload = excluded.payload, run_at = excluded.run_at,
        max_attempts = excluded.max_attempts, state = 'queued', attempts = 0, locked_by = null,
        locked_until = null, heartbeat_at = null, last_error = null, finished_at = null
        where ${jobs.state} in ('done', 'failed')`
    : sql`on conflict (key) do nothing`;
  const result = await db.execute<{ id: string }>(sql`
    insert into ${jobs} (kind, key, org_id, payload, run_at, max_attempts, concurrency_key, concurrency_limit)
    select kind, key, org_id, payload, run_at, max_attempts, concurrency_key, concurrency_limit
    from jsonb_to_recordset(${rows}::jsonb) as x(kind text, key text, org_id uuid, payload jsonb,
      run_at timestamptz, max_attempts int, concurrency_key text, concurrency_limit int)
    ${onConflict}
    returning id`);
  return (result as unknown as { rows: unknown[] }).rows.length;
}

/**
 * Deletes the queued (not running) jobs of one kind and organization whose payload has
 * `field` = `value` (a paused campaign's deliveries); answers how many went.
 */
export async function deleteQueuedJobs(
  db: Db,
  opts: { orgId: string; kind: string; field: string; value: string },
): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(
      and(
        eq(jobs.orgId, opts.orgId),
        eq(jobs.state, 'queued'),
        eq(jobs.kind, opts.kind),
        sql`${jobs.payload} ->> ${opts.field} = ${opts.value}`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** The payloads of the queued or running jobs whose payload's `field` is `value`. */
export async function pendingJobPayloads(
  db: Db,
  opts: { orgId: string; kind: string; field: string; value: string },
): Promise<Array<Record<string, unknown>>> {
  const rows = await db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(
      and(
        eq(jobs.orgId, opts.orgId),
        inArray(jobs.state, ['queued', 'running']),
        eq(jobs.kind, opts.kind),
        sql`${jobs.payload} ->> ${opts.field} = ${opts.value}`,
      ),
    );
  return rows.map((r) => r.payload as Record<string, unknown>);
}

/** Due work for a runner: queued and due, or running on a lease nobody renewed in time. */
const claimable = (kinds: string[], now: Date) =>
  and(
    inArray(jobs.kind, kinds),
    or(
      and(eq(jobs.state, 'queued'), lte(jobs.runAt, now)),
      and(eq(jobs.state, 'running'), lt(jobs.lockedUntil, now)),
    ),
  );

/** Any constant: claims take it in turn, so two never both fill a concurrency key's last slot. */
const CLAIM_LOCK_KEY = 7_314_002;
/** Due jobs looked at per claim beyond `limit`, so jobs held back by their key don't block others. */
const CLAIM_WINDOW = 50;

/** Running jobs under the row's concurrency key whose lease still holds. */
const runningUnderKey = (now: Date) => sql`(
  select count(*) from ${jobs} r
  where r.concurrency_key = ${jobs.concurrencyKey} and r.state = 'running'
    and r.locked_until >= ${now})`;

/**
 * Claims up to `limit` due jobs of the given kinds in ONE statement: SKIP LOCKED lets every
 * instance claim at once without two taking the same job, and the claim itself is the lease
 * (`locked_until`), so a job whose instance died is claimed again once it runs out.
 * A job with a concurrency key is claimed only while fewer than its limit run under that key.
 * Counting and claiming must not interleave between instances, so claims take a transaction
 * lock in turn (a claim is one short statement).
 */
export async function claimJobs(
  db: Db,
  opts: { kinds: string[]; workerId: string; now: Date; leaseMs: number; limit: number },
): Promise<JobRow[]> {
  if (opts.kinds.length === 0 || opts.limit <= 0) return [];
  const free = or(
    isNull(jobs.concurrencyKey),
    sql`${runningUnderKey(opts.now)} < ${jobs.concurrencyLimit}`,
  );
  const window = opts.limit + CLAIM_WINDOW;
  // The two kinds of due work, each read in its own index's order and locked as it is read:
  // one OR over both (sorted after) read and sorted every queued job — a campaign's 10,000 —
  // on every claim.
  const branch = (due: SQL, order: SQL) => sql`select * from (
    select ${jobs.id} as id, ${jobs.runAt} as run_at, ${jobs.concurrencyKey} as ckey,
      case when ${jobs.concurrencyKey} is null then ${opts.limit}
        else ${jobs.concurrencyLimit} - ${runningUnderKey(opts.now)} end as free
    from ${jobs}
    where ${inArray(jobs.kind, opts.kinds)} and ${due} and ${free}
    order by ${order} limit ${window}
    for update skip locked) b`;
  const queued = branch(
    sql`${jobs.state} = 'queued' and ${jobs.runAt} <= ${opts.now}`,
    sql`${jobs.runAt}`,
  );
  const leaseOver = branch(
    sql`${jobs.state} = 'running' and ${jobs.lockedUntil} < ${opts.now}`,
    sql`${jobs.lockedUntil}`,
  );
  // Of the due jobs under one key, only as many as it has free slots, oldest first.
  const picked = sql`select id from (
    select id, run_at, free, row_number() over (partition by ckey order by run_at, id) as nth
    from (${queued} union all ${leaseOver}) due) ranked
    where nth <= free order by run_at limit ${opts.limit}`;
  // `= any(array(…))` runs the subquery once. As `in (…)` PostgreSQL may run it again for
  // every row it updates, each run locking `limit` more rows: one claim took the whole queue.
  // The condition is checked again on the locked row: another runner may have claimed it.
  const claimed = and(sql`${jobs.id} = any(array(${picked}))`, claimable(opts.kinds, opts.now));
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK_KEY})`);
    return tx
      .update(jobs)
      .set({
        state: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: opts.workerId,
        lockedUntil: new Date(opts.now.getTime() + opts.leaseMs),
        heartbeatAt: opts.now,
      })
      .where(claimed)
      .returning();
  });
}

/** Only the holder of the lease may touch a running job: one that lost it changes nothing. */
const held = (id: string, workerId: string) =>
  and(eq(jobs.id, id), eq(jobs.state, 'running'), eq(jobs.lockedBy, workerId));

const unlocked = { lockedBy: null, lockedUntil: null } as const;

/** The heartbeat: extends the lease; false when this runner no longer holds the job. */
export async function renewLease(
  db: Db,
  id: string,
  workerId: string,
  now: Date,
  leaseMs: number,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: new Date(now.getTime() + leaseMs), heartbeatAt: now })
    .where(held(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function completeJob(db: Db, id: string, workerId: string, now: Date) {
  await db
    .update(jobs)
    .set({ state: 'done', finishedAt: now, lastError: null, ...unlocked })
    .where(held(id, workerId));
}

/**
 * Back in the queue until `runAt`: a retry after a failure (`lastError`), the next run of a
 * recurring job (`resetAttempts`), or a job handed back by a stopping server (`attempts: -1`).
 */
export async function requeueJob(
  db: Db,
  id: string,
  workerId: string,
  opts: { runAt: Date; lastError?: string | null; attempts?: 'reset' | 'keep' | 'undo' },
) {
  const attempts =
    opts.attempts === 'reset'
      ? 0
      : opts.attempts === 'undo'
        ? sql`greatest(${jobs.attempts} - 1, 0)`
        : undefined;
  await db
    .update(jobs)
    .set({
      state: 'queued',
      runAt: opts.runAt,
      ...(attempts !== undefined && { attempts }),
      ...(opts.lastError !== undefined && { lastError: opts.lastError }),
      ...unlocked,
    })
    .where(held(id, workerId));
}

/** Gives the job up; false when this runner no longer held it. */
export async function failJob(db: Db, id: string, workerId: string, now: Date, error: string) {
  const rows = await db
    .update(jobs)
    .set({ state: 'failed', finishedAt: now, lastError: error, ...unlocked })
    .where(held(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Finished jobs older than `before` go (their keys with them); failed ones stay for admins. */
export async function pruneDoneJobs(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(jobs)
    .where(and(eq(jobs.state, 'done'), lt(jobs.finishedAt, before)))
    .returning({ id: jobs.id });
  return rows.length;
}

// ---------------------------------------------------------------- an organization's jobs

const listed = {
  id: jobs.id,
  kind: jobs.kind,
  state: jobs.state,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  lastError: jobs.lastError,
  createdAt: jobs.createdAt,
  runAt: jobs.runAt,
  finishedAt: jobs.finishedAt,
  cursorAt: cursorAtOf(jobs.runAt),
};

export type ListedJobRow = Awaited<ReturnType<typeof listJobs>>[number];

/** One organization's jobs in one state, newest first (system jobs have no org: never listed). */
export function listJobs(
  db: Db,
  orgId: string,
  opts: { state: JobState; limit: number; cursor?: TimeCursor },
) {
  const where = [eq(jobs.orgId, orgId), eq(jobs.state, opts.state)];
  if (opts.cursor) where.push(olderThan(jobs.runAt, jobs.id, opts.cursor));
  return db
    .select(listed)
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.runAt), desc(jobs.id))
    .limit(opts.limit);
}

export async function findJob(db: Db, orgId: string, id: string) {
  const [row] = await db
    .select(listed)
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)));
  return row;
}

/** A failed job of the organization queued again with fresh attempts; undefined if none. */
export async function retryFailedJob(db: Db, orgId: string, id: string, now: Date) {
  const [row] = await db
    .update(jobs)
    .set({ state: 'queued', runAt: now, attempts: 0, finishedAt: null, ...unlocked })
    .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id), eq(jobs.state, 'failed')))
    .returning(listed);
  return row;
}
