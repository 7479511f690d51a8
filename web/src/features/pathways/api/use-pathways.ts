import { useInfiniteQuery } from '@tanstack/react-query';
import type { FindPathwaysQuery, PathwayPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { pathwayKeys } from './pathway-keys.ts';

/** Which pathways a list shows, as the API names them. */
export type PathwayFilter = FindPathwaysQuery['filter'];

/** Pathways the person can see (featured first, then newest), keyset-paged with `fetchNextPage`. */
export function usePathways(filter: PathwayFilter, { communityId = null, limit = 12, enabled = true }: { communityId?: string | null; limit?: number; enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: pathwayKeys.list(filter, communityId, limit),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<PathwayPage>(`/api/pathways${toQueryString({ filter, communityId, limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
