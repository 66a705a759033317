export { groups, groupMembers } from './groups.table.ts';
/**
 * What other features need of the group tree (U-4): the groups a user manages or belongs to,
 * each with every sub-group below it, and a check of group ids they are given.
 */
export {
  directGroupsOf,
  groupExists,
  groupRefs,
  managedGroupIds,
  memberGroupIds,
} from './group-scope.ts';
export type { GroupRef } from './group-scope.ts';
/** Features above register what else keeps a group in use (it is archived, not deleted). */
export { registerGroupUsage, type GroupUsageCheck } from './group-usage.ts';
