import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AcceptInviteRequest, MeResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { csrfToken } from '../../../lib/csrf-token.ts';
import { SESSION_KEY } from '../../../lib/query-client.ts';

/** Sets the invited person's password; the server answers with a fresh session. */
export function useAcceptInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInviteRequest) => api<MeResponse>('/api/auth/accept-invite', { method: 'POST', body }),
    onSuccess: (me) => {
      csrfToken.set(me.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      qc.setQueryData(SESSION_KEY, me);
    },
  });
}
