import { useInfiniteQuery } from '@tanstack/react-query';
import type { ResourcePage, ResourceType } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { resourceKeys } from './resource-keys.ts';

/** Which resources to list: one community's, the library, the person's own; optionally by type or tag. */
export type ResourceFilters = { communityId?: string; library?: boolean; mine?: boolean; type?: ResourceType | ''; tag?: string };

/** Resources newest first, keyset-paged: `fetchNextPage` follows `nextCursor`. */
export function useResources(filters: ResourceFilters, limit = 20) {
  const params = {
    communityId: filters.communityId ?? '',
    library: filters.library ? 'true' : '',
    mine: filters.mine ? 'true' : '',
    type: filters.type ?? '',
    tag: filters.tag ?? '',
  };
  return useInfiniteQuery({
    queryKey: resourceKeys.list({ ...params, limit: String(limit) }),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<ResourcePage>(`/api/resources${toQueryString({ ...params, limit, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}
