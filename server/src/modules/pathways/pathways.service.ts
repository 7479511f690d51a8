import type {
  CreatePathwayRequest,
  FindPathwaysQuery,
  Pathway,
  PathwayPage,
  PathwayProgress,
  PathwaySummary,
  UpdatePathwayRequest,
} from '../../../../contracts/index.ts';
import { CreatePathwayRequest as CreateSchema } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound, nullWhenRefused, refuseUnlessUnavailable } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { getThreadRef } from '../discussions/index.ts';
import { loadResourceAccess } from '../resources/index.ts';
import * as policy from './pathways.policy.ts';
import * as assignmentsRepo from './pathways.assignments.repo.ts';
import * as repo from './pathways.repo.ts';

/** Realtime channel of a pathway (enrolments and progress). */
export const pathwayChannel = (id: string) => `pathway:${id}`;

async function communityRights(db: DbOrTx, actor: Actor, communityId: string | null): Promise<policy.CommunityRights | null> {
  if (!communityId) return null;
  const access = await loadCommunityAccess(db, actor, communityId).catch(nullWhenRefused);
  return access ? { canRead: access.canRead, canPost: access.canPost, canModerate: access.canModerate } : { canRead: false, canPost: false, canModerate: false };
}

function presentSummary(r: repo.PathwayListRow): PathwaySummary {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    author: { id: r.authorId, name: r.authorName, title: r.authorTitle },
    community: r.communityId && r.communityName && r.communitySlug ? { id: r.communityId, name: r.communityName, slug: r.communitySlug } : null,
    status: r.status as PathwaySummary['status'],
    isFeatured: r.isFeatured,
    stepCount: r.stepCount,
    enrolledCount: r.enrolledCount,
    myProgress: r.enrolled ? { done: r.done, total: r.stepCount, completedAt: r.completedAt ? toIso(r.completedAt) : null } : null,
    createdAt: toIso(r.createdAt),
  };
}

/** Loads a pathway the actor may see, with their rights in its community; 404 otherwise. */
export async function loadPathway(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectPathway(db, actor.orgId, id, actor.personId);
  if (!row) throw notFound('That pathway');
  const rights = await communityRights(db, actor, row.communityId);
  if (!policy.canView(actor, row, rights)) throw notFound('That pathway');
  return { row, rights };
}

/**
 * Checks that every step points at something the author can see (a resource, a thread) so a pathway never links
 * people to content hidden from its author; returns the step list to store.
 */
async function checkSteps(db: DbOrTx, actor: Actor, steps: NonNullable<UpdatePathwayRequest['steps']>) {
  for (const [i, s] of steps.entries()) {
    const field = (name: string) => [{ field: `steps.${i}.${name}`, message: 'Not found or not visible to you' }];
    if (s.kind === 'resource') {
      await loadResourceAccess(db, actor, s.resourceId as string).catch(
        refuseUnlessUnavailable(new AppError('VALIDATION_FAILED', `Step ${i + 1}: that resource does not exist or you cannot see it.`, { errors: field('resourceId') })),
      );
    }
    if (s.kind === 'discussion') {
      await getThreadRef(db, actor, s.threadId as string).catch(
        refuseUnlessUnavailable(new AppError('VALIDATION_FAILED', `Step ${i + 1}: that discussion does not exist or you cannot see it.`, { errors: field('threadId') })),
      );
    }
  }
  return steps.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    instructions: s.instructions ?? '',
    resourceId: s.kind === 'resource' ? s.resourceId : undefined,
    threadId: s.kind === 'discussion' ? s.threadId : undefined,
    dueDate: s.kind === 'task' ? s.dueDate : undefined,
  }));
}

/** Pathways the actor can see. */
export async function findPathways(db: DbOrTx, actor: Actor, q: FindPathwaysQuery): Promise<PathwayPage> {
  if (q.communityId) {
    const rights = await communityRights(db, actor, q.communityId);
    if (!rights?.canRead) throw notFound('That community');
  }
  const after = q.cursor ? decodeCursor<[number, string, string]>(q.cursor, 3) : undefined;
  const rows = await repo.selectPathwayPage(db, actor, { communityId: q.communityId, filter: q.filter, after, limit: q.limit + 1 });
  return toPage(rows, q.limit, presentSummary, (r) => [r.isFeatured ? 1 : 0, r.k, r.id]);
}

