/** GET /api/board (T-8): columns with counts and keyset-paged cards. */
export { boardRoutes } from './board.routes.ts';
