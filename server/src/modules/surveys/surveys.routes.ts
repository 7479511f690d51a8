import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AnswerSurveyRequest,
  AnswerSurveyResponse,
  CreateSurveyRequest,
  FeedbackQuery,
  FeedbackResponse,
  FindSurveysQuery,
  Id,
  SurveyDetail,
  SurveyList,
  SurveyResults,
  SurveyResultsQuery,
  UpdateSurveyRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import { answerSurvey } from './surveys.answers.ts';
import { getFeedback, getSurveyResults, surveyResultsCsv } from './surveys.results.ts';
import * as surveys from './surveys.service.ts';

const IdParams = z.object({ id: Id });

/** HTTP routes of the surveys module. */
export function surveysRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['surveys'];
  r.get('/api/surveys', { schema: { tags, querystring: FindSurveysQuery, response: { 200: SurveyList } } }, (req) => surveys.findSurveys(deps.db, requireActor(req), req.query));
  r.post('/api/surveys', { schema: { tags, body: CreateSurveyRequest, response: { 201: SurveyDetail } } }, async (req, reply) =>
    reply.code(201).send(await surveys.createSurvey(deps, requireActor(req), req.body)),
  );
  r.get('/api/surveys/feedback', { schema: { tags, querystring: FeedbackQuery, response: { 200: FeedbackResponse } } }, (req) => getFeedback(deps.db, requireActor(req), req.query));
  r.get('/api/surveys/:id', { schema: { tags, params: IdParams, response: { 200: SurveyDetail } } }, (req) => surveys.getSurvey(deps.db, requireActor(req), req.params.id));
  r.patch('/api/surveys/:id', { schema: { tags, params: IdParams, body: UpdateSurveyRequest, response: { 200: SurveyDetail } } }, (req) =>
    surveys.updateSurvey(deps, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/surveys/:id/open', { schema: { tags, params: IdParams, response: { 200: SurveyDetail } } }, (req) => surveys.openSurvey(deps, requireActor(req), req.params.id));
  r.post('/api/surveys/:id/close', { schema: { tags, params: IdParams, response: { 200: SurveyDetail } } }, (req) => surveys.closeSurvey(deps, requireActor(req), req.params.id));
  r.post('/api/surveys/:id/responses', { schema: { tags, params: IdParams, body: AnswerSurveyRequest, response: { 201: AnswerSurveyResponse } } }, async (req, reply) =>
    reply.code(201).send(await answerSurvey(deps, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/surveys/:id/results', { schema: { tags, params: IdParams, querystring: SurveyResultsQuery, response: { 200: SurveyResults } } }, (req) =>
    getSurveyResults(deps.db, requireActor(req), req.params.id, req.query),
  );
  r.get('/api/surveys/:id/results.csv', { schema: { tags, params: IdParams, querystring: SurveyResultsQuery } }, async (req, reply) => {
    const csv = await surveyResultsCsv(deps.db, requireActor(req), req.params.id, req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="survey-results.csv"').send(csv);
  });
}
