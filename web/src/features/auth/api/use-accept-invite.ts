import { useMutation } from '@tanstack/react-query';
import type { AcceptInviteRequest, MeResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/**
 * Sets the invited person's password; the server answers with a fresh session. The caller then loads a new page
 * (see useSignIn).
 */
export function useAcceptInvite() {
  return useMutation({ mutationFn: (body: AcceptInviteRequest) => api<MeResponse>('/api/auth/accept-invite', { method: 'POST', body }) });
}
