import { describe, expect, it } from 'vitest';
import { operationIdFor, tagFor } from './openapi-names.ts';

describe('OpenAPI operation names', () => {
  it('reads the method and path', () => {
    expect(operationIdFor('GET', '/api/persons/:id/history')).toBe('getPersonsByIdHistory');
    expect(operationIdFor('POST', '/api/task-board/move')).toBe('postTaskBoardMove');
    expect(operationIdFor('DELETE', '/api/api-tokens/{id}')).toBe('deleteApiTokensById');
    expect(operationIdFor('GET', '/api/me')).toBe('getMe');
  });

  it('groups by the first segment', () => {
    expect(tagFor('/api/persons/:id')).toBe('persons');
    expect(tagFor('/api')).toBe('api');
  });
});
