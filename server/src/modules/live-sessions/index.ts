// live-sessions: owns live sessions (agenda of segments, run state), participants and attendance, breakout groups and
// learning-partner pairs, group/pair chat and notes (pair-private), polls, broadcasts, opt-in debriefs, talk-time analytics.
// Emits: realtime `changed` on live:<id> and live-group:<id>. Consumes: none yet.
// Public surface: register(app, deps).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';

/** Registers the live-session routes and realtime channels. */
export async function register(_app: FastifyInstance, _deps: AppDeps) {}
