import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InvitationResponse, InvitePersonRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from '../../people/api/people-keys.ts';

/** Invites one person; answers with the link they open to set a password (it is also emailed). */
export function useInvitePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitePersonRequest) => api<InvitationResponse>('/api/people', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
