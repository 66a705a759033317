import type { Me } from '@spotter/contracts';
import { useMe } from '../features/auth/api/auth-api.ts';

/** The signed-in user; only for components under the authenticated layout. */
export function useSignedInMe(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useSignedInMe outside the authenticated layout');
  return me.data;
}
