import type { Actor } from '../../kernel/auth/sessions.ts';

/** A pathway as the policy sees it. */
export interface PathwaySubject {
  orgId: string;
  authorId: string;
  status: string;
  communityId: string | null;
}

/** Community access of the actor for a community pathway (null for organization-wide pathways). */
export interface CommunityRights {
  canRead: boolean;
  canPost: boolean;
  canModerate: boolean;
}

/** Drafts are for their author; published pathways for everyone who can read where they live. */
export const canView = (actor: Actor, p: PathwaySubject, c: CommunityRights | null) =>
  actor.orgId === p.orgId && (p.status === 'published' || p.authorId === actor.personId) && (c === null || c.canRead || p.authorId === actor.personId);

/** Anyone may create an organization-wide pathway; in a community, members who may post. */
export const canCreateIn = (c: CommunityRights | null) => c === null || c.canPost;

/** Authors edit their pathways (community moderators and org admins may fix them too). */
export const canEdit = (actor: Actor, p: PathwaySubject, c: CommunityRights | null) =>
  actor.orgId === p.orgId && (p.authorId === actor.personId || (c ? c.canModerate : actor.isAdmin));

/** Featuring is curation: community moderators for community pathways, org admins or facilitators for the organization's. */
export const canFeature = (actor: Actor, p: PathwaySubject, c: CommunityRights | null) =>
  actor.orgId === p.orgId && p.status === 'published' && (c ? c.canModerate : actor.isAdmin || actor.roles.includes('facilitator'));

/** Published pathways can be joined by anyone who can see them. */
export const canEnroll = (actor: Actor, p: PathwaySubject, c: CommunityRights | null) => p.status === 'published' && canView(actor, p, c);

/** Assigning with a due date: published organization-wide pathways, by org admins, facilitators or the author. */
export const canAssign = (actor: Actor, p: PathwaySubject) =>
  actor.orgId === p.orgId && p.status === 'published' && p.communityId === null && (actor.isAdmin || actor.roles.includes('facilitator') || p.authorId === actor.personId);
