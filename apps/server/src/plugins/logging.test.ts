import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { LoggedMessage, serverLogging, writeQuoted } from './logging.ts';

describe('request logging', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const readLines = (file: string) =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('writes one line per request, with the request and its outcome, within a second', async () => {
    const file = path.join(dir, 'server.log');
    const logging = serverLogging('info', file);
    const app = Fastify(logging.options);
    logging.attach(app);
    app.get('/api/thing', async () => ({ ok: true }));
    app.get('/api/noisy', async (req) => {
      req.log.warn({ detail: 1 }, 'something to say');
      return { ok: true };
    });
    app.get('/api/broken', async () => {
      throw new Error('kaput');
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await fetch(`${url}/api/thing?x=1`);
    await fetch(`${url}/api/missing`);
    await fetch(`${url}/api/noisy`);
    await fetch(`${url}/api/broken`);
    // Requests Fastify is handed without a server (tests) have no line.
    await app.inject({ method: 'GET', url: '/api/thing?injected=1' });
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    const all = readLines(file);
    const lines = all.filter((l) => l.msg === 'request completed' || l.msg === 'incoming request');
    expect(lines.map((l) => l.msg)).toEqual([
      'request completed',
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
    // An error the app answers is written with its request's id, then its request line.
    expect(all.find((l) => l.msg === 'kaput')).toMatchObject({ level: 50, reqId: 'req-4' });
    expect(lines[0]).toMatchObject({
      req: { method: 'GET', url: '/api/thing?x=1', remoteAddress: '127.0.0.1' },
      res: { statusCode: 200 },
    });
    expect(lines[1]).toMatchObject({ req: { url: '/api/missing' }, res: { statusCode: 404 } });
    expect(lines[3]).toMatchObject({ reqId: 'req-4', res: { statusCode: 500 } });
    // In the order things happened: the warning after the two requests before it.
    expect(all.findIndex((l) => l.msg === 'something to say')).toBe(all.indexOf(lines[1]!) + 1);
    expect(typeof lines[0]!.responseTime).toBe('number');
    expect(lines[0]!.responseTime).toBeGreaterThan(0);
    await app.close();
  });

  it('turns request lines off and on with the level, and the app logs through the same logger', async () => {
    const file = path.join(dir, 'level.log');
    const logging = serverLogging('info', file);
    const app = Fastify(logging.options);
    logging.attach(app);
    app.get('/x', async () => ({ ok: true }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await fetch(`${url}/x?n=1`);
    app.log.level = 'warn';
    await fetch(`${url}/x?n=2`);
    app.log.info('not written at warn');
    app.log.warn('written at warn');
    app.log.level = 'info';
    await fetch(`${url}/x?n=3`);
    await app.close();
    // The last response may finish as the app closes; its line is written once the server has.
    for (let i = 0; i < 50 && !readFileSync(file, 'utf8').includes('n=3'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const all = readLines(file).filter((l) => !String(l.msg).startsWith('Server listening'));
    expect(all.map((l) => (l.req as { url?: string } | undefined)?.url ?? l.msg)).toEqual([
      '/x?n=1',
      'written at warn',
      '/x?n=3',
    ]);
  });

  it('lets go of each request once answered, and writes on after a client left early', async () => {
    const file = path.join(dir, 'left.log');
    const logging = serverLogging('info', file);
    const app = Fastify(logging.options);
    logging.attach(app);
    const seen: IncomingMessage[] = [];
    app.get('/slow', async (req) => {
      seen.push(req.raw);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true };
    });
    app.get('/x', async (req) => {
      seen.push(req.raw);
      return { ok: true };
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    await app.inject({ method: 'GET', url: '/x' });
    const abort = new AbortController();
    const left = fetch(`${url}/slow`, { signal: abort.signal }).catch(() => 'left');
    await new Promise((resolve) => setTimeout(resolve, 100));
    abort.abort();
    expect(await left).toBe('left');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await fetch(`${url}/x?after=1`);
    await app.close();
    for (let i = 0; i < 50 && !readFileSync(file, 'utf8').includes('after=1'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Node's requests: the injected one is not; the answered one no longer holds Fastify's.
    const [injected, slow, after] = seen;
    expect(injected).not.toBeInstanceOf(LoggedMessage);
    expect(slow).toBeInstanceOf(LoggedMessage);
    expect((after as LoggedMessage).answering).toBeUndefined();
    const lines = readLines(file).filter((l) => l.msg === 'request completed');
    expect(lines.at(-1)).toMatchObject({ reqId: 'req-3', req: { url: '/x?after=1' } });
    expect(lines.some((l) => (l.req as { url: string }).url === '/x')).toBe(false);
  });

  it('writes why a closing server refused a request, and its line', async () => {
    const file = path.join(dir, 'closing.log');
    const logging = serverLogging('info', file);
    const app = Fastify({ ...logging.options, return503OnClosing: true });
    logging.attach(app);
    app.get('/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { ok: true };
    });
    app.get('/x', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    // One connection: a slow request, then the server starts closing, then another request on
    // the same connection while the first is still being answered.
    const socket = connect(port, '127.0.0.1');
    let answers = '';
    socket.on('data', (chunk: Buffer) => (answers += chunk.toString('latin1')));
    socket.write('GET /slow HTTP/1.1\r\nHost: t\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ended = new Promise((resolve) => socket.once('close', resolve));
    const closed = app.close();
    socket.write('GET /x HTTP/1.1\r\nHost: t\r\n\r\n');
    await Promise.all([closed, ended]);
    for (let i = 0; i < 50 && !readFileSync(file, 'utf8').includes('"statusCode":503}'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(answers).toContain('HTTP/1.1 503');
    const all = readLines(file);
    expect(all.find((l) => String(l.msg).startsWith('request aborted'))).toMatchObject({
      level: 30,
      res: { statusCode: 503 },
    });
    expect(
      all.filter((l) => l.msg === 'request completed').map((l) => (l.req as { url: string }).url),
    ).toEqual(['/slow', '/x']);
  });

  it('writes a line only for its own server when two run in one process', async () => {
    const files = [path.join(dir, 'a.log'), path.join(dir, 'b.log')];
    const apps = files.map((file) => {
      const logging = serverLogging('info', file);
      const app = Fastify(logging.options);
      logging.attach(app);
      app.get('/x', async () => ({ ok: true }));
      return app;
    });
    const [a, b] = await Promise.all(apps.map((app) => app.listen({ port: 0, host: '127.0.0.1' })));
    await fetch(`${a}/x?from=a`);
    await fetch(`${b}/x?from=b`);
    await fetch(`${b}/x?from=b2`);
    await Promise.all(apps.map((app) => app.close()));
    for (let i = 0; i < 50 && !readFileSync(files[1]!, 'utf8').includes('from=b2'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const urls = (file: string) =>
      readLines(file)
        .filter((l) => l.msg === 'request completed')
        .map((l) => (l.req as { url: string }).url);
    expect(urls(files[0]!)).toEqual(['/x?from=a']);
    expect(urls(files[1]!)).toEqual(['/x?from=b', '/x?from=b2']);
  });

  it('writes what it still holds when the process exits', () => {
    const own = mkdtempSync(path.join(os.tmpdir(), 'spotter-log-exit-'));
    const file = path.join(own, 'exit.log');
    const script = `
      import Fastify from 'fastify';
      import { serverLogging } from ${JSON.stringify(new URL('./logging.ts', import.meta.url).pathname)};
      const logging = serverLogging('info', ${JSON.stringify(file)});
      const app = Fastify(logging.options);
      logging.attach(app);
      app.get('/x', async () => ({ ok: true }));
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      for (let i = 0; i < 500; i++) await fetch(url + '/x?n=' + i);
      // The server hears that its last response has finished a moment after the client has it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      app.log.warn('last words');
      for (let i = 500; i < 510; i++) await fetch(url + '/x?n=' + i);
      process.exit(0);
    `;
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url).pathname,
    });
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string } })
      .filter((l) => !l.msg.startsWith('Server listening'));
    expect(lines).toHaveLength(511);
    expect(lines[500]!.msg).toBe('last words');
    expect(lines.filter((l) => l.req).map((l) => l.req!.url)).toEqual(
      Array.from({ length: 510 }, (_, i) => `/x?n=${i}`),
    );
    rmSync(own, { recursive: true, force: true });
    // A child process with its own TypeScript loader: a few seconds on a busy machine.
  }, 30_000);

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
      const out = Buffer.alloc(text.length * 6 + 2);
      const end = writeQuoted(out, 0, text);
      expect(out.subarray(0, end).toString('utf8')).toBe(JSON.stringify(text));
    }
  });

  it('writes times and response times as JSON numbers, in the order requests finished', async () => {
    const file = path.join(dir, 'numbers.log');
    const { lines } = serverLogging('info', file);
    const before = Date.now();
    const tooks = [0, 0.0004, 0.0005, 0.412345, 1, 9.9999, 12.03, 1234.5678, 86_400_000.25];
    tooks.forEach((took, i) =>
      lines!.request(`req-${i}`, 'GET', `/n/${i}`, '::1', 200 + i, performance.now(), took),
    );
    lines!.request('', 'DELETE', '/x "quoted" ✓', '', 503, performance.now(), -1);
    // The longest a line gets around the shortest strings: all empty, the largest numbers.
    for (let i = 0; i < 300; i++) {
      lines!.request('', '', '', '', 65_535, performance.now(), 999_999_999_999_999);
    }
    await new Promise<void>((resolve) => lines!.flush(() => resolve()));
    for (
      let i = 0;
      i < 50 && !(existsSync(file) && readFileSync(file, 'utf8').includes('503'));
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const everything = readLines(file);
    expect(everything).toHaveLength(310);
    expect(everything[309]).toMatchObject({ res: { statusCode: 65_535 }, reqId: '' });
    expect(everything[309]!.responseTime).toBe(999_999_999_999_999);
    const all = everything.slice(0, 10);
    expect(all.map((l) => l.responseTime)).toEqual([
      0, 0, 0.001, 0.412, 1, 10, 12.03, 1234.568, 86_400_000.25, 0,
    ]);
    expect(all.map((l) => (l.res as { statusCode: number }).statusCode)).toEqual([
      200, 201, 202, 203, 204, 205, 206, 207, 208, 503,
    ]);
    for (const line of all) {
      expect(line.time).toBeGreaterThanOrEqual(before - 1);
      expect(line.time).toBeLessThanOrEqual(Date.now());
    }
    expect(all[9]).toMatchObject({ reqId: '', req: { method: 'DELETE', url: '/x "quoted" ✓' } });
  });

  it('writes lines alike whether their pieces are kept or written afresh', async () => {
    const file = path.join(dir, 'pieces.log');
    const { lines } = serverLogging('info', file);
    const methods = ['GET', 'PROPFIND', 'post', 'DELETE', ''];
    const statuses = [200, 404, 999, 1000, 65_535, 0];
    // More lines than a batch holds, more addresses than are kept (some again after they have
    // been let go of), and times on both sides of a ten-second step.
    const sent = Array.from({ length: 1500 }, (_, i) => ({
      id: `req-${i}`,
      method: methods[i % methods.length]!,
      url: `/api/things/${i}?q=${i % 7 === 0 ? 'å"\\' : 'x'}`,
      address: i % 3 === 0 ? '127.0.0.1' : `10.0.${((i * 7) % 311) >> 8}.${((i * 7) % 311) & 255}`,
      status: statuses[i % statuses.length]!,
      ago: (i % 40) * 500,
    }));
    const before = Date.now();
    for (const r of sent) {
      lines!.request(r.id, r.method, r.url, r.address, r.status, performance.now() - r.ago, 1.5);
    }
    await new Promise<void>((resolve) => lines!.flush(() => resolve()));
    for (let i = 0; i < 50 && !readFileSync(file, 'utf8').includes('req-1499'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const after = Date.now();
    const written = readLines(file);
    expect(written).toHaveLength(sent.length);
    written.forEach((line, i) => {
      const r = sent[i]!;
      expect(line).toEqual({
        level: 30,
        time: line.time,
        pid: process.pid,
        hostname: os.hostname(),
        reqId: r.id,
        req: { method: r.method, url: r.url, remoteAddress: r.address },
        res: { statusCode: r.status },
        responseTime: 1.5,
        msg: 'request completed',
      });
      expect(line.time).toBeGreaterThanOrEqual(before - r.ago - 1);
      expect(line.time).toBeLessThanOrEqual(after - r.ago + 1);
    });
  });

  it('logs nothing at all when silent', () => {
    expect(serverLogging('silent').options).toEqual({ logger: false });
    expect(serverLogging(false).options).toEqual({ logger: false });
  });
});
