import { useMutation } from '@tanstack/react-query';
import type { MessageResponse, RequestPasswordResetRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Asks for a password-reset email (the answer never says whether the account exists). */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: RequestPasswordResetRequest) => api<MessageResponse>('/api/auth/password-reset', { method: 'POST', body }),
  });
}
