import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { DataDirLockedError } from './db/dir-lock.ts';
import { ConfigError, loadConfig } from './plugins/env.ts';

const defaultWebDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

async function main() {
  const config = loadConfig();
  config.webDist ??= defaultWebDist;
  // The embedded database opens in its own thread while this one builds the app.
  const database = await openDatabase(config, { wait: false });
  const app = await buildApp(config, { database });
  try {
    await database.ready;
  } catch (err) {
    await app.close().catch(() => {});
    throw err;
  }
  for (const warning of config.warnings ?? []) app.log.warn(warning);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // close() stops accepting, ends the live-event streams, closes every connection (a request
    // still in flight fails and the browser retries), then runs onClose (the database).
    const timer = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where =
    database.kind === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  app.log.info(`Spotter is running at http://localhost:${config.port} (${where})`);
}

main().catch((err: unknown) => {
  if (err instanceof DataDirLockedError || err instanceof ConfigError) {
    console.error(`\nSpotter could not start: ${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
