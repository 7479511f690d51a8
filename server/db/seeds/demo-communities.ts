import { eq as eqId } from 'drizzle-orm';
import { renderMarkdown, plainExcerpt } from '../../src/kernel/content/markdown.ts';
import type { DbOrTx } from '../../src/kernel/db/database.ts';
import { activities, communities, communityExperts, communityMembers, posts, threads } from '../schema/index.ts';
import { prng } from './demo-data.ts';

type Person = { id: string; email: string; department: string | null };

interface DemoThread {
  kind: 'discussion' | 'question' | 'announcement';
  title: string;
  body: string;
  replies: string[];
  /** Index of the reply accepted as the answer. */
  accepted?: number;
}

interface DemoCommunity {
  name: string;
  slug: string;
  kind: 'practice' | 'interest';
  visibility: 'open' | 'request' | 'private';
  description: string;
  topics: string[];
  owner: string;
  /** Departments whose people are likelier to be members. */
  departments: string[];
  size: number;
  threads: DemoThread[];
}

const RULES = `1. **Be kind and assume good intent.** Everyone here is learning.
2. **What is shared here stays here.** Ask before quoting someone outside the community.
3. **Share generously** — answer questions, credit ideas, link sources.
4. **No confidential customer data.**`;

const DEMO: DemoCommunity[] = [
  {
    name: 'Leading Teams Circle',
    slug: 'leading-teams',
    kind: 'practice',
    visibility: 'open',
    description: 'Managers and aspiring leaders swapping what works: one-to-ones, feedback, hiring and growing people.',
    topics: ['leadership', 'mentoring', 'public speaking'],
    owner: 'maya.patel@example.com',
    departments: ['Engineering', 'Sales', 'People & Culture'],
    size: 34,
    threads: [
      { kind: 'announcement', title: 'Welcome — start here', body: 'Introduce yourself below: **your team**, one thing you want to get better at this quarter, and one thing you could teach others.', replies: ['Hi all! Leading a team of six in Lisbon; want to get better at delegation, happy to teach SQL basics.', 'New manager since May — feedback conversations are my growth edge.'] },
      {
        kind: 'question',
        title: 'How do you run a first one-to-one with someone who just joined your team?',
        body: 'I have two new reports starting Monday. What do you cover in the **first** one-to-one, and what do you leave for later?',
        replies: [
          'I ask three questions: what energises you, what drains you, and how do you like to get feedback. Then I write the answers down and share them back.',
          'Keep it short (30 min) and agree on a rhythm. Leave goals for week three.',
        ],
        accepted: 0,
      },
      { kind: 'discussion', title: 'Book club: "Radical Candor" — chapter 3 thoughts', body: 'Chapter 3 is about *guidance*. What surprised you?', replies: ['Asking for criticism first, before giving it. Trying it this week.'] },
    ],
  },
  {
    name: 'Data & Analytics Guild',
    slug: 'data-guild',
    kind: 'practice',
    visibility: 'open',
    description: 'Dashboards, SQL, Python and data literacy for everyone — ask anything, no question too basic.',
    topics: ['python', 'data literacy', 'sql'],
    owner: 'admin@example.com',
    departments: ['Engineering', 'Finance', 'Marketing'],
    size: 40,
    threads: [
      {
        kind: 'question',
        title: 'What is the quickest way to learn enough SQL for our sales dashboards?',
        body: 'I can read a spreadsheet but `JOIN` scares me. Where should I start?',
        replies: ['Start with SELECT, WHERE and GROUP BY on one table; joins come naturally after a week.', 'Happy to pair for 30 minutes on Thursday — send me a question you want answered from the data.'],
      },
      { kind: 'discussion', title: 'Share your favourite chart that changed a decision', body: 'Mine: a simple cohort retention chart that ended a six-month debate.', replies: [] },
    ],
  },
  {
    name: 'New Managers Cohort',
    slug: 'new-managers',
    kind: 'practice',
    visibility: 'request',
    description: 'A safe space for people in their first year of managing. Ask to join; moderators approve within a day.',
    topics: ['leadership', 'time management'],
    owner: 'tomas.reyes@example.com',
    departments: ['Customer Success', 'Engineering', 'Sales'],
    size: 14,
    threads: [{ kind: 'discussion', title: 'What I wish I had known in month one', body: 'Mine: your calendar is now your strategy.', replies: ['Say "I don\'t know yet, let me find out" more often.'] }],
  },
  {
    name: 'Design Critique Club',
    slug: 'design-critique',
    kind: 'practice',
    visibility: 'open',
    description: 'Bring work in progress, get kind and specific feedback. Weekly prompts and short video walk-throughs.',
    topics: ['design', 'writing', 'public speaking'],
    owner: 'lea.schmidt@example.com',
    departments: ['Design', 'Product', 'Marketing'],
    size: 22,
    threads: [{ kind: 'question', title: 'How do you give feedback on copy without rewriting it?', body: 'I keep rewriting other people\'s words. Better approaches?', replies: ['Point at the reader: "a new customer might read this as…" instead of suggesting words.'], accepted: 0 }],
  },
  {
    name: 'Runners of Northwind',
    slug: 'runners',
    kind: 'interest',
    visibility: 'open',
    description: 'Lunch runs, weekend races and training plans across all our offices.',
    topics: ['running', 'cycling'],
    owner: 'sam.okafor@example.com',
    departments: [],
    size: 18,
    threads: [{ kind: 'discussion', title: 'Anyone up for the city 10k in spring?', body: 'Looking for training buddies in Berlin and Lisbon.', replies: ['In! Lisbon crew meets Tuesdays at 7.'] }],
  },
];

