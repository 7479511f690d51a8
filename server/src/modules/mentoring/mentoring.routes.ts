import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateMatchRunRequest, Id, MatchRun, MentoringMatchList, MentoringProfileResponse, UpdateMentoringProfileRequest } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './mentoring.service.ts';

/** HTTP routes of the mentoring module. */
export function mentoringRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mentoring'];
  r.get('/api/mentoring/profile', { schema: { tags, response: { 200: MentoringProfileResponse } } }, (req) => service.getMyProfile(deps.db, requireActor(req)));
  r.put('/api/mentoring/profile', { schema: { tags, body: UpdateMentoringProfileRequest, response: { 200: MentoringProfileResponse } } }, (req) =>
    service.updateMyProfile(deps, requireActor(req), req.body),
  );
  r.post(
    '/api/mentoring/match-runs',
    { schema: { tags, body: CreateMatchRunRequest, response: { 201: MatchRun } }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => reply.code(201).send(await service.createRun(deps, requireActor(req), req.body)),
  );
  r.post('/api/mentoring/match-runs/:id/publish', { schema: { tags, params: z.object({ id: Id }), response: { 200: MatchRun } } }, (req) =>
    service.publishRun(deps, requireActor(req), req.params.id),
  );
  r.get('/api/mentoring/matches', { schema: { tags, response: { 200: MentoringMatchList } } }, (req) => service.findMyMatches(deps.db, requireActor(req)));
}
