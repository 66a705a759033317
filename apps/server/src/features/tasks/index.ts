export { tasks } from './tasks.table.ts';
/**
 * `taskVisibility(db, actor)`: the WHERE condition of every task query (organization, branch
 * limit, private tasks); `branchLimitOf(db, orgId, userId)`: a user's branches (empty: all).
 */
export { taskVisibility, branchLimitOf } from './task-visibility.ts';
