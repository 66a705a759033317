import type { Db } from '../../db/client.ts';
import { startPoller } from '../../lib/poller.ts';
import { purgeExpired } from './trash.repo.ts';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Purges expired trash at start and then every hour (C-12). Each run is one DELETE, so
 * several server instances running it at once do no harm. Returns the stop function.
 */
export function startTrashPurger(
  db: Db,
  onError: (err: unknown) => void,
  opts: { intervalMs?: number; now?: () => Date } = {},
): () => Promise<void> {
  const now = opts.now ?? (() => new Date());
  return startPoller(
    async () => {
      await purgeExpired(db, now());
    },
    { intervalMs: opts.intervalMs ?? HOUR_MS, onError },
  );
}
