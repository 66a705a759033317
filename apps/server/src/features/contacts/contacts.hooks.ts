import type { Db } from '../../db/client.ts';
import { Hook } from '../../lib/hooks.ts';

/**
 * Two records became one: whatever refers to the source must follow it to the target before
 * the source is deleted for good (the tasks feature moves its tasks). Runs inside the merge.
 */
export const contactsMerged = new Hook<
  [tx: Db, merge: { orgId: string; sourceId: string; targetId: string }]
>('contactsMerged');

export interface ContactChange {
  orgId: string;
  kind: 'person' | 'company';
  change: 'created' | 'updated' | 'deleted';
  id: string;
  /** The record as the API returns it, built only if a subscriber asks (it costs queries). */
  dto: () => Promise<unknown>;
}

/**
 * One person or company was created, edited or moved to the trash (single-record writes: the
 * API, club events and their rules); runs inside the change's transaction, so what a
 * subscriber writes (a webhook's outbox row) commits with it or not at all.
 */
export const contactChanged = new Hook<[tx: Db, change: ContactChange]>('contactChanged');