/** A pathway with steps (targets the viewer cannot see are shown without their link), progress and abilities. */
export async function getPathway(db: DbOrTx, actor: Actor, id: string): Promise<Pathway> {
  const { row, rights } = await loadPathway(db, actor, id);
  const steps = await repo.selectSteps(db, row.id, actor.personId);
  const presented = [];
  for (const s of steps) {
    const resource = s.resourceId ? await loadResourceAccess(db, actor, s.resourceId).then((a) => a.resource, () => null) : null;
    const thread = s.threadId ? await getThreadRef(db, actor, s.threadId).then((t) => t, () => null) : null;
    presented.push({
      id: s.id,
      position: s.position,
      kind: s.kind as Pathway['steps'][number]['kind'],
      title: s.title,
      instructions: s.instructions,
      resource: resource ? { id: resource.id, title: resource.title, type: resource.type, url: resource.url } : null,
      thread: thread ? { id: thread.id, title: thread.title } : null,
      dueDate: s.dueDate,
      isDone: s.isDone,
    });
  }
  return {
    ...presentSummary(row),
    steps: presented,
    hideMyProgress: row.hideProgress,
    myAssignment: await assignmentsRepo.selectMyAssignment(db, row.id, actor.personId),
    abilities: {
      canEdit: policy.canEdit(actor, row, rights),
      canPublish: row.status === 'draft' && row.authorId === actor.personId,
      canFeature: policy.canFeature(actor, row, rights),
      canEnroll: policy.canEnroll(actor, row, rights),
      canDelete: policy.canEdit(actor, row, rights),
      canAssign: policy.canAssign(actor, row),
    },
  };
}

/** Creates a draft pathway (in a community the author may post in, or for the organization). */
export async function createPathway(deps: AppDeps, actor: Actor, raw: CreatePathwayRequest): Promise<Pathway> {
  const input = CreateSchema.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.communityId) {
      const rights = await communityRights(tx, actor, input.communityId);
      if (!rights?.canRead) throw notFound('That community');
      if (!policy.canCreateIn(rights)) throw new AppError('FORBIDDEN', 'Join the community to add pathways to it.');
    }
    const steps = await checkSteps(tx, actor, input.steps);
    const p = await repo.insertPathway(tx, { orgId: actor.orgId, communityId: input.communityId ?? null, authorId: actor.personId, title: input.title, description: input.description });
    await repo.replaceSteps(tx, actor.orgId, p.id, steps);
    emit({ type: 'pathways.created', orgId: actor.orgId, payload: { pathwayId: p.id, communityId: p.communityId, personId: actor.personId } });
    return p.id;
  });
  return getPathway(deps.db, actor, id);
}

/** Edits title, description and steps (progress on kept steps stays), or publishes the draft. */
export async function updatePathway(deps: AppDeps, actor: Actor, id: string, input: UpdatePathwayRequest): Promise<Pathway> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockPathway(tx, id);
    const { row, rights } = await loadPathway(tx, actor, id);
    if (!policy.canEdit(actor, row, rights)) throw new AppError('FORBIDDEN', 'Only the author (or a moderator) can change this pathway.');
    if (input.status === 'published' && row.authorId !== actor.personId) throw new AppError('FORBIDDEN', 'Only the author can publish the pathway.');
    if (input.steps) {
      const bad = await repo.replaceSteps(tx, actor.orgId, row.id, await checkSteps(tx, actor, input.steps));
      if (bad) throw new AppError('VALIDATION_FAILED', 'A step id does not belong to this pathway.', { errors: [{ field: 'steps', message: `Unknown step ${bad}` }] });
      // Completion depends on the step list: re-evaluate everyone enrolled.
      for (const peer of await repo.selectPeerProgress(tx, row.id)) await repo.refreshCompletion(tx, row.id, peer.id);
    }
    const publishing = input.status === 'published' && row.status === 'draft';
    await repo.updatePathwayRow(tx, row.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(publishing ? { status: 'published' } : {}),
    });
    if (publishing) {
      emit({ type: 'pathways.published', orgId: actor.orgId, payload: { pathwayId: row.id, communityId: row.communityId, personId: actor.personId, title: input.title ?? row.title } });
    }
  });
  void deps.hub.changed(pathwayChannel(id), 'pathway', id);
  return getPathway(deps.db, actor, id);
}

