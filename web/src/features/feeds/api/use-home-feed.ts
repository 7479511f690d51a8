import { useInfiniteQuery } from '@tanstack/react-query';
import type { FeedPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { feedKeys } from './feed-keys.ts';

/** The signed-in person's home feed, newest first; `fetchNextPage` follows `nextCursor`. Refreshes every minute. */
export function useHomeFeed(limit = 15) {
  return useInfiniteQuery({
    queryKey: feedKeys.home,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<FeedPage>(`/api/feed/home${toQueryString({ limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 60_000,
  });
}
