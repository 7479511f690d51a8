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
