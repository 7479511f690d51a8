import type {
  CreateResourceRequest,
  FindResourcesQuery,
  Resource,
  ResourcePage,
  ResourceReview,
  ResourceSummary,
  ReviewResourceRequest,
  UpdateResourceRequest,
} from '../../../../contracts/index.ts';
import {
  CreateResourceRequest as CreateResourceSchema,
  ReviewResourceRequest as ReviewResourceSchema,
  UpdateResourceRequest as UpdateResourceSchema,
} from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound, nullUnlessUnavailable } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { assertCanPost, communityChannel, loadCommunityAccess } from '../communities/index.ts';
import * as mediaRepo from './media.repo.ts';
import * as policy from './resources.policy.ts';
import * as repo from './resources.repo.ts';

/** Where a resource's changes are announced live: its community's channel, or the organization's for the library. */
function notify(deps: AppDeps, actor: Actor, communityId: string | null, id: string) {
  const channel = communityId ? communityChannel(communityId) : `org:${actor.orgId}`;
  void deps.hub.changed(channel, 'resources', id);
}

/** Whether the actor moderates the row's place (see policy.PlaceAccess); rows are only presented once readable. */
const placeOf = (actor: Actor, row: { actorModerates: boolean }): policy.PlaceAccess => ({ canModerate: row.actorModerates || actor.isAdmin });

/** A resource row as the actor sees it in lists. */
export function presentResource(actor: Actor, r: repo.ResourceRow): ResourceSummary {
  const place = placeOf(actor, r);
  return {
    id: r.id,
    community: r.communityId ? { id: r.communityId, name: r.communityName ?? '', slug: r.communitySlug ?? '' } : null,
    author: { id: r.authorId, name: r.authorName, title: r.authorTitle },
    type: r.type as ResourceSummary['type'],
    title: r.title,
    summary: r.summary,
    url: r.url,
    media:
      r.mediaId && r.mediaKind
        ? { id: r.mediaId, kind: r.mediaKind as 'image', mime: r.mediaMime ?? '', sizeBytes: Number(r.mediaSize), originalName: r.mediaName ?? '', url: `/api/media/${r.mediaId}` }
        : null,
    durationMinutes: r.durationMinutes,
    tags: r.tags,
    ratingAverage: r.ratingCount > 0 ? Math.round((r.ratingSum / r.ratingCount) * 10) / 10 : null,
    ratingCount: r.ratingCount,
    createdAt: toIso(r.createdAt),
    abilities: {
      canEdit: policy.canEditResource(actor, place, r),
      canDelete: policy.canDeleteResource(actor, place, r),
      canReview: policy.canReview(actor, r),
    },
  };
}

function presentReview(v: repo.ReviewRow): ResourceReview {
  return {
    person: { id: v.personId, name: v.personName, title: v.personTitle },
    rating: v.rating,
    review: v.review,
    createdAt: toIso(v.createdAt),
    updatedAt: toIso(v.updatedAt),
  };
}

/** Loads a live resource the actor may read (404 otherwise), with what presenting it needs. */
async function loadResource(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectResource(db, actor.orgId, actor.personId, id);
  if (!row || row.deletedAt) throw notFound('That resource');
  if (row.communityId) {
    const access = await loadCommunityAccess(db, actor, row.communityId).catch(nullUnlessUnavailable);
    if (!access?.canRead) throw notFound('That resource');
  }
  return row;
}

/** Live resources the actor may read: one community's, the library, the actor's own, by tag or type; newest first. */
export async function findResources(db: DbOrTx, actor: Actor, q: FindResourcesQuery): Promise<ResourcePage> {
  if (q.communityId) {
    const access = await loadCommunityAccess(db, actor, q.communityId);
    if (!access.canRead) throw new AppError('FORBIDDEN', 'Only members can see this community’s resources.');
  }
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectResourcePage(db, actor.orgId, actor.personId, {
    communityId: q.communityId,
    library: q.library,
    authorId: q.mine ? actor.personId : undefined,
    tag: q.tag,
    type: q.type,
    after,
    limit: q.limit + 1,
  });
  return toPage(rows, q.limit, (r) => presentResource(actor, r), (r) => [r.k, r.id]);
}

/** One resource with its reviews and the actor's own. */
export async function getResource(db: DbOrTx, actor: Actor, id: string): Promise<Resource> {
  const row = await loadResource(db, actor, id);
  const reviews = await repo.selectReviews(db, row.id, 100);
  const mine = reviews.find((v) => v.personId === actor.personId) ?? (await repo.selectReview(db, row.id, actor.personId));
  return { ...presentResource(actor, row), reviews: reviews.map(presentReview), myReview: mine ? presentReview(mine) : null };
}

