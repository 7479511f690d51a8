import type { Actor } from '../../kernel/auth/sessions.ts';

/** Org admins change their organization's settings (members may read them: nothing in them is private). */
export const canEditSettings = (actor: Actor) => actor.isAdmin;
