export { TasksPage } from './pages/tasks-page.tsx';
export { ControlPage } from './pages/control-page.tsx';
export { TaskPage } from './pages/task-page.tsx';
export { tasksSearchSchema } from './tasks-search.ts';
