/** Escapes `\`, `%` and `_` so user text matches itself in a LIKE / ILIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
