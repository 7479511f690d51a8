import { useMutation } from '@tanstack/react-query';
import type { UnsubscribeResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Turns every Hearth mail off with the token from a mail's unsubscribe link (no sign-in needed). */
export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => api<UnsubscribeResponse>('/api/notifications/unsubscribe', { method: 'POST', body: { token } }) });
}
