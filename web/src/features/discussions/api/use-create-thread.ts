import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateThreadRequest, Thread } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from '../../communities/api/community-keys.ts';
import { discussionKeys } from './discussion-keys.ts';

/** Starts a thread (title + first post in one request). */
export function useCreateThread(communityId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateThreadRequest) => api<Thread>(`/api/communities/${communityId}/threads`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: discussionKeys.communityThreads(communityId) });
      void qc.invalidateQueries({ queryKey: communityKeys.all });
    },
  });
}
