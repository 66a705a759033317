import type { LookupKind } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { Port } from '../../lib/hooks.ts';

/** Lists whose entries a contact holds in an array (tags, categories, products of interest). */
export const ARRAY_KINDS = ['tags', 'categories', 'products'] as const;
/** Lists whose entry a contact holds in one column (industry, source). */
export const SINGLE_KINDS = ['industries', 'sources'] as const;

export type ArrayKind = (typeof ARRAY_KINDS)[number];
export type SingleKind = (typeof SINGLE_KINDS)[number];
export const isArrayKind = (k: LookupKind): k is ArrayKind =>
  (ARRAY_KINDS as readonly string[]).includes(k);
export const isSingleKind = (k: LookupKind): k is SingleKind =>
  (SINGLE_KINDS as readonly string[]).includes(k);

/**
 * What settings need done on the contacts that use a setting: the contacts feature owns those
 * rows and provides this (contacts.feature.ts). Every function takes the caller's transaction.
 */
export interface ContactReferences {
  /** Live (not deleted) contacts that show this status. */
  countWithStatus(db: Db, orgId: string, statusId: string): Promise<number>;
  /** Clears the status from every contact (only trashed ones can still have it). */
  clearStatus(db: Db, orgId: string, statusId: string): Promise<void>;
  /** How many live contacts use each entry of a list (history types: contacts with such entries). */
  usageByLookup(db: Db, orgId: string, kind: LookupKind): Promise<Map<string, number>>;
  /** Live contacts of one kind that carry a tag or category. */
  countWithListEntry(
    db: Db,
    orgId: string,
    kind: ArrayKind,
    id: string,
    contactKind: 'person' | 'company',
  ): Promise<number>;
  /** Removes an entry from every contact, live or in the trash (and from history types). */
  removeLookup(db: Db, orgId: string, kind: LookupKind, id: string): Promise<void>;
  /** Moves every contact from one industry or source to another; answers how many live ones. */
  moveLookup(db: Db, orgId: string, kind: SingleKind, from: string, to: string): Promise<number>;
  /** Drops a custom field's values from every contact: all of them, or those in `optionIds`. */
  removeCustomValues(db: Db, orgId: string, fieldId: string, optionIds?: string[]): Promise<void>;
}

export const contactReferences = new Port<ContactReferences>('contactReferences');
