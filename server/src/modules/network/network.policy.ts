import type { Actor } from '../../kernel/auth/sessions.ts';

/** The organization's network and individual positions in it (brokers by name): org admins and analysts. */
export const canAnalyse = (actor: Actor) => actor.isAdmin || actor.roles.includes('analyst');
