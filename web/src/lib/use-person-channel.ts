import { useEffect, useRef } from 'react';
import type { ChannelEvent } from './realtime-channels.ts';
import { realtimeChannels } from './realtime-channels.ts';

/**
 * Calls `onEvent` for changes on a channel the server joins every socket to — the person's own `person:<id>` and the
 * organization's `org:<id>` — and after a reconnect (`resynced`: refetch, something may have been missed). Nothing is
 * subscribed: a subscribe would be refused, and an unsubscribe would take the socket out of the channel.
 */
export function useJoinedChannel(channel: string, onEvent: (event: ChannelEvent) => void) {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  useEffect(() => realtimeChannels.listen(channel, (e) => callback.current(e)), [channel]);
}

/** Changes on the signed-in person's own channel: new notifications, new direct messages. */
export function usePersonChannel(personId: string, onEvent: (event: ChannelEvent) => void) {
  useJoinedChannel(`person:${personId}`, onEvent);
}
