import type { Feature } from '../../lib/feature.ts';
import type { JobDefinition } from '../jobs/index.ts';
import { contactsMerged } from '../contacts/index.ts';
import { taskReferences } from '../task-settings/index.ts';
import { reminderJobs } from './reminder-sweep.ts';
import { taskReferencesRepo } from './task-references.repo.ts';
import { moveTasksToContact } from './tasks.repo.ts';
import { taskUndoRoutes } from './task-undo.routes.ts';
import { tasksRoutes } from './tasks.routes.ts';

/** Tasks and calls, call rounds, results and workflows, reminders, the control view (T-1 … T-11). */
export const tasksFeature: Feature<JobDefinition> = {
  name: 'tasks',
  routes: [tasksRoutes, taskUndoRoutes],
  jobs: reminderJobs,
  wire: () => {
    contactsMerged.on(moveTasksToContact);
    taskReferences.provide(taskReferencesRepo);
  },
};
