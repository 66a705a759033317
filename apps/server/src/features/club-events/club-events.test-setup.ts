import { randomUUID } from 'node:crypto';
import { and, count, eq, isNull, like } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/client.ts';
import { jobs, runDueJobs } from '../jobs/index.ts';
import { clubEvents } from './club-events.table.ts';
import { clubEventJobs } from './process.jobs.ts';

/**
 * A delivery signed as a real Standard Webhooks sender signs it, with the package's own signer:
 * `inject` it with the source's URL. `raw` sends that text instead of `body` as JSON.
 */
export function signed(
  secret: string,
  body: unknown,
  opts: { msgId?: string; at?: Date; raw?: string } = {},
) {
  const payload = opts.raw ?? JSON.stringify(body);
  const msgId = opts.msgId ?? `msg_${randomUUID()}`;
  const at = opts.at ?? new Date();
  return {
    payload,
    headers: {
      'content-type': 'application/json',
      'webhook-id': msgId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(msgId, at, payload),
    },
  };
}

/**
 * Runs the due club-event jobs until no accepted event waits and none of those jobs is running
 * (the app's own runner may have taken one first, and still be at it).
 */
export async function settleClubEvents(db: Db, now: () => Date) {
  for (let i = 0; i < 200; i++) {
    const ran = await runDueJobs(db, { jobs: clubEventJobs, now });
    const [waiting] = await db
      .select({ n: count() })
      .from(clubEvents)
      .where(and(eq(clubEvents.state, 'accepted'), isNull(clubEvents.processedAt)));
    const [running] = await db
      .select({ n: count() })
      .from(jobs)
      .where(and(eq(jobs.state, 'running'), like(jobs.kind, 'club-events.%')));
    if (ran === 0 && waiting!.n === 0 && running!.n === 0) return;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error('club events did not settle');
}
