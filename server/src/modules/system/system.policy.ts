import type { Actor } from '../../kernel/auth/sessions.ts';

/** Only org admins see how their organization's events are delivered and retry parked ones. */
export const canOperate = (actor: Actor) => actor.isAdmin;
