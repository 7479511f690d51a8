import type {
  Collection,
  CollectionList,
  CollectionSummary,
  CreateCollectionRequest,
  FindCollectionsQuery,
  PutCollectionItemRequest,
  ReorderCollectionRequest,
  ResourceSummary,
  UpdateCollectionRequest,
} from '../../../../contracts/index.ts';
import {
  CreateCollectionRequest as CreateCollectionSchema,
  PutCollectionItemRequest as PutItemSchema,
  RESOURCE_LIMITS,
  UpdateCollectionRequest as UpdateCollectionSchema,
} from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound, nullUnlessUnavailable, refuseUnlessUnavailable } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { assertCanPost, loadCommunityAccess } from '../communities/index.ts';
import { loadResourceAccess } from './resources.access.ts';
import * as repo from './collections.repo.ts';
import * as policy from './resources.policy.ts';
import { readableResources } from './resources.service.ts';

/**
 * Where a collection lives decides who sees and moderates it: a community's collections follow the community
 * (readers see, moderators edit any); organization-wide ones are seen by everyone and moderated by org admins.
 */
async function placeOf(db: DbOrTx, actor: Actor, communityId: string | null): Promise<policy.PlaceAccess> {
  if (!communityId) return { canModerate: actor.isAdmin };
  const access = await loadCommunityAccess(db, actor, communityId).catch(nullUnlessUnavailable);
  if (!access?.canRead) throw notFound('That collection');
  return { canModerate: access.canModerate };
}

async function loadCollection(db: DbOrTx, actor: Actor, id: string) {
  const c = await repo.selectCollection(db, actor.orgId, id);
  if (!c) throw notFound('That collection');
  return { c, place: await placeOf(db, actor, c.communityId) };
}

async function loadEditable(db: DbOrTx, actor: Actor, id: string) {
  const loaded = await loadCollection(db, actor, id);
  if (!policy.canEditCollection(actor, loaded.place, loaded.c)) throw new AppError('FORBIDDEN', 'Only the curator or a moderator can change this collection.');
  return loaded;
}

function presentSummary(actor: Actor, place: policy.PlaceAccess, c: repo.CollectionRow, visible: Map<string, ResourceSummary>): CollectionSummary {
  const canEdit = policy.canEditCollection(actor, place, c);
  return {
    id: c.id,
    communityId: c.communityId,
    owner: { id: c.ownerId, name: c.ownerName, title: c.ownerTitle },
    title: c.title,
    description: c.description,
    itemCount: c.resourceIds.filter((r) => visible.has(r)).length,
    updatedAt: toIso(c.updatedAt),
    abilities: { canEdit, canDelete: canEdit },
  };
}

/** Collections of a community the actor reads, or organization-wide ones; counts only items the actor may see. */
export async function findCollections(db: DbOrTx, actor: Actor, q: FindCollectionsQuery): Promise<CollectionList> {
  const communityId = q.communityId ?? null;
  const place = await placeOf(db, actor, communityId).catch(refuseUnlessUnavailable(notFound('That community')));
  const rows = await repo.selectCollections(db, actor.orgId, { communityId, ownerId: q.mine ? actor.personId : undefined, limit: 100 });
  const visible = await readableResources(db, actor, [...new Set(rows.flatMap((r) => r.resourceIds))]);
  return { items: rows.map((r) => presentSummary(actor, place, r, visible)) };
}

/** A collection with the items the actor may see, in the curator's order. */
export async function getCollection(db: DbOrTx, actor: Actor, id: string): Promise<Collection> {
  const { c, place } = await loadCollection(db, actor, id);
  const items = await repo.selectItems(db, c.id);
  const visible = await readableResources(db, actor, items.map((i) => i.resourceId));
  return {
    ...presentSummary(actor, place, c, visible),
    items: items.flatMap((i) => {
      const resource = visible.get(i.resourceId);
      return resource ? [{ resource, note: i.note }] : [];
    }),
  };
}

