import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { SearchResponse, SearchType } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';

/** Query keys of search. */
export const searchKeys = { all: ['search'] as const, results: (q: string, type: SearchType) => ['search', q, type] as const };

/** Ranked search results with per-type counts; `fetchNextPage` follows the cursor. Idle while `q` is empty. */
export function useSearch(q: string, type: SearchType, limit = 20) {
  return useInfiniteQuery({
    queryKey: searchKeys.results(q, type),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<SearchResponse>(`/api/search${toQueryString({ q, type: type === 'all' ? '' : type, limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
