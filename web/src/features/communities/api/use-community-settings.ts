import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunitySettings } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { communityKeys } from './community-keys.ts';

/** The organization's community settings (who may create communities). */
export function useCommunitySettings() {
  return useQuery({
    queryKey: communityKeys.settings,
    queryFn: ({ signal }) => api<CommunitySettings>('/api/settings/communities', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Saves the organization's community settings (org admins). */
export function useUpdateCommunitySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommunitySettings) => api<CommunitySettings>('/api/settings/communities', { method: 'PUT', body }),
    onSuccess: (settings) => qc.setQueryData(communityKeys.settings, settings),
  });
}
