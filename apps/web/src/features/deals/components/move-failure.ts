import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/validation.ts';

/**
 * Why a move was refused, in words the user can act on: someone else's newer change (409), a
 * lost stage without its reason, a deal deleted meanwhile; anything else as the server said it.
 */
export function moveFailure(t: (key: string) => string, err: unknown): string {
  if (isApiError(err, 'version_conflict')) return t('move.conflict');
  if (isApiError(err, 'validation') && err.fields.lostReasonId) return t('lost.reasonRequired');
  if (isApiError(err, 'not_found')) return t('move.gone');
  return errorMessage(err);
}
