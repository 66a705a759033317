import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Db } from '../../db/client.ts';
import * as repo from './jobs.repo.ts';

export type Job = repo.JobRow;

export interface JobContext {
  /** The runner's clock when this run started (tests pin it). */
  now: Date;
  /** The runner's clock now: a job that runs for long reads it afresh for each step. */
  clock: () => Date;
  /** Aborted when the server stops or this runner lost the job's lease: wind down. */
  signal: AbortSignal;
  /** `signal.aborted`, for loops that check between steps. */
  stopping(): boolean;
  /**
   * Renews the lease now (the runner also renews it by itself while the handler runs);
   * false when another runner has taken the job over.
   */
  heartbeat(): Promise<boolean>;
  /**
   * The database has one connection (embedded): a long job pauses between its steps so
   * that requests waiting for it get in.
   */
  oneConnection: boolean;
}

/**
 * 'release' hands the job back unfinished (a stopping server): queued again, attempt undone.
 * `{ runAt }`: not now — queued again for then, without using an attempt (an SMS in the quiet
 * hours).
 */
export type JobResult = void | 'release' | { runAt: Date };

export type JobHandler = (db: Db, job: Job, ctx: JobContext) => Promise<JobResult>;

export interface JobDefinition {
  run: JobHandler;
  /**
   * A recurring system job: the runner keeps exactly one queued under its kind as key and
   * queues it again this many milliseconds after each run. It never ends up 'failed'.
   */
  every?: number;
  /** Called once the job is given up ('failed'), e.g. to mark what it worked on as failed. */
  onFailed?: (db: Db, job: Job, error: string) => Promise<void>;
  /**
   * Jobs of this kind run in a lane of their own, this many at once per instance, beside the
   * runner's general slots: many short jobs that mostly wait on the network (a campaign's
   * messages) neither queue behind the others nor fill their slots.
   */
  concurrency?: number;
}

/** Handlers by job kind ('imports.run' …); each feature exports its own, app.ts joins them. */
export type JobDefinitions = Record<string, JobDefinition>;

export interface JobRunnerOptions {
  jobs: JobDefinitions;
  /** The app's clock (`app.now`): claims, leases, delays and backoff all read it. */
  now?: () => Date;
  /** Names this runner in `locked_by`; unique per instance by default. */
  workerId?: string;
  /** How often to look for due jobs when there is nothing to do. */
  pollMs?: number;
  /** Jobs run at once by this instance (a long import must not hold up the reminders). */
  concurrency?: number;
  /** How long a claim holds without a heartbeat; renewed every third of it. */
  leaseMs?: number;
  /** The database has one connection (embedded): handlers pause between steps. */
  oneConnection?: boolean;
  /** A handler's failure (it is retried) or the runner's own. */
  onError?: (err: unknown, job?: Job) => void;
}

const SECOND = 1000;
const RETRY_BASE_MS = 10 * SECOND;
const RETRY_MAX_MS = 60 * 60 * SECOND;
/** runDue stops after this many rounds, so a job that is due again at once cannot spin it. */
const MAX_ROUNDS = 50;

/** The wait before retry `attempt + 1`: 10 s, 20 s, 40 s … at most an hour. */
export const backoffMs = (attempt: number) =>
  Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1), RETRY_MAX_MS);

const errorText = (err: unknown) =>
  (err instanceof Error ? err.message : String(err)).slice(0, 2000) || 'Unknown error';

const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** The runners started in this process, which `wakeJobRunners` nudges. */
const started = new Set<JobRunner>();

/**
 * A job that is due now was just queued (and committed): the runners of this process look at
 * once instead of at their next poll, up to a second later. A feature calls it when a person is
 * waiting for the job (an incoming call's card); other instances still find it at their poll.
 */
export function wakeJobRunners(): void {
  for (const runner of started) runner.nudge();
}

/**
 * Runs due jobs of the kinds it knows. `start()` keeps claiming in the background (a timer
 * loop that also wakes whenever a job ends); `runDue()` runs what is due once and returns,
 * for tests with a pinned clock. Several instances may run one each over the same database.
 */
