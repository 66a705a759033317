import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Feature } from '../../lib/feature.ts';
import { backupRoutes } from './backup.routes.ts';
import { serveBackups } from './local-channel.ts';

/**
 * On a server whose embedded database lives on disk: the local socket `npm run backup` asks,
 * open from start-up until the server closes.
 */
const localBackups: FastifyPluginAsyncZod = async (app) => {
  const embedded = app.embeddedDb;
  if (!embedded?.dataDir) return;
  const { dataDir, dump } = embedded;
  let stop: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    stop = await serveBackups(dataDir, dump, (err) =>
      app.log.error({ err }, 'backup for the command line failed'),
    );
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
};

/** Backups of the embedded database: the download in Settings, and the command line's socket. */
export const backupFeature: Feature = {
  name: 'backup',
  routes: [backupRoutes, localBackups],
};
