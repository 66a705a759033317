import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api.ts';
import { moveFailure } from './move-failure.ts';

const t = (key: string) => `<${key}>`;

describe('a refused move on the board', () => {
  it('says someone else changed the deal on a version conflict', () => {
    const err = new ApiError(409, 'version_conflict', 'stale');
    expect(moveFailure(t, err)).toBe('<move.conflict>');
  });

  it('asks for the reason when a lost stage was refused without one', () => {
    const err = new ApiError(400, 'validation', 'invalid', {
      fields: { lostReasonId: 'Required' },
      fieldCodes: { lostReasonId: 'required' },
    });
    expect(moveFailure(t, err)).toBe('<lost.reasonRequired>');
  });

  it('says the deal is gone when it was deleted meanwhile', () => {
    expect(moveFailure(t, new ApiError(404, 'not_found', 'gone'))).toBe('<move.gone>');
  });
});
