export { apiTokens } from './api-tokens.table.ts';
export { resolveApiToken } from './api-tokens.service.ts';
