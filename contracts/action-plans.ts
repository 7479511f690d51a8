// Contracts of the action-plans module (issue 15 item 1): plans, items with peers and comments, program templates.
import { z } from 'zod';
import { DateOnly, Id, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of action plans shared by server validation and web forms. */
export const ACTION_PLAN_LIMITS = { title: 200, note: 4000, url: 2000, comment: 4000, items: 50, peers: 10, plans: 200 } as const;

export const ActionItemStatus = z.enum(['todo', 'doing', 'done']);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

/** A link given as evidence: http or https only. */
const EvidenceUrl = z
  .string()
  .trim()
  .max(ACTION_PLAN_LIMITS.url)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'Use an http or https link');

/** One item as its owner or one of its named peers sees it. */
export const ActionItem = z.object({
  id: Id,
  planId: Id,
  /** The plan's title for its owner; null for peers (they see this item only). */
  planTitle: z.string().nullable(),
  owner: PersonRef,
  title: z.string(),
  dueOn: z.string().nullable(),
  status: ActionItemStatus,
  evidenceUrl: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  peers: z.array(PersonRef),
  /** True when the actor owns the plan. */
  mine: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** A plan with its items (owner only). */
export const ActionPlan = z.object({
  id: Id,
  title: z.string(),
  programId: Id.nullable(),
  createdAt: z.string(),
  items: z.array(ActionItem),
});
export type ActionPlan = z.infer<typeof ActionPlan>;

/** My plans, newest first, with item counts. */
export const ActionPlanList = z.object({
  items: z.array(z.object({ id: Id, title: z.string(), programId: Id.nullable(), createdAt: z.string(), itemCount: z.number().int(), doneCount: z.number().int() })),
});
export type ActionPlanList = z.infer<typeof ActionPlanList>;

/** Starts a plan; `fromTemplate` copies the program's template items (due dates counted from today). */
export const CreateActionPlanRequest = z.object({ title: text(ACTION_PLAN_LIMITS.title), programId: Id.optional(), fromTemplate: z.boolean().optional() });
export type CreateActionPlanRequest = z.infer<typeof CreateActionPlanRequest>;

export const UpdateActionPlanRequest = z.object({ title: text(ACTION_PLAN_LIMITS.title) });

/** Adds an item, optionally naming peers (active colleagues of the same organization). */
export const CreateActionItemRequest = z.object({
  title: text(ACTION_PLAN_LIMITS.title),
  dueOn: DateOnly.optional(),
  peerIds: z.array(Id).max(ACTION_PLAN_LIMITS.peers).optional(),
});
export type CreateActionItemRequest = z.infer<typeof CreateActionItemRequest>;

/** Changes an item (owner only); null clears a due date or evidence. */
export const UpdateActionItemRequest = z.object({
  title: text(ACTION_PLAN_LIMITS.title).optional(),
  dueOn: DateOnly.nullable().optional(),
  status: ActionItemStatus.optional(),
  evidenceUrl: EvidenceUrl.nullable().optional(),
  evidenceNote: z.string().trim().max(ACTION_PLAN_LIMITS.note).nullable().optional(),
});
export type UpdateActionItemRequest = z.infer<typeof UpdateActionItemRequest>;

/** Replaces an item's named peers. */
export const SetActionItemPeersRequest = z.object({ personIds: z.array(Id).max(ACTION_PLAN_LIMITS.peers) });

/** Items where I am a named peer. */
export const ActionItemList = z.object({ items: z.array(ActionItem) });
export type ActionItemList = z.infer<typeof ActionItemList>;

export const ActionItemComment = z.object({ id: Id, author: PersonRef, body: z.string(), createdAt: z.string() });
export type ActionItemComment = z.infer<typeof ActionItemComment>;
export const ActionItemCommentList = z.object({ items: z.array(ActionItemComment) });
export type ActionItemCommentList = z.infer<typeof ActionItemCommentList>;
export const CreateActionItemCommentRequest = z.object({ body: text(ACTION_PLAN_LIMITS.comment) });

/** A program's plan template: items facilitators set; due dates count days from when a member starts the plan. */
export const ActionPlanTemplate = z.object({
  items: z.array(z.object({ title: text(ACTION_PLAN_LIMITS.title), dueAfterDays: z.number().int().min(0).max(3650).nullable() })).max(ACTION_PLAN_LIMITS.items),
});
export type ActionPlanTemplate = z.infer<typeof ActionPlanTemplate>;
