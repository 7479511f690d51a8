// impact: a program's impact report — who became connected (ties among members before and during the program, what
// its published plans arranged against random groups of the same sizes) and how members took part. Emits and consumes
// no events; reads programs', the network's and live sessions' tables in SQL and writes nothing.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { impactRoutes } from './impact.routes.ts';

/** Registers the impact report's routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  impactRoutes(app, deps);
}