/** Adds demo communities with members, threads, answers and endorsements (deterministic). */
export async function seedDemoCommunities(tx: DbOrTx, orgId: string, everyone: Person[]) {
  const rand = prng(4242);
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const start = Date.now() - 14 * 24 * 3600_000;
  for (const [ci, d] of DEMO.entries()) {
    const owner = byEmail.get(d.owner) ?? everyone[0];
    const pool = [...everyone].sort((a, b) => (d.departments.includes(b.department ?? '') ? 1 : 0) - (d.departments.includes(a.department ?? '') ? 1 : 0) || rand() - 0.5);
    const members = [owner, ...pool.filter((p) => p.id !== owner.id).slice(0, d.size - 1)];
    // The five named demo people belong to the open communities, so every sign-in has something to see.
    for (const named of ['admin@example.com', 'maya.patel@example.com', 'lea.schmidt@example.com', 'tomas.reyes@example.com']) {
      const p = byEmail.get(named);
      if (p && d.visibility === 'open' && !members.includes(p)) members.push(p);
    }
    const [c] = await tx
      .insert(communities)
      .values({ orgId, slug: d.slug, name: d.name, kind: d.kind, visibility: d.visibility, description: d.description, topics: d.topics, rules: RULES, rulesHtml: renderMarkdown(RULES), createdBy: owner.id, memberCount: members.length, threadCount: d.threads.length })
      .returning();
    await tx.insert(communityMembers).values(members.map((p, i) => ({ communityId: c.id, personId: p.id, orgId, role: i === 0 ? 'owner' : 'member', status: 'active', rulesAccepted: 1 })));
    let at = start + ci * 3600_000;
    for (const t of d.threads) {
      at += 7 * 3600_000;
      const author = t.kind === 'announcement' ? owner : members[1 + Math.floor(rand() * (members.length - 1))];
      const [th] = await tx
        .insert(threads)
        .values({ orgId, communityId: c.id, authorId: author.id, kind: t.kind, title: t.title, isPinned: t.kind === 'announcement', excerpt: plainExcerpt(t.body), replyCount: t.replies.length, answerCount: t.replies.length, createdAt: new Date(at), lastActivityAt: new Date(at + t.replies.length * 3600_000) })
        .returning();
      await tx.insert(posts).values({ orgId, threadId: th.id, communityId: c.id, authorId: author.id, body: t.body, html: renderMarkdown(t.body), isFirst: true, createdAt: new Date(at) });
      // The feed is written by event handlers at run time; the demo writes the same rows so home feeds start full.
      await tx.insert(activities).values({ orgId, communityId: c.id, actorId: author.id, verb: 'thread_created', subjectKind: 'thread', subjectId: th.id, title: t.title, tags: d.topics, createdAt: new Date(at) });
      for (const [ri, body] of t.replies.entries()) {
        const replier = members.filter((m) => m.id !== author.id)[Math.floor(rand() * (members.length - 1))];
        const [post] = await tx
          .insert(posts)
          .values({ orgId, threadId: th.id, communityId: c.id, authorId: replier.id, body, html: renderMarkdown(body), createdAt: new Date(at + (ri + 1) * 3600_000) })
          .returning();
        await tx.insert(activities).values({ orgId, communityId: c.id, actorId: replier.id, verb: 'reply_posted', subjectKind: 'post', subjectId: post.id, title: t.title, tags: d.topics, createdAt: new Date(at + (ri + 1) * 3600_000) });
        if (t.accepted === ri) {
          await tx.update(threads).set({ acceptedPostId: post.id }).where(eqId(threads.id, th.id));
          await tx.insert(communityExperts).values({ communityId: c.id, personId: replier.id, endorsedBy: author.id, orgId }).onConflictDoNothing();
        }
      }
    }
    await tx.update(communities).set({ lastActivityAt: new Date(at) }).where(eqId(communities.id, c.id));
  }
}
