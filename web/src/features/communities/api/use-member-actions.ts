import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CommunityMember, CommunityRole } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from './community-keys.ts';

/** Moderator actions on one community's members; each refreshes the member lists and the header counts. */
export function useMemberActions(communityId: string) {
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: communityKeys.all });
  const base = `/api/communities/${communityId}/members`;
  return {
    invite: useMutation({
      mutationFn: (personIds: string[]) => api<{ invited: number }>(base, { method: 'POST', body: { personIds } }),
      onSuccess: refresh,
    }),
    approve: useMutation({
      mutationFn: (personId: string) => api<CommunityMember>(`${base}/${personId}`, { method: 'PATCH', body: { status: 'active' } }),
      onSuccess: refresh,
    }),
    setRole: useMutation({
      mutationFn: ({ personId, role }: { personId: string; role: CommunityRole }) => api<CommunityMember>(`${base}/${personId}`, { method: 'PATCH', body: { role } }),
      onSuccess: refresh,
    }),
    /** Removes a member, declines a request or withdraws an invitation. */
    remove: useMutation({
      mutationFn: (personId: string) => api<void>(`${base}/${personId}`, { method: 'DELETE' }),
      onSuccess: refresh,
    }),
    endorse: useMutation({
      mutationFn: ({ personId, endorse }: { personId: string; endorse: boolean }) =>
        api<CommunityMember>(`/api/communities/${communityId}/experts/${personId}`, { method: 'PUT', body: { endorse } }),
      onSuccess: refresh,
    }),
  };
}
