import { performance } from 'node:perf_hooks';

/**
 * For a long loop of JavaScript inside a request's or a job's work: answers a function to
 * await between steps that lets the event loop run (requests waiting on it, answers from the
 * database) once the loop has held it for `budgetMs` since it last did. Awaiting a promise that
 * is already settled does not: a loop whose steps need no I/O would otherwise hold the loop for
 * its whole length.
 */
export function breather(budgetMs: number): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}
