import { randomUUID } from 'node:crypto';
import type { Job, JobList } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { runDueJobs, type JobDefinitions } from './job-runner.ts';
import { insertJob } from './jobs.repo.ts';
import { jobs } from './jobs.table.ts';

const MINUTE = 60_000;
const T = new Date('2030-05-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T.getTime() + minutes * MINUTE);

describe('background jobs for admins', () => {
  const t = useTestApp();

  /** A job that has given up, as the runner leaves it. */
  async function failedJob(orgId: string | null, minutes: number, kind = 'imports.run') {
    const [row] = await t.app.db
      .insert(jobs)
      .values({
        kind,
        orgId,
        state: 'failed',
        runAt: at(minutes),
        attempts: 3,
        maxAttempts: 3,
        lastError: `broke at ${minutes}`,
        finishedAt: at(minutes),
      })
      .returning({ id: jobs.id });
    return row!.id;
  }

  const list = (org: TestOrg, query = '') => ok<JobList>(org.owner, 'GET', `/api/jobs${query}`);

  it('lists only the organization’s failed jobs, newest first and paged', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const older = await failedJob(org.orgId, 1);
    const newer = await failedJob(org.orgId, 3);
    const newest = await failedJob(org.orgId, 5, 'reminders.sweep');
    await failedJob(other.orgId, 4);
    await failedJob(null, 6, 'trash.purge');
    await insertJob(t.app.db, { kind: 'imports.run', orgId: org.orgId, runAt: at(60) });

    const first = await list(org, '?state=failed&limit=2');
    expect(first.items.map((j) => j.id)).toEqual([newest, newer]);
    expect(first.items[0]).toEqual({
      id: newest,
      kind: 'reminders.sweep',
      state: 'failed',
      attempts: 3,
      maxAttempts: 3,
      lastError: 'broke at 5',
      createdAt: expect.any(String),
      runAt: at(5).toISOString(),
      finishedAt: at(5).toISOString(),
    });
    const second = await list(org, `?state=failed&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((j) => j.id)).toEqual([older]);
    expect(second.nextCursor).toBeNull();
    // Failed is what the list shows unless asked otherwise.
    expect((await list(org)).items.map((j) => j.id)).toEqual([newest, newer, older]);
    expect((await list(org, '?state=queued')).items.map((j) => j.kind)).toEqual(['imports.run']);
    const bad = await org.owner.request('GET', '/api/jobs?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
  });

  it('a job that keeps failing shows up with its error, and runs again when retried', async () => {
    const org = await createOrg(t.app);
    const kind = `test.flaky.${randomUUID().slice(0, 8)}`;
    let broken = true;
    const defs: JobDefinitions = {
      [kind]: {
        run: async () => {
          if (broken) throw new Error('The mail server said no');
        },
      },
    };
    await insertJob(t.app.db, { kind, orgId: org.orgId, runAt: T, maxAttempts: 2 });
    expect(await runDueJobs(t.app.db, { jobs: defs, now: () => T })).toBe(1);
    expect((await list(org)).items).toEqual([]);
    expect(await runDueJobs(t.app.db, { jobs: defs, now: () => at(1) })).toBe(1);
    const [failed] = (await list(org)).items;
    expect(failed).toMatchObject({
      kind,
      state: 'failed',
      attempts: 2,
      lastError: 'The mail server said no',
    });

    const retried = await org.owner.request('POST', `/api/jobs/${failed!.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json<Job>()).toMatchObject({ state: 'queued', attempts: 0 });
    expect((await list(org)).items).toEqual([]);
    // Only a failed job can be retried.
    const again = await org.owner.request('POST', `/api/jobs/${failed!.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'job_not_failed' });

    broken = false;
    expect(await runDueJobs(t.app.db, { jobs: defs, now: () => at(2) })).toBe(1);
    const [row] = await t.app.db.select().from(jobs).where(eq(jobs.id, failed!.id));
    expect(row).toMatchObject({ state: 'done', attempts: 1, lastError: null });
  });

  it('needs settings.manage', async () => {
    const org = await createOrg(t.app);
    const id = await failedJob(org.orgId, 1);
    const sales = await createStaff(t.app, org, 'sales');
    expect((await sales.client.request('GET', '/api/jobs')).statusCode).toBe(403);
    expect((await sales.client.request('POST', `/api/jobs/${id}/retry`)).statusCode).toBe(403);
    const admin = await createStaff(t.app, org, 'admin');
    expect((await admin.client.request('GET', '/api/jobs')).statusCode).toBe(200);
  });

  it('a system job (no organization) is not found by any organization', async () => {
    const org = await createOrg(t.app);
    const id = await failedJob(null, 1, 'trash.purge');
    expect((await org.owner.request('POST', `/api/jobs/${id}/retry`)).statusCode).toBe(404);
    const [row] = await t.app.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row!.state).toBe('failed');
  });

  it('is invisible and unretryable for another organization', async () => {
    await expectTenantIsolation(t.app, {
      create: (org) => failedJob(org.orgId, 2),
      routes: [{ method: 'POST', path: '/api/jobs/:id/retry' }],
      lists: ['/api/jobs?state=failed'],
      read: async (_org, id) => (await t.app.db.select().from(jobs).where(eq(jobs.id, id)))[0],
    });
  });
});
