export {
  taskTemplates,
  taskResults,
  taskDictionaries,
  taskStatuses,
} from './task-settings.table.ts';
export { seedDemoTaskSettings, type DemoTaskSettings } from './demo.ts';
/** For the tasks feature: reads without permission checks, always scoped to the org. */
export {
  getTemplateWithResults,
  getResultRow,
  getDictionaries,
  defaultTemplateId,
  defaultTemplate,
  firstTaskStatusId,
  assertTaskStatus,
} from './task-settings.queries.ts';
export type { ResultRow as TaskResultRow } from './templates.repo.ts';
/** Whether tasks use a setting: the tasks feature provides this port. */
export { taskReferences, type TaskReferences } from './task-references.port.ts';
