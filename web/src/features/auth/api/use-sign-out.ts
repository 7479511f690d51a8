import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { csrfToken } from '../../../lib/csrf-token.ts';
import { SESSION_KEY } from '../../../lib/query-client.ts';

/** Ends the session on the server, then forgets everything cached in the browser. */
export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/api/auth/sign-out', { method: 'POST' }),
    onSettled: () => {
      csrfToken.set(null);
      qc.clear();
      qc.setQueryData(SESSION_KEY, null);
    },
  });
}
