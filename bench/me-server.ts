/**
 * The app as the server runs it, in a process of its own, for bench/me.bench.ts: configured by
 * the environment (LOG_LEVEL decides the logging; its stdout is wherever the bench points it),
 * listening on a free port it reports to the parent.
 */
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';

const config = loadConfig();
const database = await openDatabase(config);
const app = await buildApp(config, { database });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ url });
// The bench turns request lines off and on in the same process (`{ level }`), so what they cost
// is measured without the difference between two processes.
process.on('message', (message: { level?: string }) => {
  if (message.level) {
    app.log.level = message.level;
    process.send!({ level: app.log.level });
  }
});
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
