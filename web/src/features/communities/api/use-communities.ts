import { useInfiniteQuery } from '@tanstack/react-query';
import type { CommunityPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { communityKeys } from './community-keys.ts';

/** Directory filters: free text and "only mine". */
export type CommunityFilters = { q: string; mine: boolean };

/** Communities in the directory, keyset-paged: `fetchNextPage` follows `nextCursor`. */
export function useCommunities(filters: CommunityFilters, limit = 24) {
  const params = { q: filters.q, mine: filters.mine ? 'true' : '' };
  return useInfiniteQuery({
    queryKey: communityKeys.list({ ...params, limit: String(limit) }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<CommunityPage>(`/api/communities${toQueryString({ ...params, limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}
