import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FollowKind, FollowsResponse, FollowSuggestions } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { feedKeys } from './feed-keys.ts';

/** Everything the signed-in person follows (people and tags). */
export function useFollows() {
  return useQuery({ queryKey: feedKeys.follows, queryFn: ({ signal }) => api<FollowsResponse>('/api/follows', { signal }), staleTime: 60_000 });
}

/** Colleagues worth following, with the reasons (skills they can help with, interests in common). */
export function useFollowSuggestions(limit = 5) {
  return useQuery({
    queryKey: [...feedKeys.suggestions, limit],
    queryFn: ({ signal }) => api<FollowSuggestions>(`/api/follows/suggestions?limit=${limit}`, { signal }),
    staleTime: 60_000,
  });
}

/** Follows or unfollows a person or a tag; the follow list and the home feed refresh. */
export function useToggleFollow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, target, follow }: { kind: FollowKind; target: string; follow: boolean }) =>
      follow
        ? api<FollowsResponse>('/api/follows', { method: 'PUT', body: { kind, target } })
        : api<FollowsResponse>(`/api/follows/${kind}/${encodeURIComponent(target)}`, { method: 'DELETE' }),
    onSuccess: (data) => {
      qc.setQueryData(feedKeys.follows, data);
      void qc.invalidateQueries({ queryKey: feedKeys.home });
      void qc.invalidateQueries({ queryKey: feedKeys.suggestions });
    },
  });
}
