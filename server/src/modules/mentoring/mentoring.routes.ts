import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerExpertQuestionRequest,
  CheckIn,
  CheckInList,
  CloseRelationshipRequest,
  CreateCheckInRequest,
  CreateExpertQuestionRequest,
  CreateGoalRequest,
  CreateMatchRunRequest,
  CreateMeetingRequest,
  CreateMentorRequestRequest,
  CreateNoteRequest,
  EditMatchRunRequest,
  ExpertQuestion,
  ExpertQuestionList,
  FindRelationshipsQuery,
  Id,
  MatchRun,
  MatchRunList,
  MentoringMatchList,
  MentoringProfileResponse,
  MentorRequest,
  MentorRequestList,
  MentorSuggestionList,
  RelationshipDetail,
  RelationshipGoal,
  RelationshipList,
  RelationshipMeeting,
  RelationshipNote,
  RelationshipNoteList,
  RespondToMentorRequestRequest,
  UpdateGoalRequest,
  UpdateMentoringProfileRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as experts from './mentoring.experts.ts';
import * as rel from './mentoring.relationships.ts';
import * as selfserve from './mentoring.selfserve.ts';
import * as service from './mentoring.service.ts';

const IdParams = z.object({ id: Id });
/** Posting-like writes: a person may not flood others with requests, questions or notes. */
const writeLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/** HTTP routes of the mentoring module. */
export function mentoringRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['mentoring'];
  r.get('/api/mentoring/profile', { schema: { tags, response: { 200: MentoringProfileResponse } } }, (req) => service.getMyProfile(deps.db, requireActor(req)));
  r.put('/api/mentoring/profile', { schema: { tags, body: UpdateMentoringProfileRequest, response: { 200: MentoringProfileResponse } } }, (req) =>
    service.updateMyProfile(deps, requireActor(req), req.body),
  );

  // Program matching (org admins and facilitators).
  r.post(
    '/api/mentoring/match-runs',
    { schema: { tags, body: CreateMatchRunRequest, response: { 201: MatchRun } }, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => reply.code(201).send(await service.createRun(deps, requireActor(req), req.body)),
  );
  r.get('/api/mentoring/match-runs', { schema: { tags, response: { 200: MatchRunList } } }, (req) => service.listRuns(deps.db, requireActor(req)));
  r.get('/api/mentoring/match-runs/:id', { schema: { tags, params: IdParams, response: { 200: MatchRun } } }, (req) => service.getRun(deps.db, requireActor(req), req.params.id));
  r.patch('/api/mentoring/match-runs/:id', { schema: { tags, params: IdParams, body: EditMatchRunRequest, response: { 200: MatchRun } } }, (req) =>
    service.editRun(deps, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/mentoring/match-runs/:id/publish', { schema: { tags, params: IdParams, response: { 200: MatchRun } } }, (req) =>
    service.publishRun(deps, requireActor(req), req.params.id),
  );
  r.get('/api/mentoring/matches', { schema: { tags, response: { 200: MentoringMatchList } } }, (req) => service.findMyMatches(deps.db, requireActor(req)));

  // Self-serve: suggestions and requests.
  r.get('/api/mentoring/suggestions', { schema: { tags, response: { 200: MentorSuggestionList } } }, (req) => selfserve.getSuggestions(deps.db, requireActor(req)));
  r.get('/api/mentoring/requests', { schema: { tags, response: { 200: MentorRequestList } } }, (req) => selfserve.listRequests(deps.db, requireActor(req)));
  r.post('/api/mentoring/requests', { schema: { tags, body: CreateMentorRequestRequest, response: { 201: MentorRequest } }, config: writeLimit }, async (req, reply) =>
    reply.code(201).send(await selfserve.createRequest(deps, requireActor(req), req.body)),
  );
  r.get('/api/mentoring/requests/:id', { schema: { tags, params: IdParams, response: { 200: MentorRequest } } }, (req) =>
    selfserve.getRequest(deps.db, requireActor(req), req.params.id),
  );
  // The note is optional, so the body may be missing altogether (a bare POST).
  const respond = { tags, params: IdParams, response: { 200: MentorRequest } };
  const note = (body: unknown) => {
    const parsed = RespondToMentorRequestRequest.safeParse(body ?? {});
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    throw new AppError('VALIDATION_FAILED', `Some body fields are not valid: ${errors.map((e) => e.field).join(', ')}.`, { errors });
  };
  r.post('/api/mentoring/requests/:id/accept', { schema: respond }, (req) => selfserve.acceptRequest(deps, requireActor(req), req.params.id, note(req.body)));
  r.post('/api/mentoring/requests/:id/decline', { schema: respond }, (req) => selfserve.declineRequest(deps, requireActor(req), req.params.id, note(req.body)));
  r.post('/api/mentoring/requests/:id/withdraw', { schema: { tags, params: IdParams, response: { 200: MentorRequest } } }, (req) =>
    selfserve.withdrawRequest(deps, requireActor(req), req.params.id),
  );

  // Relationships.
  const RelParams = IdParams;
  r.get('/api/mentoring/relationships', { schema: { tags, querystring: FindRelationshipsQuery, response: { 200: RelationshipList } } }, (req) =>
    rel.listRelationships(deps.db, requireActor(req), req.query),
  );
  r.get('/api/mentoring/relationships/:id', { schema: { tags, params: RelParams, response: { 200: RelationshipDetail } } }, (req) =>
    rel.getRelationship(deps.db, requireActor(req), req.params.id),
  );
  r.post('/api/mentoring/relationships/:id/goals', { schema: { tags, params: RelParams, body: CreateGoalRequest, response: { 201: RelationshipGoal } } }, async (req, reply) =>
    reply.code(201).send(await rel.addGoal(deps, requireActor(req), req.params.id, req.body)),
  );
  r.patch(
    '/api/mentoring/relationships/:id/goals/:goalId',
    { schema: { tags, params: z.object({ id: Id, goalId: Id }), body: UpdateGoalRequest, response: { 200: RelationshipGoal } } },
    (req) => rel.updateGoal(deps, requireActor(req), req.params.id, req.params.goalId, req.body),
  );
  r.post(
    '/api/mentoring/relationships/:id/meetings',
    { schema: { tags, params: RelParams, body: CreateMeetingRequest, response: { 201: RelationshipMeeting } }, config: writeLimit },
    async (req, reply) => reply.code(201).send(await rel.addMeeting(deps, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/mentoring/relationships/:id/meetings/:meetingId/invite.ics', { schema: { tags, params: z.object({ id: Id, meetingId: Id }) } }, async (req, reply) => {
    const ics = await rel.meetingInvite(deps, requireActor(req), req.params.id, req.params.meetingId);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="meeting.ics"').send(ics);
  });
  r.get('/api/mentoring/relationships/:id/notes', { schema: { tags, params: RelParams, response: { 200: RelationshipNoteList } } }, (req) =>
    rel.listNotes(deps.db, requireActor(req), req.params.id),
  );
  r.post('/api/mentoring/relationships/:id/notes', { schema: { tags, params: RelParams, body: CreateNoteRequest, response: { 201: RelationshipNote } }, config: writeLimit }, async (req, reply) =>
    reply.code(201).send(await rel.addNote(deps, requireActor(req), req.params.id, req.body)),
  );
  r.delete('/api/mentoring/relationships/:id/notes/:noteId', { schema: { tags, params: z.object({ id: Id, noteId: Id }) } }, async (req, reply) => {
    await rel.deleteNote(deps, requireActor(req), req.params.id, req.params.noteId);
    return reply.code(204).send();
  });
  r.get('/api/mentoring/relationships/:id/check-ins', { schema: { tags, params: RelParams, response: { 200: CheckInList } } }, (req) =>
    rel.listCheckIns(deps.db, requireActor(req), req.params.id),
  );
  r.post('/api/mentoring/relationships/:id/check-ins', { schema: { tags, params: RelParams, body: CreateCheckInRequest, response: { 201: CheckIn } } }, async (req, reply) =>
    reply.code(201).send(await rel.addCheckIn(deps, requireActor(req), req.params.id, req.body)),
  );
  r.post('/api/mentoring/relationships/:id/close', { schema: { tags, params: RelParams, body: CloseRelationshipRequest, response: { 200: RelationshipDetail } } }, (req) =>
    rel.closeRelationship(deps, requireActor(req), req.params.id, req.body),
  );

  // Ask an expert.
  r.post(
    '/api/mentoring/expert-questions',
    { schema: { tags, body: CreateExpertQuestionRequest, response: { 201: ExpertQuestion } }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => reply.code(201).send(await experts.askExpert(deps, requireActor(req), req.body)),
  );
  r.get('/api/mentoring/expert-questions', { schema: { tags, response: { 200: ExpertQuestionList } } }, (req) => experts.listQuestions(deps.db, requireActor(req)));
  r.get('/api/mentoring/expert-questions/:id', { schema: { tags, params: IdParams, response: { 200: ExpertQuestion } } }, (req) =>
    experts.getQuestion(deps, requireActor(req), req.params.id),
  );
  r.post('/api/mentoring/expert-questions/:id/answer', { schema: { tags, params: IdParams, body: AnswerExpertQuestionRequest, response: { 200: ExpertQuestion } } }, (req) =>
    experts.answerQuestion(deps, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/mentoring/expert-questions/:id/decline', { schema: { tags, params: IdParams, response: { 200: ExpertQuestion } } }, (req) =>
    experts.declineQuestion(deps, requireActor(req), req.params.id),
  );
}
