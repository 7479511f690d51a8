import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import * as policy from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';

/** Whether a reminder about this survey may reach the person now: it is open, they are in its audience and have not answered. */
export async function canRemindAbout(db: DbOrTx, actor: Actor, surveyId: string) {
  const row = await repo.selectSurvey(db, actor.orgId, actor.personId, surveyId);
  return Boolean(row && policy.canAnswer(actor, row));
}
