/** Liveness and readiness (health.feature.ts registers the routes); nothing for other features. */
export {};
