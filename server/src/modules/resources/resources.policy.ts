import type { Actor } from '../../kernel/auth/sessions.ts';

/**
 * Whether the actor moderates where a resource or collection lives: in a community, its moderators (communities'
 * canModerate, org admins included when they read it); in the organization's library, org admins.
 */
export interface PlaceAccess {
  canModerate: boolean;
}

/** A resource as the policy sees it. */
export interface ResourceSubject {
  authorId: string;
  deletedAt: Date | string | null;
}

/** The author or a moderator edits a live resource. */
export const canEditResource = (actor: Actor, place: PlaceAccess, r: ResourceSubject) => !r.deletedAt && (r.authorId === actor.personId || place.canModerate);

/** The author or a moderator deletes a live resource. */
export const canDeleteResource = canEditResource;

/** Anyone who sees a live resource rates it, except its author. */
export const canReview = (actor: Actor, r: ResourceSubject) => !r.deletedAt && r.authorId !== actor.personId;

/** The owner or a moderator edits (and deletes) a collection. */
export const canEditCollection = (actor: Actor, place: PlaceAccess, c: { ownerId: string }) => c.ownerId === actor.personId || place.canModerate;

/** Media is attached only by its owner. */
export const canAttachMedia = (actor: Actor, m: { ownerId: string }) => m.ownerId === actor.personId;
