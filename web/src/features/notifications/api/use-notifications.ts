import { useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationPage } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { notificationKeys } from './notification-keys.ts';

/** The signed-in person's notifications, newest first (optionally unread only); more load with fetchNextPage. */
export function useNotifications(unread: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unread),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<NotificationPage>(`/api/notifications${toQueryString({ unread: unread ? 'true' : undefined, limit: 30, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
