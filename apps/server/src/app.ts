import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database, DatabaseKind, Db } from './db/client.ts';
import { apiTokensRoutes } from './features/api-tokens/index.ts';
import { authRoutes, LoginLimiter, sessionJobs } from './features/auth/index.ts';
import { boardRoutes } from './features/board/index.ts';
import { branchesRoutes } from './features/branches/index.ts';
import { contactSettingsRoutes } from './features/contact-settings/index.ts';
import { contactListRoutes, contactsRoutes, trashJobs } from './features/contacts/index.ts';
import { importJobs, importsRoutes } from './features/imports/index.ts';
import { JobRunner, jobMaintenance } from './features/jobs/index.ts';
import { jobsRoutes } from './features/jobs/jobs.routes.ts';
import { backfillTaskDefaults, taskSettingsRoutes } from './features/task-settings/index.ts';
import { eventsRoutes } from './features/events/index.ts';
import { healthRoutes } from './features/health/index.ts';
import {
  calendarFeedRoutes,
  notificationsRoutes,
  reminderJobs,
} from './features/notifications/index.ts';
import { organizationsRoutes } from './features/organizations/index.ts';
import { tasksRoutes } from './features/tasks/index.ts';
import { usersRoutes } from './features/users/index.ts';
import { authPlugin } from './plugins/auth.ts';
import type { AppConfig } from './plugins/env.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerOpenApi } from './plugins/openapi.ts';
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
  }
}

export interface AppOptions {
  database: Database;
  /** Tests pin the limiter's clock; the server uses the real one. */
  limiter?: LoginLimiter;
  logger?: boolean;
  /** Tests pin the clock (board columns, reminders); the server uses the real one. */
  now?: () => Date;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Builds the whole app without listening: server.ts listens, tests use `inject`. */
export async function buildApp(config: AppConfig, opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    // JSON bodies stay small; larger strings are refused field by field by their schemas.
    bodyLimit: 4 * 1024 * 1024,
    return503OnClosing: true,
    // Live-event streams stay open for as long as a browser keeps them: a closing server
    // destroys every connection instead of waiting (requests in flight then fail, and the
    // browser retries; the live-event streams reconnect by themselves).
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.database.db);
  app.decorate('dbKind', opts.database.kind);
  app.decorate('config', config);
  app.decorate('apiRoutes', [] as string[]);
  app.decorate('now', opts.now ?? (() => new Date()));
  app.decorate('pgListen', opts.database.listen);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const m of methods) if (m !== 'HEAD') app.apiRoutes.push(`${m} ${route.url}`);
  });
  registerErrorHandling(app);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
  });

  await app.register(cookie);
  await app.register(authPlugin);
  await registerOpenApi(app);

  const limiter =
    opts.limiter ?? new LoginLimiter({ windowMs: FIFTEEN_MINUTES, maxPerEmail: 10, maxPerIp: 30 });
  await app.register(healthRoutes);
  await app.register(authRoutes, { limiter });
  await app.register(organizationsRoutes);
  await app.register(branchesRoutes);
  await app.register(usersRoutes);
  await app.register(apiTokensRoutes);
  await app.register(contactSettingsRoutes);
  await app.register(contactsRoutes);
  await app.register(contactListRoutes);
  await app.register(importsRoutes);
  await app.register(taskSettingsRoutes);
  await app.register(notificationsRoutes);
  await app.register(calendarFeedRoutes);
  await app.register(eventsRoutes);
  await app.register(boardRoutes);
  await app.register(tasksRoutes);
  await app.register(jobsRoutes);
  await registerWeb(app, config.webDist);

  // Every background task runs as a job of one runner (see docs/decisions/0007-job-runner.md).
  const runner = new JobRunner(app.db, {
    jobs: { ...jobMaintenance, ...sessionJobs, ...trashJobs, ...importJobs, ...reminderJobs },
    now: app.now,
    onError: (err, job) =>
      app.log.error({ err, job: job && { id: job.id, kind: job.kind } }, 'job'),
  });
  app.addHook('onReady', async () => {
    await backfillTaskDefaults(app.db);
    runner.start();
  });
  app.addHook('onClose', async () => {
    await runner.stop();
    await opts.database.close();
  });
  return app;
}
