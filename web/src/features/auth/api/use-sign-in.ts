import { useMutation } from '@tanstack/react-query';
import type { MeResponse, SignInRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/**
 * Signs in with email and password. The caller then loads a new page rather than moving inside the app: the new
 * document carries the signed-in organization's page policy (its image hosts), and nothing cached in this one for
 * a previous person survives.
 */
export function useSignIn() {
  return useMutation({ mutationFn: (body: SignInRequest) => api<MeResponse>('/api/auth/sign-in', { method: 'POST', body }) });
}
