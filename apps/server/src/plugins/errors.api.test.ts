import { ERROR_CODES, FIELD_ERROR_CODES, type ApiError } from '@spotter/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createTestApp, type TestApp } from '../../test/test-app.ts';

/** Every field named in `fields` has a code from the list, and nothing else has one. */
function expectCoded(body: ApiError) {
  expect(ERROR_CODES).toContain(body.code);
  expect(Object.keys(body.fieldCodes ?? {}).sort()).toEqual(Object.keys(body.fields ?? {}).sort());
  for (const code of Object.values(body.fieldCodes ?? {}))
    expect(FIELD_ERROR_CODES).toContain(code);
}

describe('error codes (decision 0008)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a schema validation error with a code for every field', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request('POST', '/api/persons', {
      firstName: 'x'.repeat(101),
      lastName: 7,
      emails: [{ email: 'not-an-email', label: 'work' }],
      shoeSize: 44,
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<ApiError>();
    expectCoded(body);
    expect(body.code).toBe('validation');
    expect(body.fieldCodes).toEqual({
      firstName: 'too_long',
      lastName: 'invalid',
      'emails.0.email': 'invalid_email',
      shoeSize: 'unknown_field',
    });
    expect(body.fieldParams).toEqual({ firstName: { max: 100 } });
    // The English messages stay where API users have always read them.
    expect(body.fields?.shoeSize).toBe('Unknown field');
  });

  it('tells a missing value from a wrong one, and reads the code of a refinement', async () => {
    const org = await createOrg(t.app);
    const missing = await org.owner.request('POST', '/api/branches', {});
    expect(missing.json<ApiError>().fieldCodes).toEqual({ name: 'required' });
    const blank = await org.owner.request('POST', '/api/branches', { name: '   ' });
    expect(blank.json<ApiError>().fieldCodes).toEqual({ name: 'required' });

    const nobody = await org.owner.request('POST', '/api/persons', {});
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json<ApiError>().fieldCodes).toEqual({ firstName: 'identify_required' });

    const zone = await org.owner.request('PATCH', '/api/organization', {
      timezone: 'Mars/Olympus',
      version: 0,
    });
    expect(zone.json<ApiError>().fieldCodes).toMatchObject({ timezone: 'unknown_timezone' });
  });

  it('gives the field errors a service finds codes too', async () => {
    const org = await createOrg(t.app);
    await org.owner.request('POST', '/api/branches', { name: 'Harbour' });
    const dup = await org.owner.request('POST', '/api/branches', { name: 'harbour' });
    expect(dup.statusCode).toBe(409);
    const body = dup.json<ApiError>();
    expectCoded(body);
    expect(body).toMatchObject({ code: 'name_taken', fieldCodes: { name: 'taken' } });

    const unknown = await org.owner.request('POST', '/api/persons', {
      firstName: 'Ada',
      companyId: crypto.randomUUID(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ApiError>().fieldCodes).toEqual({ companyId: 'unknown_reference' });
  });

  it('answers a malformed id or kind in the path as not found, not as a field to correct', async () => {
    const org = await createOrg(t.app);
    for (const [method, url] of [
      ['GET', '/api/tasks/abc'],
      ['GET', '/api/persons/123'],
      ['PATCH', '/api/companies/not-an-id'],
      ['DELETE', '/api/branches/abc'],
      ['GET', '/api/settings/tag'],
      ['PATCH', '/api/settings/tags/abc'],
      ['PATCH', `/api/settings/task-templates/${crypto.randomUUID()}/results/abc`],
    ] as const) {
      const res = await org.owner.request(method, url, method === 'GET' ? undefined : {});
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      const body = res.json<ApiError>();
      expectCoded(body);
      expect(body.code).toBe('not_found');
      expect(body.fields).toBeUndefined();
    }
    // The same id well formed but unknown reads alike, so the two cannot be told apart.
    const unknown = await org.owner.request('GET', `/api/tasks/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ApiError>().code).toBe('not_found');
    // Signing in still comes first.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/tasks/abc' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lists the codes in the OpenAPI error schema', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const text = res.body;
    const doc = res.json<{
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    }>();
    const errors = doc.paths['/api/branches']!.post!.responses['4XX'];
    expect(JSON.stringify(errors)).toContain('"version_conflict"');
    expect(JSON.stringify(errors)).toContain('"unknown_reference"');
    expect(text).toContain('"fieldCodes"');
  });
});
