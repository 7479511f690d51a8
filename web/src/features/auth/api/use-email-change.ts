import { useMutation, useQuery } from '@tanstack/react-query';
import type { ConfirmEmailChangeRequest, EmailChangeLinkResponse, MessageResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** What a mailed email-change link is about (the token travels in the body, not in a logged URL). */
export function useEmailChangeLink(token: string, kind: 'confirm' | 'dispute') {
  return useQuery({
    queryKey: ['email-change-link', kind, token],
    queryFn: ({ signal }) => api<EmailChangeLinkResponse>('/api/auth/email-change/lookup', { method: 'POST', body: { token, kind }, signal }),
    enabled: Boolean(token),
    retry: false,
    staleTime: Infinity,
  });
}

/** The new address confirms the change (with the account's password when it has one). */
export function useConfirmEmailChange() {
  return useMutation({
    mutationFn: (body: ConfirmEmailChangeRequest) => api<MessageResponse>('/api/auth/email-change/confirm', { method: 'POST', body }),
  });
}

/** The old address stops (or reverts) the change. */
export function useDisputeEmailChange() {
  return useMutation({
    mutationFn: (token: string) => api<MessageResponse>('/api/auth/email-change/dispute', { method: 'POST', body: { token } }),
  });
}
