export { branches } from './branches.table.ts';
export { findBranchIds, insertBranch } from './branches.repo.ts';
export { branchesRoutes } from './branches.routes.ts';
