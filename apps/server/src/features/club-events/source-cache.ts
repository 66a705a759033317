import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/client.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { secretContext } from './event-secrets.ts';
import * as sources from './event-sources.repo.ts';

/** The channel the event_sources trigger (migration "event-sources-notify") writes source ids to. */
export const SOURCES_CHANNEL = 'event_sources';
/** How long a source answers from memory: the worst case for a lost notification. */
export const SOURCE_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/** A source as a delivery needs it: its row and its secrets, opened once. */
export interface KnownSource {
  row: sources.EventSourceRow;
  /** The current secret (no end) and the previous one until its overlap ends. */
  verifiers: Array<{ webhook: Webhook; until: Date | null }>;
}

interface Entry {
  /** Undefined: no such source (a flood of deliveries to a wrong id stays cheap too). */
  known: KnownSource | undefined;
  until: number;
  box: SecretBox;
}

function open(row: sources.EventSourceRow, box: SecretBox): KnownSource {
  const context = secretContext(row.orgId, row.id);
  const verifiers: KnownSource['verifiers'] = [];
  const current = box.open(row.secretSealed, context);
  if (current) verifiers.push({ webhook: new Webhook(current), until: null });
  if (row.previousSecretSealed && row.previousValidUntil) {
    const previous = box.open(row.previousSecretSealed, context);
    if (previous) verifiers.push({ webhook: new Webhook(previous), until: row.previousValidUntil });
  }
  return { row, verifiers };
}

/**
 * A few seconds' memory of the sources deliveries name, with their secrets decrypted (a
 * delivery would otherwise read the row and open two AES-GCM boxes before it could verify).
 * Entries are dropped on every instance when the row changes (a trigger notifies
 * SOURCES_CHANNEL, each instance listens), at once on the instance that changed it
 * (`forget`), and in any case after SOURCE_CACHE_TTL_MS. A lookup that was in flight while
 * anything was forgotten is not kept (the generation moved on).
 */
export class SourceCache {
  readonly #entries = new Map<string, Entry>();
  #generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  async get(db: Db, id: string, box: SecretBox): Promise<KnownSource | undefined> {
    const hit = this.#entries.get(id);
    if (hit && hit.until > this.now() && hit.box === box) return hit.known;
    const generation = this.#generation;
    const row = await sources.findSourceById(db, id);
    const known = row && open(row, box);
    if (generation === this.#generation) {
      this.#entries.delete(id);
      if (this.#entries.size >= MAX_ENTRIES) {
        const oldest = this.#entries.keys().next();
        if (!oldest.done) this.#entries.delete(oldest.value);
      }
      this.#entries.set(id, { known, until: this.now() + SOURCE_CACHE_TTL_MS, box });
    }
    return known;
  }

  forget(id: string): void {
    this.#generation++;
    this.#entries.delete(id);
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}

const caches = new WeakMap<Db, SourceCache>();

/** The cache of the app over `db` (one per database handle, as prepared statements are). */
export function sourceCacheOf(db: Db): SourceCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new SourceCache();
    caches.set(db, cache);
  }
  return cache;
}
