import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AdminUpdatePersonRequest, Person } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { SESSION_KEY } from '../../../lib/query-client.ts';
import { peopleKeys } from './people-keys.ts';

/** Saves profile (or, for admins, HR) fields of one person and refreshes every view of them. */
export function useUpdatePerson(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AdminUpdatePersonRequest) => api<Person>(`/api/people/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
    onSuccess: (person) => {
      qc.setQueryData(peopleKeys.detail(id), person);
      void qc.invalidateQueries({ queryKey: peopleKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== id });
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
