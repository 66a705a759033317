import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database, DatabaseKind, Db } from './db/client.ts';
import { apiTokenAuthenticator } from './features/api-tokens/api-tokens.feature.ts';
import { AuthCache, sessionAuthenticator } from './features/auth/auth.feature.ts';
import type { LoginLimiter, SignupLimiter } from './features/auth/index.ts';
import type { LeadFormLimits } from './features/lead-forms/index.ts';
import type { SmsSender } from './features/mailing/channel-sender.ts';
import { JobRunner } from './features/jobs/index.ts';
import { serverFeatures, wireFeatures } from './features.ts';
import { authPlugin } from './plugins/auth.ts';
import type { AppConfig } from './plugins/env.ts';
import { registerCompression } from './plugins/compression.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { serverLogging } from './plugins/logging.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { fastifyTrustProxy } from './plugins/trust-proxy.ts';
import { registerWeb } from './plugins/web.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbKind: DatabaseKind;
    config: AppConfig;
    /** Every API route as "METHOD /path", for the OpenAPI completeness test and the docs. */
    apiRoutes: string[];
    /** The clock: "today", board columns, reminders and due colours read it; tests pin it. */
    now: () => Date;
    /** LISTEN on a PostgreSQL channel (see `Database.listen`). */
    pgListen: Database['listen'];
    /**
     * The embedded database's consistent copy (`Database.dumpDataDir`) and, when it lives on
     * disk, its data folder; null on PostgreSQL.
     */
    embeddedDb: { dump: () => Promise<Blob>; dataDir: string | null } | null;
  }
}

export interface AppOptions {
  database: Database;
  /** Tests pin the limiter's clock; the server uses the real one. */
  limiter?: LoginLimiter;
  /** Tests that create many organizations from one address hand in a looser one. */
  signupLimiter?: SignupLimiter;
  logger?: boolean;
  /** Tests pin the clock (board columns, reminders); the server uses the real one. */
  now?: () => Date;
  /** Tests of the lead form's limits hand in small ones. */
  leadFormLimits?: LeadFormLimits;
  /** Tests of SMS campaigns hand in a sender that records. */
  smsSender?: SmsSender;
}

/** Builds the whole app without listening: server.ts listens, tests use `inject`. */
export async function buildApp(config: AppConfig, opts: AppOptions): Promise<FastifyInstance> {
  const logging = serverLogging(opts.logger === false ? false : config.logLevel);
  const app = Fastify({
    ...logging.options,
    // Some hops or some addresses, never `true`: trusting every hop would take the client's
    // address from the left of X-Forwarded-For, which the client writes itself.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // JSON bodies stay small; larger strings are refused field by field by their schemas.
    bodyLimit: 4 * 1024 * 1024,
    return503OnClosing: true,
    // Live-event streams stay open for as long as a browser keeps them: a closing server
    // destroys every connection instead of waiting (requests in flight then fail, and the
    // browser retries; the live-event streams reconnect by themselves).
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  logging.attach(app);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('dbKind', opts.database.kind);
  app.decorate('config', config);
  app.decorate('apiRoutes', [] as string[]);
  app.decorate('now', opts.now ?? (() => new Date()));
  app.decorate('pgListen', opts.database.listen);
  const { dumpDataDir } = opts.database;
  app.decorate(
    'embeddedDb',
    dumpDataDir ? { dump: dumpDataDir, dataDir: opts.database.dataDir ?? null } : null,
  );
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const m of methods) if (m !== 'HEAD') app.apiRoutes.push(`${m} ${route.url}`);
  });
  registerErrorHandling(app);
  registerSecurityHeaders(app);

  await registerCompression(app);
  await app.register(cookie);
  // Sessions and API tokens are remembered for a few seconds (decision 0019).
  const authCache = new AuthCache();
  await app.register(authPlugin, {
    ...sessionAuthenticator(config.sessionSecret, authCache),
    apiToken: apiTokenAuthenticator(authCache, app.now),
    cache: authCache,
  });
  await registerOpenApi(app);

  // The one place that knows every feature: their routes, reactions, start-up work and jobs.
  const features = serverFeatures({
    limiter: opts.limiter,
    signupLimiter: opts.signupLimiter,
    leadFormLimits: opts.leadFormLimits,
    smsSender: opts.smsSender,
  });
  wireFeatures(features);
  for (const feature of features) {
    for (const routes of feature.routes ?? []) await app.register(routes);
  }
  await registerWeb(app, config.webDist);

  // Every background task runs as a job of one runner (docs/decisions/0007-job-runner.md).
  const runner = new JobRunner(app.db, {
    jobs: Object.assign(
      {},
      ...features.map((f) => (typeof f.jobs === 'function' ? f.jobs(app) : (f.jobs ?? {}))),
    ),
    now: app.now,
    oneConnection: opts.database.kind === 'embedded',
    onError: (err, job) =>
      app.log.error({ err, job: job && { id: job.id, kind: job.kind } }, 'job'),
  });
  app.addHook('onReady', async () => {
    for (const feature of features) await feature.onReady?.(app);
    runner.start();
  });
  app.addHook('onClose', async () => {
    await runner.stop();
    await opts.database.close();
  });
  return app;
}
