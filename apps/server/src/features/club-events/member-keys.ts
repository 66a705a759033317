import { normalizePhone } from '../../lib/phones.ts';
import type { EventBatch } from './event-batch.ts';

export const phoneKeysOf = (phones: readonly string[], region: string | null) =>
  phones.map((p) => normalizePhone(p, region).number);
export const emailKeysOf = (emails: readonly string[]) => emails.map((e) => e.trim().toLowerCase());

/** The person an event's phones (E.164) or else emails find among what the batch read. */
export function findByKeys(
  ctx: { batch: EventBatch; region: string | null },
  phones: string[],
  emails: string[],
) {
  const byPhone = ctx.batch.byKeys('phone', phoneKeysOf(phones, ctx.region));
  if (byPhone) return { id: byPhone, by: 'phone' as const };
  const byEmail = ctx.batch.byKeys('email', emailKeysOf(emails));
  if (byEmail) return { id: byEmail, by: 'email' as const };
  return undefined;
}
