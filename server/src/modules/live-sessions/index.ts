// live-sessions: owns live sessions (agenda, run state), participants and attendance, breakout groups and pairs (engine/
// grouping; late joiners wait or are placed, and read a group only from when they joined), group/pair chat and notes,
// polls, broadcasts, opt-in debriefs, pair retention, talk-time analytics. Emits: live_sessions.created/.started/.ended;
// realtime `changed` on live:, live-console:, live-group:, live-waiting:<id>; audits placements; authorizes call signals
// in live-group:<id>. Consumes: none. Public surface: register(app, deps); templateSegments (demo seed).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { liveSessionsRoutes } from './live-sessions.routes.ts';
import { canFollowConsole, canFollowGroup, canFollowSession, canSignalInGroup } from './live-sessions.access.ts';

export { templateSegments } from './live-sessions.templates.ts';
export { loadLiveSessionForReflection } from './live-sessions.reflection.ts';

/** Registers the routes, who may follow `live:<id>` (people who see the session) and `live-group:<id>` (members only). */
export async function register(app: FastifyInstance, deps: AppDeps) {
  liveSessionsRoutes(app, deps);
  deps.hub.allow('live', (actor, id) => canFollowSession(deps.db, actor, id));
  deps.hub.allow('live-console', (actor, id) => canFollowConsole(deps.db, actor, id));
  deps.hub.allow('live-group', (actor, id) => canFollowGroup(deps.db, actor, id));
  // Only screens of people waiting for a partner follow it; it carries the session id only.
  deps.hub.allow('live-waiting', (actor, id) => canFollowSession(deps.db, actor, id));
  deps.hub.allowSignal('live-group', (actor, id, to) => canSignalInGroup(deps.db, actor, id, to));
}
