import { useQuery } from '@tanstack/react-query';
import type { PeoplePage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { peopleKeys } from './people-keys.ts';

/** A short list of people matching a name, for pickers (empty query = no request). */
export function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: peopleKeys.search(q),
    queryFn: ({ signal }) => api<PeoplePage>(`/api/people${toQueryString({ q, limit: 8 })}`, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
  });
}
