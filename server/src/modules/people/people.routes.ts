import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminUpdatePersonRequest,
  FindPeopleQuery,
  Id,
  ImportPeopleRequest,
  ImportReport,
  InvitationResponse,
  InvitePersonRequest,
  PeopleFacets,
  PeoplePage,
  Person,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { baseUrl } from '../../kernel/http/base-url.ts';
import { sendJson } from '../../kernel/http/json.ts';
import { requireActor } from '../../kernel/http/security.ts';
import { exportPeopleCsv } from './people.export.ts';
import { importPeople } from './people.import.ts';
import * as service from './people.service.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the people module. */
export function peopleRoutes(app: FastifyInstance, deps: AppDeps, directory: service.DirectoryCache) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  r.get('/api/people', { schema: { tags, querystring: FindPeopleQuery, response: { 200: PeoplePage } } }, async (req, reply) =>
    sendJson(reply, await service.findPeopleJson(deps, directory, requireActor(req), req.query)),
  );
  r.get('/api/people/facets', { schema: { tags, response: { 200: PeopleFacets } } }, (req) => service.getFacets(deps.db, requireActor(req)));
  r.get('/api/people/export.csv', { schema: { tags } }, async (req, reply) => {
    const csv = await exportPeopleCsv(deps.db, requireActor(req));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="people.csv"').send(csv);
  });
  r.get('/api/people/:id', { schema: { tags, params: IdParams, response: { 200: Person } } }, (req) =>
    service.getPerson(deps.db, requireActor(req), req.params.id),
  );
  r.patch('/api/people/:id', { schema: { tags, params: IdParams, body: AdminUpdatePersonRequest, response: { 200: Person } } }, (req) =>
    service.updatePerson(deps, requireActor(req), req.params.id, req.body, baseUrl(deps.config, req)),
  );
  r.delete('/api/people/:id/email-change', { schema: { tags, params: IdParams, response: { 200: Person } } }, (req) =>
    service.withdrawEmailChange(deps, requireActor(req), req.params.id),
  );
  r.post('/api/people', { schema: { tags, body: InvitePersonRequest, response: { 201: InvitationResponse } } }, async (req, reply) => {
    const result = await service.invitePerson(deps, requireActor(req), req.body, baseUrl(deps.config, req));
    return reply.code(201).send(result);
  });
  r.post(
    '/api/people/import',
    { schema: { tags, body: ImportPeopleRequest, response: { 200: ImportReport } }, config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    (req) => importPeople(deps, requireActor(req), req.body.csv, req.body.dryRun),
  );
}
