// search: owns no tables; full-text search (PostgreSQL tsvector columns with GIN indexes owned by people,
// communities, discussions, resources and pathways) over everything the searcher may read, with highlighted snippets.
// Emits: none. Consumes: none. Reads other modules' tables in SQL for speed; visibility mirrors communities.policy.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { searchRoutes } from './search.routes.ts';

/** Registers the search route. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  searchRoutes(app, deps);
}
