import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertPerson, type TaskFixture } from './tasks.fixtures.ts';
import { createTaskAs, taskOrg, useTaskTestApp } from './tasks.test-setup.ts';

/** X-4 for the task routes: junk gets a 4xx in the error shape, never a 500. */
describe('bad input on the task routes', () => {
  const { t } = useTaskTestApp();
  let ctx: Awaited<ReturnType<typeof taskOrg>>;
  let taskId: string;
  beforeAll(async () => {
    ctx = await taskOrg(t);
    const person = await insertPerson(ctx.db, ctx.org.orgId);
    taskId = (
      await createTaskAs(ctx.org.owner, { templateId: ctx.fx.call.id, contactId: person.id })
    ).id;
  });

  const idOf = (fx: TaskFixture) =>
    fc.constantFrom(fx.call.id, fx.round.id, fx.internal.id, fx.results.goingToBuy, 'me', '');
  const junk = (fx: TaskFixture) =>
    fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.constantFrom('\u0000', '2026-03-11T09:00:00Z', '9999-12-31T23:59:59+14:00', 'today'),
      idOf(fx),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.array(idOf(fx), { maxLength: 3 }),
      fc.dictionary(
        fc.string({ maxLength: 8 }),
        fc.oneof(fc.string({ maxLength: 8 }), fc.double()),
      ),
    );
  const keys = fc.constantFrom(
    'templateId',
    'contactId',
    'assigneeId',
    'comment',
    'dueAt',
    'remindAt',
    'statusId',
    'branchId',
    'private',
    'personIds',
    'filter',
    'resultId',
    'fields',
    'column',
    'version',
    'release',
    'reopen',
    'force',
    '__proto__',
  );

  it('answers 4xx in the error shape', async () => {
    const fx = ctx.fx;
    const routes = [
      ['POST', '/api/tasks'],
      ['PATCH', `/api/tasks/${taskId}`],
      ['POST', `/api/tasks/${taskId}/result`],
      ['POST', `/api/tasks/${taskId}/move`],
      ['POST', `/api/tasks/${taskId}/take`],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.dictionary(keys, junk(fx), { maxKeys: 5 }), junk(fx)),
        async ([method, url], payload) => {
          const res = await ctx.org.owner.request(method, url, undefined, {
            payload: JSON.stringify(payload),
            headers: { 'content-type': 'application/json' },
          });
          if (res.statusCode < 300) return; // a valid body is fine
          expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBeLessThan(500);
          expect(typeof res.json<{ code: string }>().code).toBe('string');
        },
      ),
      { numRuns: 200, seed: 20261123 },
    );
    const queries = ['state=soon', 'sort=name', 'limit=0', 'assigneeId=x', 'doneFrom=2026-02-30'];
    for (const q of queries) {
      expect((await ctx.org.owner.request('GET', `/api/tasks?${q}`)).statusCode).toBe(400);
    }
  });
});
