import { sql } from 'drizzle-orm';
import type { Checkin, MyCheckinsResponse, ProgramCheckinsResponse, RecordCheckinRequest } from '../../../../contracts/index.ts';
import { RecordCheckinRequest as RecordSchema } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import * as policy from './checkins.policy.ts';
import * as repo from './checkins.repo.ts';

/** The UTC day of `now`, YYYY-MM-DD. */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

function present(actor: Actor, r: repo.CheckinRow, today: string): Checkin {
  return {
    id: r.id,
    program: { id: r.programId, title: r.programTitle },
    learner: { id: r.learnerId, name: r.learnerName, title: r.learnerTitle },
    manager: { id: r.managerId, name: r.managerName, title: r.managerTitle },
    dueOn: r.dueOn,
    state: policy.stateOf(r, today),
    // What was said stays between learner and manager: facilitators see that and when they met.
    outcome: r.heldOn ? (policy.canSee(actor, r) ? { heldOn: r.heldOn, note: r.note ?? '', nextStep: r.nextStep ?? '' } : { heldOn: r.heldOn, note: null, nextStep: null }) : null,
    abilities: { canRecord: policy.canRecord(actor, r) },
  };
}

/** The viewer's check-ins with their manager and with their reports. */
export async function findMyCheckins(db: DbOrTx, actor: Actor, now = new Date()): Promise<MyCheckinsResponse> {
  const today = dayOf(now);
  const [asLearner, asManager] = await Promise.all([
    repo.selectCheckins(db, actor.orgId, sql`c.learner_id = ${actor.personId}`),
    repo.selectCheckins(db, actor.orgId, sql`c.manager_id = ${actor.personId}`),
  ]);
  return { asLearner: asLearner.map((r) => present(actor, r, today)), asManager: asManager.map((r) => present(actor, r, today)) };
}

/** A program's check-ins, for its facilitators and org admins; 404 for everyone else. */
export async function findProgramCheckins(db: DbOrTx, actor: Actor, programId: string, now = new Date()): Promise<ProgramCheckinsResponse> {
  const program = await repo.selectProgram(db, actor.orgId, programId);
  if (!program || !policy.canList(actor, actor.orgId, await repo.isFacilitator(db, programId, actor.personId))) throw notFound('That program’s check-ins');
  const rows = await repo.selectCheckins(db, actor.orgId, sql`c.program_id = ${programId}`);
  return { items: rows.map((r) => present(actor, r, dayOf(now))) };
}

/**
 * The learner's manager records (or corrects) the outcome; 404 for anyone who may not see the check-in, 403 for the
 * learner, 400 for a day in the future or before the program's last day. Audited; the learner is told.
 */
export async function recordOutcome(deps: AppDeps, actor: Actor, id: string, raw: RecordCheckinRequest, now = new Date()): Promise<Checkin> {
  const input = RecordSchema.parse(raw);
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await repo.selectCheckin(tx, actor.orgId, id);
    if (!row || !policy.canSee(actor, row)) throw notFound('That check-in');
    if (!policy.canRecord(actor, row)) throw new AppError('FORBIDDEN', 'Only the learner’s manager records the check-in.');
    const tooEarly = row.endsOn && input.heldOn < row.endsOn;
    if (tooEarly || input.heldOn > dayOf(now)) {
      const message = tooEarly ? 'The check-in comes after the program’s last day.' : 'The day you met cannot be in the future.';
      throw new AppError('VALIDATION_FAILED', message, { errors: [{ field: 'heldOn', message }] });
    }
    await repo.updateOutcome(tx, id, input);
    await audit(tx, null, {
      orgId: actor.orgId,
      actorId: actor.personId,
      action: 'checkins.outcome_recorded',
      target: `checkin:${id}`,
      before: row.heldOn ? { heldOn: row.heldOn } : null,
      after: { heldOn: input.heldOn, learnerId: row.learnerId, programId: row.programId },
    });
    emit({
      type: 'checkins.outcome_recorded',
      orgId: actor.orgId,
      payload: { checkinId: id, actorId: actor.personId, recipientIds: [row.learnerId], title: `${row.managerName} recorded your check-in after “${row.programTitle}”`, url: '/checkins', subject: { checkinId: id } },
    });
  });
  const row = await repo.selectCheckin(deps.db, actor.orgId, id);
  return present(actor, row as repo.CheckinRow, dayOf(now));
}
