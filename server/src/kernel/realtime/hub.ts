import type { WebSocket } from 'ws';
import type { ChannelBus } from './channel-bus.ts';

/** Sockets of this node grouped by channel; the bus delivers each message to the local members only. */
export class SocketHub {
  private channels = new Map<string, Set<WebSocket>>();
  constructor(readonly bus: ChannelBus) {
    bus.subscribe(({ channel, message }) => this.deliver(channel, message));
  }

  /** Adds a socket to a channel until it closes. */
  join(channel: string, socket: WebSocket) {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(socket);
    socket.once('close', () => this.leave(channel, socket));
  }

  /** Removes a socket from a channel. */
  leave(channel: string, socket: WebSocket) {
    const set = this.channels.get(channel);
    if (!set) return;
    set.delete(socket);
    if (!set.size) this.channels.delete(channel);
  }

  /** Publishes to a channel on every node. */
  publish(channel: string, message: Record<string, unknown>) {
    return this.bus.publish(channel, message);
  }

  /** Number of sockets on this node. */
  get size() {
    let n = 0;
    for (const s of this.channels.values()) n += s.size;
    return n;
  }

  /** Closes every socket (shutdown). */
  closeAll(code = 1001, reason = 'server shutting down') {
    for (const set of this.channels.values()) for (const s of set) s.close(code, reason);
  }

  private deliver(channel: string, message: Record<string, unknown>) {
    const set = this.channels.get(channel);
    if (!set) return;
    const data = JSON.stringify(message);
    for (const s of set) if (s.readyState === 1) s.send(data);
  }
}
