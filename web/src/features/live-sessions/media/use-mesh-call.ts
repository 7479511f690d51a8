import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { realtimeChannels } from '../../../lib/realtime-channels.ts';
import { realtimeTap } from '../../../lib/realtime-connection.ts';
import { type CallSnapshot, MeshCall } from './mesh-call.ts';

/** A member of the breakout group. */
export interface CallMember {
  id: string;
  name: string;
}

export interface MeshCallHandle extends CallSnapshot {
  join: () => void;
  leave: () => void;
  setMuted: (muted: boolean) => void;
  setCamera: (on: boolean) => void;
}

/**
 * A mesh call among the members of `channel` (e.g. `live-group:<id>`), signaled over the shared realtime socket.
 * Media starts only when `join()` is called (a click). Everything is released when the component unmounts or the
 * channel changes. `peers` may include the signed-in person; they are left out.
 */
export function useMeshCall(channel: string, me: string, peers: CallMember[], opts: { iceServers?: RTCIceServer[]; connectTimeoutMs?: number } = {}): MeshCallHandle {
  const { iceServers, connectTimeoutMs } = opts;
  const iceKey = JSON.stringify(iceServers ?? []);
  // Created in an effect (not during render) so a StrictMode double mount gets a fresh call, never a destroyed one.
  const [call, setCall] = useState<MeshCall | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new call only when the channel, person or ICE servers change
  useEffect(() => {
    const c = new MeshCall({ me, iceServers, connectTimeoutMs, send: (to, data) => realtimeTap.send({ type: 'signal', channel, to, data }) });
    setCall(c);
    return () => c.destroy();
  }, [channel, me, iceKey, connectTimeoutMs]);

  const peerKey = peers.map((p) => p.id).sort().join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: peerKey stands for the member ids
  useEffect(() => call?.setPeers(peerKey ? peerKey.split(',') : []), [call, peerKey]);

  useEffect(() => {
    if (!call) return;
    // Follow the channel like any page does (shared, reference-counted), and ask once more ourselves: the answer
    // tells us the server has us in the channel, after which signals are accepted.
    const unfollow = realtimeChannels.subscribe(channel, () => {});
    const ask = () => {
      call.setReady(false);
      realtimeTap.send({ type: 'subscribe', channel });
    };
    const unlisten = realtimeTap.listen((event) => {
      if (event.type === 'open') ask();
      else if (event.type === 'subscribed' && event.channel === channel) call.setReady(event.ok);
      else if (event.type === 'signal' && event.channel === channel) call.receive(event.from, event.data);
      else if (event.type === 'error' && event.code === 'SIGNAL_REFUSED' && event.channel === channel) call.refused(event.to);
    });
    if (realtimeTap.open) ask();
    return () => {
      unlisten();
      unfollow();
      call.setReady(false);
    };
  }, [call, channel]);

  const snapshot = useSyncExternalStore(call?.subscribe ?? noSubscribe, call?.getSnapshot ?? idle);
  const join = useCallback(() => void call?.join(), [call]);
  const leave = useCallback(() => call?.leave(), [call]);
  const setMuted = useCallback((m: boolean) => call?.setMuted(m), [call]);
  const setCamera = useCallback((on: boolean) => void call?.setCamera(on), [call]);
  return { ...snapshot, join, leave, setMuted, setCamera };
}

const IDLE: CallSnapshot = { status: 'idle', mediaError: null, local: null, muted: false, camera: false, hasCamera: false, peers: [] };
const idle = () => IDLE;
const noSubscribe = () => () => {};
