import type { SurveyAbilities } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';

/** A survey's relation to the viewer, as the policy sees it. */
export interface SurveySubject {
  orgId: string;
  status: string;
  audienceKind: string;
  createdBy: string | null;
  /** In the audience. */
  isMember: boolean;
  /** Runs the audience (community owner/moderator, program facilitator, event host, session facilitator). */
  hasAuthority: boolean;
  /** The audience is a secret community the viewer is not in. */
  secretToViewer?: boolean;
  /** Has answered. */
  answered: boolean;
  /** Open and within its dates. */
  isLive: boolean;
}

/** Reads every survey's results without managing them (the analyst role of issue 14). */
export const isAnalyst = (actor: Actor) => actor.roles.includes('analyst');

/**
 * Who may create a survey for an audience: org admins for any; for a community its owners and moderators, for a program
 * or cohort its facilitators, for an event its hosts, for a live session its facilitators. Organization-wide surveys
 * are for org admins only.
 */
export const canCreate = (actor: Actor, audienceKind: string, hasAuthority: boolean) => actor.isAdmin || (audienceKind !== 'org' && hasAuthority);

/** Edit, open and close: org admins, the creator, and whoever runs the audience (automatic feedback has no creator). */
export const canManage = (actor: Actor, s: SurveySubject) =>
  actor.orgId === s.orgId && (actor.isAdmin || (s.createdBy !== null && s.createdBy === actor.personId) || (s.audienceKind !== 'org' && s.hasAuthority));

/** Results (aggregates; per-response rows only of named surveys): managers and analysts. */
export const canSeeResults = (actor: Actor, s: SurveySubject) => canManage(actor, s) || (actor.orgId === s.orgId && isAnalyst(actor) && !s.secretToViewer);

/** Sees the survey at all: managers, analysts, and the audience once it is no longer a draft. Everyone else gets 404. */
export const canSee = (actor: Actor, s: SurveySubject) => canSeeResults(actor, s) || (actor.orgId === s.orgId && s.isMember && s.status !== 'draft');

/** Answers: audience members, while it is open, once. */
export const canAnswer = (actor: Actor, s: SurveySubject) => actor.orgId === s.orgId && s.isMember && s.isLive && !s.answered;

/** Everything the viewer may do, for `abilities`. */
export const abilities = (actor: Actor, s: SurveySubject): SurveyAbilities => ({ canManage: canManage(actor, s), canSeeResults: canSeeResults(actor, s), canAnswer: canAnswer(actor, s) });