/** Creates a collection in a community (members who may post) or organization-wide (anyone). */
export async function createCollection(deps: AppDeps, actor: Actor, raw: CreateCollectionRequest): Promise<Collection> {
  const input = CreateCollectionSchema.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx) => {
    if (input.communityId) assertCanPost(await loadCommunityAccess(tx, actor, input.communityId));
    return repo.insertCollection(tx, { orgId: actor.orgId, communityId: input.communityId, ownerId: actor.personId, title: input.title, description: input.description });
  });
  return getCollection(deps.db, actor, id);
}

/** Renames or re-describes a collection (curator or moderator). */
export async function updateCollection(deps: AppDeps, actor: Actor, id: string, raw: UpdateCollectionRequest): Promise<Collection> {
  const input = UpdateCollectionSchema.parse(raw);
  await deps.events.transaction(deps.db, async (tx) => {
    await loadEditable(tx, actor, id);
    await repo.touchCollection(tx, id, input);
  });
  return getCollection(deps.db, actor, id);
}

/** Deletes a collection (curator or moderator); the resources stay. */
export async function deleteCollection(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.events.transaction(deps.db, async (tx) => {
    await loadEditable(tx, actor, id);
    await repo.deleteCollection(tx, id);
  });
}

/** Adds a resource the editor can see at the end, or changes its note. */
export async function putItem(deps: AppDeps, actor: Actor, id: string, resourceId: string, raw: PutCollectionItemRequest): Promise<Collection> {
  const input = PutItemSchema.parse(raw);
  await deps.events.transaction(deps.db, async (tx) => {
    await repo.lockCollection(tx, id);
    await loadEditable(tx, actor, id);
    await loadResourceAccess(tx, actor, resourceId);
    const items = await repo.selectItems(tx, id);
    if (!items.some((i) => i.resourceId === resourceId) && items.length >= RESOURCE_LIMITS.collectionItems) {
      throw new AppError('CONFLICT', `A collection holds at most ${RESOURCE_LIMITS.collectionItems} resources.`);
    }
    await repo.upsertItem(tx, { orgId: actor.orgId, collectionId: id, resourceId, note: input.note });
    await repo.touchCollection(tx, id);
  });
  return getCollection(deps.db, actor, id);
}

/** Takes a resource out of a collection. */
export async function removeItem(deps: AppDeps, actor: Actor, id: string, resourceId: string): Promise<Collection> {
  await deps.events.transaction(deps.db, async (tx) => {
    await repo.lockCollection(tx, id);
    await loadEditable(tx, actor, id);
    if (!(await repo.deleteItem(tx, id, resourceId))) throw notFound('That item');
    await repo.touchCollection(tx, id);
  });
  return getCollection(deps.db, actor, id);
}

/**
 * Puts the listed items in the given order; items not listed (e.g. resources the editor can no longer see) keep
 * their relative order after them. Every listed id must be an item (400 otherwise).
 */
export async function reorderItems(deps: AppDeps, actor: Actor, id: string, input: ReorderCollectionRequest): Promise<Collection> {
  await deps.events.transaction(deps.db, async (tx) => {
    await repo.lockCollection(tx, id);
    await loadEditable(tx, actor, id);
    const current = (await repo.selectItems(tx, id)).map((i) => i.resourceId);
    const listed = [...new Set(input.resourceIds)];
    if (listed.length !== input.resourceIds.length || listed.some((r) => !current.includes(r))) {
      throw new AppError('VALIDATION_FAILED', 'List each item of the collection once.', { errors: [{ field: 'resourceIds', message: 'Unknown or repeated item' }] });
    }
    await repo.setPositions(tx, id, [...listed, ...current.filter((r) => !listed.includes(r))]);
    await repo.touchCollection(tx, id);
  });
  return getCollection(deps.db, actor, id);
}
