import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPrefs, UpdateNotificationPrefsRequest } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './notification-keys.ts';

/** The signed-in person's notification preferences. */
export function useNotificationPrefs() {
  return useQuery({ queryKey: notificationKeys.prefs, queryFn: ({ signal }) => api<NotificationPrefs>('/api/notifications/preferences', { signal }) });
}

/** Saves some preferences; the cache takes the server's answer. */
export function useUpdateNotificationPrefs() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPrefsRequest) => api<NotificationPrefs>('/api/notifications/preferences', { method: 'PUT', body }),
    onSuccess: (prefs) => qc.setQueryData(notificationKeys.prefs, prefs),
  });
}
