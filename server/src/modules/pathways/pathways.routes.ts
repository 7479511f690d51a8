import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignPathwayRequest,
  AssignPathwayResult,
  PathwayAssignments,
  CreatePathwayRequest,
  EnrollRequest,
  FeaturePathwayRequest,
  FindPathwaysQuery,
  Id,
  MarkStepRequest,
  Pathway,
  PathwayPage,
  PathwayProgress,
  UpdatePathwayRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as assignments from './pathways.assignments.ts';
import * as service from './pathways.service.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the pathways module. */
export function pathwaysRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['pathways'];
  r.get('/api/pathways', { schema: { tags, querystring: FindPathwaysQuery, response: { 200: PathwayPage } } }, (req) =>
    service.findPathways(deps.db, requireActor(req), req.query),
  );
  r.post('/api/pathways', { schema: { tags, body: CreatePathwayRequest, response: { 201: Pathway } } }, async (req, reply) =>
    reply.code(201).send(await service.createPathway(deps, requireActor(req), req.body)),
  );
  r.get('/api/pathways/:id', { schema: { tags, params: IdParams, response: { 200: Pathway } } }, (req) => service.getPathway(deps.db, requireActor(req), req.params.id));
  r.patch('/api/pathways/:id', { schema: { tags, params: IdParams, body: UpdatePathwayRequest, response: { 200: Pathway } } }, (req) =>
    service.updatePathway(deps, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/pathways/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deletePathway(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put('/api/pathways/:id/featured', { schema: { tags, params: IdParams, body: FeaturePathwayRequest, response: { 200: Pathway } } }, (req) =>
    service.featurePathway(deps, requireActor(req), req.params.id, req.body.isFeatured),
  );
  r.put('/api/pathways/:id/enrollment', { schema: { tags, params: IdParams, body: EnrollRequest, response: { 200: Pathway } } }, (req) =>
    service.setEnrollment(deps, requireActor(req), req.params.id, req.body.enrolled, req.body.hideProgress),
  );
  r.put(
    '/api/pathways/:id/steps/:stepId/done',
    { schema: { tags, params: z.object({ id: Id, stepId: Id }), body: MarkStepRequest, response: { 200: Pathway } } },
    (req) => service.markStep(deps, requireActor(req), req.params.id, req.params.stepId, req.body.done),
  );
  r.post('/api/pathways/:id/assignments/preview', { schema: { tags, params: IdParams, body: AssignPathwayRequest, response: { 200: AssignPathwayResult } } }, (req) =>
    assignments.previewAssignment(deps, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/pathways/:id/assignments', { schema: { tags, params: IdParams, body: AssignPathwayRequest, response: { 200: AssignPathwayResult } } }, (req) =>
    assignments.assignPathway(deps, requireActor(req), req.params.id, req.body),
  );
  r.get('/api/pathways/:id/assignments', { schema: { tags, params: IdParams, response: { 200: PathwayAssignments } } }, (req) =>
    assignments.findAssignments(deps.db, requireActor(req), req.params.id),
  );
  r.get('/api/pathways/:id/progress', { schema: { tags, params: IdParams, response: { 200: PathwayProgress } } }, (req) =>
    service.getPathwayProgress(deps.db, requireActor(req), req.params.id),
  );
}
