import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeTimeCursor, encodeTimeCursor } from './time-cursor.ts';

const id = '0b7c2a4e-9f1d-4c3b-8a6e-2d5f7e9a1b3c';

function decodeError(cursor: string): AppError {
  try {
    decodeTimeCursor(cursor);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`decoded ${cursor}`);
}

describe('time cursor', () => {
  it('round-trips a position and is opaque, URL-safe text', () => {
    const cursor = encodeTimeCursor({ at: '1767225600000000', id });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTimeCursor(cursor)).toEqual({ at: '1767225600000000', id });
  });

  it('keeps microseconds that a JS Date would round away', () => {
    const at = '1767225600123457';
    expect(decodeTimeCursor(encodeTimeCursor({ at, id })).at).toBe(at);
    expect(String(new Date(Number(at) / 1000).getTime() * 1000)).not.toBe(at);
  });

  it('accepts an upper-case id as Postgres would', () => {
    const upper = id.toUpperCase();
    expect(decodeTimeCursor(encodeTimeCursor({ at: '1', id: upper })).id).toBe(upper);
  });

  it('answers anything it did not write with a 400 on the cursor field', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const garbage = [
      '',
      'not a cursor',
      Buffer.from('{oops').toString('base64url'),
      b64({ at: '1', id }),
      b64(['1', id, 'extra']),
      b64([1767225600000000, id]),
      b64(['-1', id]),
      b64(['1.5', id]),
      b64(['123456789012345678', id]),
      b64(["1'; drop table tasks; --", id]),
      b64(['1', 'not-a-uuid']),
      b64(['1', null]),
    ];
    for (const bad of garbage) {
      const err = decodeError(bad);
      expect(err.status, bad).toBe(400);
      expect(err.fields).toEqual({ cursor: { code: 'invalid', message: 'Invalid cursor' } });
    }
  });
});
