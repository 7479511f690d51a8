// checkins: owns manager check-ins after a program (programs.checkin_weeks weeks after its last day): one per enrolled
// learner with a manager, reminders to both when due, a second one to the manager 7 days overdue and word to the
// program's facilitators 14 days overdue, and the outcome the manager records (audited). Emits: checkins.due,
// .overdue, .escalated, .outcome_recorded (recipients and sentence in the payload). Consumes: none.
// Public surface: register(app, deps), runCheckinReminders (the reminder run, for tests and operators).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { runCheckinReminders } from './checkins.reminders.ts';
import { checkinsRoutes } from './checkins.routes.ts';

export { runCheckinReminders } from './checkins.reminders.ts';

/** Registers the routes and (unless CHECKIN_INTERVAL_SECONDS is 0) this node's reminder timer. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  checkinsRoutes(app, deps);
  // Every node runs the timer; the claims (a unique key, conditional updates) make each reminder go out once.
  repeatOnThisNode(app, deps.config.CHECKIN_INTERVAL_SECONDS, 'program check-in run', () => runCheckinReminders(deps));
}
