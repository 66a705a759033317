/**
 * The app as the server runs it, in a process of its own, for bench/me.bench.ts: configured by
 * the environment (LOG_LEVEL decides the logging; its stdout is wherever the bench points it),
 * listening on a free port it reports to the parent.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../apps/server/src/app.ts';
import { openDatabase } from '../apps/server/src/db/client.ts';
import { loadConfig } from '../apps/server/src/plugins/env.ts';

const config = loadConfig();
const database = await openDatabase(config);
const app = await buildApp(config, { database });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ url });
// The bench can take a CPU profile of the app's thread over a stretch of its choosing
// (`{ profile: 'start' }`, then `{ profile: 'stop', to: file }`), so the profile holds the load
// and not the start.
const inspector = new Session();
inspector.connect();
process.on('message', (message: { profile?: 'start' | 'stop'; to?: string }) => {
  void (async () => {
    if (message.profile === 'start') {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
      await inspector.post('Profiler.start');
      process.send!({ profiling: true });
    } else if (message.profile === 'stop' && message.to) {
      const { profile } = await inspector.post('Profiler.stop');
      writeFileSync(message.to, JSON.stringify(profile));
      process.send!({ profiled: message.to });
    }
  })();
});
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
