import { useQuery } from '@tanstack/react-query';
import type { PeopleFacets } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './people-keys.ts';

/** Departments, locations and skills present in the organization, with head-counts. */
export function usePeopleFacets() {
  return useQuery({ queryKey: peopleKeys.facets, queryFn: ({ signal }) => api<PeopleFacets>('/api/people/facets', { signal }), staleTime: 5 * 60_000 });
}
