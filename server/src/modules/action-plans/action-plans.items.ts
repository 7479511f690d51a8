// Items of action plans: the owner writes them (status, due date, evidence, named peers); the owner and the item's
// peers read and comment on that item only — anyone else gets 404.
import type { ActionItem, ActionItemCommentList, ActionItemList, CreateActionItemRequest, UpdateActionItemRequest } from '../../../../contracts/index.ts';
import { ACTION_PLAN_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { Db, DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import * as policy from './action-plans.policy.ts';
import * as repo from './action-plans.repo.ts';

export const presentItem = (actor: Actor, r: repo.ItemRow): ActionItem => {
  const mine = r.ownerId === actor.personId;
  return {
    id: r.id,
    planId: r.planId,
    planTitle: mine ? r.planTitle : null,
    owner: { id: r.ownerId, name: r.ownerName, title: r.ownerTitle },
    title: r.title,
    dueOn: r.dueOn === null ? null : String(r.dueOn).slice(0, 10),
    status: r.status,
    evidenceUrl: r.evidenceUrl,
    evidenceNote: r.evidenceNote,
    peers: r.peers ?? [],
    mine,
  };
};

/** An item the actor owns or helps with (404 otherwise). */
export async function getItem(db: DbOrTx, actor: Actor, id: string): Promise<ActionItem> {
  const row = await repo.selectVisibleItem(db, actor.orgId, id, actor.personId);
  if (!row) throw notFound('That action-plan item');
  return presentItem(actor, row);
}

/** The actor's own item, locked (404 for peers and everyone else). */
async function loadOwnItem(tx: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectItemForUpdate(tx, actor.orgId, id);
  if (!row || !policy.canChange(row, actor.personId)) throw notFound('That action-plan item');
  return row;
}

/** Checks named peers: other active people of the actor's organization (404 PEER_NOT_ALLOWED otherwise). */
export async function checkPeers(tx: DbOrTx, actor: Actor, personIds: string[]) {
  const ids = [...new Set(personIds)];
  const self = policy.peerProblem(actor.personId, ids);
  if (self) throw new AppError('PEER_NOT_ALLOWED', self);
  const found = await repo.selectActiveColleagues(tx, actor.orgId, ids);
  if (found.length !== ids.length) throw new AppError('PEER_NOT_ALLOWED', 'A peer must be an active colleague in your organization; one of the people named was not found.');
  return ids;
}

/** Adds an item to the actor's plan (404 when the plan is not theirs). */
export async function addItem(db: Db, actor: Actor, planId: string, input: CreateActionItemRequest): Promise<ActionItem> {
  const id = await db.transaction(async (tx) => {
    const plan = await repo.selectPlan(tx, actor.orgId, planId, true);
    if (!plan || !policy.canChange({ ownerId: plan.personId }, actor.personId)) throw notFound('That action plan');
    const n = await repo.countItems(tx, planId);
    if (n >= ACTION_PLAN_LIMITS.items) throw new AppError('CONFLICT', `A plan holds at most ${ACTION_PLAN_LIMITS.items} items.`);
    const peers = await checkPeers(tx, actor, input.peerIds ?? []);
    const itemId = await repo.insertItem(tx, { orgId: actor.orgId, planId, title: input.title, dueOn: input.dueOn ?? null, position: n });
    await repo.replacePeers(tx, actor.orgId, itemId, peers);
    return itemId;
  });
  return getItem(db, actor, id);
}

export async function updateItem(db: Db, actor: Actor, id: string, input: UpdateActionItemRequest): Promise<ActionItem> {
  await db.transaction(async (tx) => {
    await loadOwnItem(tx, actor, id);
    await repo.updateItem(tx, id, input);
  });
  return getItem(db, actor, id);
}

export async function deleteItem(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    await loadOwnItem(tx, actor, id);
    await repo.deleteItem(tx, id);
  });
}

/** Replaces the item's named peers; a peer removed can no longer see the item or its comments. */
export async function setPeers(db: Db, actor: Actor, id: string, personIds: string[]): Promise<ActionItem> {
  await db.transaction(async (tx) => {
    await loadOwnItem(tx, actor, id);
    await repo.replacePeers(tx, actor.orgId, id, await checkPeers(tx, actor, personIds));
  });
  return getItem(db, actor, id);
}

/** Items where the actor is a named peer. */
export async function helping(db: DbOrTx, actor: Actor): Promise<ActionItemList> {
  const rows = await repo.selectHelpingItems(db, actor.orgId, actor.personId, ACTION_PLAN_LIMITS.plans);
  return { items: rows.map((r) => presentItem(actor, r)) };
}

export async function listComments(db: DbOrTx, actor: Actor, id: string): Promise<ActionItemCommentList> {
  await getItem(db, actor, id);
  const rows = await repo.selectComments(db, id);
  return { items: rows.map((c) => ({ id: c.id, author: { id: c.authorId, name: c.authorName, title: c.authorTitle }, body: c.body, createdAt: toIso(c.createdAt) })) };
}

/** The owner or a peer comments on the item (404 for anyone else). */
export async function addComment(db: Db, actor: Actor, id: string, body: string): Promise<ActionItemCommentList> {
  await getItem(db, actor, id);
  await repo.insertComment(db, actor.orgId, id, actor.personId, body);
  return listComments(db, actor, id);
}
