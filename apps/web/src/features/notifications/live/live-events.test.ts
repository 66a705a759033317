import { describe, expect, it } from 'vitest';
import {
  addCall,
  isContactHistoryKey,
  MAX_CALLS,
  mergeRefresh,
  nextRetryDelay,
  parseLiveEvent,
  refreshFor,
} from './live-events.ts';

const TASK = '00000000-0000-4000-8000-000000000001';
const USER = '00000000-0000-4000-8000-000000000002';

describe('live events', () => {
  it('refreshes task lists, the board, the badge and contact history on every task change', () => {
    for (const type of ['task.created', 'task.updated', 'task.deleted'] as const) {
      expect(refreshFor({ type, taskId: TASK })).toEqual({
        keys: [['tasks'], ['board'], ['badge']],
        contactHistory: true,
      });
    }
  });

  it("refreshes deals and the contact history on a deal's change", () => {
    for (const type of ['deal.created', 'deal.updated', 'deal.deleted'] as const) {
      expect(refreshFor({ type, dealId: TASK, pipelineId: USER })).toEqual({
        keys: [['deals'], ['pipelines']],
        contactHistory: true,
      });
    }
    expect(
      parseLiveEvent('deal.updated', JSON.stringify({ dealId: TASK, pipelineId: USER })),
    ).toEqual({ type: 'deal.updated', dealId: TASK, pipelineId: USER });
  });

  it('refreshes the bell and the badge on a notification, nothing about tasks', () => {
    expect(refreshFor({ type: 'notification.created', userId: USER })).toEqual({
      keys: [['notifications'], ['badge']],
      contactHistory: false,
    });
  });

  it('refreshes each query once for a burst of events', () => {
    const burst = [
      ...Array.from({ length: 40 }, () => refreshFor({ type: 'task.created', taskId: TASK })),
      refreshFor({ type: 'notification.created', userId: USER }),
    ];
    const merged = mergeRefresh(burst);
    expect(merged.keys).toEqual([['tasks'], ['board'], ['badge'], ['notifications']]);
    expect(merged.contactHistory).toBe(true);
    expect(mergeRefresh([])).toEqual({ keys: [], contactHistory: false });
  });

  it('knows the contact card’s history keys and nothing else', () => {
    expect(isContactHistoryKey(['persons', TASK, 'history'])).toBe(true);
    expect(isContactHistoryKey(['companies', TASK, 'history'])).toBe(true);
    expect(isContactHistoryKey(['persons', 'detail', TASK])).toBe(false);
    expect(isContactHistoryKey(['tasks', TASK, 'history'])).toBe(false);
    expect(isContactHistoryKey(['persons'])).toBe(false);
  });

  it('reads the server’s messages and refuses anything else', () => {
    expect(
      parseLiveEvent('task.updated', JSON.stringify({ type: 'task.updated', taskId: TASK })),
    ).toEqual({ type: 'task.updated', taskId: TASK });
    // The event name is enough when the data leaves the type out.
    expect(parseLiveEvent('task.deleted', JSON.stringify({ taskId: TASK }))).toEqual({
      type: 'task.deleted',
      taskId: TASK,
    });
    expect(parseLiveEvent('task.updated', 'not json')).toBeNull();
    expect(parseLiveEvent('task.moved', JSON.stringify({ taskId: TASK }))).toBeNull();
    expect(parseLiveEvent('task.updated', JSON.stringify({ taskId: 'x' }))).toBeNull();
    // A message whose data names another type than its event is not trusted.
    expect(
      parseLiveEvent('task.updated', JSON.stringify({ type: 'notification.created' })),
    ).toBeNull();
  });

  it('backs off after failed reconnects, to at most a minute', () => {
    expect(nextRetryDelay(0)).toBe(3000);
    expect(nextRetryDelay(3000)).toBe(6000);
    expect(nextRetryDelay(48_000)).toBe(60_000);
    expect(nextRetryDelay(60_000)).toBe(60_000);
  });

  it('pops an incoming call without refreshing anything, its contact and call ids kept', () => {
    expect(refreshFor({ type: 'call.incoming', contactId: USER })).toEqual({
      keys: [],
      contactHistory: false,
    });
    expect(
      parseLiveEvent('call.incoming', JSON.stringify({ contactId: USER, callId: 'CA1' })),
    ).toEqual({ type: 'call.incoming', contactId: USER, callId: 'CA1' });
  });

  it('stacks calls newest first, one card per person, a repeat of a call changing nothing', () => {
    const call = (contactId: string, callId: string | null, at: number) => ({
      contactId,
      callId,
      at,
    });
    let calls = addCall([], call('anna', 'c1', 1));
    calls = addCall(calls, call('boris', 'c2', 2));
    expect(calls.map((c) => c.contactId)).toEqual(['boris', 'anna']);
    // The same call told twice (two instances, a retried webhook): the stack stays as it is.
    expect(addCall(calls, call('anna', 'c1', 3))).toEqual(calls);
    // Anna rings again: her card moves to the top, once.
    calls = addCall(calls, call('anna', 'c3', 4));
    expect(calls.map((c) => [c.contactId, c.callId])).toEqual([
      ['anna', 'c3'],
      ['boris', 'c2'],
    ]);
    for (let i = 0; i < 10; i++) calls = addCall(calls, call(`p${i}`, `x${i}`, 10 + i));
    expect(calls).toHaveLength(MAX_CALLS);
    expect(calls[0]!.contactId).toBe('p9');
  });
});
