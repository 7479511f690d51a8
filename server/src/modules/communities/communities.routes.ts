import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Community,
  CommunityMember,
  CommunityPage,
  CommunityRecommendations,
  CommunitySettings,
  CreateCommunityRequest,
  EndorseExpertRequest,
  FindCommunitiesQuery,
  FindMembersQuery,
  Id,
  InviteMembersRequest,
  JoinCommunityRequest,
  MemberPage,
  MembershipResponse,
  UpdateCommunityRequest,
  UpdateMemberRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as members from './communities.members.ts';
import * as service from './communities.service.ts';

const IdParams = z.object({ id: Id });
const RefParams = z.object({ ref: z.string().min(1).max(100) });
const MemberParams = z.object({ id: Id, personId: Id });

/** HTTP routes of the communities module. */
export function communitiesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['communities'];

  r.get('/api/settings/communities', { schema: { tags, response: { 200: CommunitySettings } } }, (req) => service.getCommunitySettings(deps.db, requireActor(req)));
  r.put('/api/settings/communities', { schema: { tags, body: CommunitySettings.strict(), response: { 200: CommunitySettings } } }, (req) =>
    service.updateCommunitySettings(deps, requireActor(req), req.body),
  );
  r.get('/api/communities', { schema: { tags, querystring: FindCommunitiesQuery, response: { 200: CommunityPage } } }, (req) =>
    service.findCommunities(deps.db, requireActor(req), req.query),
  );
  r.get('/api/communities/recommended', { schema: { tags, response: { 200: CommunityRecommendations } } }, (req) =>
    service.findRecommendedCommunities(deps.db, requireActor(req)),
  );
  r.post('/api/communities', { schema: { tags, body: CreateCommunityRequest, response: { 201: Community } } }, async (req, reply) =>
    reply.code(201).send(await service.createCommunity(deps, requireActor(req), req.body)),
  );
  r.get('/api/communities/:ref', { schema: { tags, params: RefParams, response: { 200: Community } } }, (req) =>
    service.getCommunity(deps.db, requireActor(req), req.params.ref),
  );
  r.patch('/api/communities/:id', { schema: { tags, params: IdParams, body: UpdateCommunityRequest, response: { 200: Community } } }, (req) =>
    service.updateCommunity(deps, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/communities/:id/join', { schema: { tags, params: IdParams, body: JoinCommunityRequest, response: { 200: MembershipResponse } } }, (req) =>
    members.joinCommunity(deps, requireActor(req), req.params.id, req.body.acceptRulesVersion),
  );
  r.post('/api/communities/:id/accept-rules', { schema: { tags, params: IdParams, body: JoinCommunityRequest, response: { 200: MembershipResponse } } }, (req) =>
    members.acceptRules(deps, requireActor(req), req.params.id, req.body.acceptRulesVersion),
  );
  r.post('/api/communities/:id/leave', { schema: { tags, params: IdParams, response: { 200: MembershipResponse } } }, (req) =>
    members.leaveCommunity(deps, requireActor(req), req.params.id),
  );
  r.get('/api/communities/:id/members', { schema: { tags, params: IdParams, querystring: FindMembersQuery, response: { 200: MemberPage } } }, (req) =>
    members.findMembers(deps.db, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/communities/:id/members',
    { schema: { tags, params: IdParams, body: InviteMembersRequest, response: { 200: z.object({ invited: z.number().int() }) } } },
    (req) => members.inviteMembers(deps, requireActor(req), req.params.id, req.body.personIds),
  );
  r.patch('/api/communities/:id/members/:personId', { schema: { tags, params: MemberParams, body: UpdateMemberRequest, response: { 200: CommunityMember } } }, (req) =>
    members.updateMember(deps, requireActor(req), req.params.id, req.params.personId, req.body),
  );
  r.delete('/api/communities/:id/members/:personId', { schema: { tags, params: MemberParams } }, async (req, reply) => {
    await members.removeMember(deps, requireActor(req), req.params.id, req.params.personId);
    return reply.code(204).send();
  });
  r.put('/api/communities/:id/experts/:personId', { schema: { tags, params: MemberParams, body: EndorseExpertRequest, response: { 200: CommunityMember } } }, (req) =>
    members.endorseExpert(deps, requireActor(req), req.params.id, req.params.personId, req.body.endorse),
  );
}
