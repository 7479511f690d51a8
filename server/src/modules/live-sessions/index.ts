// live-sessions: owns live sessions (agenda of segments, run state), participants and attendance, breakout groups and
// learning-partner pairs (engine/grouping), group/pair chat and notes (members only; pairs private), polls, broadcasts,
// opt-in debriefs, keep/retention of pair talk, talk-time analytics. Emits: live_sessions.created, .started, .ended;
// realtime `changed` on live:<id>, live-console:<id> (facilitators) and live-group:<id> (members); authorizes call
// signals in live-group:<id>. Consumes: none. Public surface: register(app, deps); templateSegments (demo seed).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { liveSessionsRoutes } from './live-sessions.routes.ts';
import { canFollowConsole, canFollowGroup, canFollowSession, canSignalInGroup } from './live-sessions.access.ts';

export { templateSegments } from './live-sessions.templates.ts';

/** Registers the routes, who may follow `live:<id>` (people who see the session) and `live-group:<id>` (members only). */
export async function register(app: FastifyInstance, deps: AppDeps) {
  liveSessionsRoutes(app, deps);
  deps.hub.allow('live', (actor, id) => canFollowSession(deps.db, actor, id));
  deps.hub.allow('live-console', (actor, id) => canFollowConsole(deps.db, actor, id));
  deps.hub.allow('live-group', (actor, id) => canFollowGroup(deps.db, actor, id));
  deps.hub.allowSignal('live-group', (actor, id, to) => canSignalInGroup(deps.db, actor, id, to));
}
