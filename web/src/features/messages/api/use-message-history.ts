import { useInfiniteQuery } from '@tanstack/react-query';
import type { MessagePage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { messageKeys } from './message-keys.ts';

/** A conversation's messages: the newest page first; earlier messages load with fetchNextPage. */
export function useMessageHistory(id: string) {
  return useInfiniteQuery({
    queryKey: messageKeys.history(id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<MessagePage>(`/api/conversations/${encodeURIComponent(id)}/messages${toQueryString({ limit: 50, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
