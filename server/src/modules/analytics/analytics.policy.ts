import type { Actor } from '../../kernel/auth/sessions.ts';

/** Org admins and analysts read every scope's figures (aggregates; names only of what they may read). */
export const seesEverything = (actor: Actor) => actor.isAdmin || actor.roles.includes('analyst');

/** The organization's and a department's figures: org admins and analysts. */
export const canSeeOrganization = (actor: Actor) => seesEverything(actor);

/** A community's figures: its owners and moderators, org admins and analysts. */
export const canSeeCommunity = (actor: Actor, moderates: boolean) => seesEverything(actor) || moderates;

/** A program's figures: its facilitators, org admins and analysts. */
export const canSeeProgram = (actor: Actor, facilitates: boolean) => seesEverything(actor) || facilitates;

/** A manager's team (in aggregate): the manager themself, org admins and analysts. */
export const canSeeTeam = (actor: Actor, managerId: string) => seesEverything(actor) || actor.personId === managerId;
