import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';

/**
 * The one queue of background work (imports, reminder sweeps, the trash purge …), claimed by
 * every server instance across organizations. Not a tenant table: a runner claims the next due
 * job whoever it belongs to, and system jobs belong to nobody (org_id null), so its keys are
 * plain ids. An organization's own jobs carry its org_id: admins list and retry only those.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid().references(() => organizations.id, { onDelete: 'cascade' }),
    /** What to run, e.g. 'imports.run': the runner's handler of that name. */
    kind: text().notNull(),
    /** Exactly once: enqueueing a key that exists does nothing (recurring jobs reuse theirs). */
    key: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    state: text({ enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    /** Not before: a delay, a retry's backoff or the next run of a recurring job. */
    runAt: timestamp({ withTimezone: true }).notNull(),
    /** Claims so far (the one running included). */
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    /** The instance running it and until when that claim holds; renewed by its heartbeat. */
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    heartbeatAt: timestamp({ withTimezone: true }),
    lastError: text(),
    /**
     * Jobs sharing a concurrency key (e.g. one organization's imports) run at most
     * `concurrency_limit` at a time across every instance; the others wait queued.
     */
    concurrencyKey: text(),
    concurrencyLimit: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('jobs_key_idx').on(t.key),
    // The claim: due queued jobs of a runner lane's kinds in run_at order (a campaign's
    // thousands of deliveries never stand in front of the reminders), and running ones whose
    // instance stopped renewing its lease.
    index('jobs_kind_due_idx')
      .on(t.kind, t.runAt)
      .where(sql`${t.state} = 'queued'`),
    index('jobs_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.state} = 'running'`),
    // The claim counts what runs under a concurrency key.
    index('jobs_running_key_idx')
      .on(t.concurrencyKey)
      .where(sql`${t.state} = 'running' and ${t.concurrencyKey} is not null`),
    // An admin's list: one organization's jobs in one state, newest first.
    index('jobs_org_state_idx').on(t.orgId, t.state, t.runAt, t.id),
    // The prune of finished jobs.
    index('jobs_done_idx')
      .on(t.finishedAt)
      .where(sql`${t.state} = 'done'`),
  ],
);
