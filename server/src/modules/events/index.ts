// events: owns scheduled events (workshops, webinars, cohort sessions) on the organization's and communities' calendars:
// RSVP with capacity and FIFO waitlist, calendar invites (.ics download and mail), reminders, join link and attendance,
// live Q&A with upvotes, recordings and resources attached afterwards. Emits: events.created, .updated, .cancelled,
// .rsvped, .promoted, .reminder_due; realtime `changed` on event:<id>. Consumes: none.
// Public surface: register(app, deps), canSeeEvent (notifications asks it), runEventReminders (tests and operators).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { canSeeEvent } from './events.access.ts';
import { eventsRoutes } from './events.routes.ts';
import { runEventReminders } from './reminders.ts';

export { canSeeEvent } from './events.access.ts';
export { runEventReminders } from './reminders.ts';

/** Registers the routes, who may follow `event:<id>` live, and (unless EVENT_REMINDER_INTERVAL_SECONDS is 0) this node's reminder timer. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  eventsRoutes(app, deps);
  deps.hub.allow('event', (actor, id) => canSeeEvent(deps.db, actor, id));
  // Every node runs the timer; the claim in runEventReminders makes sure each reminder goes out once.
  repeatOnThisNode(app, deps.config.EVENT_REMINDER_INTERVAL_SECONDS, 'event reminder run', () => runEventReminders(deps));
}
