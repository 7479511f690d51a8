// mentoring: owns mentor and mentee profiles, program matching runs (engine/matching; preview, edit, publish),
// self-serve suggestions and requests, relationships (mentoring or coaching: goals, meetings with calendar invites,
// pair-private notes, check-ins, closing feedback) and ask-an-expert questions with their routes and fallback.
// Emits: mentoring.matched, .requested, .request_declined, .meeting_booked, .closed, .checkin_due, .expert_routed, .expert_resolved
// (each with recipientIds and a ready sentence for notifications). Consumes: none. Uses discussions (accepted-answer
// counts, posting an unanswered question). Public surface: register(app, deps), runExpertFallback(deps, now),
// runCheckInReminders(deps, now).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { runExpertFallback } from './mentoring.experts.ts';
import { canFollowRelationship, runCheckInReminders } from './mentoring.relationships.ts';
import { mentoringRoutes } from './mentoring.routes.ts';

export { runExpertFallback } from './mentoring.experts.ts';
export { runCheckInReminders } from './mentoring.relationships.ts';

/**
 * Registers the routes, who may follow `mentoring:<relationship id>` live (its two partners), and (unless
 * EXPERT_FALLBACK_INTERVAL_SECONDS is 0) this node's expert-question fallback timer.
 */
export async function register(app: FastifyInstance, deps: AppDeps) {
  mentoringRoutes(app, deps);
  deps.hub.allow('mentoring', (actor, id) => canFollowRelationship(deps.db, actor, id));
  // Every node runs the timer; the row lock in the fallback makes sure each question falls back once.
  repeatOnThisNode(app, deps.config.EXPERT_FALLBACK_INTERVAL_SECONDS, 'expert fallback run', () => runExpertFallback(deps));
  // Hourly; the claim in runCheckInReminders makes sure each relationship is reminded once per period.
  repeatOnThisNode(app, deps.config.CHECKIN_REMINDER_DAYS ? 3600 : 0, 'check-in reminder run', () => runCheckInReminders(deps));
}