export class JobRunner {
  private readonly jobs: JobDefinitions;
  private readonly kinds: string[];
  private readonly now: () => Date;
  private readonly workerId: string;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly oneConnection: boolean;
  private readonly onError: (err: unknown, job?: Job) => void;
  private readonly stopSignal = new AbortController();
  private readonly running = new Set<Promise<void>>();
  /** The general lane (kinds without a concurrency of their own) and one lane per such kind. */
  private readonly lanes: Array<{
    kinds: string[];
    limit: number;
    running: number;
    /** Its last claim found fewer due jobs than it had slots: look again at the next poll. */
    drained: boolean;
  }>;
  /** The next look claims for every lane (a poll or a nudge), not only for those still busy. */
  private lookAll = true;
  private loop: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private recurringEnsured = false;

  constructor(
    private readonly db: Db,
    opts: JobRunnerOptions,
  ) {
    this.jobs = opts.jobs;
    this.kinds = Object.keys(opts.jobs);
    const own = this.kinds.filter((k) => opts.jobs[k]!.concurrency !== undefined);
    this.lanes = [
      {
        kinds: this.kinds.filter((k) => !own.includes(k)),
        limit: opts.concurrency ?? 4,
        running: 0,
        drained: false,
      },
      ...own.map((k) => ({
        kinds: [k],
        limit: opts.jobs[k]!.concurrency!,
        running: 0,
        drained: false,
      })),
    ];
    this.now = opts.now ?? (() => new Date());
    this.workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = opts.pollMs ?? SECOND;
    this.concurrency = opts.concurrency ?? 4;
    this.leaseMs = opts.leaseMs ?? 2 * 60 * SECOND;
    this.oneConnection = opts.oneConnection ?? false;
    this.onError = opts.onError ?? (() => {});
    // Every running job listens for the stop: a lane of many (campaign batches) passes ten.
    setMaxListeners(0, this.stopSignal.signal);
  }

  private get stopped() {
    return this.stopSignal.signal.aborted;
  }

  /** Claims and runs jobs until `stop()`; the timer never keeps the process alive by itself. */
  start(): void {
    started.add(this);
    this.wake();
  }

  /** Looks for due jobs now (at once if idle; after the current look if one is under way). */
  nudge(): void {
    this.lookAll = true;
    this.wake();
  }

  /** Stops claiming, tells running handlers to wind down, and waits for them. */
  async stop(): Promise<void> {
    started.delete(this);
    this.stopSignal.abort();
    clearTimeout(this.timer);
    await this.loop;
    await Promise.all([...this.running]);
  }

