import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  parameters?: Array<{ in: string; name: string }>;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists every API route with its request and response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ openapi: string; paths: Record<string, Record<string, Operation>> }>();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = t.app.apiRoutes.filter((r) => r !== 'GET /api/openapi.json');
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      expect(documented, route).toContain(route);
      const [method, url] = route.split(' ') as [string, string];
      const op = doc.paths[url.replace(/:(\w+)/g, '{$1}')]![method.toLowerCase()]!;
      const success = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
      const content = success?.[1].content ?? {};
      // JSON everywhere but the event stream, the iCalendar feed, the backup and the TwiML
      // answered to Twilio, which have their own type.
      const schema =
        content['application/json']?.schema ??
        content['text/event-stream']?.schema ??
        content['text/calendar']?.schema ??
        content['application/gzip']?.schema ??
        content['text/xml']?.schema;
      // 204 has no body to describe.
      if (success?.[0] !== '204') expect(schema, `${route} response`).toBeDefined();
      if (method === 'POST' || method === 'PATCH') {
        // Twilio's webhook is form-encoded, as Twilio sends it.
        const hasBody =
          (
            op.requestBody?.content['application/json'] ??
            op.requestBody?.content['application/x-www-form-urlencoded']
          )?.schema !== undefined;
        // Logout, reset, starting a two-step setup and a webhook endpoint's test, new secret
        // and redelivery take no body; the import upload takes the raw CSV file (described in
        // its summary), which no JSON schema can express.
        const bodyless =
          /\/(logout|reset-password|two-step\/setup)$/.test(url) ||
          /^\/api\/webhook-endpoints\/.*\/(test|rotate-secret|redeliver)$/.test(url) ||
          route === 'POST /api/imports';
        expect(hasBody || bodyless, `${route} request body`).toBe(true);
      }
      if (url.includes(':id')) {
        expect(
          op.parameters?.some((p) => p.in === 'path' && p.name === 'id'),
          route,
        ).toBe(true);
      }
    }
  });

  it('serves the browsable docs at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/html/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });
});
