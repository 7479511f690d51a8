import { useQuery } from '@tanstack/react-query';
import type { CommunityRecommendations } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from './community-keys.ts';

/** Communities the person is not in yet, best first, each with why it is suggested. */
export function useRecommendedCommunities() {
  return useQuery({
    queryKey: communityKeys.recommended,
    queryFn: ({ signal }) => api<CommunityRecommendations>('/api/communities/recommended', { signal }),
    staleTime: 5 * 60_000,
  });
}
