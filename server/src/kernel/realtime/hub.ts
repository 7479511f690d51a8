import type { WebSocket } from 'ws';
import type { Actor } from '../auth/sessions.ts';
import type { ChannelBus } from './channel-bus.ts';

/** Decides whether an actor may follow `<prefix>:<id>`; false or a thrown error means no. */
export type ChannelAuthorizer = (actor: Actor, id: string) => Promise<boolean>;

/** Decides whether an actor may send a peer signal (WebRTC offer/answer/candidate) in `<prefix>:<id>` to a person. */
export type SignalAuthorizer = (actor: Actor, id: string, toPersonId: string) => Promise<boolean>;

const CHANNEL = /^([a-z-]+):([0-9a-f-]{36})$/;
const PERSON_ID = /^[0-9a-f-]{36}$/;

/** Sockets of this node grouped by channel; the bus delivers each message to the local members only. */
export class SocketHub {
  private channels = new Map<string, Set<WebSocket>>();
  private authorizers = new Map<string, ChannelAuthorizer>();
  private signalAuthorizers = new Map<string, SignalAuthorizer>();
  constructor(
    readonly bus: ChannelBus,
    private readonly onPublishError: (channel: string, err: unknown) => void = () => {},
  ) {
    bus.subscribe(({ channel, message }) => this.deliver(channel, message));
  }

  /** A module declares who may subscribe to its channels `<prefix>:<id>` (e.g. threads they can read). */
  allow(prefix: string, authorize: ChannelAuthorizer) {
    this.authorizers.set(prefix, authorize);
  }

  /** A module declares who may send peer signals within its channels `<prefix>:<id>`, and to whom. */
  allowSignal(prefix: string, authorize: SignalAuthorizer) {
    this.signalAuthorizers.set(prefix, authorize);
  }

  /** True when `actor` may signal person `to` within `channel`. Unknown prefixes, self-signals and errors mean no. */
  async canSignal(actor: Actor, channel: string, to: string): Promise<boolean> {
    const m = CHANNEL.exec(channel);
    const authorize = m ? this.signalAuthorizers.get(m[1]) : undefined;
    if (!m || !authorize || !PERSON_ID.test(to) || to === actor.personId) return false;
    try {
      return (await authorize(actor, m[2], to)) === true;
    } catch {
      return false;
    }
  }

  /** True when `socket` has joined `channel` on this node. */
  isJoined(channel: string, socket: WebSocket): boolean {
    return this.channels.get(channel)?.has(socket) ?? false;
  }

  /** True when a client may subscribe to `channel`: some module allows it for this actor. Unknown prefixes are refused. */
  async canSubscribe(actor: Actor, channel: string): Promise<boolean> {
    const m = CHANNEL.exec(channel);
    const authorize = m ? this.authorizers.get(m[1]) : undefined;
    if (!m || !authorize) return false;
    try {
      return await authorize(actor, m[2]);
    } catch {
      return false;
    }
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

  /**
   * Publishes to a channel on every node; answers whether it went out. Never rejects: callers fire and forget (live
   * updates are best effort, and pages refetch after a reconnect), so a failure (the database briefly unreachable, a
   * shutdown under way) is reported to `onPublishError` instead of becoming an unhandled rejection that would end the
   * process.
   */
  async publish(channel: string, message: Record<string, unknown>): Promise<boolean> {
    try {
      await this.bus.publish(channel, message);
      return true;
    } catch (err) {
      this.onPublishError(channel, err);
      return false;
    }
  }

  /**
   * Tells every node's followers of `channel` that `what` changed (a section name) and, when given, which item: ids
   * only, never content, so each page refetches what its reader may see. Never rejects (see publish).
   */
  changed(channel: string, what: string, id?: string): Promise<boolean> {
    return this.publish(channel, { type: 'changed', channel, what, ...(id ? { id } : {}) });
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
