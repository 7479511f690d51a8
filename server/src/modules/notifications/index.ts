// notifications: owns in-app notifications, notification preferences, notification mail (at once and the daily
// digest) and one-click unsubscribe. Emits: realtime `changed` (what: notifications) on person channels.
// Consumes: discussions.mentioned, .reply_posted, .answer_accepted; communities.join_requested, .member_invited;
// resources.reviewed; messages.sent (mail only); mentoring.* (recipients and sentence in the payload); events.reminder_due; surveys.reminder_due; pathways.assignment_due; checkins.*. Nobody calls it directly.
// Public surface: register(app, deps), runDigest (the digest run, for tests and operators).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { consumeEvents } from './notifications.events.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { runDigest } from './notifications.service.ts';

export { runDigest } from './notifications.service.ts';

/** Registers the routes, the event handlers and (unless DIGEST_INTERVAL_SECONDS is 0) this node's digest timer. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  notificationsRoutes(app, deps);
  consumeEvents(deps);
  // Every node runs the timer; the claim in runDigest makes sure each person gets one digest.
  repeatOnThisNode(app, deps.config.DIGEST_INTERVAL_SECONDS, 'digest run', () => runDigest(deps));
}
