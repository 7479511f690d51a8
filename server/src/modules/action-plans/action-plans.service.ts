// Plans and program templates. Items, peers and comments: action-plans.items.ts.
import type { ActionPlan, ActionPlanList, ActionPlanTemplate, CreateActionPlanRequest } from '../../../../contracts/index.ts';
import { ACTION_PLAN_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { Db, DbOrTx } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadProgram, loadProgramForFacilitator } from '../programs/index.ts';
import { presentItem } from './action-plans.items.ts';
import * as policy from './action-plans.policy.ts';
import * as repo from './action-plans.repo.ts';

/** The actor's plan (404 for everyone else, peers included: they see their item only). */
async function loadOwnPlan(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const plan = await repo.selectPlan(db, actor.orgId, id, lock);
  if (!plan || !policy.canChange({ ownerId: plan.personId }, actor.personId)) throw notFound('That action plan');
  return plan;
}

export async function getPlan(db: DbOrTx, actor: Actor, id: string): Promise<ActionPlan> {
  const plan = await loadOwnPlan(db, actor, id);
  const items = await repo.selectPlanItems(db, id);
  return { id: plan.id, title: plan.title, programId: plan.programId, createdAt: toIso(plan.createdAt), items: items.map((r) => presentItem(actor, r)) };
}

export async function listPlans(db: DbOrTx, actor: Actor): Promise<ActionPlanList> {
  const rows = await repo.selectOwnPlans(db, actor.orgId, actor.personId, ACTION_PLAN_LIMITS.plans);
  return { items: rows.map((r) => ({ id: r.id, title: r.title, programId: r.programId, createdAt: toIso(r.createdAt), itemCount: r.itemCount, doneCount: r.doneCount })) };
}

/** Starts a plan, optionally for a program the actor can see, optionally from its template. */
export async function createPlan(db: Db, actor: Actor, input: CreateActionPlanRequest, now = new Date()): Promise<ActionPlan> {
  if (input.programId) await loadProgram(db, actor, input.programId);
  const id = await db.transaction(async (tx) => {
    const planId = await repo.insertPlan(tx, { orgId: actor.orgId, personId: actor.personId, title: input.title, programId: input.programId ?? null });
    if (input.fromTemplate && input.programId) {
      const items = await repo.selectTemplate(tx, input.programId);
      for (const [i, it] of items.entries()) await repo.insertItem(tx, { orgId: actor.orgId, planId, title: it.title, dueOn: policy.dueFrom(now, it.dueAfterDays), position: i });
    }
    return planId;
  });
  return getPlan(db, actor, id);
}

export async function renamePlan(db: Db, actor: Actor, id: string, title: string): Promise<ActionPlan> {
  await db.transaction(async (tx) => {
    await loadOwnPlan(tx, actor, id, true);
    await repo.updatePlanTitle(tx, id, title);
  });
  return getPlan(db, actor, id);
}

export async function deletePlan(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    await loadOwnPlan(tx, actor, id, true);
    await repo.deletePlan(tx, id);
  });
}

/** A program's template, for anyone who can see the program. */
export async function getTemplate(db: DbOrTx, actor: Actor, programId: string): Promise<ActionPlanTemplate> {
  await loadProgram(db, actor, programId);
  return { items: await repo.selectTemplate(db, programId) };
}

/** Replaces a program's template (its facilitators and org admins). */
export async function setTemplate(db: Db, actor: Actor, programId: string, t: ActionPlanTemplate): Promise<ActionPlanTemplate> {
  await loadProgramForFacilitator(db, actor, programId);
  await db.transaction((tx) => repo.replaceTemplate(tx, actor.orgId, programId, t.items));
  return getTemplate(db, actor, programId);
}
