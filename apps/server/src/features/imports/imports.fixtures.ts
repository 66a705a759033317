import type { Import, ImportProblem, ImportProblemPage } from '@spotter/contracts';
import { expect } from 'vitest';
import type { Client } from '../../../test/test-app.ts';

const FINAL = new Set(['validated', 'done', 'failed']);

export async function uploadCsv(client: Client, csv: string, fileName = 'members.csv') {
  const res = await client.request(
    'POST',
    `/api/imports?kind=person&fileName=${fileName}`,
    undefined,
    {
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    },
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Import>();
}

/** Polls like the wizard does until the (dry) run is over. */
export async function waitForImport(client: Client, id: string, timeoutMs = 90_000) {
  const start = Date.now();
  for (;;) {
    const res = await client.request('GET', `/api/imports/${id}`);
    expect(res.statusCode).toBe(200);
    const imp = res.json<Import>();
    if (FINAL.has(imp.status)) return imp;
    if (Date.now() - start > timeoutMs) throw new Error(`import still ${imp.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runImport(client: Client, imp: Import, body: Record<string, unknown> = {}) {
  const res = await client.request('POST', `/api/imports/${imp.id}/run`, {
    mapping: imp.mapping,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitForImport(client, imp.id);
}

/** Every problem of the latest run, walking the pages as a client would. */
export async function allProblems(client: Client, id: string, query = 'limit=500') {
  const items: ImportProblem[] = [];
  let after: number | null = 0;
  let pages = 0;
  while (after !== null) {
    const res = await client.request('GET', `/api/imports/${id}/problems?${query}&after=${after}`);
    expect(res.statusCode, res.body).toBe(200);
    const page: ImportProblemPage = res.json<ImportProblemPage>();
    items.push(...page.items);
    after = page.next;
    pages++;
  }
  return { items, pages };
}
