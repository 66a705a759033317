import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPoller } from './poller.ts';

/** A promise the test resolves by hand: a run that is still "in the database". */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('poller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then every interval after the previous run ends', async () => {
    const work = vi.fn(async () => {});
    const stop = startPoller(work, { intervalMs: 1000, onError: () => {} });
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3000);
    expect(work).toHaveBeenCalledTimes(5);
    await stop();
  });

  it('waits for the delay before the first run when given one', async () => {
    const work = vi.fn(async () => {});
    const stop = startPoller(work, { intervalMs: 1000, delayMs: 500, onError: () => {} });
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(2);
    await stop();
  });

  it('never overlaps runs: the interval counts from the end of a slow run', async () => {
    const slow = gate();
    const work = vi.fn(() => slow.promise);
    const stop = startPoller(work, { intervalMs: 1000, onError: () => {} });
    await vi.advanceTimersByTimeAsync(5000);
    expect(work).toHaveBeenCalledTimes(1);
    slow.open();
    await vi.advanceTimersByTimeAsync(999);
    expect(work).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(2);
    await stop();
  });

  it('drains while the work says there is more, then waits the interval', async () => {
    const answers = [true, true, false, true, false];
    const work = vi.fn(async () => answers.shift() ?? false);
    const stop = startPoller(work, { intervalMs: 1000, onError: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect(work).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(5);
    await stop();
  });

  it('reports a failed run and keeps polling', async () => {
    const onError = vi.fn();
    const boom = new Error('database away');
    const work = vi.fn().mockRejectedValueOnce(boom).mockResolvedValue(undefined);
    const stop = startPoller(work, { intervalMs: 1000, onError });
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledWith(boom);
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(1);
    await stop();
  });

  it('stop waits for the run in progress, tells it to hand back, and nothing runs after', async () => {
    const slow = gate();
    let sawStopping = false;
    const work = vi.fn(async (stopping: () => boolean) => {
      await slow.promise;
      sawStopping = stopping();
      return true; // "more to do", but the poller is stopping
    });
    const stop = startPoller(work, { intervalMs: 1000, onError: () => {} });
    let stopped = false;
    const stopDone = stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    slow.open();
    await stopDone;
    expect(sawStopping).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(work).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop before a delayed first run cancels it', async () => {
    const work = vi.fn(async () => {});
    const stop = startPoller(work, { intervalMs: 1000, delayMs: 500, onError: () => {} });
    await stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(work).not.toHaveBeenCalled();
  });

  it('never keeps the process alive: its timers are unref’d', async () => {
    const timers: NodeJS.Timeout[] = [];
    const setTimeoutSpy = vi.spyOn(globalThis, 'setTimeout');
    const stop = startPoller(async () => {}, { intervalMs: 1000, delayMs: 10, onError: () => {} });
    await vi.advanceTimersByTimeAsync(10);
    for (const result of setTimeoutSpy.mock.results) timers.push(result.value as NodeJS.Timeout);
    expect(timers.length).toBeGreaterThanOrEqual(2);
    expect(timers.every((t) => !t.hasRef())).toBe(true);
    await stop();
  });
});
