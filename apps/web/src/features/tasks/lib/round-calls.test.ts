import type { Task } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { nextCall } from './round-calls.ts';

const call = (id: string, takenBy: string | null = null) =>
  ({ id, takenBy: takenBy ? { id: takenBy, name: takenBy } : null }) as Task;

describe('the next call of a round', () => {
  const open = [call('a'), call('b', 'colleague'), call('c', 'me'), call('d')];

  it('is the first open call nobody else has taken', () => {
    expect(nextCall(open, new Set(), 'me')?.id).toBe('a');
    expect(nextCall(open, new Set(['a']), 'me')?.id).toBe('c');
  });

  it('skips calls finished or skipped in this sitting, even before the list refetches', () => {
    expect(nextCall(open, new Set(['a', 'c']), 'me')?.id).toBe('d');
    expect(nextCall(open, new Set(['a', 'c', 'd']), 'me')).toBeUndefined();
  });
});
