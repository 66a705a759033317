/**
 * A Spotter process holding a data folder's lock, for dir-lock.test.ts: takes the lock on the
 * folder given as its argument, says "locked", and keeps it until it is killed.
 */
import { acquireDirLock } from './dir-lock.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: test-lock-holder.ts <data folder>');
await acquireDirLock(dir, { heartbeatMs: 200 });
process.stdout.write('locked\n');
setInterval(() => {}, 60_000);
