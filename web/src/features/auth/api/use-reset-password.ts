import { useMutation } from '@tanstack/react-query';
import type { MessageResponse, ResetPasswordRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Sets a new password with the single-use token from the reset email. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordRequest) => api<MessageResponse>('/api/auth/password-reset/confirm', { method: 'POST', body }),
  });
}
