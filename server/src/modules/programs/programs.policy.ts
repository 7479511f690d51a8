import type { Actor } from '../../kernel/auth/sessions.ts';

/** A program as the policy sees it. */
export interface ProgramSubject {
  orgId: string;
  status: string;
  enrollment: string;
}

/** Facilitators and org admins create programs. */
export const canCreate = (actor: Actor) => actor.isAdmin || actor.roles.includes('facilitator');

/** The program's facilitators and org admins run it (edit, enrol people, form and publish plans). */
export const canFacilitate = (actor: Actor, p: ProgramSubject, isFacilitator: boolean) => actor.orgId === p.orgId && (actor.isAdmin || isFacilitator);

/** Drafts are for those who run the program; everything else is visible to the organization. */
export const canView = (actor: Actor, p: ProgramSubject, isFacilitator: boolean) => actor.orgId === p.orgId && (p.status !== 'draft' || canFacilitate(actor, p, isFacilitator));

/** People enrol themselves while the program is open and allows it. */
export const canSelfEnroll = (actor: Actor, p: ProgramSubject) => actor.orgId === p.orgId && p.status === 'open' && p.enrollment !== 'assigned';
