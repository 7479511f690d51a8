import { useEffect, useRef } from 'react';
import { type ChannelEvent, realtimeChannels } from './realtime-channels.ts';

/**
 * Follows a realtime channel (e.g. `thread:<id>`) while mounted and calls `onEvent` for each change.
 * Pass null to follow nothing. The latest callback is used without resubscribing.
 */
export function useChannel(channel: string | null, onEvent: (event: ChannelEvent) => void) {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  useEffect(() => {
    if (!channel) return;
    return realtimeChannels.subscribe(channel, (e) => callback.current(e));
  }, [channel]);
}
