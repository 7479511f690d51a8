// search: (being built for issue 3; see ARCHITECTURE.md when it lands).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';

/** Registers the search module. */
export async function register(_app: FastifyInstance, _deps: AppDeps) {}
