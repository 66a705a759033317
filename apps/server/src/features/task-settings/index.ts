export {
  taskTemplates,
  taskResults,
  taskDictionaries,
  taskStatuses,
} from './task-settings.table.ts';
