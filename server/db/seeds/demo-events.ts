import { and, eq, sql } from 'drizzle-orm';
import { renderMarkdown } from '../../src/kernel/content/markdown.ts';
import type { DbOrTx } from '../../src/kernel/db/database.ts';
import { communities, communityMembers, eventAttendance, eventHosts, eventResources, eventRsvps, events, programs } from '../schema/index.ts';

type Person = { id: string; email: string; department: string | null };

const DAY = 86_400_000;
/** A whole hour `days` from now at `hourUtc` o'clock UTC, so the demo calendar is always current. */
const dayAt = (days: number, hourUtc: number) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

interface Draft {
  values: typeof events.$inferInsert;
  hosts: string[];
  going: string[];
  attended?: string[];
  links?: { title: string; url: string }[];
}

/**
 * Demo events relative to today: an organization webinar with 40 seats (28 going), a Design Critique Club workshop for
 * its members, a New Managers cohort session, and a past webinar with a recording, slides and recorded attendance.
 */
export async function seedDemoEvents(tx: DbOrTx, orgId: string, everyone: Person[]) {
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const id = (email: string) => byEmail.get(email)?.id;
  const alex = id('admin@example.com');
  const lea = id('lea.schmidt@example.com');
  const tomas = id('tomas.reyes@example.com');
  const communityId = async (slug: string) => (await tx.select({ id: communities.id }).from(communities).where(and(eq(communities.orgId, orgId), eq(communities.slug, slug))))[0]?.id ?? null;
  const membersOf = async (cid: string | null) =>
    cid ? (await tx.select({ id: communityMembers.personId }).from(communityMembers).where(and(eq(communityMembers.communityId, cid), eq(communityMembers.status, 'active')))).map((m) => m.id) : [];
  const design = await communityId('design-critique');
  const managers = await communityId('new-managers');
  const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.orgId, orgId)).limit(1);
  const others = everyone.map((p) => p.id).filter((x) => x !== alex);
  const md = (s: string) => ({ description: s, descriptionHtml: renderMarkdown(s) });

  const drafts: Draft[] = [
    {
      values: {
        orgId,
        kind: 'webinar',
        title: 'Psychological safety in hybrid teams',
        ...md('What makes people speak up — and what quietly stops them. A talk with **Dr. Amara Osei**, then questions from the floor.\n\nBring one situation from your team you would like to discuss.'),
        startsAt: dayAt(6, 15),
        endsAt: dayAt(6, 16),
        timeZone: 'Europe/London',
        joinUrl: 'https://meet.example.com/northwind-psych-safety',
        capacity: 40,
        guestSpeakers: [{ name: 'Dr. Amara Osei', title: 'Organizational psychologist, University of Leeds' }],
        createdBy: alex,
      },
      hosts: [alex].filter((x): x is string => Boolean(x)),
      going: others.slice(0, 28),
    },
    {
      values: {
        orgId,
        communityId: design,
        kind: 'workshop',
        title: 'Portfolio critique night',
        ...md('Bring a piece of work in progress. We pair up, give **specific, kind** feedback, and share one takeaway each.'),
        startsAt: dayAt(9, 17),
        endsAt: dayAt(9, 19),
        timeZone: 'Europe/Lisbon',
        location: 'Studio 2, Lisbon office',
        capacity: 12,
        createdBy: lea,
      },
      hosts: [lea].filter((x): x is string => Boolean(x)),
      going: (await membersOf(design)).filter((x) => x !== lea).slice(0, 7),
    },
    {
      values: {
        orgId,
        communityId: managers,
        programId: program?.id ?? null,
        kind: 'cohort_session',
        title: 'Cohort session: one-to-ones that matter',
        ...md('Small groups of three practise the first five minutes of a one-to-one, then we debrief together.'),
        startsAt: dayAt(3, 9),
        endsAt: dayAt(3, 10),
        timeZone: 'America/Mexico_City',
        joinUrl: 'https://meet.example.com/new-managers-2',
        createdBy: tomas,
      },
      hosts: [tomas, alex].filter((x): x is string => Boolean(x)),
      going: (await membersOf(managers)).filter((x) => x !== tomas && x !== alex).slice(0, 10),
    },
    {
      values: {
        orgId,
        kind: 'webinar',
        title: 'Data storytelling for everyone',
        ...md('How to turn a chart into a decision: three patterns, with examples from our own dashboards.'),
        startsAt: dayAt(-10, 14),
        endsAt: dayAt(-10, 15),
        timeZone: 'Europe/Berlin',
        joinUrl: 'https://meet.example.com/data-storytelling',
        recordingUrl: 'https://video.example.com/northwind/data-storytelling',
        createdBy: alex,
      },
      hosts: [alex].filter((x): x is string => Boolean(x)),
      going: others.slice(30, 52),
      attended: others.slice(30, 47),
      links: [{ title: 'Slides: data storytelling patterns', url: 'https://slides.example.com/northwind/data-storytelling' }],
    },
  ];

  for (const d of drafts) {
    const [e] = await tx
      .insert(events)
      .values({ ...d.values, goingCount: d.going.length })
      .returning({ id: events.id });
    if (d.hosts.length) await tx.insert(eventHosts).values(d.hosts.map((personId) => ({ eventId: e.id, personId, orgId })));
    if (d.going.length) await tx.insert(eventRsvps).values(d.going.map((personId) => ({ eventId: e.id, personId, orgId, status: 'going', respondedAt: sql`now() - interval '2 days'` })));
    if (d.attended?.length) await tx.insert(eventAttendance).values(d.attended.map((personId) => ({ eventId: e.id, personId, orgId })));
    if (d.links?.length) await tx.insert(eventResources).values(d.links.map((l, position) => ({ eventId: e.id, orgId, position, title: l.title, url: l.url })));
  }
}
