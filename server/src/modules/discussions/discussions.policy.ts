import type { Actor } from '../../kernel/auth/sessions.ts';

/** What the community module decided about the actor (see communities' loadCommunityAccess). */
export interface CommunityAccess {
  canRead: boolean;
  canPost: boolean;
  canModerate: boolean;
}

/** A post or thread as the policy sees it. */
export interface AuthoredSubject {
  authorId: string;
  deletedAt: Date | string | null;
}

/** Deleted threads and posts stay readable for moderators only. */
export const canSeeDeleted = (access: CommunityAccess) => access.canModerate;

/** Authors edit their own live posts while they may post; moderators edit any. */
export const canEdit = (actor: Actor, access: CommunityAccess, p: AuthoredSubject) =>
  !p.deletedAt && (access.canModerate || (access.canPost && p.authorId === actor.personId));

/** Authors delete their own posts; moderators delete any. */
export const canDelete = (actor: Actor, access: CommunityAccess, p: AuthoredSubject) =>
  !p.deletedAt && (access.canModerate || (access.canRead && p.authorId === actor.personId));

/** The asker (while a member) or a moderator accepts an answer. */
export const canAccept = (actor: Actor, access: CommunityAccess, thread: { authorId: string; kind: string }) =>
  thread.kind === 'question' && (access.canModerate || (access.canPost && thread.authorId === actor.personId));

/** Members who may post react. */
export const canReact = (access: CommunityAccess, p: AuthoredSubject) => access.canPost && !p.deletedAt;

/** History of edits: the author and moderators. */
export const canSeeHistory = (actor: Actor, access: CommunityAccess, p: AuthoredSubject) => access.canModerate || p.authorId === actor.personId;

/** Announcements are for moderators who may post. */
export const canAnnounce = (access: CommunityAccess) => access.canModerate && access.canPost;
