import { useEffect, useState } from 'react';
import { presenceStore } from './presence-store.ts';
import { realtimeChannels } from './realtime-channels.ts';
import { connectRealtime, type RealtimeStatus } from './realtime-connection.ts';

/** Keeps the realtime socket open while the signed-in app is mounted; feeds presence and channel listeners. */
export function useRealtime(): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  useEffect(() => {
    let opened = 0;
    const connection = connectRealtime({
      onStatus: setStatus,
      onOpen: () => {
        realtimeChannels.attach(connection.send, opened > 0);
        opened += 1;
      },
      onMessage: (message) => {
        if (message.type === 'hello') presenceStore.replace(message.online);
        else if (message.type === 'presence') presenceStore.change(message.online, message.offline);
        else realtimeChannels.dispatch(message);
      },
    });
    return () => {
      realtimeChannels.detach();
      connection.close();
      presenceStore.clear();
    };
  }, []);
  return status;
}
