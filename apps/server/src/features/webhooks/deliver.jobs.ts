import type { FastifyInstance } from 'fastify';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/client.ts';
import { AllowList, systemResolver, type Resolver } from '../../lib/address-guard.ts';
import { secretBoxFor, type SecretBox } from '../../lib/secret-box.ts';
import type { Job, JobDefinitions } from '../jobs/index.ts';
import { insertNotification } from '../notifications/index.ts';
import { DELIVER_JOB } from './emit.ts';
import { sendWebhook, type SendOutcome } from './send.ts';
import * as repo from './webhooks.repo.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An endpoint whose every try has failed for this long is switched off and admins are told. */
export const DISABLE_AFTER_MS = 3 * DAY_MS;
/** Finished deliveries and their tries stay in the log this long. */
const KEEP_MS = 30 * DAY_MS;
const PRUNE_JOB = 'webhooks.prune';
const PRUNE_BATCH = 5_000;

export interface WebhookDeps {
  box: SecretBox;
  allow: AllowList;
  resolver: Resolver;
  timeoutMs?: number;
}

export const webhookSecretBox = (sessionSecret: string) =>
  secretBoxFor(sessionSecret, 'webhook endpoint secrets');

/** The sealed secret opens only on its own endpoint's row. */
export const secretContext = (orgId: string, endpointId: string) => `${orgId}/${endpointId}`;

export function webhookDepsOf(app: FastifyInstance): WebhookDeps {
  return {
    box: webhookSecretBox(app.config.sessionSecret),
    allow: new AllowList(app.config.webhookAllowHosts ?? []),
    resolver: systemResolver,
  };
}

/**
 * Sends one delivery once. The try is written to the log whatever happens; a failure throws,
 * so the job runner tries again with backoff (decision 0007) until its tries are spent.
 */
export async function deliverOnce(
  db: Db,
  job: Job,
  deps: WebhookDeps,
  now: Date,
  signal?: AbortSignal,
) {
  const orgId = job.orgId!;
  const deliveryId = String(job.payload.deliveryId);
  const delivery = await repo.findDelivery(db, orgId, deliveryId);
  // Gone with its endpoint, or already delivered by a try whose lease ran out: nothing to do.
  if (!delivery || delivery.state !== 'pending') return;
  const endpoint = await repo.findEndpoint(db, orgId, delivery.endpointId);
  if (!endpoint) return;
  const attempt = delivery.attempts + 1;
  let outcome: SendOutcome;
  if (!endpoint.enabled) {
    outcome = {
      outcome: 'refused',
      status: null,
      durationMs: 0,
      error: 'The endpoint is switched off',
      responseExcerpt: '',
    };
  } else {
    const secret = deps.box.open(endpoint.secretSealed, secretContext(orgId, endpoint.id));
    if (!secret) throw new Error('The endpoint secret does not open with this server secret');
    const body = JSON.stringify(delivery.payload);
    const signature = new Webhook(secret).sign(delivery.messageId, now, body);
    outcome = await sendWebhook(
      {
        url: endpoint.url,
        body,
        headers: {
          'webhook-id': delivery.messageId,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': signature,
        },
      },
      { resolver: deps.resolver, allow: deps.allow, timeoutMs: deps.timeoutMs, signal },
    );
  }
  const succeeded = outcome.outcome === 'succeeded';
  // A switched-off endpoint ends its deliveries now; anything else is tried again until spent.
  const last = !endpoint.enabled || job.attempts >= job.maxAttempts;
  await db.transaction(async (tx) => {
    await repo.insertAttempt(tx, {
      orgId,
      endpointId: endpoint.id,
      deliveryId,
      attempt,
      at: now,
      outcome: outcome.outcome,
      status: outcome.status,
      durationMs: outcome.durationMs,
      error: outcome.error,
      responseExcerpt: outcome.responseExcerpt,
    });
    await repo.updateDelivery(tx, orgId, deliveryId, {
      attempts: attempt,
      ...(succeeded || last ? { state: succeeded ? 'succeeded' : 'failed', finishedAt: now } : {}),
    });
    if (!endpoint.enabled) return;
    if (succeeded) await repo.markEndpointAnswering(tx, orgId, endpoint.id);
    else await failing(tx, orgId, endpoint, now);
  });
  if (!succeeded && !last) throw new Error(outcome.error ?? 'The delivery failed');
}

/** Counts the failure against the endpoint; after days of nothing but failures, switches it off. */
async function failing(tx: Db, orgId: string, endpoint: repo.EndpointRow, now: Date) {
  const streak = await repo.markEndpointFailing(tx, orgId, endpoint.id, now);
  if (!streak?.failingSince || now.getTime() - streak.failingSince.getTime() < DISABLE_AFTER_MS) {
    return;
  }
  if (!(await repo.disableFailingEndpoint(tx, orgId, endpoint.id))) return;
  for (const admin of await repo.adminIds(tx, orgId)) {
    await insertNotification(tx, {
      orgId,
      userId: admin.id,
      kind: 'webhook_disabled',
      taskId: null,
      text: endpoint.description ? `${endpoint.description} · ${endpoint.url}` : endpoint.url,
    });
  }
}

/** The webhooks feature's jobs for one app (they need its server secret and allow-list). */
export function webhookJobs(app: FastifyInstance, deps = webhookDepsOf(app)): JobDefinitions {
  return {
    [DELIVER_JOB]: {
      run: (db, job, ctx) => deliverOnce(db, job, deps, ctx.now, ctx.signal),
      onFailed: async (db, job) => {
        // Spent by crashes rather than answers: the delivery still shows as failed.
        await repo.updateDelivery(db, job.orgId!, String(job.payload.deliveryId), {
          state: 'failed',
        });
      },
    },
    [PRUNE_JOB]: {
      every: DAY_MS,
      run: async (db, _job, ctx) => {
        const before = new Date(ctx.now.getTime() - KEEP_MS);
        while (!ctx.stopping() && (await repo.pruneDeliveries(db, before, PRUNE_BATCH)) > 0) {
          await ctx.heartbeat();
        }
      },
    },
  };
}
