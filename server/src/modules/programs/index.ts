// programs: owns learning programs (goals, schedule, facilitators), enrolment with capacity and waitlist, members'
// progress (sessions done, hideable), and the facilitator's plans — cohorts (each with its own space and program panel),
// breakout rotations and learning partners formed by engine/grouping, previewed against random; people enrolled after
// publishing are placed in them (programs.late.ts); bulk enrolment with a dry-run preview (programs.bulk.ts).
// Emits: programs.created, .status_changed, .enrolled, .left,
// .promoted, .plan_formed, .plan_published, .cohort_joined, .cohort_left, .partnered, .session_done. Consumes: none.
// Public surface: register(app, deps), publishedPartners(db, programId) (live sessions pair people with them).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../kernel/deps.ts';
import { programsRoutes } from './programs.routes.ts';
import { canFollowProgram } from './programs.service.ts';

export { publishedPartners } from './programs.service.ts';
export { loadProgram, loadForFacilitator as loadProgramForFacilitator } from './programs.access.ts';

/** Registers the programs routes and who may follow `program:<id>` live (people who can see the program). */
export async function register(app: FastifyInstance, deps: AppDeps) {
  programsRoutes(app, deps);
  deps.hub.allow('program', (actor, id) => canFollowProgram(deps.db, actor, id));
}
