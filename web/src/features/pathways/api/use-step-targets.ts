import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { CommunityPage, ResourcePage, SearchResponse, ThreadPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';

/** Resources the person can see, newest first: one community's, or everything when `communityId` is null. */
export function useResourceOptions(communityId: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: ['pathways', 'resource-options', communityId ?? ''],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api<ResourcePage>(`/api/resources${toQueryString({ communityId, limit: 50, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** A community's threads, newest activity first, for choosing a discussion step. */
export function useThreadOptions(communityId: string | null) {
  return useInfiniteQuery({
    queryKey: ['pathways', 'thread-options', communityId ?? ''],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ThreadPage>(`/api/communities/${communityId}/threads${toQueryString({ limit: 50, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!communityId,
  });
}

/** The communities the person belongs to (for a pathway's home and for finding discussions). */
export function useMyCommunities() {
  return useQuery({
    queryKey: ['pathways', 'my-communities'],
    queryFn: ({ signal }) => api<CommunityPage>(`/api/communities${toQueryString({ mine: 'true', limit: 100 })}`, { signal }),
    staleTime: 60_000,
  });
}

/** Search hits of one kind (resources or threads) for a picker's filter text; idle while the text is empty. */
export function useSearchOptions(type: 'resources' | 'threads', q: string) {
  return useQuery({
    queryKey: ['pathways', 'search-options', type, q],
    queryFn: ({ signal }) => api<SearchResponse>(`/api/search${toQueryString({ q, type, limit: 20 })}`, { signal }),
    enabled: q.length > 0,
    placeholderData: (prev) => prev,
  });
}
