/** Shared set-up of the list, bulk and export API tests: reference data made through the API. */
import type { CustomField, Lookup, Person, Status } from '@spotter/contracts';
import { ok, type Client, type TestOrg } from '../../../test/test-app.ts';

export async function personStatuses(org: TestOrg) {
  return (await ok<{ items: Status[] }>(org.owner, 'GET', '/api/settings/statuses?entity=person'))
    .items;
}

export async function addTag(org: TestOrg, name: string) {
  return ok<Lookup>(org.owner, 'POST', '/api/settings/tags', { name });
}

export async function addDropdown(org: TestOrg, name: string, options: string[]) {
  return ok<CustomField>(org.owner, 'POST', '/api/settings/custom-fields', {
    entity: 'person',
    name,
    type: 'dropdown',
    options: options.map((o) => ({ name: o })),
  });
}

export async function addField(org: TestOrg, name: string, type: CustomField['type']) {
  return ok<CustomField>(org.owner, 'POST', '/api/settings/custom-fields', {
    entity: 'person',
    name,
    type,
  });
}

export async function addPerson(client: Client, body: Record<string, unknown>) {
  return (await ok<{ person: Person }>(client, 'POST', '/api/persons', body)).person;
}

/** A page of persons, counted (`count=true`) so tests can check `total` too. */
export async function listPersons(client: Client, query: string) {
  const url = `/api/persons?${query}${/(^|&)count=/.test(query) ? '' : '&count=true'}`;
  const res = await client.request('GET', url);
  if (res.statusCode !== 200) throw new Error(`list ${query} → ${res.statusCode}: ${res.body}`);
  return res.json<{
    items: Person[];
    total: number;
    capped: boolean;
    nextCursor: string | null;
    prevCursor: string | null;
  }>();
}

/** Every row of a list, following `nextCursor` page by page. */
export async function walkPersons(client: Client, query: string) {
  const pages: Array<Awaited<ReturnType<typeof listPersons>>> = [];
  let cursor: string | null = null;
  do {
    const q = cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query;
    const page = await listPersons(client, `${q}&count=false`);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor);
  return pages;
}
