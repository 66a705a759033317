import type { PageAfter } from './task-board.repo.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * A column's keyset cursor: the last card's sort key (due or created time, to the microsecond;
 * empty for a card with no due time) and its id. Opaque to clients: base64url.
 */
export function encodeCursor(last: PageAfter): string {
  return Buffer.from(`${last.key ?? ''}|${last.id}`, 'utf8').toString('base64url');
}

/** The cursor's position, or null when it is not one this server wrote. */
export function decodeCursor(cursor: string): PageAfter | null {
  const [key = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !UUID.test(id)) return null;
  if (key === '') return { key: null, id };
  if (!KEY.test(key) || Number.isNaN(Date.parse(key))) return null;
  return { key, id };
}
