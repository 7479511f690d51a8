import { and, eq, inArray } from 'drizzle-orm';
import { renderMarkdown } from '../../src/kernel/content/markdown.ts';
import type { DbOrTx } from '../../src/kernel/db/database.ts';
import { matchMentors } from '../../../engine/matching/index.ts';
import { menteeProfiles, mentoringCheckIns, mentoringGoals, mentoringMatches, mentoringMeetings, mentoringNotes, mentorProfiles, personSkills } from '../schema/index.ts';
import { prng } from './demo-data.ts';

type Person = { id: string; email: string; department: string | null };

const NOTE = `First session went well. Lea suggested I **shadow one design critique** before running my own.

- ask the team what they want from critiques
- keep it to 45 minutes`;

/**
 * Mentoring demo: mentor profiles for Lea, Tomás, Maya and 12 others, mentee profiles for Maya, Sam and 14 others
 * (skills from their own profiles), and one active relationship Lea → Maya with its engine explanation, two goals,
 * an upcoming meeting, a check-in and a pair-private note, so the mentoring screens start alive.
 */
export async function seedDemoMentoring(tx: DbOrTx, orgId: string, everyone: Person[]) {
  const rand = prng(606);
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const named = (e: string) => byEmail.get(e);
  const lea = named('lea.schmidt@example.com');
  const maya = named('maya.patel@example.com');
  const sam = named('sam.okafor@example.com');
  const tomas = named('tomas.reyes@example.com');
  if (!lea || !maya || !sam || !tomas) return;
  const others = everyone.filter((p) => !p.email.startsWith('admin@') && ![lea, maya, sam, tomas].includes(p));
  const mentors = [lea, tomas, maya, ...others.filter((_, i) => i % 9 === 0).slice(0, 12)];
  const mentees = [maya, sam, ...others.filter((_, i) => i % 9 === 4).slice(0, 14)];
  const ids = [...new Set([...mentors, ...mentees].map((p) => p.id))];
  const skills = await tx.select().from(personSkills).where(and(eq(personSkills.orgId, orgId), inArray(personSkills.personId, ids)));
  const of = (id: string, kind: string) => skills.filter((s) => s.personId === id && s.kind === kind).map((s) => ({ skill: s.name, level: s.level }));
  const topics = ['leadership', 'career growth', 'cross-functional work', 'communication', 'first-time manager'];
  const pick = () => topics.filter(() => rand() < 0.5).concat(topics[Math.floor(rand() * topics.length)]);
  const seniority = (p: Person) => (p === lea || p === tomas ? 6 : p === maya ? 5 : p === sam ? 3 : 2 + Math.floor(rand() * 4));
  const mentorRows = mentors.map((p) => ({
    personId: p.id,
    orgId,
    skills: p === lea ? [...of(p.id, 'have'), { skill: 'Facilitation', level: 5 }, { skill: 'Stakeholder management', level: 4 }] : of(p.id, 'have'),
    topics: p === lea ? ['leadership', 'cross-functional work', 'first-time manager'] : [...new Set(pick())],
    capacity: p === lea ? 3 : 1 + Math.floor(rand() * 3),
    availabilityHours: 2,
    seniority: seniority(p),
    preferences: {},
  }));
  const menteeRows = mentees.map((p) => ({
    personId: p.id,
    orgId,
    goals: p === maya ? ['first-time manager', 'cross-functional work'] : [...new Set(pick())],
    skills: p === maya ? [{ skill: 'Facilitation', level: 4 }, { skill: 'Stakeholder management', level: 4 }] : of(p.id, 'want'),
    seniority: seniority(p),
    preferences: { otherDepartment: true },
  }));
  await tx.insert(mentorProfiles).values(mentorRows);
  await tx.insert(menteeProfiles).values(menteeRows);

  // Lea mentors Maya: scored and explained by the engine like any other pair.
  const m = mentorRows[0];
  const e = menteeRows[0];
  const result = matchMentors(
    {
      mentees: [{ id: maya.id, department: maya.department ?? undefined, seniority: e.seniority, skillsWant: e.skills, goals: e.goals, preferOtherDepartment: true }],
      mentors: [{ id: lea.id, department: lea.department ?? undefined, seniority: m.seniority, skillsHave: m.skills, topics: m.topics, capacity: 1 }],
    },
    { mode: 'participation', pinnedPairs: [{ mentee: maya.id, mentor: lea.id }], explainTop: 3 },
  );
  const pair = result.assignments[0];
  const started = new Date(Date.now() - 21 * 86400_000);
  const [rel] = await tx
    .insert(mentoringMatches)
    .values({ orgId, mentorId: lea.id, menteeId: maya.id, score: pair.score, explanation: pair.explanation ?? [], status: 'active', source: 'request', kind: 'mentoring', createdAt: started })
    .returning();
  await tx.insert(mentoringGoals).values([
    { orgId, matchId: rel.id, title: 'Run my first design critique with the platform team', progress: 40, status: 'in_progress', createdBy: maya.id, createdAt: started },
    { orgId, matchId: rel.id, title: 'Map the stakeholders of the Q1 roadmap', progress: 100, status: 'done', createdBy: lea.id, createdAt: started },
  ]);
  const next = new Date(Date.now() + 5 * 86400_000);
  next.setUTCHours(14, 0, 0, 0);
  await tx.insert(mentoringMeetings).values([
    { orgId, matchId: rel.id, startsAt: new Date(started.getTime() + 86400_000), durationMinutes: 45, agenda: 'Getting to know each other; what Maya wants from the next three months', createdBy: lea.id },
    { orgId, matchId: rel.id, startsAt: next, durationMinutes: 45, agenda: 'Prepare the first design critique: format, invitations, ground rules', createdBy: maya.id },
  ]);
  await tx.insert(mentoringCheckIns).values({ orgId, matchId: rel.id, personId: maya.id, rating: 4, text: 'Helpful so far; I want more concrete practice.', createdAt: new Date(started.getTime() + 8 * 86400_000) });
  await tx.insert(mentoringNotes).values({ orgId, matchId: rel.id, authorId: maya.id, body: NOTE, html: renderMarkdown(NOTE), createdAt: new Date(started.getTime() + 86400_000) });
}
