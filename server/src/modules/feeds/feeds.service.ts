import type { FeedItem, FeedPage, FeedQuery, FollowRequest, FollowsResponse, FollowSuggestions, FollowSuggestionsQuery, UnfollowParams } from '../../../../contracts/index.ts';
import { sql } from 'drizzle-orm';
import { FEED_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import * as policy from './feeds.policy.ts';
import * as repo from './feeds.repo.ts';

function presentItem(a: repo.ActivityRow): FeedItem {
  return {
    id: Number(a.id),
    actor: { id: a.actorId, name: a.actorName, title: a.actorTitle },
    verb: a.verb as FeedItem['verb'],
    subject: { kind: a.subjectKind as FeedItem['subject']['kind'], id: a.subjectId, title: a.title },
    community: a.communityId && a.communityName && a.communitySlug ? { id: a.communityId, name: a.communityName, slug: a.communitySlug } : null,
    tags: a.tags,
    at: toIso(a.createdAt),
    url: policy.activityUrl(a),
  };
}

function afterOf(q: FeedQuery) {
  if (!q.cursor) return undefined;
  const [id] = decodeCursor<[number]>(q.cursor, 1);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid; start again from the first page.', { errors: [{ field: 'cursor', message: 'Invalid cursor' }] });
  return id;
}

/** The actor's home feed: their communities, plus followed people and tags where they can read. */
export async function findHomeFeed(db: DbOrTx, actor: Actor, q: FeedQuery): Promise<FeedPage> {
  const rows = await repo.selectHomeFeed(db, actor, { after: afterOf(q), limit: q.limit + 1 });
  return toPage(rows, q.limit, presentItem, (r) => [Number(r.id)]);
}

/** One community's activity, for people who can read its content. */
export async function findCommunityFeed(db: DbOrTx, actor: Actor, communityId: string, q: FeedQuery): Promise<FeedPage> {
  const access = await loadCommunityAccess(db, actor, communityId);
  if (!policy.canReadCommunityFeed(access)) throw new AppError('FORBIDDEN', 'Only members can follow this community’s activity.');
  const rows = await repo.selectCommunityFeed(db, actor, access.community.id, { after: afterOf(q), limit: q.limit + 1 });
  return toPage(rows, q.limit, presentItem, (r) => [Number(r.id)]);
}

/** Everything the actor follows. */
export async function findFollows(db: DbOrTx, actor: Actor): Promise<FollowsResponse> {
  const rows = await repo.selectFollows(db, actor.personId);
  return {
    items: rows.map((r) => ({
      kind: r.kind as 'person' | 'tag',
      target: r.target,
      person: r.kind === 'person' && r.personName ? { id: r.target, name: r.personName, title: r.personTitle } : null,
      since: toIso(r.createdAt),
    })),
  };
}

/** Colleagues worth following, with the reasons (see FollowSuggestions). */
export async function findFollowSuggestions(db: DbOrTx, actor: Actor, q: FollowSuggestionsQuery): Promise<FollowSuggestions> {
  const rows = await repo.selectFollowSuggestions(db, actor.orgId, actor.personId, q.limit);
  return {
    items: rows.map((r) => ({
      person: { id: r.id, name: r.name, title: r.title, department: r.department },
      canHelpWith: r.canHelpWith,
      sharedInterests: r.sharedInterests,
      otherDepartment: r.otherDepartment,
    })),
  };
}

/** Follows a colleague or a tag (idempotent). 404 for people one cannot see; 409 past FEED_LIMITS.follows. */
export async function follow(deps: AppDeps, actor: Actor, input: FollowRequest): Promise<FollowsResponse> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.kind === 'person') {
      const target = await repo.selectPerson(tx, actor.orgId, input.target);
      if (target?.id === actor.personId) throw new AppError('VALIDATION_FAILED', 'You cannot follow yourself.', { errors: [{ field: 'target', message: 'That is you' }] });
      if (!policy.canFollowPerson(actor, target)) throw notFound('That person');
    }
    // Serialize one person's follows so two concurrent requests cannot both pass the limit.
    await tx.execute(sql`select 1 from people where id = ${actor.personId} for update`);
    if ((await repo.countFollows(tx, actor.personId)) >= FEED_LIMITS.follows) throw new AppError('CONFLICT', `You can follow at most ${FEED_LIMITS.follows} people and tags. Unfollow some first.`);
    const isNew = await repo.insertFollow(tx, { orgId: actor.orgId, followerId: actor.personId, kind: input.kind, target: input.target });
    if (isNew) emit({ type: 'feeds.followed', orgId: actor.orgId, payload: { personId: actor.personId, kind: input.kind, target: input.target } });
  });
  return findFollows(deps.db, actor);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stops following (idempotent: unfollowing what one does not follow is not an error; a person of another organization is 404). */
export async function unfollow(deps: AppDeps, actor: Actor, input: UnfollowParams): Promise<FollowsResponse> {
  if (input.kind === 'person' && (!UUID.test(input.target) || !(await repo.selectPerson(deps.db, actor.orgId, input.target)))) throw notFound('That person');
  await repo.deleteFollow(deps.db, actor.personId, input.kind, input.kind === 'tag' ? input.target.toLowerCase() : input.target);
  return findFollows(deps.db, actor);
}
