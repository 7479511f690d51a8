import type { Actor } from '../../kernel/auth/sessions.ts';

/** Fields a person may edit on their own profile. */
export const SELF_EDITABLE = new Set(['title', 'team', 'location', 'timeZone', 'bio', 'interests', 'skills', 'avatarUrl']);

/** A person record as the policy sees it. */
export interface PersonSubject {
  id: string;
  orgId: string;
}

/** Anyone signed in to the same organization may see a colleague's profile. */
export const canView = (actor: Actor, subject: PersonSubject) => actor.orgId === subject.orgId;
/** The person themself and org admins may edit profile fields. */
export const canEdit = (actor: Actor, subject: PersonSubject) => canView(actor, subject) && (actor.personId === subject.id || actor.isAdmin);
/** Org admins may change HR fields, roles and status. */
export const canAdminister = (actor: Actor, subject: PersonSubject) => canView(actor, subject) && actor.isAdmin;
/** Org admins may invite and import people. */
export const canManagePeople = (actor: Actor) => actor.isAdmin;
/** Admins see deactivated people in the directory; others do not. */
export const canSeeDeactivated = (actor: Actor) => actor.isAdmin;
