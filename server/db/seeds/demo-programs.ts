import { eq as eqId } from 'drizzle-orm';
import { renderMarkdown } from '../../src/kernel/content/markdown.ts';
import type { DbOrTx } from '../../src/kernel/db/database.ts';
import { programEnrollments, programFacilitators, programs, programSessions } from '../schema/index.ts';

type Person = { id: string; email: string; department: string | null };

const GOALS = `By the end of the journey you will:

- run **one-to-ones** that your reports look forward to,
- give feedback that is specific, kind and timely,
- have a learning partner outside your department you can call on.`;

/** A demo program open for enrolment: facilitated by Alex and Tomás, 24 people enrolled across departments, no plans yet. */
export async function seedDemoPrograms(tx: DbOrTx, orgId: string, everyone: Person[]) {
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const facilitators = ['admin@example.com', 'tomas.reyes@example.com'].map((e) => byEmail.get(e)).filter((p): p is Person => Boolean(p));
  const [program] = await tx
    .insert(programs)
    .values({
      orgId,
      title: 'New Manager Journey',
      description: 'Eight weeks for people in their first year of managing: live sessions in small groups, a learning partner from another department, and a cohort space.',
      goals: GOALS,
      goalsHtml: renderMarkdown(GOALS),
      status: 'open',
      enrollment: 'both',
      capacity: 40,
      startsOn: '2027-01-11',
      endsOn: '2027-03-05',
      cohortSize: 12,
      groupSize: 3,
      rounds: 3,
      minSharedHours: 0,
      createdBy: facilitators[0]?.id,
    })
    .returning();
  if (facilitators.length) await tx.insert(programFacilitators).values(facilitators.map((f) => ({ programId: program.id, personId: f.id, orgId })));
  const weeks = ['Kick-off: what good managers do', 'One-to-ones that matter', 'Feedback without fear', 'Delegating and growing people'];
  await tx.insert(programSessions).values(weeks.map((title, i) => ({ programId: program.id, orgId, title, startsAt: new Date(Date.UTC(2027, 0, 12 + i * 14, 9, 0)), durationMinutes: 90 })));
  // Spread over departments: every sixth person, plus Maya (a manager) and Sam.
  const chosen = everyone.filter((p, i) => i % 6 === 1 && !facilitators.includes(p)).slice(0, 22);
  for (const e of ['maya.patel@example.com', 'sam.okafor@example.com']) {
    const p = byEmail.get(e);
    if (p && !chosen.includes(p)) chosen.push(p);
  }
  await tx.insert(programEnrollments).values(chosen.map((p, i) => ({ programId: program.id, personId: p.id, orgId, status: 'enrolled', source: i % 3 ? 'self' : 'assigned', enrolledAt: new Date(Date.UTC(2026, 10, 1, 9, i)) })));
  await tx.update(programs).set({ enrolledCount: chosen.length }).where(eqId(programs.id, program.id));
}
