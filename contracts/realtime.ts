import { z } from 'zod';
import { Id } from './common.ts';

/** Messages the server sends over `/api/ws`. */
export const ServerMessage = z.discriminatedUnion('type', [
  /** Sent once after connecting: who is online now. */
  z.object({ type: z.literal('hello'), online: z.array(Id) }),
  /** A person came online or went offline. */
  z.object({ type: z.literal('presence'), personId: Id, online: z.boolean() }),
  /** Reply to a client ping. */
  z.object({ type: z.literal('pong') }),
  /** Something in a subscribed channel changed (e.g. a reply in `thread:<id>`): refetch it. Carries ids, never content. */
  z.object({ type: z.literal('changed'), channel: z.string(), what: z.string(), id: Id.optional() }),
  /** Answer to subscribe: ok = false when the channel does not exist or the person may not see it. */
  z.object({ type: z.literal('subscribed'), channel: z.string(), ok: z.boolean() }),
  /** The connection did something wrong. */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Messages a client may send. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  /** Follow live changes of a channel such as `thread:<id>` or `community:<id>` (checked against what the person may see). */
  z.object({ type: z.literal('subscribe'), channel: z.string().max(100) }),
  /** Stop following a channel. */
  z.object({ type: z.literal('unsubscribe'), channel: z.string().max(100) }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
