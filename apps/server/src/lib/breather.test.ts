import { describe, expect, it } from 'vitest';
import { breather } from './breather.ts';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('breather', () => {
  it('lets waiting callbacks run once the loop has held the event loop past its budget', async () => {
    // A budget far above a stall of this shared machine (a 5 ms one failed CI when the process
    // was descheduled between two lines).
    const breathe = breather(250);
    const ran: string[] = [];
    setImmediate(() => ran.push('waiting'));
    // Within the budget: nothing to wait for, the loop goes on.
    expect(breathe()).toBeUndefined();
    busy(260);
    const pause = breathe();
    expect(pause).toBeInstanceOf(Promise);
    await pause;
    expect(ran).toEqual(['waiting']);
    // The budget starts again after the pause.
    expect(breathe()).toBeUndefined();
  });
});