/** Soft-deletes a pathway (author, community moderators, org admins for organization pathways). */
export async function deletePathway(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { row, rights } = await loadPathway(tx, actor, id);
    if (!policy.canEdit(actor, row, rights)) throw new AppError('FORBIDDEN', 'Only the author (or a moderator) can delete this pathway.');
    await repo.updatePathwayRow(tx, row.id, { deletedAt: new Date() });
    emit({ type: 'pathways.deleted', orgId: actor.orgId, payload: { pathwayId: row.id, by: actor.personId } });
  });
}

/** Moderators feature or unfeature a published pathway. */
export async function featurePathway(deps: AppDeps, actor: Actor, id: string, isFeatured: boolean): Promise<Pathway> {
  const { row, rights } = await loadPathway(deps.db, actor, id);
  if (!policy.canFeature(actor, row, rights)) throw new AppError('FORBIDDEN', 'Only moderators can feature pathways.');
  await repo.updatePathwayRow(deps.db, row.id, { isFeatured, featuredBy: isFeatured ? actor.personId : null });
  return getPathway(deps.db, actor, id);
}

/** Enrols, changes whether peers see my progress, or leaves (progress is removed with the enrolment). */
export async function setEnrollment(deps: AppDeps, actor: Actor, id: string, enrolled: boolean, hideProgress?: boolean): Promise<Pathway> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockPathway(tx, id);
    const { row, rights } = await loadPathway(tx, actor, id);
    if (!enrolled) {
      if (await repo.deleteEnrollment(tx, row.id, actor.personId)) emit({ type: 'pathways.left', orgId: actor.orgId, payload: { pathwayId: row.id, personId: actor.personId } });
      return;
    }
    if (!policy.canEnroll(actor, row, rights)) throw new AppError('CONFLICT', 'This pathway is a draft: publish it before people can enrol.');
    if (await repo.upsertEnrollment(tx, { pathwayId: row.id, personId: actor.personId, orgId: actor.orgId, hideProgress })) {
      emit({ type: 'pathways.enrolled', orgId: actor.orgId, payload: { pathwayId: row.id, personId: actor.personId, communityId: row.communityId } });
    }
  });
  void deps.hub.changed(pathwayChannel(id), 'progress', actor.personId);
  return getPathway(deps.db, actor, id);
}

/** Marks one step done or not done; completing the last step completes the pathway. */
export async function markStep(deps: AppDeps, actor: Actor, id: string, stepId: string, done: boolean): Promise<Pathway> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { row } = await loadPathway(tx, actor, id);
    if (!row.enrolled) throw new AppError('CONFLICT', 'Enrol in the pathway to track your progress.');
    const steps = await repo.selectSteps(tx, row.id, actor.personId);
    if (!steps.some((s) => s.id === stepId)) throw notFound('That step');
    await repo.setStepDone(tx, { stepId, personId: actor.personId, pathwayId: row.id, orgId: actor.orgId }, done);
    const wasComplete = row.completedAt !== null;
    const complete = await repo.refreshCompletion(tx, row.id, actor.personId);
    if (done) emit({ type: 'pathways.step_completed', orgId: actor.orgId, payload: { pathwayId: row.id, stepId, personId: actor.personId } });
    if (complete && !wasComplete) emit({ type: 'pathways.completed', orgId: actor.orgId, payload: { pathwayId: row.id, personId: actor.personId, communityId: row.communityId, title: row.title } });
  });
  void deps.hub.changed(pathwayChannel(id), 'progress', actor.personId);
  return getPathway(deps.db, actor, id);
}

/** Peers' progress: everyone enrolled; people who hide theirs are listed without numbers. */
export async function getPathwayProgress(db: DbOrTx, actor: Actor, id: string): Promise<PathwayProgress> {
  const { row } = await loadPathway(db, actor, id);
  const peers = await repo.selectPeerProgress(db, row.id);
  const items = peers.map((p) => {
    const hidden = p.hideProgress && p.id !== actor.personId;
    return {
      id: p.id,
      name: p.name,
      title: p.title,
      done: hidden ? null : p.done,
      total: row.stepCount,
      completedAt: hidden || !p.completedAt ? null : toIso(p.completedAt),
      enrolledAt: toIso(p.enrolledAt),
    };
  });
  return { items, hiddenCount: items.filter((i) => i.done === null).length };
}

/** Who may follow `pathway:<id>` live: people who can see it. */
export async function canFollowPathway(db: DbOrTx, actor: Actor, id: string) {
  await loadPathway(db, actor, id);
  return true;
}
