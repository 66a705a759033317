export { apiTokens } from './api-tokens.table.ts';
export { resolveApiToken } from './api-tokens.service.ts';
export { apiTokenActor } from './api-tokens.feature.ts';
