/**
 * Identical reads that arrive together share one run. A caller never joins a run that has
 * already started: its snapshot may be older than the caller's request (a write the caller
 * made just before must show), so callers arriving while a run is under way wait for the next
 * one, which starts when the current one ends and serves all of them. With one caller at a
 * time nothing waits; with ten at once, one run serves them where ten would compete for the
 * same cores and each take longer.
 *
 * `fn` is the work of the first caller of a run; every caller with the same key must be
 * asking for the same thing (the key names everything the answer depends on).
 */
export class SharedRuns<T> {
  private readonly slots = new Map<string, Slot<T>>();

  run(key: string, fn: () => Promise<T>): Promise<T> {
    const slot = this.slots.get(key);
    if (!slot) {
      const fresh: Slot<T> = { next: null };
      this.slots.set(key, fresh);
      return this.start(key, fresh, fn);
    }
    if (!slot.next) {
      let resolve!: (value: T) => void;
      let reject!: (reason: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      slot.next = { fn, promise, resolve, reject };
    }
    return slot.next.promise;
  }

  /** Keys with a run under way (for tests). */
  get running(): number {
    return this.slots.size;
  }

  private start(key: string, slot: Slot<T>, fn: () => Promise<T>): Promise<T> {
    const run = Promise.resolve().then(fn);
    const after = () => {
      const next = slot.next;
      if (!next) {
        this.slots.delete(key);
        return;
      }
      slot.next = null;
      this.start(key, slot, next.fn).then(next.resolve, next.reject);
    };
    run.then(after, after);
    return run;
  }
}

interface Slot<T> {
  /** The callers who arrived during the current run: they share the one after it. */
  next: {
    fn: () => Promise<T>;
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (reason: unknown) => void;
  } | null;
}
