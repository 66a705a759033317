import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowList, type Resolver } from '../../lib/address-guard.ts';
import { sendWebhook } from './send.ts';

describe('sending one webhook', () => {
  let server: Server;
  let port = 0;
  const hits: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/redirect') return res.writeHead(302, { location: '/other' }).end();
      if (req.url === '/big') return res.writeHead(200).end('x'.repeat(1024 * 1024));
      if (req.url === '/slow') return setTimeout(() => res.writeHead(200).end(), 2_000);
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const target = (path: string, host = '127.0.0.1') => ({
    url: `http://${host}:${port}${path}`,
    headers: { 'webhook-id': 'msg_1' },
    body: '{}',
  });
  const noNames: Resolver = async () => {
    throw new Error('ENOTFOUND');
  };
  const allowed = { resolver: noNames, allow: new AllowList(['127.0.0.1']) };

  it('refuses loopback without the allow-list, before connecting', async () => {
    const before = hits.length;
    const out = await sendWebhook(target('/'), { resolver: noNames, allow: new AllowList() });
    expect(out).toMatchObject({ outcome: 'refused', status: null });
    expect(hits.length).toBe(before);
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    // Only the injected resolver knows this name: the connection can only use its answer.
    let asked = 0;
    const once: Resolver = async () => {
      asked++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const out = await sendWebhook(target('/pinned', 'rebind.example'), {
      resolver: once,
      allow: new AllowList(['127.0.0.0/8']),
    });
    expect(out).toMatchObject({ outcome: 'succeeded', status: 204 });
    expect(asked).toBe(1);
    expect(hits).toContain('/pinned');
  });

  it('does not follow redirects', async () => {
    const out = await sendWebhook(target('/redirect'), allowed);
    expect(out).toMatchObject({ outcome: 'failed', status: 302 });
    expect(hits).not.toContain('/other');
  });

  it('reads a bounded excerpt of a large answer', async () => {
    const out = await sendWebhook(target('/big'), allowed);
    expect(out.outcome).toBe('succeeded');
    expect(out.responseExcerpt.length).toBe(1000);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const out = await sendWebhook(target('/slow'), { ...allowed, timeoutMs: 200 });
    expect(out).toMatchObject({ outcome: 'failed', status: null });
    expect(out.error).toContain('No answer');
  });
});
