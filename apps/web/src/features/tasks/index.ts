export { tasksSearchSchema, type TasksSearch } from './tasks-search.ts';
export type { TaskPreset } from './components/task-form-modal.tsx';
export { ContactPicker, type PickedContact } from './components/contact-picker.tsx';
export { NewCallModal, ResultModal, RoundModal, RoundRunner, TaskFormModal } from './dialogs.ts';
export { DueBadge } from './components/due-badge.tsx';
export { ContactTasks } from './components/contact-tasks.tsx';
export { useTakeIntoWork } from './components/take-into-work.tsx';
export {
  tasksKey,
  useContactTasks,
  useDeleteTask,
  useEnterResult,
  useTakeTask,
  useTask,
  useUpdateTask,
  type ResultAnswer,
} from './api/tasks-api.ts';
export {
  taskSettingsKey,
  useDictionaries,
  useTaskStatuses,
  useTaskTemplates,
} from './api/task-settings-read-api.ts';
export { WallDateTimeInput } from './components/zoned-date-time-input.tsx';
export { fromZonedWall, toZonedWall } from './lib/zoned-time.ts';
export { GuardianLine, useGuardianLabel } from './components/guardian-line.tsx';
export { dialTarget } from './lib/dial-target.ts';
