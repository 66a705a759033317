import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loggingOptions } from './logging.ts';

describe('request logging', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-log-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one line per request, with the request and its outcome, within a second', async () => {
    const file = path.join(dir, 'server.log');
    const app = Fastify(loggingOptions('info', file));
    app.get('/api/thing', async () => ({ ok: true }));
    app.get('/api/noisy', async (req) => {
      req.log.warn({ detail: 1 }, 'something to say');
      return { ok: true };
    });
    await app.inject({ method: 'GET', url: '/api/thing?x=1' });
    await app.inject({ method: 'GET', url: '/api/missing' });
    await app.inject({ method: 'GET', url: '/api/noisy' });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const all = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const lines = all.filter((l) => l.req !== undefined || l.msg === 'incoming request');
    expect(lines.map((l) => l.msg)).toEqual([
      'request completed',
      'request completed',
      'request completed',
    ]);
    expect(lines[0]).toMatchObject({ level: 30, pid: process.pid, reqId: 'req-1' });
    expect(typeof lines[0]!.time).toBe('number');
    // A route's own lines still carry the request's id.
    expect(all.find((l) => l.msg === 'something to say')).toMatchObject({
      level: 40,
      reqId: 'req-3',
      detail: 1,
    });
    expect(lines[0]).toMatchObject({
      req: { method: 'GET', url: '/api/thing?x=1' },
      res: { statusCode: 200 },
    });
    expect(lines[1]).toMatchObject({ req: { url: '/api/missing' }, res: { statusCode: 404 } });
    expect(typeof lines[0]!.responseTime).toBe('number');
    await app.close();
  });

  it('logs nothing at all when silent', () => {
    expect(loggingOptions('silent')).toEqual({ logger: false });
    expect(loggingOptions(false)).toEqual({ logger: false });
  });
});
