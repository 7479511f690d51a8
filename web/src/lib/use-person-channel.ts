import { useEffect, useRef } from 'react';
import type { ChannelEvent } from './realtime-channels.ts';
import { realtimeChannels } from './realtime-channels.ts';

/**
 * Calls `onEvent` for changes on the signed-in person's own channel `person:<id>` (new notifications, new direct
 * messages) and after a reconnect (`resynced`: refetch, something may have been missed). The server joins every
 * socket to this channel, so nothing is subscribed.
 */
export function usePersonChannel(personId: string, onEvent: (event: ChannelEvent) => void) {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  useEffect(() => realtimeChannels.listen(`person:${personId}`, (e) => callback.current(e)), [personId]);
}
