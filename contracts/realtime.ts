import { z } from 'zod';
import { Id } from './common.ts';

/** Largest serialized `data` of a peer signal, in bytes (keeps a cross-node NOTIFY under its 8 KB limit). */
export const SIGNAL_MAX_BYTES = 7000;

/** Opaque WebRTC signaling payload (offer/answer SDP, an ICE candidate, hello/bye): a JSON object of ≤ 7000 bytes. */
export const SignalData = z
  .record(z.string(), z.unknown())
  .refine((d) => new TextEncoder().encode(JSON.stringify(d)).length <= SIGNAL_MAX_BYTES, { message: `Signal data is larger than ${SIGNAL_MAX_BYTES} bytes.` });

/** Messages the server sends over `/api/ws`. */
export const ServerMessage = z.discriminatedUnion('type', [
  /** Sent once after connecting: who is online now. */
  z.object({ type: z.literal('hello'), online: z.array(Id) }),
  /** People who came online or went offline in the last moment (announced in batches per organization and node). */
  z.object({ type: z.literal('presence'), online: z.array(Id), offline: z.array(Id) }),
  /** Reply to a client ping. */
  z.object({ type: z.literal('pong') }),
  /** Something in a subscribed channel changed (e.g. a reply in `thread:<id>`): refetch it. Carries ids, never content. */
  z.object({ type: z.literal('changed'), channel: z.string(), what: z.string(), id: Id.optional() }),
  /** Answer to subscribe: ok = false when the channel does not exist or the person may not see it. */
  z.object({ type: z.literal('subscribed'), channel: z.string(), ok: z.boolean() }),
  /** A peer signal from another member of `channel` (e.g. `live-group:<id>`); `from` is set by the server, never by the sender. */
  z.object({ type: z.literal('signal'), channel: z.string(), from: Id, data: SignalData }),
  /** The connection did something wrong (SIGNAL_REFUSED carries the channel and recipient of the refused signal). */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string(), channel: z.string().optional(), to: Id.optional() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Messages a client may send. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  /** Follow live changes of a channel such as `thread:<id>` or `community:<id>` (checked against what the person may see). */
  z.object({ type: z.literal('subscribe'), channel: z.string().max(100) }),
  /** Stop following a channel. */
  z.object({ type: z.literal('unsubscribe'), channel: z.string().max(100) }),
  /**
   * Relay a WebRTC signal to one person within a subscribed channel that allows signals (e.g. `live-group:<id>`).
   * Never stored; refused with error SIGNAL_REFUSED when the sender or recipient may not signal there.
   */
  z.object({ type: z.literal('signal'), channel: z.string().max(100), to: Id, data: SignalData }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
