import { z } from 'zod';
import { idSchema, timestampSchema } from './common.ts';

/**
 * Families (issue 17, C-17): a child is a person whose guardians (mother, father, another
 * carer) are persons too, linked by a relation. A child can have several guardians and a
 * guardian several children; one guardian per child is the primary one, whose phone cards and
 * tasks about the child show and dial. Siblings are implied by a shared guardian.
 */

/** The default adult age: a person younger than this (on the club's clock) is a minor. */
export const DEFAULT_ADULT_AGE = 18;

/** A relative as the family block shows them. */
export const familyMemberSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  birthDate: z.iso.date().nullable(),
  /** Whole years on the club's clock today; null without a birth date. */
  age: z.number().int().nullable(),
  /** Younger than the organization's adult age; false without a birth date. */
  minor: z.boolean(),
  /** The first phone (E.164), what a call to them dials. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  consentEmail: z.boolean(),
  consentSms: z.boolean(),
  /** Set when the person is in the trash. */
  deletedAt: timestampSchema.nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

/** One guardian ↔ child link, seen from one of the two. */
export const familyRelationSchema = z.object({
  id: idSchema,
  /** The 'relation-roles' lookup (mother, father, guardian, other carer …), or none. */
  roleId: idSchema.nullable(),
  /** The child's primary guardian: their phone is the one cards about the child dial. */
  primary: z.boolean(),
  /** The other person of the relation. */
  person: familyMemberSchema,
  createdAt: timestampSchema,
});
export type FamilyRelation = z.infer<typeof familyRelationSchema>;

/** GET /api/persons/:id/family */
export const familySchema = z.object({
  /** This person's guardians, the primary one first. */
  guardians: z.array(familyRelationSchema),
  /** The children this person is a guardian of, youngest last. */
  children: z.array(familyRelationSchema),
  /** Other children of this person's guardians. */
  siblings: z.array(familyMemberSchema),
});
export type Family = z.infer<typeof familySchema>;

/** A new person created with the relation (a child added from the parent's card, or a parent). */
export const familyNewPersonSchema = z.strictObject({
  firstName: z.string().trim().max(100).default(''),
  lastName: z.string().trim().max(100).default(''),
  birthDate: z.iso.date().nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  email: z.string().trim().max(254).nullable().optional(),
});
export type FamilyNewPerson = z.input<typeof familyNewPersonSchema>;

/**
 * POST /api/persons/:id/relations: links this person to another, existing (`personId`) or new
 * (`person`), exactly one of them. `as` is what the OTHER person is to this one: `child` (this
 * person is the guardian) or `guardian`.
 */
export const relationCreateSchema = z
  .strictObject({
    as: z.enum(['child', 'guardian']),
    personId: idSchema.optional(),
    person: familyNewPersonSchema.optional(),
    roleId: idSchema.nullable().optional(),
    /** Make the guardian the child's primary one (a child's first guardian is primary anyway). */
    primary: z.boolean().optional(),
  })
  .refine((v) => (v.personId ? !v.person : !!v.person), {
    message: 'Give either personId or person',
    path: ['personId'],
  });
export type RelationCreate = z.input<typeof relationCreateSchema>;

/** PATCH /api/relations/:id */
export const relationUpdateSchema = z.strictObject({
  roleId: idSchema.nullable().optional(),
  /** true: this guardian becomes the child's primary one (the previous one stops being it). */
  primary: z.literal(true).optional(),
});
export type RelationUpdate = z.input<typeof relationUpdateSchema>;

/** What creating a relation answers: the relation as the person of the URL sees it. */
export const relationCreatedSchema = z.object({
  relation: familyRelationSchema,
  /** True when the other person was created by this request. */
  created: z.boolean(),
});

/**
 * On a task or board card about a minor: their primary guardian, whose phone the card shows
 * and dials (the card's own `phone` stays the child's).
 */
export const guardianRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  /** The 'relation-roles' lookup's name (e.g. "Mother"), or null. */
  role: z.string().nullable(),
  phone: z.string().nullable(),
  phoneDisplay: z
    .object({ country: z.string().nullable(), national: z.string(), international: z.string() })
    .nullable(),
});
export type GuardianRef = z.infer<typeof guardianRefSchema>;
