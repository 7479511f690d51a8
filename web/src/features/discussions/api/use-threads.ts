import { useInfiniteQuery } from '@tanstack/react-query';
import type { ThreadPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { discussionKeys } from './discussion-keys.ts';

/** Thread list filters, as the API names them. */
export type ThreadFilter = 'all' | 'questions' | 'unanswered' | 'unsolved';

/** A community's threads (pinned first), keyset-paged. */
export function useThreads(communityId: string, filter: ThreadFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: discussionKeys.threads(communityId, filter),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ThreadPage>(`/api/communities/${communityId}/threads${toQueryString({ filter, limit: 30, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
    enabled,
  });
}
