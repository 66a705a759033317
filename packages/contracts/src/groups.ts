import { z } from 'zod';
import { idSchema, nameSchema, timestampSchema } from './common.ts';

/**
 * Groups of staff (PRODUCT U-4, seed 001): a tree of groups and sub-groups. A Sales group is
 * what deals belong to; a Standard group is any other team (reception, instructors …).
 * Reports and the deals a manager sees are cut by the tree: a group's manager sees its
 * sub-groups too.
 */
export const GROUP_TYPES = ['standard', 'sales'] as const;
export const groupTypeSchema = z.enum(GROUP_TYPES);
export type GroupType = z.infer<typeof groupTypeSchema>;

/** A user's place in a group: managers see the work of the group and of its sub-groups. */
export const GROUP_MEMBER_ROLES = ['member', 'manager'] as const;
export const groupMemberRoleSchema = z.enum(GROUP_MEMBER_ROLES);
export type GroupMemberRole = z.infer<typeof groupMemberRoleSchema>;

export const groupMemberSchema = z.object({
  userId: idSchema,
  role: groupMemberRoleSchema,
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

export const groupSchema = z.object({
  id: idSchema,
  /** Null for a top-level group. */
  parentId: idSchema.nullable(),
  name: z.string(),
  description: z.string().nullable(),
  type: groupTypeSchema,
  /** Ordered by role (managers first), then by the user's name. */
  members: z.array(groupMemberSchema),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Group = z.infer<typeof groupSchema>;

/** A group in the tree listing: `depth` 0 is a top-level group. */
export const groupTreeItemSchema = groupSchema.extend({ depth: z.number().int() });
export type GroupTreeItem = z.infer<typeof groupTreeItemSchema>;

/**
 * The whole tree, depth first: each group comes right after its parent, siblings by name.
 * An organization has tens of groups, not thousands, so it is one answer (bounded by the
 * server); the web indents by `depth`.
 */
export const groupTreeSchema = z.object({ items: z.array(groupTreeItemSchema) });
export type GroupTree = z.infer<typeof groupTreeSchema>;

export const groupListQuerySchema = z.strictObject({
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

const descriptionSchema = z
  .string()
  .trim()
  .max(2000)
  .transform((v) => (v === '' ? null : v))
  .nullable();

/** Each user at most once; the server checks that every user exists in the organization. */
const membersSchema = z
  .array(z.strictObject({ userId: idSchema, role: groupMemberRoleSchema }))
  .max(500)
  .refine((members) => new Set(members.map((m) => m.userId)).size === members.length, {
    message: 'A user is listed twice',
  });

export const groupCreateSchema = z.strictObject({
  parentId: idSchema.nullable().optional(),
  name: nameSchema(120),
  description: descriptionSchema.optional(),
  type: groupTypeSchema.default('standard'),
  members: membersSchema.optional(),
});
export type GroupCreate = z.input<typeof groupCreateSchema>;

/**
 * Changes a group. `parentId` moves it (with its sub-groups) under another group or to the top
 * (null); moving it under itself or one of its own sub-groups is refused (422). `members`
 * replaces the whole list. `archived` hides it from pickers; archived groups keep their members.
 */
export const groupUpdateSchema = z.strictObject({
  parentId: idSchema.nullable().optional(),
  name: nameSchema(120).optional(),
  description: descriptionSchema.optional(),
  type: groupTypeSchema.optional(),
  members: membersSchema.optional(),
  archived: z.boolean().optional(),
  version: z.number().int().nonnegative(),
});
export type GroupUpdate = z.input<typeof groupUpdateSchema>;

export const groupMemberParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

/** Adds a user to a group or changes their role in it. */
export const groupMemberPutSchema = z.strictObject({ role: groupMemberRoleSchema });
export type GroupMemberPut = z.input<typeof groupMemberPutSchema>;

/**
 * What DELETE did: a group nobody uses is deleted; one with members or sub-groups (or
 * anything else that refers to it) is archived instead, so nothing loses its group.
 */
export const groupDeleteResultSchema = z.object({
  outcome: z.enum(['deleted', 'archived']),
  group: groupSchema.nullable(),
});
export type GroupDeleteResult = z.infer<typeof groupDeleteResultSchema>;
