import * as z from 'zod/mini';

/**
 * Building blocks of the search params that route definitions check. They use zod's small
 * functional API: the router and its schemas are in the first download of every page, the
 * login page's too, and zod's chained API would add its whole weight there.
 */

/** A param that falls back to `undefined` on its own, so a stale or hand-edited URL still works. */
export const lenient = <T extends z.ZodMiniType>(schema: T) =>
  z.catch(z.optional(schema), undefined);

export const id = z.uuid();
export const ids = z.array(id).check(z.maxLength(100));
export const day = z.iso.date();
export const pageNumber = z.int().check(z.minimum(1), z.maximum(100_000));
export const pageSize = z.union([z.literal(25), z.literal(50), z.literal(100)]);
export const text = (max: number) => z.string().check(z.maxLength(max));
