import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Community, CreateCommunityRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from './community-keys.ts';

/** Creates a community (the creator becomes its owner). */
export function useCreateCommunity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommunityRequest) => api<Community>('/api/communities', { method: 'POST', body }),
    onSuccess: (community) => {
      qc.setQueryData(communityKeys.detail(community.slug), community);
      void qc.invalidateQueries({ queryKey: communityKeys.all, predicate: (q) => q.queryKey[1] !== 'detail' });
    },
  });
}
