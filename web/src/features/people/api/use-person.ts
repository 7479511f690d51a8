import { useQuery } from '@tanstack/react-query';
import type { Person } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from './people-keys.ts';

/** One full profile, with what the viewer may do with it. */
export function usePerson(id: string) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => api<Person>(`/api/people/${encodeURIComponent(id)}`, { signal }) });
}
