// Loading a program for an actor (404 unless they may see it; 403 for facilitator-only work) and the program's
// realtime channel: shared by the service files of this module.
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import * as policy from './programs.policy.ts';
import * as repo from './programs.repo.ts';

/** Realtime channel of a program (enrolment and published plans; ids only). */
export const programChannel = (id: string) => `program:${id}`;

/** Tells the program's followers that a section changed. */
export function programChanged(deps: AppDeps, id: string, what: string) {
  void deps.hub.changed(programChannel(id), what, id);
}

/** The program if the actor may see it (404 otherwise), with whether they facilitate it. */
export async function loadProgram(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectProgram(db, actor.orgId, id);
  if (!row) throw notFound('That program');
  const facilitator = await repo.isFacilitator(db, row.id, actor.personId);
  if (!policy.canView(actor, row, facilitator)) throw notFound('That program');
  return { row, facilitator, canFacilitate: policy.canFacilitate(actor, row, facilitator) };
}

/** The program for its facilitators and org admins (403 for other people who can see it). */
export async function loadForFacilitator(db: DbOrTx, actor: Actor, id: string) {
  const p = await loadProgram(db, actor, id);
  if (!p.canFacilitate) throw new AppError('FORBIDDEN', 'Only the program’s facilitators can do that.');
  return p;
}
