import type { CommunityAbilities } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';

/** A community as the policy sees it. */
export interface CommunitySubject {
  orgId: string;
  visibility: string;
  rulesVersion: number;
}

/** The actor's membership row, or null. */
export interface MemberSubject {
  status: string;
  role: string;
  rulesAccepted: number;
}

const isActive = (m: MemberSubject | null): m is MemberSubject => m?.status === 'active';

/**
 * Whether the community exists for the actor at all. Secret communities are invisible (404) to everyone
 * outside them except people invited; org admins see that every community exists (governance) but not
 * the content of communities they are not in.
 */
export const canSee = (actor: Actor, c: CommunitySubject, m: MemberSubject | null) =>
  actor.orgId === c.orgId && (c.visibility !== 'secret' || m !== null || actor.isAdmin);

/** Threads, posts and the member list: open communities to the whole organization, others to members only. */
export const canRead = (actor: Actor, c: CommunitySubject, m: MemberSubject | null) =>
  actor.orgId === c.orgId && (c.visibility === 'open' || isActive(m));

/** Owners and moderators moderate; so do org admins in communities whose content they can read. */
export const canModerate = (actor: Actor, c: CommunitySubject, m: MemberSubject | null) =>
  actor.orgId === c.orgId && ((isActive(m) && (m.role === 'owner' || m.role === 'moderator')) || (actor.isAdmin && canRead(actor, c, m)));

/** Active members who accepted the current rules may post. */
export const canPost = (actor: Actor, c: CommunitySubject, m: MemberSubject | null) =>
  actor.orgId === c.orgId && isActive(m) && m.rulesAccepted >= c.rulesVersion;

/** True when an active member must accept changed rules before posting. */
export const mustAcceptRules = (c: CommunitySubject, m: MemberSubject | null) => isActive(m) && m.rulesAccepted < c.rulesVersion;

/** Org settings decide who may create communities. */
export const canCreate = (actor: Actor, whoCanCreate: string) => whoCanCreate === 'anyone' || actor.isAdmin;

/** Only org admins change organization-wide community settings. */
export const canChangeSettings = (actor: Actor) => actor.isAdmin;

/** Everything the actor may do, for the `abilities` of responses. `ownerCount` decides whether an owner may leave. */
export function abilities(actor: Actor, c: CommunitySubject, m: MemberSubject | null, ownerCount: number): CommunityAbilities {
  const moderate = canModerate(actor, c, m);
  const post = canPost(actor, c, m);
  return {
    canRead: canRead(actor, c, m),
    canJoin: canSee(actor, c, m) && ((c.visibility === 'open' && !isActive(m)) || m?.status === 'invited'),
    canRequest: c.visibility === 'request' && m === null && actor.orgId === c.orgId,
    canPost: post,
    canModerate: moderate,
    canAnnounce: post && moderate,
    canLeave: m !== null && !(isActive(m) && m.role === 'owner' && ownerCount <= 1),
  };
}
