import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayHit {
  method: string;
  /** Path and query as they arrived. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP SMS gateway on 127.0.0.1 for tests: it keeps every request as it arrived and
 * answers with the next queued reply (default 200 `{"id":"…"}`); `hang` answers nothing.
 */
export class TestGateway {
  readonly hits: GatewayHit[] = [];
  readonly replies: Array<{ status: number; body: string } | 'hang'> = [];
  /** Answers by request (e.g. by the number in it) before the queue; undefined: the queue's turn. */
  answer: ((hit: GatewayHit) => { status: number; body: string } | undefined) | null = null;
  #server: Server | null = null;
  #count = 0;

  get port(): number {
    return (this.#server!.address() as AddressInfo).port;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hit = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        this.hits.push(hit);
        const reply = this.answer?.(hit) ??
          this.replies.shift() ?? {
            status: 200,
            body: JSON.stringify({ id: `sms-${++this.#count}`, status: 'queued' }),
          };
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  reset(): void {
    this.hits.length = 0;
    this.replies.length = 0;
    this.answer = null;
  }

  async close(): Promise<void> {
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()));
  }
}
