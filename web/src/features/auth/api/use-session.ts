import { useQuery } from '@tanstack/react-query';
import type { MeResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { csrfToken } from '../../../lib/csrf-token.ts';
import { SESSION_KEY } from '../../../lib/query-client.ts';

async function fetchSession(): Promise<MeResponse | null> {
  try {
    const me = await api<MeResponse>('/api/me');
    csrfToken.set(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      csrfToken.set(null);
      return null;
    }
    throw err;
  }
}

/** The signed-in session (person, organization, CSRF token), or null when signed out. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}
