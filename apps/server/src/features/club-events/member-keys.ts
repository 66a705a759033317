import type { EventBatch } from './event-batch.ts';

export const emailKeysOf = (emails: readonly string[]) => emails.map((e) => e.trim().toLowerCase());

/** The person an event's phones (E.164) or else emails find among what the batch read. */
export function findByKeys(ctx: { batch: EventBatch }, phones: string[], emails: string[]) {
  const byPhone = ctx.batch.byKeys('phone', ctx.batch.phoneKeys(phones));
  if (byPhone) return { id: byPhone, by: 'phone' as const };
  const byEmail = ctx.batch.byKeys('email', emailKeysOf(emails));
  if (byEmail) return { id: byEmail, by: 'email' as const };
  return undefined;
}
