/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { TasksPage } from './pages/tasks-page.tsx';
export { ControlPage } from './pages/control-page.tsx';
export { TaskPage } from './pages/task-page.tsx';
