import type { Db } from '../../db/client.ts';
import {
  insertHistoryMany,
  linkGuardians,
  loadRelationRoles,
  type GuardianLink,
  type HistoryInput,
} from '../contacts/index.ts';
import { normalizePhone } from '../../lib/phones.ts';
import * as members from './members.repo.ts';

type Data = Record<string, unknown>;
type RecordKind = members.RecordKind;

interface MemberRecordState {
  kind: RecordKind;
  externalId: string;
  data: Data;
  occurredAt: Date;
  contactId: string | null;
  memberExternalId: string | null;
  changed: boolean;
}

/** A person found by a key: `rank` orders candidates as the duplicate check does (name, id). */
interface KeyMatch {
  id: string;
  rank: number;
}

const recordKey = (kind: string, externalId: string) => `${kind}\u0000${externalId}`;

/**
 * What a drain's batch of one source's events reads and writes, held in memory for the
 * batch's transaction: read up front with one query per kind of lookup, changed event by
 * event in arrival order (so a later event sees what an earlier one did), written at the end
 * with one statement per table. Decision 0026.
 */
export class EventBatch {
  /** Member id in the source → live person. */
  readonly #links = new Map<string, string>();
  readonly #newLinks = new Map<string, string>();
  readonly #phones = new Map<string, KeyMatch>();
  readonly #emails = new Map<string, KeyMatch>();
  readonly #records = new Map<string, MemberRecordState>();
  readonly #history: Array<HistoryInput & { contactId: string }> = [];
  readonly #guardianLinks: GuardianLink[] = [];
  #relationRoles: Promise<Map<string, string>> | undefined;
  /** Persons made during the batch rank after every one found in the database. */
  #nextRank = Number.MAX_SAFE_INTEGER / 2;
  /** Each number as typed → its key: a batch reads a number when it loads and when it runs. */
  readonly #phoneKeys = new Map<string, string>();

  constructor(
    readonly db: Db,
    readonly orgId: string,
    readonly sourceId: string,
    /** The organization's phone region, which numbers without a country code are read in. */
    readonly region: string | null = null,
  ) {}

  /** The E.164 keys of phones as typed, each number parsed once per batch. */
  phoneKeys(phones: readonly string[]): string[] {
    return phones.map((raw) => {
      let key = this.#phoneKeys.get(raw);
      if (key === undefined) {
        key = normalizePhone(raw, this.region).number;
        this.#phoneKeys.set(raw, key);
      }
      return key;
    });
  }

  /**
   * Reads what the events will ask for: links of their members, persons with their phones and
   * emails (only for members no link names, and callers), and the member records they touch.
   */
  async load(want: {
    memberIds: string[];
    phones: (memberIdsLinked: Set<string>) => string[];
    emails: (memberIdsLinked: Set<string>) => string[];
    records: Array<{ kind: RecordKind; externalId: string }>;
  }): Promise<void> {
    const links = await members.linkedContacts(this.db, this.orgId, this.sourceId, want.memberIds);
    for (const [externalId, contactId] of links) this.#links.set(externalId, contactId);
    const linked = new Set(links.keys());
    const phones = [...new Set(want.phones(linked))];
    for (const m of await members.personsByKeys(this.db, this.orgId, 'phone', phones)) {
      this.#phones.set(m.key, { id: m.id, rank: m.rank });
    }
    const emails = [...new Set(want.emails(linked))];
    for (const m of await members.personsByKeys(this.db, this.orgId, 'email', emails)) {
      this.#emails.set(m.key, { id: m.id, rank: m.rank });
    }
    const rows = await members.lockMemberRecords(this.db, this.orgId, this.sourceId, want.records);
    for (const r of rows) {
      this.#records.set(recordKey(r.kind, r.externalId), {
        kind: r.kind as RecordKind,
        externalId: r.externalId,
        data: r.data as Data,
        occurredAt: r.occurredAt,
        contactId: r.contactId,
        memberExternalId: r.memberExternalId,
        changed: false,
      });
    }
  }

  /** The live person the source's member id is linked to. */
  linked(memberExternalId: string): string | undefined {
    return this.#links.get(memberExternalId);
  }

  /** The first person (by name, then id) with one of the keys, as the duplicate check finds. */
  byKeys(by: 'phone' | 'email', keys: readonly string[]): string | undefined {
    const map = by === 'phone' ? this.#phones : this.#emails;
    let best: KeyMatch | undefined;
    for (const key of keys) {
      const m = map.get(key);
      if (m && (!best || m.rank < best.rank)) best = m;
    }
    return best?.id;
  }

  /** Links the member id to the person; what the source sent about them before is claimed. */
  link(memberExternalId: string, contactId: string): void {
    this.#links.set(memberExternalId, contactId);
    this.#newLinks.set(memberExternalId, contactId);
  }

  /** A person made during the batch: later events find them by their phones and emails. */
  madePerson(contactId: string, keys: { phoneKeys: string[]; emailKeys: string[] }): void {
    const rank = this.#nextRank++;
    for (const key of keys.phoneKeys) {
      if (!this.#phones.has(key)) this.#phones.set(key, { id: contactId, rank });
    }
    for (const key of keys.emailKeys) {
      if (!this.#emails.has(key)) this.#emails.set(key, { id: contactId, rank });
    }
  }

  /**
   * Keeps the newest state per record: an event that happened before the stored one (delivered
   * out of order) changes nothing. Answers the data before and after, or undefined if older.
   */
  mirror(r: {
    kind: RecordKind;
    externalId: string;
    memberExternalId: string | null;
    contactId: string | null;
    occurredAt: Date;
    data: Data;
  }): { before: Data | null; after: Data } | undefined {
    const key = recordKey(r.kind, r.externalId);
    const current = this.#records.get(key);
    if (current && current.occurredAt.getTime() > r.occurredAt.getTime()) return undefined;
    const before = current?.data ?? null;
    // Merged over what is stored (a cancellation keeps the booking's class and time).
    const after = { ...before, ...r.data };
    this.#records.set(key, {
      kind: r.kind,
      externalId: r.externalId,
      data: after,
      occurredAt: r.occurredAt,
      contactId: r.contactId ?? current?.contactId ?? null,
      memberExternalId: r.memberExternalId ?? current?.memberExternalId ?? null,
      changed: true,
    });
    return { before, after };
  }

  /** A payment for a contract arrived: the contract is paid, whatever its last event said. */
  markContractPaid(externalId: string): void {
    const current = this.#records.get(recordKey('contract', externalId));
    if (!current) return;
    current.data = { ...current.data, paid: true };
    current.changed = true;
  }

  history(contactId: string, entry: HistoryInput): void {
    this.#history.push({ ...entry, contactId });
  }

  /** The organization's relation roles by a name in any language, read once per batch. */
  relationRoles(): Promise<Map<string, string>> {
    this.#relationRoles ??= loadRelationRoles(this.db, this.orgId);
    return this.#relationRoles;
  }

  /** A child's guardian to link (issue 17), written with the batch. */
  linkGuardian(link: GuardianLink): void {
    this.#guardianLinks.push(link);
  }

  /** Writes what the batch changed: records, links (and what they claim), history, families. */
  async flush(): Promise<void> {
    const changed = [...this.#records.values()].filter((r) => r.changed);
    await members.writeMemberRecords(this.db, this.orgId, this.sourceId, changed);
    await members.writeLinks(this.db, this.orgId, this.sourceId, this.#newLinks);
    await insertHistoryMany(this.db, this.orgId, this.#history);
    await linkGuardians(this.db, this.orgId, this.#guardianLinks);
  }
}
