import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Community, UpdateCommunityRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from './community-keys.ts';

/** Edits a community (moderators); changing the rules asks every member to accept them again. */
export function useUpdateCommunity(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCommunityRequest) => api<Community>(`/api/communities/${id}`, { method: 'PATCH', body }),
    onSuccess: (community) => {
      qc.setQueryData(communityKeys.detail(community.slug), community);
      void qc.invalidateQueries({ queryKey: communityKeys.all });
    },
  });
}
