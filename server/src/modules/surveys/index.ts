// surveys: owns surveys (kinds as question templates; audiences: organization, community, program, cohort, event
// attendees, live-session participants), questions, responses and answers, and who responded (kept apart). Anonymous
// answers carry no person and no time finer than the day; results are withheld below 5 responses, with complementary
// suppression in breakdowns. Emits: surveys.reminder_due. Consumes: live_sessions.ended (opens feedback; ended
// events are found by a timer). Public surface: register(app, deps), runSurveyReminders, runEventFeedback (tests, operators), getSurveyResults (the
// program impact report: the same permission and thresholds as the results page).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { repeatOnThisNode } from '../../kernel/timers.ts';
import { openSessionFeedback, runEventFeedback } from './surveys.feedback.ts';
import { runSurveyReminders } from './surveys.reminders.ts';
import { surveysRoutes } from './surveys.routes.ts';

export { runEventFeedback } from './surveys.feedback.ts';
export { runSurveyReminders } from './surveys.reminders.ts';
export { canRemindAbout } from './surveys.access.ts';
export { getSurveyResults } from './surveys.results.ts';

/** Registers the routes, the feedback consumer and (unless SURVEY_INTERVAL_SECONDS is 0) this node's reminder and feedback timer. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  surveysRoutes(app, deps);
  deps.events.on('live_sessions.ended', 'surveys', async (e) => {
    await openSessionFeedback(deps, (e.payload as { sessionId: string }).sessionId);
  });
  // Every node runs the timer; the claims (reminders) and the unique source key (feedback) make each happen once.
  repeatOnThisNode(app, deps.config.SURVEY_INTERVAL_SECONDS, 'survey reminder and feedback run', async () => {
    await runEventFeedback(deps);
    await runSurveyReminders(deps);
  });
}
