import type { Actor } from '../../kernel/auth/sessions.ts';

/** Only org admins read their organization's audit log (and only their organization's). */
export const canReadAudit = (actor: Actor) => actor.isAdmin;
