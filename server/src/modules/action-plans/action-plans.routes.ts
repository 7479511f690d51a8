import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActionItem,
  ActionItemCommentList,
  ActionItemList,
  ActionPlan,
  ActionPlanList,
  ActionPlanTemplate,
  CreateActionItemCommentRequest,
  CreateActionItemRequest,
  CreateActionPlanRequest,
  Id,
  SetActionItemPeersRequest,
  UpdateActionItemRequest,
  UpdateActionPlanRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as items from './action-plans.items.ts';
import * as service from './action-plans.service.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the action-plans module. */
export function actionPlansRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['action-plans'];
  const db = deps.db;
  r.get('/api/action-plans', { schema: { tags, response: { 200: ActionPlanList } } }, (req) => service.listPlans(db, requireActor(req)));
  r.post('/api/action-plans', { schema: { tags, body: CreateActionPlanRequest, response: { 201: ActionPlan } } }, async (req, reply) =>
    reply.code(201).send(await service.createPlan(db, requireActor(req), req.body)),
  );
  r.get('/api/action-plans/:id', { schema: { tags, params: IdParams, response: { 200: ActionPlan } } }, (req) => service.getPlan(db, requireActor(req), req.params.id));
  r.patch('/api/action-plans/:id', { schema: { tags, params: IdParams, body: UpdateActionPlanRequest, response: { 200: ActionPlan } } }, (req) =>
    service.renamePlan(db, requireActor(req), req.params.id, req.body.title),
  );
  r.delete('/api/action-plans/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deletePlan(db, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post('/api/action-plans/:id/items', { schema: { tags, params: IdParams, body: CreateActionItemRequest, response: { 201: ActionItem } } }, async (req, reply) =>
    reply.code(201).send(await items.addItem(db, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/action-items/helping', { schema: { tags, response: { 200: ActionItemList } } }, (req) => items.helping(db, requireActor(req)));
  r.get('/api/action-items/:id', { schema: { tags, params: IdParams, response: { 200: ActionItem } } }, (req) => items.getItem(db, requireActor(req), req.params.id));
  r.patch('/api/action-items/:id', { schema: { tags, params: IdParams, body: UpdateActionItemRequest, response: { 200: ActionItem } } }, (req) =>
    items.updateItem(db, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/action-items/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await items.deleteItem(db, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put('/api/action-items/:id/peers', { schema: { tags, params: IdParams, body: SetActionItemPeersRequest, response: { 200: ActionItem } } }, (req) =>
    items.setPeers(db, requireActor(req), req.params.id, req.body.personIds),
  );
  r.get('/api/action-items/:id/comments', { schema: { tags, params: IdParams, response: { 200: ActionItemCommentList } } }, (req) =>
    items.listComments(db, requireActor(req), req.params.id),
  );
  r.post('/api/action-items/:id/comments', { schema: { tags, params: IdParams, body: CreateActionItemCommentRequest, response: { 201: ActionItemCommentList } } }, async (req, reply) =>
    reply.code(201).send(await items.addComment(db, requireActor(req), req.params.id, req.body.body)),
  );
  r.get('/api/programs/:id/plan-template', { schema: { tags, params: IdParams, response: { 200: ActionPlanTemplate } } }, (req) =>
    service.getTemplate(db, requireActor(req), req.params.id),
  );
  r.put('/api/programs/:id/plan-template', { schema: { tags, params: IdParams, body: ActionPlanTemplate, response: { 200: ActionPlanTemplate } } }, (req) =>
    service.setTemplate(db, requireActor(req), req.params.id, req.body),
  );
}
