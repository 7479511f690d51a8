import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateReplyRequest, Post, ReactionKind, Thread, UpdateThreadRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from '../../communities/api/community-keys.ts';
import { discussionKeys } from './discussion-keys.ts';
import { replaceCachedPost } from './use-thread.ts';

/** Everything one can do on a thread page; each keeps the cached thread and lists in step. */
export function useThreadActions(threadId: string, communityId: string | undefined) {
  const qc = useQueryClient();
  const refreshThread = () => qc.invalidateQueries({ queryKey: discussionKeys.thread(threadId) });
  const refreshLists = () => {
    if (communityId) void qc.invalidateQueries({ queryKey: discussionKeys.communityThreads(communityId) });
    void qc.invalidateQueries({ queryKey: communityKeys.all });
  };
  return {
    reply: useMutation({
      mutationFn: (body: CreateReplyRequest) => api<Post>(`/api/threads/${threadId}/posts`, { method: 'POST', body }),
      onSuccess: async () => {
        await refreshThread();
        refreshLists();
      },
    }),
    update: useMutation({
      mutationFn: (body: UpdateThreadRequest) => api<Thread>(`/api/threads/${threadId}`, { method: 'PATCH', body }),
      onSuccess: () => {
        void refreshThread();
        refreshLists();
      },
    }),
    remove: useMutation({
      mutationFn: () => api<void>(`/api/threads/${threadId}`, { method: 'DELETE' }),
      onSuccess: () => {
        qc.removeQueries({ queryKey: discussionKeys.thread(threadId) });
        refreshLists();
      },
    }),
    accept: useMutation({
      mutationFn: (postId: string | null) => api<Thread>(`/api/threads/${threadId}/accepted`, { method: 'PUT', body: { postId } }),
      onSuccess: () => {
        void refreshThread();
        refreshLists();
      },
    }),
    edit: useMutation({
      mutationFn: ({ postId, body }: { postId: string; body: string }) => api<Post>(`/api/posts/${postId}`, { method: 'PATCH', body: { body } }),
      onSuccess: (post) => {
        replaceCachedPost(qc, post);
        void qc.invalidateQueries({ queryKey: discussionKeys.revisions(post.id) });
      },
    }),
    deletePost: useMutation({
      mutationFn: (postId: string) => api<Post>(`/api/posts/${postId}`, { method: 'DELETE' }),
      onSuccess: (post) => {
        replaceCachedPost(qc, post);
        refreshLists();
      },
    }),
    react: useMutation({
      mutationFn: ({ postId, kind, on }: { postId: string; kind: ReactionKind; on: boolean }) =>
        on ? api<Post>(`/api/posts/${postId}/reactions`, { method: 'POST', body: { kind } }) : api<Post>(`/api/posts/${postId}/reactions/${kind}`, { method: 'DELETE' }),
      onSuccess: (post) => replaceCachedPost(qc, post),
    }),
  };
}
