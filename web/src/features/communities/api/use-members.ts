import { useInfiniteQuery } from '@tanstack/react-query';
import type { MemberPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { communityKeys } from './community-keys.ts';

/** Member status lists: active members; join requests and open invitations (moderators). */
export type MemberStatus = 'active' | 'requested' | 'invited';

/** A community's members with one status, keyset-paged. */
export function useMembers(communityId: string, status: MemberStatus, enabled = true) {
  return useInfiniteQuery({
    queryKey: communityKeys.members(communityId, status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<MemberPage>(`/api/communities/${communityId}/members${toQueryString({ status, limit: 50, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}
