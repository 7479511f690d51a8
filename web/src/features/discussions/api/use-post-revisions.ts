import { useQuery } from '@tanstack/react-query';
import type { PostRevisions } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { discussionKeys } from './discussion-keys.ts';

/** Earlier versions of a post, newest first (loaded when the history dialog opens). */
export function usePostRevisions(postId: string, enabled: boolean) {
  return useQuery({
    queryKey: discussionKeys.revisions(postId),
    queryFn: ({ signal }) => api<PostRevisions>(`/api/posts/${postId}/revisions`, { signal }),
    enabled,
  });
}
