import { useQueryClient } from '@tanstack/react-query';
import { usePersonChannel } from '../../../lib/use-person-channel.ts';
import { messageKeys } from '../../messages/api/message-keys.ts';
import { notificationKeys } from './notification-keys.ts';

/**
 * Keeps the badges, notification lists and conversations live: the server says on `person:<me>` that something
 * changed (ids only) and the open queries refetch through the normal, authorized routes. Mounted once in the shell.
 */
export function useLiveInbox(personId: string) {
  const qc = useQueryClient();
  usePersonChannel(personId, (e) => {
    const all = e.type === 'resynced';
    if (all || e.what === 'notifications') void qc.invalidateQueries({ queryKey: notificationKeys.all });
    if (all || e.what === 'messages') void qc.invalidateQueries({ queryKey: messageKeys.all });
  });
}
