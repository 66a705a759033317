import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, count, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/client.ts';
import { jobs, runDueJobs, type JobDefinitions } from '../jobs/index.ts';
import { DELIVER_JOB } from './emit.ts';

export interface Received {
  id: string;
  type: string;
  body: { type: string; timestamp: string; data: unknown };
  /** Whether `standardwebhooks` verified it with the endpoint's secret. */
  verified: boolean;
  status: number;
}

/**
 * A local receiver for tests: verifies every delivery with the `standardwebhooks` package
 * and answers what `answer` says (200 by default), so a test can make it fail and recover.
 */
export class TestReceiver {
  readonly received: Received[] = [];
  secret = '';
  answer: (n: number) => number = () => 200;
  #server: Server | undefined;
  url = '';

  async start(host = '127.0.0.1'): Promise<this> {
    this.#server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const status = this.answer(this.received.length + 1);
        this.received.push({
          id: String(req.headers['webhook-id']),
          type: (JSON.parse(body) as { type: string }).type,
          body: JSON.parse(body) as Received['body'],
          verified: this.#verifies(body, req.headers),
          status,
        });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(`answer ${status}`);
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, host, resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.url = `http://${host}:${port}/hook`;
    return this;
  }

  #verifies(body: string, headers: IncomingHttpHeaders): boolean {
    try {
      new Webhook(this.secret).verify(body, {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Deliveries it answered with a 2xx. */
  get accepted(): Received[] {
    return this.received.filter((r) => r.status >= 200 && r.status < 300);
  }

  close(): Promise<void> {
    return new Promise((resolve) =>
      this.#server ? this.#server.close(() => resolve()) : resolve(),
    );
  }
}

/**
 * Runs the due deliveries until none is due or running: the app's own runner may have taken
 * one first, and its try must have ended before a test looks at what the receiver got.
 */
export async function settleDeliveries(db: Db, definitions: JobDefinitions, now: () => Date) {
  for (let round = 0; round < 200; round++) {
    const ran = await runDueJobs(db, { jobs: definitions, now });
    const [running] = await db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.kind, DELIVER_JOB), eq(jobs.state, 'running')));
    if (ran === 0 && running?.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('Deliveries did not settle');
}
