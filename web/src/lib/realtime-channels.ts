import type { ClientMessage, ServerMessage } from '../../../contracts/index.ts';

/** A "changed" message from the server, or a synthetic one after a reconnect (changes may have been missed). */
export type ChannelEvent = Extract<ServerMessage, { type: 'changed' }> | { type: 'resynced'; channel: string };
type Listener = (event: ChannelEvent) => void;

const listeners = new Map<string, Set<Listener>>();
/** Listeners of channels every socket is joined to by the server (person:<id>): no subscribe message is sent. */
const joined = new Map<string, Set<Listener>>();
let send: ((message: ClientMessage) => void) | null = null;

/**
 * Channel subscriptions over the one realtime socket, reference-counted so two components following
 * the same thread share one server subscription. The socket is attached by useRealtime; after each
 * reconnect every channel is subscribed again and its listeners are told to refetch.
 */
export const realtimeChannels = {
  /** Follows a channel until the returned function is called. */
  subscribe(channel: string, listener: Listener): () => void {
    let set = listeners.get(channel);
    if (!set) {
      set = new Set();
      listeners.set(channel, set);
      send?.({ type: 'subscribe', channel });
    }
    set.add(listener);
    return () => {
      const current = listeners.get(channel);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        listeners.delete(channel);
        send?.({ type: 'unsubscribe', channel });
      }
    };
  },
  /**
   * Listens to a channel the server joins every socket to (the person channel) without subscribing: a subscribe
   * would be refused, and an unsubscribe would take the socket out of it. Until the returned function is called.
   */
  listen(channel: string, listener: Listener): () => void {
    const set = joined.get(channel) ?? new Set<Listener>();
    joined.set(channel, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && joined.get(channel) === set) joined.delete(channel);
    };
  },
  /** Connects the store to a socket that just opened: subscribes every followed channel (again). */
  attach(sender: (message: ClientMessage) => void, reconnected: boolean) {
    send = sender;
    for (const [channel, set] of listeners) {
      sender({ type: 'subscribe', channel });
      if (reconnected) for (const l of set) l({ type: 'resynced', channel });
    }
    if (reconnected) for (const [channel, set] of joined) for (const l of set) l({ type: 'resynced', channel });
  },
  /** Forgets the socket (the app is closing). */
  detach() {
    send = null;
  },
  /** Hands a server message to the listeners of its channel. */
  dispatch(message: ServerMessage) {
    if (message.type !== 'changed') return;
    for (const l of listeners.get(message.channel) ?? []) l(message);
    for (const l of joined.get(message.channel) ?? []) l(message);
  },
};
