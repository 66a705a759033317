export { jobs } from './jobs.table.ts';
/**
 * `enqueueJob(db, { kind, key?, orgId?, payload?, runAt, maxAttempts?, concurrency? }, { again? })`
 * adds a background job unless one with its key exists (`again`: unless one is queued or
 * running); pass a transaction as db to enqueue only if it commits. Answers whether it was
 * queued. `concurrency: { key, limit }`: at most `limit` jobs sharing `key` run at once across
 * every instance (e.g. one organization's imports); the others wait queued.
 */
export { insertJob as enqueueJob, type NewJob, type EnqueueOptions } from './jobs.repo.ts';
/**
 * `enqueueJobs(db, jobs, { again? })`: many jobs in one statement (keys as above); answers how
 * many were queued. `deleteQueuedJobs(db, { orgId, kind, field, value })`: drops the queued
 * jobs whose payload's `field` is `value` (running ones finish); `pendingJobPayloads` (same
 * arguments) answers the payloads of those queued or running.
 */
export { insertJobs as enqueueJobs, deleteQueuedJobs, pendingJobPayloads } from './jobs.repo.ts';
/** `jobStates(db, [keyA, keyB])`: the state of each key's job, read without a lock. */
export { jobStates } from './jobs.repo.ts';
/**
 * A feature exports its handlers as `JobDefinitions` (kind → `{ run, every? }`); app.ts joins
 * them into one `JobRunner`. `runDueJobs(db, { jobs, now })` runs what is due once (tests).
 */
/** `backoffMs(attempt)`: the wait before the next try after `attempt` (10 s, 20 s, 40 s …). */
export {
  backoffMs,
  JobRunner,
  runDueJobs,
  wakeJobRunners,
  type Job,
  type JobContext,
  type JobDefinition,
  type JobDefinitions,
  type JobHandler,
  type JobResult,
} from './job-runner.ts';
export { jobMaintenance } from './jobs-prune.ts';
