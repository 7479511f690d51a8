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
  /** The connection did something wrong. */
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Messages a client may send. */
export const ClientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('ping') })]);
export type ClientMessage = z.infer<typeof ClientMessage>;
