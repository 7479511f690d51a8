import type { Actor } from '../../kernel/auth/sessions.ts';
import type { CheckinState } from '../../../../contracts/index.ts';

/** Who a check-in concerns. */
interface CheckinSubject {
  orgId: string;
  learnerId: string;
  managerId: string;
}

/** The learner and their manager see a check-in (facilitators see their program's through the program list). */
export const canSee = (actor: Actor, c: CheckinSubject) => actor.orgId === c.orgId && (actor.personId === c.learnerId || actor.personId === c.managerId);

/** Only the learner's manager records the outcome. */
export const canRecord = (actor: Actor, c: CheckinSubject) => actor.orgId === c.orgId && actor.personId === c.managerId;

/** Facilitators of the program and org admins see the program's check-ins. */
export const canList = (actor: Actor, programOrgId: string, isFacilitator: boolean) => actor.orgId === programOrgId && (actor.isAdmin || isFacilitator);

/** Days past due after which the manager is reminded again, and after which the facilitators hear of it. */
export const NUDGE_DAYS = 7;
export const ESCALATE_DAYS = 14;

/** held once recorded; overdue from NUDGE_DAYS past due; due before. */
export function stateOf(c: { dueOn: string; heldOn: string | null }, today: string): CheckinState {
  if (c.heldOn) return 'held';
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${c.dueOn}T00:00:00Z`)) / 86_400_000;
  return days >= NUDGE_DAYS ? 'overdue' : 'due';
}
