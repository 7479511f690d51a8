import type { Actor } from '../../kernel/auth/sessions.ts';

/** A session as the policy sees it, with the viewer's relation to it. */
export interface SessionSubject {
  orgId: string;
  status: string;
  programId: string | null;
  communityId: string | null;
}

/** The viewer's relation to a session (loaded by the service). */
export interface Relation {
  /** Creator, named co-facilitator or facilitator of the session's program. */
  facilitator: boolean;
  /** In the audience: enrolled in the program, a reader of the community, or anyone for org-wide sessions. */
  audience: boolean;
  /** Joined at some point (present or left). */
  participant: boolean;
  /** Present now. */
  present: boolean;
}

/** Who may create: org admins and facilitators; for a program its facilitators; for a community its moderators. */
export function canCreate(actor: Actor, target: { programFacilitator?: boolean; communityModerator?: boolean; kind: 'org' | 'program' | 'community' }) {
  if (actor.isAdmin) return true;
  if (target.kind === 'program') return Boolean(target.programFacilitator);
  if (target.kind === 'community') return Boolean(target.communityModerator) || actor.roles.includes('facilitator');
  return actor.roles.includes('facilitator');
}

/** Runs the session (start, advance, extend, broadcast, recall, end; overview, analytics, export): its facilitators and org admins. */
export const canFacilitate = (actor: Actor, s: SessionSubject, r: Relation) => actor.orgId === s.orgId && (r.facilitator || actor.isAdmin);

/** Sees the session's title, agenda and run state: facilitators, the audience, and anyone who joined. */
export const canView = (actor: Actor, s: SessionSubject, r: Relation) => actor.orgId === s.orgId && (canFacilitate(actor, s, r) || r.audience || r.participant);

/** Joins as a participant: the audience, not facilitators, before the end. */
export const canJoin = (actor: Actor, s: SessionSubject, r: Relation) => actor.orgId === s.orgId && r.audience && !canFacilitate(actor, s, r) && s.status !== 'ended';

/** Edits details and agenda: facilitators, before the end. */
export const canEdit = (actor: Actor, s: SessionSubject, r: Relation) => canFacilitate(actor, s, r) && s.status !== 'ended';

/** Reads plenary chat, broadcasts and poll results: facilitators and people who joined. */
export const canReadSessionContent = (actor: Actor, s: SessionSubject, r: Relation) => canFacilitate(actor, s, r) || (actor.orgId === s.orgId && r.participant);

/**
 * Reads a group's or pair's chat and notes: its members only. Facilitators and admins are deliberately absent:
 * what is said in a breakout stays there (a group's notes leave it only through a unanimous debrief).
 */
export const canReadGroup = (isMember: boolean) => isMember;
