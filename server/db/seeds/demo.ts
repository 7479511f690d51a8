import { eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../src/kernel/auth/passwords.ts';
import type { Db } from '../../src/kernel/db/database.ts';
import { organizations, people, personSkills } from '../schema/index.ts';
import { seedDemoCommunities } from './demo-communities.ts';
import { seedDemoEvents } from './demo-events.ts';
import { seedDemoLive } from './demo-live.ts';
import { seedDemoMentoring } from './demo-mentoring.ts';
import { seedDemoPrograms } from './demo-programs.ts';
import { seedDemoResources } from './demo-resources.ts';
import { DEPARTMENTS, FIRST, INTERESTS, LAST, NAMED, PLACES, SHARED_SKILLS, prng } from './demo-data.ts';

/** Demo password for every demo person. */
export const DEMO_PASSWORD = 'hearth-demo';

type Draft = typeof people.$inferInsert & { key: string; managerKey?: string; skills: { name: string; kind: string; level: number }[] };

/** Builds ~150 people across 10 departments with reporting lines, skills and interests. */
export function buildDemoPeople(orgId: string, passwordHash: string, size = 150): Draft[] {
  const rand = prng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const used = new Set<string>(NAMED.map((n) => n.email));
  const drafts: Draft[] = [];
  const skillsFor = (dept: (typeof DEPARTMENTS)[number]) => {
    const have = new Set<string>();
    while (have.size < 3) have.add(rand() < 0.75 ? pick(dept.skills) : pick(SHARED_SKILLS));
    const want = new Set<string>();
    while (want.size < 2) {
      const s = rand() < 0.5 ? pick(pick(DEPARTMENTS).skills) : pick(SHARED_SKILLS);
      if (!have.has(s)) want.add(s);
    }
    return [...[...have].map((name) => ({ name, kind: 'have', level: 2 + Math.floor(rand() * 4) })), ...[...want].map((name) => ({ name, kind: 'want', level: 3 }))];
  };
  const person = (p: { email: string; name: string; department: string; title: string; roles?: string[]; place?: number; managerKey?: string }): Draft => {
    const dept = DEPARTMENTS.find((d) => d.name === p.department) ?? DEPARTMENTS[0];
    const place = PLACES[p.place ?? Math.floor(rand() * PLACES.length)];
    const interests = new Set<string>();
    while (interests.size < 3) interests.add(pick(INTERESTS));
    return {
      key: p.email,
      orgId,
      email: p.email,
      name: p.name,
      title: p.title,
      department: p.department,
      team: null,
      location: place.location,
      timeZone: place.timeZone,
      roles: p.roles ?? [],
      interests: [...interests],
      bio: `${p.title} in ${p.department}, based in ${place.location}. Happy to talk about ${dept.skills[0].toLowerCase()} and ${[...interests][0].toLowerCase()}.`,
      status: 'active',
      passwordHash,
      managerKey: p.managerKey,
      skills: skillsFor(dept),
    };
  };
  const uniqueEmail = (name: string) => {
    const base = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]+/g, '.');
    let email = `${base}@example.com`;
    for (let i = 2; used.has(email); i++) email = `${base}${i}@example.com`;
    used.add(email);
    return email;
  };
  const ceo = person({ email: 'jordan.lee@example.com', name: 'Jordan Lee', department: 'Operations', title: 'Chief Executive Officer', place: 1 });
  used.add(ceo.email);
  drafts.push(ceo);
  const perDept = Math.floor((size - 1 - NAMED.length) / DEPARTMENTS.length);
  for (const [di, dept] of DEPARTMENTS.entries()) {
    const headName = `${FIRST[(di * 7) % FIRST.length]} ${LAST[(di * 3) % LAST.length]}`;
    const head = person({ email: uniqueEmail(headName), name: headName, department: dept.name, title: `Head of ${dept.name}`, managerKey: ceo.key });
    drafts.push(head);
    const leads: Draft[] = [];
    for (let i = 1; i < perDept; i++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const isLead = i <= 2;
      const managerKey = isLead || !leads.length ? head.key : leads[i % leads.length].key;
      const d = person({ email: uniqueEmail(name), name, department: dept.name, title: isLead ? `${dept.titles[0]} Lead` : pick(dept.titles), managerKey });
      if (isLead) leads.push(d);
      drafts.push(d);
    }
  }
  for (const n of NAMED) {
    const head = drafts.find((d) => d.department === n.department && d.title?.startsWith('Head of'));
    const d = person({ ...n, managerKey: n.title.includes('Manager') || n.title.startsWith('Head') ? head?.key : drafts.find((x) => x.department === n.department && x.title?.endsWith('Lead'))?.key });
    drafts.push(d);
  }
  // Maya manages a few engineers so the demo shows the derived manager role.
  const maya = drafts.find((d) => d.email === 'maya.patel@example.com');
  drafts.filter((d) => d.department === 'Engineering' && !d.title?.includes('Lead') && !d.title?.startsWith('Head') && d !== maya).slice(0, 4).forEach((d) => (d.managerKey = maya?.key));
  return drafts;
}

/** Inserts a demo organization with its people in one transaction. */
export async function seedDemo(db: Db, opts: { name?: string; slug?: string; size?: number } = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: opts.name ?? 'Northwind Collective', slug: opts.slug ?? 'demo', isDemo: true }).returning();
    const drafts = buildDemoPeople(org.id, passwordHash, opts.size);
    const inserted = await tx
      .insert(people)
      .values(drafts.map(({ key, managerKey, skills, ...row }) => row))
      .returning({ id: people.id, email: people.email, department: people.department });
    const idOf = new Map(inserted.map((r) => [r.email, r.id]));
    for (const d of drafts) {
      if (d.managerKey) await tx.update(people).set({ managerId: idOf.get(d.managerKey) }).where(eq(people.id, idOf.get(d.email) as string));
    }
    await tx.insert(personSkills).values(
      drafts.flatMap((d) => d.skills.map((s) => ({ orgId: org.id, personId: idOf.get(d.email) as string, kind: s.kind, name: s.name, key: s.name.toLowerCase(), level: s.level }))),
    );
    await seedDemoCommunities(tx, org.id, inserted);
    await seedDemoResources(tx, org.id, inserted);
    await seedDemoPrograms(tx, org.id, inserted);
    await seedDemoEvents(tx, org.id, inserted);
    await seedDemoLive(tx, org.id, inserted);
    await seedDemoMentoring(tx, org.id, inserted);
    // Two months of days people used Hearth (what engagement insights count): each person on a steady share of days,
    // from one in ten to seven in ten, the same on every seeding of the same day.
    await tx.execute(sql`insert into person_active_days (org_id, day, person_id)
      select ${org.id}, d::date, p.id from people p cross join generate_series(current_date - 59, current_date, interval '1 day') d
       where p.org_id = ${org.id} and abs(hashtext(p.email || d::date::text)) % 10 < 1 + abs(hashtext(p.email)) % 7
      on conflict do nothing`);
    return { org, count: inserted.length };
  });
}

/** Creates the demo organization if the database has no organization yet. */
export async function ensureDemo(db: Db): Promise<{ orgName: string; created: boolean }> {
  const [existing] = await db.select().from(organizations).where(eq(organizations.slug, 'demo')).limit(1);
  if (existing) return { orgName: existing.name, created: false };
  const [any] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (any) return { orgName: '(existing organizations kept)', created: false };
  const { org } = await seedDemo(db);
  return { orgName: org.name, created: true };
}
