export interface PollerOptions {
  /** The pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** Wait this long before the first run; by default it starts at once (synchronously). */
  delayMs?: number;
  /** Called with what a run threw; polling goes on. */
  onError: (err: unknown) => void;
}

/**
 * A background job of the server: runs `work` now (or after `delayMs`) and then `intervalMs`
 * after each run ends, so runs never overlap. When `work` answers true there may be more to do
 * right away (a full batch, a claimed job), so it runs again at once until it answers false.
 * `stopping()` lets a long run hand its work back early. The timer is unref'd: a poller never
 * keeps the process alive on its own. Returns stop(), which cancels the next run and waits for
 * the one in progress (so the database can be closed after it).
 */
export function startPoller(
  work: (stopping: () => boolean) => Promise<boolean | void>,
  opts: PollerOptions,
): () => Promise<void> {
  let stopped = false;
  const stopping = () => stopped;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  function tick() {
    running = (async () => {
      try {
        while (!stopped && (await work(stopping)) === true) {
          // more may be waiting
        }
      } catch (err) {
        opts.onError(err);
      }
      if (!stopped) schedule(opts.intervalMs);
    })();
  }

  if (opts.delayMs) schedule(opts.delayMs);
  else tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