/** Shares a link or an uploaded file into a community (needs posting rights) or the organization's library. */
export async function createResource(deps: AppDeps, actor: Actor, raw: CreateResourceRequest): Promise<Resource> {
  const input = CreateResourceSchema.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.communityId) assertCanPost(await loadCommunityAccess(tx, actor, input.communityId));
    if (input.mediaId) {
      const m = await mediaRepo.selectMedia(tx, actor.orgId, input.mediaId);
      if (!m || !policy.canAttachMedia(actor, m)) {
        throw new AppError('VALIDATION_FAILED', 'Attach a file you uploaded.', { errors: [{ field: 'mediaId', message: 'Not an upload of yours' }] });
      }
    }
    const resourceId = await repo.insertResource(tx, {
      orgId: actor.orgId,
      communityId: input.communityId,
      authorId: actor.personId,
      type: input.type,
      title: input.title,
      summary: input.summary,
      url: input.url,
      mediaId: input.mediaId,
      durationMinutes: input.durationMinutes,
      tags: input.tags,
    });
    emit({
      type: 'resources.shared',
      orgId: actor.orgId,
      payload: { resourceId, communityId: input.communityId, personId: actor.personId, title: input.title, tags: input.tags },
    });
    return resourceId;
  });
  notify(deps, actor, input.communityId, id);
  return getResource(deps.db, actor, id);
}

/** Edits a resource (author or community moderator). */
export async function updateResource(deps: AppDeps, actor: Actor, id: string, raw: UpdateResourceRequest): Promise<Resource> {
  const input = UpdateResourceSchema.parse(raw);
  const row = await deps.events.transaction(deps.db, async (tx) => {
    const r = await loadResource(tx, actor, id);
    if (!policy.canEditResource(actor, placeOf(actor, r), r)) throw new AppError('FORBIDDEN', 'Only the person who shared it or a moderator can edit it.');
    if (input.url !== undefined && r.url === null) {
      throw new AppError('VALIDATION_FAILED', 'An uploaded file has no link to change.', { errors: [{ field: 'url', message: 'This resource is an uploaded file' }] });
    }
    await repo.updateResource(tx, r.id, input);
    return r;
  });
  notify(deps, actor, row.communityId, id);
  return getResource(deps.db, actor, id);
}

/** Soft-deletes a resource (author or community moderator); it disappears from lists, collections and pages. */
export async function deleteResource(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  const row = await deps.events.transaction(deps.db, async (tx) => {
    const r = await loadResource(tx, actor, id);
    if (!policy.canDeleteResource(actor, placeOf(actor, r), r)) throw new AppError('FORBIDDEN', 'Only the person who shared it or a moderator can delete it.');
    await repo.softDeleteResource(tx, r.id);
    return r;
  });
  notify(deps, actor, row.communityId, id);
}

/** Rates (1–5) and optionally reviews a resource; one per person, replaced on change; counters move in the same transaction. */
export async function reviewResource(deps: AppDeps, actor: Actor, id: string, raw: ReviewResourceRequest): Promise<Resource> {
  const input = ReviewResourceSchema.parse(raw);
  const row = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockResource(tx, id);
    const r = await loadResource(tx, actor, id);
    if (!policy.canReview(actor, r)) throw new AppError('FORBIDDEN', 'You cannot rate a resource you shared.');
    const previous = await repo.selectReview(tx, r.id, actor.personId);
    await repo.upsertReview(tx, { orgId: actor.orgId, resourceId: r.id, personId: actor.personId, rating: input.rating, review: input.review }, previous?.rating ?? null);
    emit({ type: 'resources.reviewed', orgId: actor.orgId, payload: { resourceId: r.id, personId: actor.personId, authorId: r.authorId, rating: input.rating } });
    return r;
  });
  notify(deps, actor, row.communityId, id);
  return getResource(deps.db, actor, id);
}

/** Withdraws the actor's rating and review. */
export async function deleteReview(deps: AppDeps, actor: Actor, id: string): Promise<Resource> {
  const row = await deps.events.transaction(deps.db, async (tx) => {
    await repo.lockResource(tx, id);
    const r = await loadResource(tx, actor, id);
    const previous = await repo.selectReview(tx, r.id, actor.personId);
    if (!previous) throw notFound('Your review');
    await repo.deleteReview(tx, r.id, actor.personId, previous.rating);
    return r;
  });
  notify(deps, actor, row.communityId, id);
  return getResource(deps.db, actor, id);
}

/** Live resources among `ids` that the actor may read, keyed by id (collections filter their items through it). */
export async function readableResources(db: DbOrTx, actor: Actor, ids: string[]) {
  const rows = await repo.selectReadableResources(db, actor.orgId, actor.personId, ids);
  return new Map(rows.map((r) => [r.id, presentResource(actor, r)]));
}

/** Whether the media may be shown to the actor through a resource it is attached to. */
export async function canSeeMediaThroughResources(db: DbOrTx, actor: Actor, mediaId: string) {
  const ids = (await mediaRepo.selectResourcesUsingMedia(db, mediaId)).map((r) => r.id);
  return (await readableResources(db, actor, ids)).size > 0;
}
