import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeResponse, SignInRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { csrfToken } from '../../../lib/csrf-token.ts';
import { SESSION_KEY } from '../../../lib/query-client.ts';

/** Signs in with email and password and stores the new session. */
export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) => api<MeResponse>('/api/auth/sign-in', { method: 'POST', body }),
    onSuccess: (me) => {
      csrfToken.set(me.csrfToken);
      // Nothing cached for a previous person may leak into this session.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, me);
    },
  });
}
