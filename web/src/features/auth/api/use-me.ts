import type { MeResponse } from '../../../../../contracts/index.ts';
import { useSession } from './use-session.ts';

/** The signed-in person; only for screens rendered behind the sign-in gate. */
export function useMe(): MeResponse {
  const { data } = useSession();
  if (!data) throw new Error('useMe() used outside the signed-in app');
  return data;
}
