import { describe, expect, it } from 'vitest';
import { SharedRuns } from './shared-runs.ts';

/** A run the test ends by hand. */
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    open = res;
    fail = rej;
  });
  return { promise, open, fail };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('SharedRuns', () => {
  it('never hands a caller a run that started before it came: they share the next one', async () => {
    const runs = new SharedRuns<string>();
    const started: string[] = [];
    const gates = [gate<string>(), gate<string>()];
    const work = (who: string, n: number) => () => {
      started.push(who);
      return gates[n]!.promise;
    };
    const a = runs.run('board', work('a', 0));
    await tick();
    expect(started).toEqual(['a']);
    // b and c come while a's run is under way: neither joins it, neither starts its own yet.
    const b = runs.run('board', work('b', 1));
    const c = runs.run('board', work('c', 1));
    await tick();
    expect(started).toEqual(['a']);
    gates[0]!.open('first');
    expect(await a).toBe('first');
    await tick();
    // One run for both, started after a's ended.
    expect(started).toEqual(['a', 'b']);
    gates[1]!.open('second');
    expect(await b).toBe('second');
    expect(await c).toBe('second');
    await tick();
    expect(runs.running).toBe(0);
  });

  it('runs other keys beside each other, and starts at once when nothing runs', async () => {
    const runs = new SharedRuns<number>();
    let calls = 0;
    const one = runs.run('a', async () => ++calls);
    const other = runs.run('b', async () => ++calls);
    expect(await Promise.all([one, other])).toEqual([1, 2]);
    await tick();
    expect(await runs.run('a', async () => ++calls)).toBe(3);
  });

  it("gives every sharer the run's error, and the next caller a fresh run", async () => {
    const runs = new SharedRuns<string>();
    const first = gate<string>();
    const a = runs.run('k', () => first.promise);
    const b = runs.run('k', () => Promise.reject(new Error('database gone')));
    const c = runs.run('k', async () => 'unused: b came first');
    first.fail(new Error('timeout'));
    await expect(a).rejects.toThrow('timeout');
    await expect(b).rejects.toThrow('database gone');
    await expect(c).rejects.toThrow('database gone');
    await tick();
    expect(await runs.run('k', async () => 'fresh')).toBe('fresh');
    // A function that throws before its promise is an error of its run, not of the caller.
    await expect(
      runs.run('k', () => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
  });
});
