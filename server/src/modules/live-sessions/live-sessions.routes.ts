import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdvanceRequest,
  Agenda,
  AnalyticsRow,
  BroadcastRequest,
  CreateLiveSessionRequest,
  DebriefConsent,
  DebriefConsentRequest,
  DebriefList,
  ExtendRequest,
  FindLiveSessionsQuery,
  GroupNotes,
  IceServers,
  Id,
  KeepPair,
  KeepPairRequest,
  LiveMessage,
  LiveMessageList,
  LiveMessagesQuery,
  LiveSession,
  LiveSessionList,
  LiveState,
  MyTalkTime,
  PollResults,
  PlaceParticipantRequest,
  PollView,
  PostLiveMessageRequest,
  PutGroupNotesRequest,
  SessionAnalytics,
  UpdateAgendaRequest,
  UpdateLiveSessionRequest,
  VoteRequest,
} from '../../../../contracts/index.ts';
import { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as agenda from './live-sessions.agenda.ts';
import * as analytics from './live-sessions.analytics.ts';
import * as chat from './live-sessions.chat.ts';
import * as polls from './live-sessions.polls.ts';
import * as run from './live-sessions.run.ts';
import * as service from './live-sessions.service.ts';
import * as state from './live-sessions.state.ts';

const IdParams = z.object({ id: Id });
const GroupParams = z.object({ id: Id, groupId: Id });
const SegmentParams = z.object({ id: Id, segmentId: Id });

/** Chat messages a person may post per minute across live sessions (retries of one clientId count once). */
export const LIVE_MESSAGES_PER_MINUTE = 30;

/** HTTP routes of the live-sessions module. */
export function liveSessionsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['live-sessions'];
  const base = '/api/live-sessions';
  const messages = new FailureLimiter(LIVE_MESSAGES_PER_MINUTE, 60_000);

  r.get(base, { schema: { tags, querystring: FindLiveSessionsQuery, response: { 200: LiveSessionList } } }, (req) => service.findSessions(deps.db, requireActor(req), req.query));
  r.post(base, { schema: { tags, body: CreateLiveSessionRequest, response: { 201: LiveSession } } }, async (req, reply) =>
    reply.code(201).send(await service.createSession(deps, requireActor(req), req.body)),
  );
  // Anyone signed in may read them (every browser in a call needs them); they come from LIVE_ICE_SERVERS.
  r.get(`${base}/ice-servers`, { schema: { tags, response: { 200: IceServers } } }, async (req) => {
    requireActor(req);
    return { iceServers: deps.config.LIVE_ICE_SERVERS };
  });
  r.get(`${base}/me/talk-time`, { schema: { tags, response: { 200: MyTalkTime } } }, (req) => analytics.getMyTalkTime(deps.db, requireActor(req)));
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: LiveSession } } }, (req) => service.getSession(deps.db, requireActor(req), req.params.id));
  r.patch(`${base}/:id`, { schema: { tags, params: IdParams, body: UpdateLiveSessionRequest, response: { 200: LiveSession } } }, (req) =>
    service.updateSession(deps, requireActor(req), req.params.id, req.body),
  );
  r.put(`${base}/:id/segments`, { schema: { tags, params: IdParams, body: UpdateAgendaRequest, response: { 200: Agenda } } }, (req) =>
    agenda.updateAgenda(deps, requireActor(req), req.params.id, req.body),
  );

  // Running (facilitators).
  r.post(`${base}/:id/start`, { schema: { tags, params: IdParams, response: { 200: LiveState } } }, (req) => run.start(deps, requireActor(req), req.params.id));
  r.post(`${base}/:id/advance`, { schema: { tags, params: IdParams, body: AdvanceRequest, response: { 200: LiveState } } }, (req) =>
    run.advance(deps, requireActor(req), req.params.id, req.body.fromSegmentId),
  );
  r.post(`${base}/:id/extend`, { schema: { tags, params: IdParams, body: ExtendRequest, response: { 200: LiveState } } }, (req) =>
    run.extend(deps, requireActor(req), req.params.id, req.body.minutes),
  );
  r.post(`${base}/:id/broadcast`, { schema: { tags, params: IdParams, body: BroadcastRequest, response: { 200: LiveState } } }, (req) =>
    run.broadcast(deps, requireActor(req), req.params.id, req.body.text),
  );
  r.post(`${base}/:id/recall`, { schema: { tags, params: IdParams, response: { 200: LiveState } } }, (req) => run.recall(deps, requireActor(req), req.params.id));
  r.post(`${base}/:id/placements`, { schema: { tags, params: IdParams, body: PlaceParticipantRequest, response: { 200: LiveState } } }, (req) =>
    run.placeParticipant(deps, requireActor(req), req.params.id, req.body, req),
  );
  r.post(`${base}/:id/end`, { schema: { tags, params: IdParams, response: { 200: LiveState } } }, (req) => run.end(deps, requireActor(req), req.params.id));

  // Taking part.
  r.post(`${base}/:id/join`, { schema: { tags, params: IdParams, response: { 200: LiveState } } }, (req) => run.join(deps, requireActor(req), req.params.id));
  r.post(`${base}/:id/leave`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    await run.leave(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.get(`${base}/:id/state`, { schema: { tags, params: IdParams, response: { 200: LiveState } } }, (req) => state.getState(deps.db, requireActor(req), req.params.id));
  r.get(`${base}/:id/messages`, { schema: { tags, params: IdParams, querystring: LiveMessagesQuery, response: { 200: LiveMessageList } } }, (req) =>
    chat.findMessages(deps.db, requireActor(req), req.params.id, req.query),
  );
  r.post(`${base}/:id/messages`, { schema: { tags, params: IdParams, body: PostLiveMessageRequest, response: { 200: LiveMessage, 201: LiveMessage } } }, async (req, reply) => {
    const { message, created } = await chat.postMessage(deps, requireActor(req), req.params.id, req.body, messages);
    return reply.code(created ? 201 : 200).send(message);
  });
  r.get(`${base}/:id/groups/:groupId/notes`, { schema: { tags, params: GroupParams, response: { 200: GroupNotes } } }, (req) =>
    chat.getNotes(deps.db, requireActor(req), req.params.id, req.params.groupId),
  );
  r.put(`${base}/:id/groups/:groupId/notes`, { schema: { tags, params: GroupParams, body: PutGroupNotesRequest, response: { 200: GroupNotes } } }, (req) =>
    chat.putNotes(deps, requireActor(req), req.params.id, req.params.groupId, req.body.body, req.body.version),
  );
  r.put(`${base}/:id/groups/:groupId/debrief-consent`, { schema: { tags, params: GroupParams, body: DebriefConsentRequest, response: { 200: DebriefConsent } } }, (req) =>
    chat.setDebriefConsent(deps, requireActor(req), req.params.id, req.params.groupId, req.body.share),
  );
  r.get(`${base}/:id/debriefs`, { schema: { tags, params: IdParams, response: { 200: DebriefList } } }, (req) => chat.findDebriefs(deps.db, requireActor(req), req.params.id));
  r.put(`${base}/:id/groups/:groupId/keep`, { schema: { tags, params: GroupParams, body: KeepPairRequest, response: { 200: KeepPair } } }, (req) =>
    chat.setKeep(deps, requireActor(req), req.params.id, req.params.groupId, req.body.keep),
  );
  r.post(`${base}/:id/segments/:segmentId/votes`, { schema: { tags, params: SegmentParams, body: VoteRequest, response: { 201: PollView } } }, async (req, reply) =>
    reply.code(201).send(await polls.vote(deps, requireActor(req), req.params.id, req.params.segmentId, req.body)),
  );
  r.get(`${base}/:id/segments/:segmentId/results`, { schema: { tags, params: SegmentParams, response: { 200: PollResults } } }, (req) =>
    polls.getResults(deps.db, requireActor(req), req.params.id, req.params.segmentId),
  );

  // Talk-time (counts and minutes only).
  r.get(`${base}/:id/analytics`, { schema: { tags, params: IdParams, response: { 200: SessionAnalytics } } }, (req) => analytics.getAnalytics(deps.db, requireActor(req), req.params.id));
  r.get(`${base}/:id/analytics/me`, { schema: { tags, params: IdParams, response: { 200: AnalyticsRow } } }, (req) => analytics.getMyAnalytics(deps.db, requireActor(req), req.params.id));
  r.get(`${base}/:id/export.csv`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    const { filename, csv } = await analytics.exportCsv(deps.db, requireActor(req), req.params.id);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
  });
}
