import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SkillGaps, SkillGapsQuery } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import { getSkillGaps } from './skill-gaps.service.ts';

/** Skill gaps across the organization (org admins and analysts). */
export function skillGapRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/skill-gaps', { schema: { tags: ['skill-gaps'], querystring: SkillGapsQuery, response: { 200: SkillGaps } } }, (req) =>
    getSkillGaps(deps, requireActor(req), req.query),
  );
}
