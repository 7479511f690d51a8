import { useQuery } from '@tanstack/react-query';
import type { UnreadCountResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { notificationKeys } from './notification-keys.ts';

/** How many notifications are unread (kept live by useLiveInbox). */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api<UnreadCountResponse>('/api/notifications/unread-count', { signal }),
    select: (d) => d.count,
  });
}
