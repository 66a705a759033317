export { TaskBoardPage } from './pages/task-board-page.tsx';
export { taskBoardSearchSchema } from './board-search.ts';
