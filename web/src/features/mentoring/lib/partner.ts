import type { PersonRef, RelationshipKind } from '../../../../../contracts/index.ts';

/** The other person of a relationship, and what they are to me ("your mentor", "your coachee"). */
export function partnerOf(r: { role: 'mentor' | 'mentee' | 'admin'; mentor: PersonRef; mentee: PersonRef; kind: RelationshipKind }) {
  const coach = r.kind === 'coaching';
  if (r.role === 'mentee') return { person: r.mentor, noun: coach ? 'coach' : 'mentor' };
  if (r.role === 'mentor') return { person: r.mentee, noun: coach ? 'coachee' : 'mentee' };
  return { person: r.mentee, noun: coach ? 'coachee' : 'mentee' };
}

/** The side names of a relationship kind. */
export const sideNames = (kind: RelationshipKind) => (kind === 'coaching' ? { mentor: 'Coach', mentee: 'Coachee' } : { mentor: 'Mentor', mentee: 'Mentee' });
