export { users } from './users.table.ts';
export { toUserDto } from './users.dto.ts';
export {
  insertUser,
  insertMissingUsers,
  findUserByEmail,
  findUserById,
  updateUser as updateUserRow,
  userNames,
  branchLimitOf,
  staffInTurn,
} from './users.repo.ts';
export type { UserRow } from './users.repo.ts';
export { createUser } from './users.service.ts';
/** Password hashing and rules; the auth feature logs in with them. */
export {
  assertAcceptablePassword,
  generateTemporaryPassword,
  hashPassword,
  lowerPasswordCostForTests,
  verifyPassword,
} from './passwords.ts';
export { userAccessRevoked } from './users.hooks.ts';
