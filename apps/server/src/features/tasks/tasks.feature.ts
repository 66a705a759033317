import type { Feature } from '../../lib/feature.ts';
import { contactsMerged } from '../contacts/index.ts';
import { taskReferences } from '../task-settings/index.ts';
import { taskReferencesRepo } from './task-references.repo.ts';
import { moveTasksToContact } from './tasks.repo.ts';
import { tasksRoutes } from './tasks.routes.ts';

/** Tasks and calls, call rounds, results and workflows, the control view (T-1 … T-11). */
export const tasksFeature: Feature = {
  name: 'tasks',
  routes: [tasksRoutes],
  wire: () => {
    contactsMerged.on(moveTasksToContact);
    taskReferences.provide(taskReferencesRepo);
  },
};
