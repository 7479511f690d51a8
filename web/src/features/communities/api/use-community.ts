import { useQuery } from '@tanstack/react-query';
import type { Community } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from './community-keys.ts';

/** One community by id or slug, with rules, experts, the person's membership and abilities. */
export function useCommunity(ref: string) {
  return useQuery({
    queryKey: communityKeys.detail(ref),
    queryFn: ({ signal }) => api<Community>(`/api/communities/${encodeURIComponent(ref)}`, { signal }),
  });
}
