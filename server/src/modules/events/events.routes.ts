import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AskQuestionRequest,
  CreateEventRequest,
  EventAttendees,
  EventAttendeesQuery,
  EventCalendar,
  EventDetail,
  EventQuestion,
  EventQuestions,
  FindEventsQuery,
  Id,
  JoinEventResponse,
  MarkAttendanceRequest,
  ModerateQuestionRequest,
  RsvpRequest,
  UpdateEventRequest,
  UpvoteQuestionRequest,
} from '../../../../contracts/index.ts';
import { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as events from './events.service.ts';
import * as questions from './questions.service.ts';
import * as rsvp from './rsvp.service.ts';

const IdParams = z.object({ id: Id });
const QuestionParams = z.object({ id: Id, questionId: Id });

/** Questions one person may post per minute (across all events). */
export const QUESTIONS_PER_MINUTE = 5;

/** HTTP routes of the events module. */
export function eventsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  const askLimiter = new FailureLimiter(QUESTIONS_PER_MINUTE, 60_000);
  r.get('/api/events', { schema: { tags, querystring: FindEventsQuery, response: { 200: EventCalendar } } }, (req) => events.findEvents(deps.db, requireActor(req), req.query));
  r.post('/api/events', { schema: { tags, body: CreateEventRequest, response: { 201: EventDetail } } }, async (req, reply) =>
    reply.code(201).send(await events.createEvent(deps, requireActor(req), req.body)),
  );
  r.get('/api/events/:id', { schema: { tags, params: IdParams, response: { 200: EventDetail } } }, (req) => events.getEvent(deps.db, requireActor(req), req.params.id));
  r.patch('/api/events/:id', { schema: { tags, params: IdParams, body: UpdateEventRequest, response: { 200: EventDetail } } }, (req) =>
    events.updateEvent(deps, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/events/:id/cancel', { schema: { tags, params: IdParams, response: { 200: EventDetail } } }, (req) => events.cancelEvent(deps, requireActor(req), req.params.id));
  r.put('/api/events/:id/rsvp', { schema: { tags, params: IdParams, body: RsvpRequest, response: { 200: EventDetail } } }, (req) =>
    rsvp.setRsvp(deps, requireActor(req), req.params.id, req.body.status),
  );
  r.get('/api/events/:id/ics', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const { filename, ics } = await rsvp.getEventIcs(deps, requireActor(req), req.params.id);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(ics);
  });
  r.post('/api/events/:id/join', { schema: { tags, params: IdParams, response: { 200: JoinEventResponse } } }, (req) => rsvp.joinEvent(deps, requireActor(req), req.params.id));
  r.get('/api/events/:id/attendees', { schema: { tags, params: IdParams, querystring: EventAttendeesQuery, response: { 200: EventAttendees } } }, async (req, reply) => {
    const list = await rsvp.findAttendees(deps.db, requireActor(req), req.params.id);
    if (req.query.format === 'json') return list;
    // The CSV bypasses the JSON serializer (and its response schema).
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="attendees.csv"').serializer((s: unknown) => s as string).send(rsvp.attendeesCsv(list) as never);
  });
  r.put('/api/events/:id/attendance/:personId', { schema: { tags, params: z.object({ id: Id, personId: Id }), body: MarkAttendanceRequest } }, async (req, reply) => {
    await rsvp.markAttendance(deps, requireActor(req), req.params.id, req.params.personId, req.body.attended);
    return reply.code(204).send();
  });
  r.get('/api/events/:id/questions', { schema: { tags, params: IdParams, response: { 200: EventQuestions } } }, (req) => questions.findQuestions(deps.db, requireActor(req), req.params.id));
  r.post('/api/events/:id/questions', { schema: { tags, params: IdParams, body: AskQuestionRequest, response: { 201: EventQuestion } } }, async (req, reply) =>
    reply.code(201).send(await questions.askQuestion(deps, askLimiter, requireActor(req), req.params.id, req.body.body)),
  );
  r.put('/api/events/:id/questions/:questionId/upvote', { schema: { tags, params: QuestionParams, body: UpvoteQuestionRequest, response: { 200: EventQuestion } } }, (req) =>
    questions.upvoteQuestion(deps, requireActor(req), req.params.id, req.params.questionId, req.body.upvoted),
  );
  r.patch('/api/events/:id/questions/:questionId', { schema: { tags, params: QuestionParams, body: ModerateQuestionRequest, response: { 200: EventQuestion } } }, (req) =>
    questions.moderateQuestion(deps, requireActor(req), req.params.id, req.params.questionId, req.body),
  );
}
