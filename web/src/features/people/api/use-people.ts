import { useInfiniteQuery } from '@tanstack/react-query';
import type { PeoplePage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { peopleKeys } from './people-keys.ts';

/** Directory filters as they appear in the address bar. */
export type DirectoryFilters = { q: string; department: string; location: string; skill: string };

const PAGE_SIZE = 24;

/** The directory, keyset-paged: `fetchNextPage` follows `nextCursor`. */
export function usePeople(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<PeoplePage>(`/api/people${toQueryString({ ...filters, limit: PAGE_SIZE, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
  });
}
