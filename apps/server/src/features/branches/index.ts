export { branches } from './branches.table.ts';
export { findBranchIds, insertBranch } from './branches.repo.ts';
