import type { Family, FamilyRelation, Lookup, RelationCreate } from '@spotter/contracts';
import { fieldErrorText } from '../../../lib/validation.ts';

/** What the "add to the family" dialog edits: an existing person, or a new one to create. */
export interface RelationValues {
  /** What the other person is to the one whose page this is. */
  as: 'child' | 'guardian';
  mode: 'existing' | 'new';
  personId: string | null;
  person: {
    firstName: string;
    lastName: string;
    birthDate: string | null;
    phone: string;
    email: string;
  };
  roleId: string | null;
  primary: boolean;
}

export const emptyRelation = (as: RelationValues['as'], lastName = ''): RelationValues => ({
  as,
  mode: 'existing',
  personId: null,
  // A child added from a parent's page usually has the parent's last name.
  person: {
    firstName: '',
    lastName: as === 'child' ? lastName : '',
    birthDate: null,
    phone: '',
    email: '',
  },
  roleId: null,
  primary: false,
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Errors the browser can see before asking the server, keyed like the server's fields. */
export function validateRelation(v: RelationValues): Record<string, string> {
  if (v.mode === 'existing') {
    return v.personId ? {} : { personId: fieldErrorText('required') };
  }
  const p = v.person;
  if (!p.firstName.trim() && !p.lastName.trim()) {
    return { 'person.firstName': fieldErrorText('required') };
  }
  return {};
}

/** POST /api/persons/:id/relations: exactly one of `personId` and `person`. */
export function relationBody(v: RelationValues): RelationCreate {
  const common = { as: v.as, roleId: v.roleId, ...(v.primary && { primary: true }) };
  if (v.mode === 'existing') return { ...common, personId: v.personId ?? '' };
  const p = v.person;
  return {
    ...common,
    person: {
      firstName: p.firstName.trim(),
      lastName: p.lastName.trim(),
      birthDate: p.birthDate || null,
      phone: orNull(p.phone),
      email: orNull(p.email),
    },
  };
}

/** The role's name ("Mother"), archived roles included; null without one. */
export const roleName = (roles: readonly Lookup[], roleId: string | null) =>
  (roleId && roles.find((r) => r.id === roleId)?.name) || null;

/** "Anna Berg (Mother)": a guardian as a consent or a confirmation names them. */
export function guardianLabel(relation: FamilyRelation, roles: readonly Lookup[]): string {
  const role = roleName(roles, relation.roleId);
  return role ? `${relation.person.displayName} (${role})` : relation.person.displayName;
}

/** The children a guardian's erasure unlinks (those in the trash too), by name. */
export const childrenUnlinked = (family: Family | undefined): string[] =>
  (family?.children ?? []).map((c) => c.person.displayName);
