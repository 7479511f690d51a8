import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Checkin, Id, MyCheckinsResponse, ProgramCheckinsResponse, RecordCheckinRequest } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as checkins from './checkins.service.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the checkins module. */
export function checkinsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['checkins'];
  r.get('/api/checkins', { schema: { tags, response: { 200: MyCheckinsResponse } } }, (req) => checkins.findMyCheckins(deps.db, requireActor(req)));
  r.post('/api/checkins/:id/outcome', { schema: { tags, params: IdParams, body: RecordCheckinRequest, response: { 200: Checkin } } }, (req) =>
    checkins.recordOutcome(deps, requireActor(req), req.params.id, req.body),
  );
  r.get('/api/programs/:id/checkins', { schema: { tags, params: IdParams, response: { 200: ProgramCheckinsResponse } } }, (req) =>
    checkins.findProgramCheckins(deps.db, requireActor(req), req.params.id),
  );
}
