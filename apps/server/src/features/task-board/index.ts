/** The task board (T-8) answers GET /api/board; it has nothing for other features. */
export {};
