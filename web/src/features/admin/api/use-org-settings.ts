import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganizationSettings, UpdateOrganizationSettingsRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

const key = ['organization', 'settings'] as const;

/** The signed-in person's organization's settings. */
export function useOrgSettings() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api<OrganizationSettings>('/api/organization/settings', { signal }) });
}

/** Saves the settings (org admins); the cache takes the server's answer. */
export function useUpdateOrgSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationSettingsRequest) => api<OrganizationSettings>('/api/organization/settings', { method: 'PATCH', body }),
    onSuccess: (settings) => qc.setQueryData(key, settings),
  });
}
