import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { SESSION_KEY } from '../../../lib/query-client.ts';
import { peopleKeys } from './people-keys.ts';

/** Withdraws a person's pending sign-in email change (the person or an org admin). */
export function useCancelEmailChange(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Person>(`/api/people/${encodeURIComponent(id)}/email-change`, { method: 'DELETE' }),
    onSuccess: (person) => {
      qc.setQueryData(peopleKeys.detail(id), person);
      void qc.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
