/**
 * Closed-loop load from a worker thread: `connections` keep-alive clients each send the next
 * request as soon as the last one is answered, for `seconds`; every latency is kept, so the
 * percentiles are exact (p95 included). The worker keeps the load off the event loop of an app
 * running in the benchmark's own process.
 */
import { Worker } from 'node:worker_threads';

export interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

const worker = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, connections, seconds, headers, perConnection } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const get = (i) => new Promise((resolve, reject) => {
  const own = perConnection ? { ...headers, ...perConnection[i % perConnection.length] } : headers;
  const req = http.get(url, { agent, headers: own }, (res) => {
    res.resume();
    res.on('end', () => (res.statusCode < 300 ? resolve() : reject(new Error(url + ': ' + res.statusCode))));
  });
  req.on('error', reject);
});
(async () => {
  const until = Date.now() + seconds * 1000;
  const times = [];
  await Promise.all(Array.from({ length: connections }, async (_, i) => {
    while (Date.now() < until) {
      const t0 = performance.now();
      await get(i);
      times.push(performance.now() - t0);
    }
  }));
  agent.destroy();
  parentPort.postMessage(times);
})().catch((err) => parentPort.postMessage({ error: String(err) }));
`;

const at = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Percentiles and throughput of latencies (ms) gathered over `seconds`. */
export function summarize(times: number[], seconds: number): Load {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    rps: times.length / seconds,
    p50: at(sorted, 50),
    p95: at(sorted, 95),
    p99: at(sorted, 99),
  };
}

export async function load(
  url: string,
  opts: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    /** Headers of each connection (the i-th connection gets entry i modulo the length). */
    perConnection?: Array<Record<string, string>>;
  },
): Promise<Load> {
  const times = await new Promise<number[]>((resolve, reject) => {
    const w = new Worker(worker, {
      eval: true,
      workerData: { url, headers: {}, ...opts },
    });
    w.once('message', (m: number[] | { error: string }) =>
      Array.isArray(m) ? resolve(m) : reject(new Error(m.error)),
    );
    w.once('error', reject);
  });
  return summarize(times, opts.seconds);
}