  /** Runs every job due now (and any that fall due meanwhile); answers how many ran. */
  async runDue(): Promise<number> {
    await this.ensureRecurring();
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS && !this.stopped; round++) {
      const claimed = await this.claim(this.concurrency);
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((job) => this.execute(job)));
      total += claimed.length;
    }
    return total;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.loop = (async () => {
      do {
        this.again = false;
        try {
          await this.fill();
        } catch (err) {
          this.onError(err);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.loop = undefined;
      if (this.stopped) return;
      this.timer = setTimeout(() => this.nudge(), this.pollMs);
      this.timer.unref();
    });
  }

  /**
   * Claims as many due jobs as there are free slots and starts them. A job's end looks again
   * only in lanes whose last claim filled every slot (more may be due there): a claim is a
   * transaction, and a busy lane of short jobs would otherwise claim for every lane at each end.
   */
  private async fill(): Promise<void> {
    await this.ensureRecurring();
    const all = this.lookAll;
    this.lookAll = false;
    for (const lane of this.lanes) {
      if (lane.kinds.length === 0 || this.stopped || (lane.drained && !all)) continue;
      const free = lane.limit - lane.running;
      // A wide lane claims in batches (a quarter of its slots), not for every job that ends.
      if (free <= 0 || (!all && lane.running > 0 && free < Math.ceil(lane.limit / 4))) continue;
      const claimed = await this.claim(free, lane.kinds);
      lane.drained = claimed.length < free;
      for (const job of claimed) {
        lane.running++;
        const run: Promise<void> = this.execute(job).finally(() => {
          lane.running--;
          // Its concurrency key is free now: a job of that key the lane's last claim had to
          // leave queued (a source's next drain) starts at once, not at the next poll.
          if (job.concurrencyKey) lane.drained = false;
          this.running.delete(run);
          this.wake();
        });
        this.running.add(run);
      }
    }
  }

  private claim(limit: number, kinds = this.kinds) {
    return repo.claimJobs(this.db, {
      kinds,
      workerId: this.workerId,
      now: this.now(),
      leaseMs: this.leaseMs,
      limit,
    });
  }

  /** One pending row per recurring kind, due now if it was not there (or had ended). */
  private async ensureRecurring(): Promise<void> {
    if (this.recurringEnsured) return;
    const now = this.now();
    for (const [kind, def] of Object.entries(this.jobs)) {
      if (def.every === undefined) continue;
      await repo.insertJob(this.db, { kind, key: kind, runAt: now }, { again: true });
    }
    this.recurringEnsured = true;
  }

  /** Runs one claimed job and records how it went; never throws. */
  private async execute(job: Job): Promise<void> {
    try {
      await this.runHandler(job);
    } catch (err) {
      // Recording the outcome failed (the database went away): the lease runs out and the
      // job is claimed again.
      this.onError(err, job);
    }
  }

  private async runHandler(job: Job): Promise<void> {
    const def = this.jobs[job.kind]!;
    const recurring = def.every !== undefined;
    if (this.stopped) {
      await repo.requeueJob(this.db, job.id, this.workerId, { runAt: job.runAt, attempts: 'undo' });
      return;
    }
    if (!recurring && job.attempts > job.maxAttempts) {
      // Every earlier claim ran out without an answer: its instance died each time.
      await this.giveUp(
        job,
        def,
        this.now(),
        'Its server stopped before it finished, too many times',
      );
      return;
    }
    const lease = new AbortController();
    const stop = () => lease.abort();
    this.stopSignal.signal.addEventListener('abort', stop);
    const heartbeat = async () => {
      const held = await repo.renewLease(this.db, job.id, this.workerId, this.now(), this.leaseMs);
      if (!held) lease.abort();
      return held;
    };
    let renewing: Promise<unknown> = Promise.resolve();
    const beat = setInterval(() => {
      renewing = heartbeat().catch((err: unknown) => this.onError(err, job));
    }, this.leaseMs / 3);
    beat.unref();
    let result: JobResult = undefined;
    let failure: { err: unknown } | undefined;
    try {
      result = await def.run(this.db, job, {
        now: this.now(),
        clock: this.now,
        signal: lease.signal,
        stopping: () => lease.signal.aborted,
        heartbeat,
        oneConnection: this.oneConnection,
      });
    } catch (err) {
      failure = { err };
    } finally {
      clearInterval(beat);
      this.stopSignal.signal.removeEventListener('abort', stop);
      await renewing;
    }
    const now = this.now();
    if (failure) {
      this.onError(failure.err, job);
      await this.recordFailure(job, def, now, errorText(failure.err));
    } else if (result === 'release') {
      await repo.requeueJob(this.db, job.id, this.workerId, { runAt: now, attempts: 'undo' });
    } else if (result) {
      await repo.requeueJob(this.db, job.id, this.workerId, {
        runAt: result.runAt,
        attempts: 'undo',
      });
    } else if (recurring) {
      await repo.requeueJob(this.db, job.id, this.workerId, {
        runAt: later(now, def.every!),
        attempts: 'reset',
        lastError: null,
      });
    } else {
      await repo.completeJob(this.db, job.id, this.workerId, now);
    }
  }

  /** Retried with backoff while attempts are left; a recurring job just runs again later. */
  private async recordFailure(job: Job, def: JobDefinition, now: Date, error: string) {
    const wait = backoffMs(job.attempts);
    if (def.every !== undefined || job.attempts < job.maxAttempts) {
      const runAt = later(now, def.every !== undefined ? Math.min(wait, def.every) : wait);
      await repo.requeueJob(this.db, job.id, this.workerId, { runAt, lastError: error });
    } else {
      await this.giveUp(job, def, now, error);
    }
  }

  private async giveUp(job: Job, def: JobDefinition, now: Date, error: string) {
    if (!(await repo.failJob(this.db, job.id, this.workerId, now, error))) return;
    await def.onFailed?.(this.db, job, error);
  }
}

/** Runs what is due once with these handlers and returns how many ran (tests pin `now`). */
export function runDueJobs(db: Db, opts: JobRunnerOptions): Promise<number> {
  return new JobRunner(db, opts).runDue();
}
