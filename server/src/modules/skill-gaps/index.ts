// skill-gaps: what people want to learn against who could teach it, by department, with the mentors, pathways and
// communities that close each gap. Emits and consumes no events; reads people's, mentoring's, pathways' and
// communities' tables in SQL (a view across them) and writes nothing. Who may see it is the network's analyst rule.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { skillGapRoutes } from './skill-gaps.routes.ts';

/** Registers the skill-gaps route. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  skillGapRoutes(app, deps);
}
