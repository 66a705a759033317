import type { Locale, Role, User } from '@spotter/contracts';
import type { UserRow } from './users.repo.ts';

export function toUserDto(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    active: row.active,
    locale: (row.locale as Locale | null) ?? null,
    branchIds: row.branchIds,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}
