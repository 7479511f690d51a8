import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ConversationPage, ConversationSummary } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { messageKeys } from './message-keys.ts';

/** The signed-in person's conversations, most recently active first. */
export function useConversations() {
  return useInfiniteQuery({
    queryKey: messageKeys.list,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ConversationPage>(`/api/conversations${toQueryString({ limit: 30, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One conversation's header: members, title and unread count. */
export function useConversation(id: string) {
  return useQuery({ queryKey: messageKeys.conversation(id), queryFn: ({ signal }) => api<ConversationSummary>(`/api/conversations/${encodeURIComponent(id)}`, { signal }) });
}
