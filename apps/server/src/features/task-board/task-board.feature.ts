import type { Feature } from '../../lib/feature.ts';
import { taskBoardRoutes } from './task-board.routes.ts';

/** The task board (T-8): six columns of tasks by due day in the club's time zone. */
export const taskBoardFeature: Feature = { name: 'task-board', routes: [taskBoardRoutes] };
