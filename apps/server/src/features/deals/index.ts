export {
  pipelines,
  dealStages,
  dealListItems,
  deals,
  dealHistory,
  dealTasks,
} from './deals.table.ts';
/**
 * `dealVisibility(db, actor)`: the WHERE condition of every deals query (decision 0031):
 * managers see their groups' deals, members their own; undefined for every deal.
 */
export { dealVisibility } from './deal-visibility.ts';
/** The default pipelines, stages, lost reasons and types in a language (demo data uses them). */
export { dealWords, seedDealDefaults } from './defaults.ts';
/** Deals as the API makes them (demo data goes through the same rules and history). */
export { createDeal, updateDeal } from './deals.service.ts';
/**
 * The deals list's filters for reports: `resolveFilter(db, actor, input)` (visibility, `me`,
 * groups with their sub-groups) and `dealWhere(filter)`, so a report counts what the list shows.
 */
export { dealWhere, resolveFilter, type DealFilter } from './deal-filters.ts';
