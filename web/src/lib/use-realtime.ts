import { useEffect, useState } from 'react';
import { presenceStore } from './presence-store.ts';
import { connectRealtime, type RealtimeStatus } from './realtime-connection.ts';

/** Keeps the realtime socket open while the signed-in app is mounted and feeds the presence store. */
export function useRealtime(): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>('connecting');
  useEffect(() => {
    const close = connectRealtime({
      onStatus: setStatus,
      onMessage: (message) => {
        if (message.type === 'hello') presenceStore.replace(message.online);
        else if (message.type === 'presence') presenceStore.set(message.personId, message.online);
      },
    });
    return () => {
      close();
      presenceStore.clear();
    };
  }, []);
  return status;
}
