/** This feature's pages: the router loads this file on demand, nothing imports it statically. */
export { TaskBoardPage } from './pages/task-board-page.tsx';
