import { useQuery } from '@tanstack/react-query';
import type { UnreadCountResponse } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { messageKeys } from './message-keys.ts';

/** Unread direct messages over all conversations (kept live by useLiveInbox). */
export function useUnreadMessages() {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: ({ signal }) => api<UnreadCountResponse>('/api/conversations/unread-count', { signal }),
    select: (d) => d.count,
  });
}
