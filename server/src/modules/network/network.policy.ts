import type { Actor } from '../../kernel/auth/sessions.ts';

/** Individual positions in the network (brokers by name) are for org admins (analysts will join them). */
export const canAnalyse = (actor: Actor) => actor.isAdmin;
