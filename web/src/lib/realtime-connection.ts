import { type ClientMessage, ServerMessage } from '../../../contracts/index.ts';

/** Connection state shown to people when live updates pause. */
export type RealtimeStatus = 'connecting' | 'open' | 'reconnecting';

type Handlers = {
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: RealtimeStatus) => void;
  /** Called after every (re)connect, so channel subscriptions can be sent again. */
  onOpen?: () => void;
};

/** The open socket: send a message (dropped while disconnected; onOpen re-sends what matters) or close it for good. */
export type RealtimeConnection = { send: (message: ClientMessage) => void; close: () => void };

/** What a realtime tap hears: every server message, and `open` after each (re)connect. */
export type RealtimeTapEvent = ServerMessage | { type: 'open' };

const taps = new Set<(event: RealtimeTapEvent) => void>();
let currentSocket: WebSocket | null = null;

/**
 * Direct access to the one socket for features that speak their own protocol over it (WebRTC signaling of a
 * breakout call): hear every message and each reconnect, and send while open. Channel changes still go through
 * realtimeChannels.
 */
export const realtimeTap = {
  /** Hears every message until the returned function is called. */
  listen(listener: (event: RealtimeTapEvent) => void): () => void {
    taps.add(listener);
    return () => void taps.delete(listener);
  },
  /** Sends when the socket is open; false when it is not (the caller retries after the next `open`). */
  send(message: ClientMessage): boolean {
    if (currentSocket?.readyState !== WebSocket.OPEN) return false;
    currentSocket.send(JSON.stringify(message));
    return true;
  },
  /** True while the socket is open. */
  get open() {
    return currentSocket?.readyState === WebSocket.OPEN;
  },
};

const PING_MS = 25_000;
const MAX_BACKOFF_MS = 20_000;

/**
 * Opens the one WebSocket to /api/ws and keeps it open: exponential backoff with jitter on every
 * drop, reset once a connection has opened, a ping to keep proxies from idling it out.
 * Returns how to send messages and how to close it for good.
 */
export function connectRealtime({ onMessage, onStatus, onOpen }: Handlers): RealtimeConnection {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;

  const open = () => {
    if (stopped) return;
    onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    const url = new URL('/api/ws', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      currentSocket = ws;
      onStatus('open');
      pingTimer = setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(JSON.stringify({ type: 'ping' })), PING_MS);
      onOpen?.();
      for (const tap of [...taps]) tap({ type: 'open' });
    };
    ws.onmessage = (event) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = ServerMessage.safeParse(raw);
      if (!parsed.success) return;
      onMessage(parsed.data);
      for (const tap of [...taps]) tap(parsed.data);
    };
    ws.onclose = () => {
      clearInterval(pingTimer);
      if (currentSocket === ws) currentSocket = null;
      if (stopped) return;
      onStatus('reconnecting');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempt) * (0.7 + Math.random() * 0.6);
      attempt += 1;
      retryTimer = setTimeout(open, delay);
    };
  };

  open();
  return {
    send: (message) => {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
    close: () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      socket?.close(1000, 'bye');
    },
  };
}
