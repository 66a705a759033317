import type { Import } from '@spotter/contracts';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imports } from '../../schema.ts';
import { createOrg, createTestApp, type TestApp, type TestOrg } from '../../../test/test-app.ts';

const ROWS = 2500;
const PER_ORGANIZATION = 2;

function membersCsv(prefix: number) {
  const lines = ['Name,Phone'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`Member ${i},+4670${prefix}${String(i).padStart(5, '0')}`);
  return lines.join('\n');
}

async function start(org: TestOrg, prefix: number) {
  const up = await org.owner.request('POST', '/api/imports?kind=person&fileName=m.csv', undefined, {
    payload: membersCsv(prefix),
    headers: { 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  return up.json<Import>();
}

describe('imports of one organization queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { importsPerOrganization: PER_ORGANIZATION } });
  });
  afterAll(() => t.close());

  it(
    'runs at most the limit at once, the rest wait queued; another club is not held back',
    { timeout: 180_000 },
    async () => {
      const a = await createOrg(t.app);
      const b = await createOrg(t.app);
      const ofA = await Promise.all([1, 2, 3].map((n) => start(a, n)));
      const ofB = await start(b, 4);
      const runs = await Promise.all(
        [...ofA.map((imp) => [a, imp] as const), [b, ofB] as const].map(([org, imp]) =>
          org.owner.request('POST', `/api/imports/${imp.id}/run`, { mapping: imp.mapping }),
        ),
      );
      for (const res of runs) {
        expect(res.statusCode, res.body).toBe(202);
        expect(res.json<Import>().status).toBe('queued');
      }
      const idsOfA = ofA.map((i) => i.id);
      let peakOfA = 0;
      let sawAWaiting = false;
      let bWorkedWhileAWaited = false;
      for (const deadline = Date.now() + 170_000; Date.now() < deadline;) {
        const rows = await t.database.db
          .select({ id: imports.id, status: imports.status })
          .from(imports)
          .where(inArray(imports.id, [...idsOfA, ofB.id]));
        const statusOf = (id: string) => rows.find((r) => r.id === id)!.status;
        const aStatuses = idsOfA.map(statusOf);
        const aWaiting = aStatuses.includes('queued');
        peakOfA = Math.max(peakOfA, aStatuses.filter((s) => s === 'running').length);
        if (aWaiting && aStatuses.filter((s) => s === 'running').length === PER_ORGANIZATION) {
          sawAWaiting = true;
        }
        if (aWaiting && statusOf(ofB.id) !== 'queued') bWorkedWhileAWaited = true;
        if ([...aStatuses, statusOf(ofB.id)].every((s) => s === 'done' || s === 'failed')) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(peakOfA).toBe(PER_ORGANIZATION);
      expect(sawAWaiting).toBe(true);
      expect(bWorkedWhileAWaited).toBe(true);
      const finished = await t.database.db
        .select({ status: imports.status, created: imports.created })
        .from(imports)
        .where(inArray(imports.id, [...idsOfA, ofB.id]));
      expect(finished).toEqual(Array(4).fill({ status: 'done', created: ROWS }));
    },
  );
});
