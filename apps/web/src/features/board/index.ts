export { BoardPage } from './pages/board-page.tsx';
export { boardSearchSchema } from './board-search.ts';
