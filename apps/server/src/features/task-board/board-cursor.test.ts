import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './board-cursor.ts';

const id = '0190a6e2-1c3b-7cde-8f00-123456789abc';

describe('board cursors', () => {
  it('round-trips a due time to the microsecond, and a card with no due time', () => {
    const dated = { key: '2026-11-22T22:45:00.123456Z', id };
    expect(decodeCursor(encodeCursor(dated))).toEqual(dated);
    expect(decodeCursor(encodeCursor({ key: null, id }))).toEqual({ key: null, id });
  });

  it('is opaque to URLs: base64url, nothing to escape', () => {
    expect(encodeCursor({ key: '2026-11-22T22:45:00.123456Z', id })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects what it did not write', () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64url');
    for (const bad of [
      'not a cursor',
      b64('2026-11-22T22:45:00.123456Z'),
      b64(`2026-11-22|${id}`),
      b64(`2026-11-22T22:45:00.123Z|${id}`),
      b64(`2026-13-45T99:99:99.000000Z|${id}`),
      b64(`2026-11-22T22:45:00.123456Z|${id}|x`),
      b64(`2026-11-22T22:45:00.123456Z|not-a-uuid`),
      b64(`'; drop table tasks; --|${id}`),
    ]) {
      expect(decodeCursor(bad), bad).toBeNull();
    }
  });
});
