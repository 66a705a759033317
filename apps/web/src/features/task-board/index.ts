export { taskBoardSearchSchema } from './board-search.ts';
