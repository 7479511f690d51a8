import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdjustPlanRequest,
  AssignPeopleRequest,
  BulkEnrollRequest,
  BulkEnrollResult,
  CohortProgram,
  CreateProgramRequest,
  FindProgramsQuery,
  FormPlanRequest,
  Id,
  JoinPartnersRequest,
  MarkSessionDoneRequest,
  MoveToCohortRequest,
  Plan,
  Program,
  ProgramEnrollees,
  ProgramPage,
  ProgramPlans,
  ProgressVisibilityRequest,
  SelfEnrollRequest,
  UpdateProgramRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as bulk from './programs.bulk.ts';
import * as enrollment from './programs.enrollment.ts';
import * as plans from './programs.publishing.ts';
import * as service from './programs.service.ts';

const IdParams = z.object({ id: Id });
const PlanParams = z.object({ id: Id, planId: Id });

/** HTTP routes of the programs module. */
export function programsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['programs'];
  r.get('/api/programs', { schema: { tags, querystring: FindProgramsQuery, response: { 200: ProgramPage } } }, (req) => service.findPrograms(deps.db, requireActor(req), req.query));
  r.post('/api/programs', { schema: { tags, body: CreateProgramRequest, response: { 201: Program } } }, async (req, reply) =>
    reply.code(201).send(await service.createProgram(deps, requireActor(req), req.body)),
  );
  r.get('/api/programs/:id', { schema: { tags, params: IdParams, response: { 200: Program } } }, (req) => service.getProgram(deps.db, requireActor(req), req.params.id));
  r.patch('/api/programs/:id', { schema: { tags, params: IdParams, body: UpdateProgramRequest, response: { 200: Program } } }, (req) =>
    service.updateProgram(deps, requireActor(req), req.params.id, req.body),
  );
  r.put('/api/programs/:id/enrollment', { schema: { tags, params: IdParams, body: SelfEnrollRequest, response: { 200: Program } } }, (req) =>
    enrollment.setMyEnrollment(deps, requireActor(req), req.params.id, req.body.enrolled),
  );
  r.get('/api/programs/:id/enrollments', { schema: { tags, params: IdParams, response: { 200: ProgramEnrollees } } }, (req) =>
    enrollment.findEnrollees(deps.db, requireActor(req), req.params.id),
  );
  r.post('/api/programs/:id/enrollments', { schema: { tags, params: IdParams, body: AssignPeopleRequest, response: { 200: ProgramEnrollees } } }, (req) =>
    enrollment.assignPeople(deps, requireActor(req), req.params.id, req.body.personIds),
  );
  r.post('/api/programs/:id/enrollments/bulk/preview', { schema: { tags, params: IdParams, body: BulkEnrollRequest, response: { 200: BulkEnrollResult } } }, (req) =>
    bulk.previewBulkEnrollment(deps, requireActor(req), req.params.id, req.body.selection),
  );
  r.post('/api/programs/:id/enrollments/bulk', { schema: { tags, params: IdParams, body: BulkEnrollRequest, response: { 200: BulkEnrollResult } } }, (req) =>
    bulk.applyBulkEnrollment(deps, requireActor(req), req.params.id, req.body.selection),
  );
  r.delete('/api/programs/:id/enrollments/:personId', { schema: { tags, params: z.object({ id: Id, personId: Id }) } }, async (req, reply) => {
    await enrollment.removeEnrollee(deps, requireActor(req), req.params.id, req.params.personId);
    return reply.code(204).send();
  });
  r.get('/api/programs/:id/plans', { schema: { tags, params: IdParams, response: { 200: ProgramPlans } } }, (req) => plans.findPlans(deps.db, requireActor(req), req.params.id));
  r.post(
    '/api/programs/:id/plans',
    { schema: { tags, params: IdParams, body: FormPlanRequest, response: { 201: Plan } }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => reply.code(201).send(await plans.createPlan(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch('/api/programs/:id/plans/:planId', { schema: { tags, params: PlanParams, body: AdjustPlanRequest, response: { 200: Plan } } }, (req) =>
    plans.adjustPlan(deps, requireActor(req), req.params.id, req.params.planId, req.body),
  );
  r.post('/api/programs/:id/plans/:planId/publish', { schema: { tags, params: PlanParams, response: { 200: Plan } } }, (req) =>
    plans.publishPlan(deps, requireActor(req), req.params.id, req.params.planId),
  );
  r.put('/api/programs/:id/cohort-members/:personId', { schema: { tags, params: z.object({ id: Id, personId: Id }), body: MoveToCohortRequest } }, async (req, reply) => {
    await enrollment.moveToCohort(deps, requireActor(req), req.params.id, req.params.personId, req.body.cohortId);
    return reply.code(204).send();
  });
  r.post('/api/programs/:id/partners', { schema: { tags, params: IdParams, body: JoinPartnersRequest } }, async (req, reply) => {
    await enrollment.joinPartners(deps, requireActor(req), req.params.id, req.body.personId, req.body.withId);
    return reply.code(204).send();
  });
  r.put('/api/programs/:id/sessions/:sessionId/done', { schema: { tags, params: z.object({ id: Id, sessionId: Id }), body: MarkSessionDoneRequest } }, async (req, reply) => {
    await service.markSessionDone(deps, requireActor(req), req.params.id, req.params.sessionId, req.body.done);
    return reply.code(204).send();
  });
  r.put('/api/programs/:id/progress-visibility', { schema: { tags, params: IdParams, body: ProgressVisibilityRequest } }, async (req, reply) => {
    await service.setProgressVisibility(deps, requireActor(req), req.params.id, req.body.hidden);
    return reply.code(204).send();
  });
  // The cohort space's program panel lives here because this module owns cohorts.
  r.get('/api/communities/:id/program', { schema: { tags, params: IdParams, response: { 200: CohortProgram } } }, (req) =>
    service.getCohortProgram(deps.db, requireActor(req), req.params.id),
  );
}
