import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';

/**
 * Ends the session on the server. The caller then loads the sign-in page anew, which forgets everything this
 * document held (cached data, the CSRF token) and takes the signed-out page policy.
 */
export function useSignOut() {
  return useMutation({ mutationFn: () => api<unknown>('/api/auth/sign-out', { method: 'POST' }) });
}
