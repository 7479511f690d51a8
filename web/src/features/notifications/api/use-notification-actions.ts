import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UnreadCountResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './notification-keys.ts';

/** Mark one or all notifications read; the lists and the badge refetch. */
export function useNotificationActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    markRead: useMutation({ mutationFn: (id: string) => api<void>(`/api/notifications/${id}/read`, { method: 'POST' }), onSettled: refresh }),
    markAllRead: useMutation({ mutationFn: () => api<UnreadCountResponse>('/api/notifications/read-all', { method: 'POST' }), onSettled: refresh }),
  };
}
