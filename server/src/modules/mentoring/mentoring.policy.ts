import type { Actor } from '../../kernel/auth/sessions.ts';

/** Org admins and facilitators run program matching (preview and publish). */
export const canRunMatching = (actor: Actor) => actor.isAdmin || actor.roles.includes('facilitator');

/** Pairs a mentor's own preferences rule out (hard, only when both sides' data is known). */
export function mentorRulesOut(
  mentor: { department: string | null; location: string | null; seniority: number | null; prefs: { otherDepartment?: boolean; sameLocation?: boolean; seniorityGap?: [number, number] } },
  mentee: { department: string | null; location: string | null; seniority: number | null; sameLocation?: boolean },
): boolean {
  if (mentor.prefs.otherDepartment && mentor.department && mentor.department === mentee.department) return true;
  const sameLocation = mentor.prefs.sameLocation || mentee.sameLocation;
  if (sameLocation && mentor.location && mentee.location && mentor.location !== mentee.location) return true;
  const gap = mentor.prefs.seniorityGap;
  if (gap && mentor.seniority != null && mentee.seniority != null) {
    const d = mentor.seniority - mentee.seniority;
    if (d < gap[0] || d > gap[1]) return true;
  }
  return false;
}

/** How the actor stands to a relationship: one of the two partners, a program admin (org admin or facilitator), or nobody. */
export type RelationshipRole = 'mentor' | 'mentee' | 'admin';

/** The actor's role in a relationship, or null when they may not see it at all. */
export function relationshipRole(actor: Actor, r: { mentorId: string; menteeId: string }): RelationshipRole | null {
  if (actor.personId === r.mentorId) return 'mentor';
  if (actor.personId === r.menteeId) return 'mentee';
  return canRunMatching(actor) ? 'admin' : null;
}

/** Only the two partners read and write pair-private content (notes, check-in text, closing text). */
export const isPartner = (role: RelationshipRole | null): role is 'mentor' | 'mentee' => role === 'mentor' || role === 'mentee';
