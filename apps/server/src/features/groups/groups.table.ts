import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations } from '../organizations/organizations.table.ts';
import { users } from '../users/users.table.ts';

/** Groups and sub-groups of staff (U-4): one tree per organization. */
export const groups = pgTable(
  'groups',
  {
    id: uuid().notNull().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Null for a top-level group; the service refuses a move that would make a cycle. */
    parentId: uuid(),
    name: text().notNull(),
    description: text(),
    type: text({ enum: ['standard', 'sales'] })
      .notNull()
      .default('standard'),
    archivedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    // A parent is never deleted under its children (a group with sub-groups is archived).
    foreignKey({
      name: 'groups_parent_fk',
      columns: [t.orgId, t.parentId],
      foreignColumns: [t.orgId, t.id],
    }),
    // Two live siblings never share a name; top-level groups are siblings of each other.
    uniqueIndex('groups_sibling_name_unique')
      .on(
        t.orgId,
        sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
        sql`lower(${t.name})`,
      )
      .where(sql`${t.archivedAt} is null`),
    // The recursive step of the descendants query: the children of a group.
    index('groups_org_parent_idx').on(t.orgId, t.parentId),
  ],
);

/** Who is in a group, and as what: a user may be in several groups. */
export const groupMembers = pgTable(
  'group_members',
  {
    orgId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    groupId: uuid().notNull(),
    userId: uuid().notNull(),
    role: text({ enum: ['member', 'manager'] })
      .notNull()
      .default('member'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.groupId, t.userId] }),
    foreignKey({
      name: 'group_members_group_fk',
      columns: [t.orgId, t.groupId],
      foreignColumns: [groups.orgId, groups.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'group_members_user_fk',
      columns: [t.orgId, t.userId],
      foreignColumns: [users.orgId, users.id],
    }).onDelete('cascade'),
    // "Which groups is this user in / does this user manage" on every scoped request.
    index('group_members_org_user_idx').on(t.orgId, t.userId, t.role),
  ],
);
