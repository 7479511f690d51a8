import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AnalyticsActivity, AnalyticsFunnels, AnalyticsLive, AnalyticsPopular, AnalyticsQuery, AnalyticsQuestions, AnalyticsScopes } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './analytics.service.ts';

/** Engagement figures per scope and range; each route authorizes its scope on every call. */
export function analyticsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analytics'];
  r.get('/api/analytics/scopes', { schema: { tags, response: { 200: AnalyticsScopes } } }, (req) => service.findAnalyticsScopes(deps, requireActor(req)));
  r.get('/api/analytics/activity', { schema: { tags, querystring: AnalyticsQuery, response: { 200: AnalyticsActivity } } }, (req) => service.getActivity(deps, requireActor(req), req.query));
  r.get('/api/analytics/questions', { schema: { tags, querystring: AnalyticsQuery, response: { 200: AnalyticsQuestions } } }, (req) => service.getQuestions(deps, requireActor(req), req.query));
  r.get('/api/analytics/popular', { schema: { tags, querystring: AnalyticsQuery, response: { 200: AnalyticsPopular } } }, (req) => service.getPopular(deps, requireActor(req), req.query));
  r.get('/api/analytics/funnels', { schema: { tags, querystring: AnalyticsQuery, response: { 200: AnalyticsFunnels } } }, (req) => service.getFunnels(deps, requireActor(req), req.query));
  r.get('/api/analytics/live', { schema: { tags, querystring: AnalyticsQuery, response: { 200: AnalyticsLive } } }, (req) => service.getLive(deps, requireActor(req), req.query));
}
