import {
  emailSchema,
  type Family,
  type FamilyMember,
  type FamilyRelation,
  type relationCreateSchema,
  type relationUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  conflict,
  fieldError,
  fieldInvalid,
  isUniqueViolation,
  notFound,
  renameFields,
  ruleBroken,
} from '../../lib/errors.ts';
import { ageOn, isMinor } from './family-age.ts';
import { findContact } from './contacts.repo.ts';
import { assertStorable, createContact } from './contacts.service.ts';
import { insertHistoryMany } from './history.repo.ts';
import * as links from './relations.links.repo.ts';
import { familyClock, type FamilyClock } from './relations.repo.ts';

type CreateBody = z.output<typeof relationCreateSchema>;
type UpdateBody = z.output<typeof relationUpdateSchema>;
type Side = 'guardian' | 'child';

export function toMember(row: links.MemberRow, clock: Pick<FamilyClock, 'today' | 'adultAge'>) {
  const age = ageOn(row.birthDate, clock.today);
  const member: FamilyMember = {
    id: row.id,
    displayName: row.displayName,
    birthDate: row.birthDate,
    age,
    minor: isMinor(age, clock.adultAge),
    phone: row.phones[0]?.number ?? null,
    email: row.emails[0]?.email ?? null,
    consentEmail: row.consentEmail,
    consentSms: row.consentSms,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
  return member;
}

function toRelation(
  rel: links.RelationRow,
  other: links.MemberRow,
  clock: FamilyClock,
): FamilyRelation {
  return {
    id: rel.id,
    roleId: rel.roleId,
    primary: rel.isPrimary,
    person: toMember(other, clock),
    createdAt: rel.createdAt.toISOString(),
  };
}

async function livePerson(db: Db, actor: Actor, id: string) {
  const row = await findContact(db, actor.orgId, 'person', id);
  if (!row) throw notFound('Person');
  return row;
}

export async function getFamily(db: Db, actor: Actor, personId: string): Promise<Family> {
  assertCan(actor, 'contacts.read');
  await livePerson(db, actor, personId);
  const [clock, { guardians, children }] = await Promise.all([
    familyClock(db, actor.orgId, new Date()),
    links.familyLinks(db, actor.orgId, personId),
  ]);
  const siblings = await links.siblingsOf(
    db,
    actor.orgId,
    personId,
    guardians.map((g) => g.relation.guardianId),
  );
  return {
    guardians: guardians.map((g) => toRelation(g.relation, g.member, clock)),
    children: children.map((c) => toRelation(c.relation, c.member, clock)),
    siblings: siblings.map((s) => toMember(s, clock)),
  };
}

const notAllowed = (field: string, code: Parameters<typeof fieldError>[0], message: string) =>
  ruleBroken('relation_not_allowed', message, { [field]: fieldError(code, message) });

/** The other person of a new link must be a live person of the org, and not this one. */
function assertLinkable(other: links.MemberRow | undefined, selfId: string) {
  if (!other) throw fieldInvalid('personId', 'unknown_reference', 'Unknown person');
  if (other.kind !== 'person')
    throw notAllowed('personId', 'wrong_kind', 'Only persons have families');
  if (other.deletedAt) throw notAllowed('personId', 'archived', 'This person is in the trash');
  if (other.id === selfId)
    throw notAllowed('personId', 'same_record', 'A person cannot be their own relative');
}

/** A new relative typed on the card: normalized and logged like any new person. */
async function createRelative(db: Db, actor: Actor, input: NonNullable<CreateBody['person']>) {
  const phone = input.phone?.trim();
  const email = input.email?.trim();
  if (!input.firstName && !input.lastName && !phone && !email) {
    throw fieldInvalid('person.firstName', 'required', 'Enter a name, a phone or an email');
  }
  if (email && !emailSchema.safeParse(email).success) {
    throw fieldInvalid('person.email', 'invalid_email', 'Enter a valid email address');
  }
  const created = await createContact(db, actor, 'person', {
    firstName: input.firstName,
    lastName: input.lastName,
    birthDate: input.birthDate ?? null,
    phones: phone ? [{ number: phone, label: 'mobile' }] : [],
    emails: email ? [{ email, label: 'personal' }] : [],
  }).catch((err: unknown) => {
    throw renameFields(err, (key) =>
      key.startsWith('phones.')
        ? 'person.phone'
        : key.startsWith('emails.')
          ? 'person.email'
          : `person.${key}`,
    );
  });
  return created.row;
}

/** `relation_added` / `relation_removed` on both persons of a link. */
async function logBoth(
  db: Db,
  actor: Actor,
  event: 'relation_added' | 'relation_removed',
  rel: links.RelationRow,
  names: ReadonlyMap<string, string>,
  roleName: string | null,
) {
  const entry = (contactId: string, personId: string, as: Side) => ({
    contactId,
    event,
    authorId: actor.userId,
    data: {
      relationId: rel.id,
      personId,
      personName: names.get(personId) ?? '',
      as,
      ...(roleName && { roleName }),
    },
  });
  await insertHistoryMany(db, actor.orgId, [
    entry(rel.childId, rel.guardianId, 'guardian'),
    entry(rel.guardianId, rel.childId, 'child'),
  ]);
}

async function assertRole(db: Db, orgId: string, roleId: string | null | undefined) {
  if (!roleId) return null;
  const name = await links.relationRoleName(db, orgId, roleId);
  if (name === undefined)
    throw fieldInvalid('roleId', 'unknown_reference', 'Unknown relation role');
  return name;
}

export async function addRelation(db: Db, actor: Actor, personId: string, body: CreateBody) {
  assertCan(actor, 'contacts.write');
  assertStorable(body);
  const result = await db.transaction(async (tx) => {
    const self = await findContact(tx, actor.orgId, 'person', personId);
    if (!self) throw notFound('Person');
    const roleName = await assertRole(tx, actor.orgId, body.roleId);
    let otherId = body.personId;
    if (otherId) {
      const [other] = await links.membersByIds(tx, actor.orgId, [otherId]);
      assertLinkable(other, personId);
    } else {
      otherId = (await createRelative(tx, actor, body.person!)).id;
    }
    const guardianId = body.as === 'child' ? personId : otherId;
    const childId = body.as === 'child' ? otherId : personId;
    await links.lockPerson(tx, actor.orgId, childId);
    const existing = await links.relationBetween(tx, actor.orgId, guardianId, childId);
    if (existing?.guardianId === guardianId) {
      const message = 'These two are already linked';
      throw conflict('relation_exists', message, { personId: fieldError('duplicate', message) });
    }
    if (existing) {
      throw notAllowed(
        'personId',
        'not_allowed',
        "A child cannot be their own guardian's guardian",
      );
    }
    const first = !(await links.hasPrimary(tx, actor.orgId, childId));
    if (body.primary && !first) await links.clearPrimary(tx, actor.orgId, childId);
    const rel = await links
      .insertRelation(tx, {
        orgId: actor.orgId,
        guardianId,
        childId,
        roleId: body.roleId ?? null,
        isPrimary: first || body.primary === true,
        createdBy: actor.userId,
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err, 'person_relations_pair_unique')) {
          const message = 'These two are already linked';
          throw conflict('relation_exists', message, {
            personId: fieldError('duplicate', message),
          });
        }
        throw err;
      });
    const members = await links.membersByIds(tx, actor.orgId, [guardianId, childId]);
    const names = new Map(members.map((m) => [m.id, m.displayName]));
    await logBoth(tx, actor, 'relation_added', rel, names, roleName ?? null);
    return { rel, other: members.find((m) => m.id === otherId)! };
  });
  const clock = await familyClock(db, actor.orgId, new Date());
  return {
    relation: toRelation(result.rel, result.other, clock),
    created: !body.personId,
  };
}

