import type { EventAbilities } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';

/** An event as the policy sees it. */
export interface EventSubject {
  orgId: string;
  communityId: string | null;
  status: string;
  startsAt: Date;
  endsAt: Date;
}

/** The actor's relation to an event. */
export interface EventRelation {
  /** Hosts the event. */
  isHost: boolean;
  /** Can read the event's community (true when it has none). */
  canReadCommunity: boolean;
  /** Owns or moderates the event's community (false when it has none). */
  canModerateCommunity: boolean;
  /** The actor's RSVP status, or null. */
  rsvp: string | null;
}

/** Org admins and facilitators run events for the whole organization. */
export const isOrganizer = (actor: Actor) => actor.isAdmin || actor.roles.includes('facilitator');

/**
 * Who may create an event: org admins and facilitators on the organization's calendar; on a community's calendar its
 * owners and moderators, and org admins and facilitators who can read the community.
 */
export const canCreate = (actor: Actor, community: { canRead: boolean; canModerate: boolean } | null) =>
  community ? community.canModerate || (isOrganizer(actor) && community.canRead) : isOrganizer(actor);

/** Organization events are visible to the whole organization; community events to the community's readers (and hosts). */
export const canSee = (actor: Actor, e: EventSubject, rel: EventRelation) => actor.orgId === e.orgId && (e.communityId === null || rel.canReadCommunity || rel.isHost);

/** Hosts, org admins and facilitators, and the community's owners and moderators edit an event they can see. */
export const canEdit = (actor: Actor, e: EventSubject, rel: EventRelation) => canSee(actor, e, rel) && (rel.isHost || isOrganizer(actor) || rel.canModerateCommunity);

/** A scheduled event that has not ended takes RSVPs, joins and questions. */
export const isOpen = (e: EventSubject, now: Date) => e.status === 'scheduled' && now.getTime() < e.endsAt.getTime();

/** Joining opens this long before the start (attendance counts from then). */
export const JOIN_OPENS_MS = 15 * 60_000;

/** Whether the join window is open: from 15 minutes before the start until the end. */
export const isJoinable = (e: EventSubject, now: Date) => isOpen(e, now) && now.getTime() >= e.startsAt.getTime() - JOIN_OPENS_MS;

/** The join link is for going attendees, hosts and editors. */
export const canSeeJoinUrl = (actor: Actor, e: EventSubject, rel: EventRelation) => canSee(actor, e, rel) && (rel.rsvp === 'going' || canEdit(actor, e, rel));

/** Everything the actor may do, for the `abilities` of responses. */
export function abilities(actor: Actor, e: EventSubject, rel: EventRelation, now: Date): EventAbilities {
  const see = canSee(actor, e, rel);
  const edit = canEdit(actor, e, rel);
  const open = see && isOpen(e, now);
  const participant = canSeeJoinUrl(actor, e, rel);
  return {
    canEdit: edit,
    canCancel: edit && e.status === 'scheduled',
    canRsvp: open,
    canJoin: open && participant && isJoinable(e, now),
    canAsk: open && participant,
    canModerateQuestions: edit,
    canManageAttendees: edit,
  };
}

/** Self-upvotes are not allowed: a question's count is what others think of it. */
export const canUpvote = (actor: Actor, authorId: string, hidden: boolean) => actor.personId !== authorId && !hidden;
