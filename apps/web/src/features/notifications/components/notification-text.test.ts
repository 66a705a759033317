import type { Notification } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { freshNotifications, notificationLines } from './notification-text.ts';

const base: Notification = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'reminder',
  task: { id: '00000000-0000-4000-8000-000000000002', name: 'Personal call', contactName: 'Anna' },
  text: 'Personal call',
  createdAt: '2025-03-02T09:00:00.000Z',
  readAt: null,
};

describe('a notification’s text', () => {
  it('leads with the task and names the person, without repeating the text', () => {
    expect(notificationLines(base)).toEqual({ headline: 'Personal call', details: ['Anna'] });
  });

  it('adds a text that says something else', () => {
    expect(notificationLines({ ...base, text: 'Ask about the trial' }).details).toEqual([
      'Anna',
      'Ask about the trial',
    ]);
  });

  it('says a check-in in its own words, the task being part of them', () => {
    const note = { ...base, kind: 'check_in' as const, text: 'Anna is here: Call: Renewal open' };
    expect(notificationLines(note)).toEqual({
      headline: 'Anna is here: Call: Renewal open',
      details: [],
    });
  });

  it('falls back to the text when the task is gone', () => {
    expect(notificationLines({ ...base, task: null, text: 'Order water' })).toEqual({
      headline: 'Order water',
      details: [],
    });
  });
});

describe('which notifications pop up', () => {
  const n = (id: string, createdAt: string, readAt: string | null = null) => ({
    ...base,
    id,
    createdAt,
    readAt,
  });

  it('shows unread ones newer than the page’s start, each once', () => {
    const items = [
      n('c', '2025-03-02T09:02:00.000Z'),
      n('b', '2025-03-02T09:01:00.000Z', '2025-03-02T09:01:30.000Z'),
      n('a', '2025-03-02T08:59:00.000Z'),
    ];
    expect(
      freshNotifications(items, '2025-03-02T09:00:00.000Z', new Set()).map((x) => x.id),
    ).toEqual(['c']);
    expect(freshNotifications(items, '2025-03-02T09:00:00.000Z', new Set(['c']))).toEqual([]);
    expect(freshNotifications(items, null, new Set()).map((x) => x.id)).toEqual(['c', 'a']);
  });
});
