import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { loggingOptions, quoted } from './logging.ts';

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
    // In the order things happened: the warning after the two requests before it.
    expect(all.findIndex((l) => l.msg === 'something to say')).toBe(all.indexOf(lines[1]!) + 1);
    expect(typeof lines[0]!.responseTime).toBe('number');
    await app.close();
  });

  it('writes what it still holds when the process exits', () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'spotter-log-exit-'));
    const file = path.join(own, 'exit.log');
    const script = `
      import Fastify from 'fastify';
      import { loggingOptions } from ${JSON.stringify(new URL('./logging.ts', import.meta.url).pathname)};
      const app = Fastify(loggingOptions('info', ${JSON.stringify(file)}));
      app.get('/x', async () => ({ ok: true }));
      // A file opens asynchronously; standard output, the server's, is open from the start.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (let i = 0; i < 500; i++) await app.inject({ method: 'GET', url: '/x?n=' + i });
      app.log.warn('last words');
      for (let i = 500; i < 510; i++) await app.inject({ method: 'GET', url: '/x?n=' + i });
      process.exit(0);
    `;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url).pathname,
    });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    expect(lines).toHaveLength(511);
    expect(lines[500]!.msg).toBe('last words');
    expect(lines.filter((l) => l.req).map((l) => l.req!.url)).toEqual(
      Array.from({ length: 510 }, (_, i) => `/x?n=${i}`),
    );
    rmSync(own, { recursive: true, force: true });
  });

  it('quotes request fields exactly as JSON does', () => {
    for (const text of [
      '',
      '/api/me',
      'req-1a',
      '/api/contacts?search=Åsa Öberg&x=ÿ',
      'мама',
      'say "hi"',
      'back\\slash',
      'tab\there',
      'nul\u0000',
      'emoji 🎾',
      'lone \ud800 surrogate',
      '\u2028 line separator',
    ]) {
      expect(quoted(text)).toBe(JSON.stringify(text));
    }
  });

  it('logs nothing at all when silent', () => {
    expect(loggingOptions('silent')).toEqual({ logger: false });
    expect(loggingOptions(false)).toEqual({ logger: false });
  });
});
