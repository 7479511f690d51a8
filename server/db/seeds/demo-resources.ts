import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../src/kernel/db/database.ts';
import { collectionItems, collections, communities, resourceReviews, resources } from '../schema/index.ts';

type Person = { id: string; email: string };

type DemoResource = { type: string; title: string; url: string; summary: string; minutes?: number; tags: string[]; by: string; reviews?: [string, number, string][] };

/** Links only (no uploads): the demo must not ship media files. `community` null = the open library. */
const DEMO: { community: string | null; items: DemoResource[] }[] = [
  {
    community: null,
    items: [
      { type: 'book', title: 'Radical Candor', url: 'https://www.radicalcandor.com/the-book/', summary: 'Care personally, challenge directly: a practical frame for feedback in both directions.', tags: ['feedback', 'leadership'], by: 'admin@example.com', reviews: [['maya.patel@example.com', 5, 'Changed how I run one-to-ones.'], ['tomas.reyes@example.com', 4, 'Great first half; the rest repeats a bit.']] },
      { type: 'article', title: 'How to run a great one-to-one', url: 'https://example.com/articles/great-one-to-ones', summary: 'Agenda owned by the report, notes shared, and always one question about growth.', minutes: 8, tags: ['one-to-ones', 'leadership'], by: 'maya.patel@example.com', reviews: [['sam.okafor@example.com', 4, '']] },
      { type: 'course', title: 'Data literacy for everyone', url: 'https://example.com/courses/data-literacy', summary: 'Six short lessons: averages that lie, reading a chart, asking a good data question.', minutes: 90, tags: ['data literacy'], by: 'lea.schmidt@example.com' },
      { type: 'webinar', title: 'Giving feedback across cultures', url: 'https://example.com/webinars/feedback-across-cultures', summary: 'Recording of last spring’s session with the Berlin and Lagos teams.', minutes: 55, tags: ['feedback', 'culture'], by: 'tomas.reyes@example.com' },
    ],
  },
  {
    community: 'leading-teams',
    items: [
      { type: 'podcast', title: 'The first 90 days as a manager', url: 'https://example.com/podcasts/first-90-days', summary: 'What to listen for, what to change, and what to leave alone in your first quarter.', minutes: 42, tags: ['new managers', 'leadership'], by: 'maya.patel@example.com', reviews: [['lea.schmidt@example.com', 5, 'Listened twice. The "leave alone" list is gold.']] },
      { type: 'podcast', title: 'Delegation without dumping', url: 'https://example.com/podcasts/delegation', summary: 'Delegate outcomes, not tasks — with a check-in rhythm both sides agree on.', minutes: 35, tags: ['delegation', 'leadership'], by: 'tomas.reyes@example.com' },
      { type: 'video', title: 'Running a blameless retrospective', url: 'https://example.com/videos/blameless-retro', summary: 'A 12-minute walk-through with a real retro board.', minutes: 12, tags: ['retrospectives', 'teams'], by: 'lea.schmidt@example.com' },
    ],
  },
];

/** Adds demo resources (library and one community), a few reviews, and an organization-wide collection. */
export async function seedDemoResources(tx: DbOrTx, orgId: string, everyone: Person[]) {
  const byEmail = new Map(everyone.map((p) => [p.email, p.id]));
  const start = Date.now() - 10 * 24 * 3600_000;
  const ids: Record<string, string> = {};
  let n = 0;
  for (const group of DEMO) {
    const [c] = group.community ? await tx.select({ id: communities.id }).from(communities).where(and(eq(communities.orgId, orgId), eq(communities.slug, group.community))) : [null];
    for (const r of group.items) {
      const authorId = byEmail.get(r.by) ?? everyone[0].id;
      const at = new Date(start + n++ * 9 * 3600_000);
      const reviews = (r.reviews ?? []).filter(([email]) => byEmail.has(email) && email !== r.by);
      const [row] = await tx
        .insert(resources)
        .values({
          orgId,
          communityId: c?.id ?? null,
          authorId,
          type: r.type,
          title: r.title,
          summary: r.summary,
          url: r.url,
          durationMinutes: r.minutes ?? null,
          tags: r.tags,
          ratingSum: reviews.reduce((s, [, stars]) => s + stars, 0),
          ratingCount: reviews.length,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: resources.id });
      ids[r.title] = row.id;
      if (reviews.length) {
        await tx.insert(resourceReviews).values(reviews.map(([email, rating, review]) => ({ orgId, resourceId: row.id, personId: byEmail.get(email) as string, rating, review })));
      }
    }
  }
  const owner = byEmail.get('maya.patel@example.com') ?? everyone[0].id;
  const [col] = await tx
    .insert(collections)
    .values({ orgId, ownerId: owner, title: 'Starter kit for new managers', description: 'Read and listen in this order during your first month.', updatedAt: sql`now()` })
    .returning({ id: collections.id });
  const picks: [string, string][] = [
    ['The first 90 days as a manager', 'Start here on your commute.'],
    ['How to run a great one-to-one', 'Use the agenda template from week one.'],
    ['Radical Candor', 'The book behind half of our feedback training.'],
  ];
  await tx.insert(collectionItems).values(picks.filter(([t]) => ids[t]).map(([t, note], position) => ({ orgId, collectionId: col.id, resourceId: ids[t], position, note })));
}
