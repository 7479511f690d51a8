import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary, CreateConversationRequest, Message } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { messageKeys } from './message-keys.ts';

/** Starts (or reopens) a conversation. */
export function useStartConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConversationRequest) => api<ConversationSummary>('/api/conversations', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: messageKeys.list }),
  });
}

/** Sending, marking read and leaving in one conversation; each refreshes what it changes. */
export function useConversationActions(id: string) {
  const qc = useQueryClient();
  return {
    send: useMutation({
      mutationFn: (body: string) => api<Message>(`/api/conversations/${id}/messages`, { method: 'POST', body: { body } }),
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: messageKeys.history(id) });
        void qc.invalidateQueries({ queryKey: messageKeys.list });
      },
    }),
    markRead: useMutation({
      mutationFn: () => api<void>(`/api/conversations/${id}/read`, { method: 'POST' }),
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: messageKeys.unread });
        void qc.invalidateQueries({ queryKey: messageKeys.list });
        void qc.invalidateQueries({ queryKey: messageKeys.conversation(id) });
      },
    }),
    leave: useMutation({
      mutationFn: () => api<void>(`/api/conversations/${id}/leave`, { method: 'POST' }),
      onSuccess: () => {
        qc.removeQueries({ queryKey: messageKeys.conversation(id) });
        void qc.invalidateQueries({ queryKey: messageKeys.all });
      },
    }),
  };
}