/** The relation of the org, and which of its persons a caller sees it from (the child). */
async function relationOf(db: Db, actor: Actor, id: string) {
  const rel = await links.findRelation(db, actor.orgId, id);
  if (!rel) throw notFound('Relation');
  return rel;
}

export async function updateRelation(db: Db, actor: Actor, id: string, body: UpdateBody) {
  assertCan(actor, 'contacts.write');
  const result = await db.transaction(async (tx) => {
    const found = await relationOf(tx, actor, id);
    await links.lockPerson(tx, actor.orgId, found.childId);
    await assertRole(tx, actor.orgId, body.roleId);
    if (body.primary && !found.isPrimary) await links.clearPrimary(tx, actor.orgId, found.childId);
    const rel = await links.updateRelation(tx, actor.orgId, id, {
      ...(body.roleId !== undefined && { roleId: body.roleId }),
      ...(body.primary && { isPrimary: true }),
    });
    const [guardian] = await links.membersByIds(tx, actor.orgId, [rel.guardianId]);
    return { rel, guardian: guardian! };
  });
  // Seen from the child: the guardian is the other person (the card edits a child's guardians).
  const clock = await familyClock(db, actor.orgId, new Date());
  return toRelation(result.rel, result.guardian, clock);
}

/** Removes links, logging them on both persons; a child left without a primary gets one. */
export async function removeLinks(db: Db, actor: Actor, rels: readonly links.RelationRow[]) {
  if (rels.length === 0) return;
  const ids = [...new Set(rels.flatMap((r) => [r.guardianId, r.childId]))];
  const members = await links.membersByIds(db, actor.orgId, ids);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const roles = await links.roleNames(
    db,
    actor.orgId,
    rels.flatMap((r) => (r.roleId ? [r.roleId] : [])),
  );
  for (const rel of rels) {
    await links.deleteRelation(db, actor.orgId, rel.id);
    await logBoth(
      db,
      actor,
      'relation_removed',
      rel,
      names,
      rel.roleId ? (roles.get(rel.roleId) ?? null) : null,
    );
    if (rel.isPrimary) await links.promoteOldest(db, actor.orgId, rel.childId);
  }
}

export async function removeRelation(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'contacts.write');
  await db.transaction(async (tx) => {
    const rel = await relationOf(tx, actor, id);
    await links.lockPerson(tx, actor.orgId, rel.childId);
    await removeLinks(tx, actor, [rel]);
  });
}
