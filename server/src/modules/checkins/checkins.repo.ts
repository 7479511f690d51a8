import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import { ESCALATE_DAYS, NUDGE_DAYS } from './checkins.policy.ts';

/** A claimed reminder: who it concerns and the names its sentence needs. */
export interface ClaimedRow {
  id: string;
  orgId: string;
  programId: string;
  programTitle: string;
  learnerId: string;
  learnerName: string;
  managerId: string;
  managerName: string;
}

/** A check-in with the names, titles and outcome a response shows. */
export interface CheckinRow extends ClaimedRow {
  learnerTitle: string | null;
  managerTitle: string | null;
  dueOn: string;
  endsOn: string | null;
  heldOn: string | null;
  note: string | null;
  nextStep: string | null;
}

const columns = sql`c.id, c.org_id as "orgId", c.program_id as "programId", p.title as "programTitle",
  c.learner_id as "learnerId", l.name as "learnerName", l.title as "learnerTitle",
  c.manager_id as "managerId", m.name as "managerName", m.title as "managerTitle",
  to_char(c.due_on, 'YYYY-MM-DD') as "dueOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn",
  to_char(c.held_on, 'YYYY-MM-DD') as "heldOn", c.note, c.next_step as "nextStep"`;
const from = sql`from program_checkins c join programs p on p.id = c.program_id join people l on l.id = c.learner_id join people m on m.id = c.manager_id`;

/** Check-ins of one organization matching `where`, newest due first (at most 500). */
export function selectCheckins(db: DbOrTx, orgId: string, where: SQL) {
  return selectRows<CheckinRow>(db, sql`select ${columns} ${from} where c.org_id = ${orgId} and ${where} order by c.due_on desc, c.id limit 500`);
}

/** One check-in of the organization. */
export function selectCheckin(db: DbOrTx, orgId: string, id: string) {
  return selectRow<CheckinRow>(db, sql`select ${columns} ${from} where c.org_id = ${orgId} and c.id = ${id}`);
}

/** Writes the manager's outcome. */
export async function updateOutcome(db: DbOrTx, id: string, o: { heldOn: string; note: string; nextStep: string }) {
  await db.execute(sql`update program_checkins set held_on = ${o.heldOn}::date, note = ${o.note}, next_step = ${o.nextStep}, recorded_at = now() where id = ${id}`);
}

/** Whether the person facilitates the program. */
export async function isFacilitator(db: DbOrTx, programId: string, personId: string) {
  return !!(await selectRow(db, sql`select 1 as x from program_facilitators where program_id = ${programId} and person_id = ${personId}`));
}

/** A program of the organization (id and title), or undefined. */
export function selectProgram(db: DbOrTx, orgId: string, id: string) {
  return selectRow<{ id: string; title: string }>(db, sql`select id, title from programs where org_id = ${orgId} and id = ${id}`);
}

const claimedColumns = sql`c.id, c.org_id as "orgId", c.program_id as "programId", p.title as "programTitle",
  c.learner_id as "learnerId", l.name as "learnerName", c.manager_id as "managerId", m.name as "managerName"`;

/**
 * Creates the check-ins that fell due by `today` (one per enrolled, active learner with an active manager, for
 * programs that are not drafts and ended at most 28 days before their due day was reached: switching check-ins on
 * for an old program does not remind everyone at once). The unique (program, learner) key is the claim: a second
 * run, or one racing on another node, inserts nothing and so reminds nobody again.
 */
export function claimDue(tx: DbOrTx, today: string) {
  return selectRows<ClaimedRow>(
    tx,
    sql`with created as (
          insert into program_checkins (org_id, program_id, learner_id, manager_id, due_on, reminded_at)
          select p.org_id, p.id, l.id, l.manager_id, p.ends_on + p.checkin_weeks * 7, now()
          from programs p
          join program_enrollments e on e.program_id = p.id and e.status = 'enrolled'
          join people l on l.id = e.person_id and l.status = 'active' and l.manager_id is not null
          join people mg on mg.id = l.manager_id and mg.status = 'active'
          where p.status <> 'draft' and p.checkin_weeks is not null and p.ends_on is not null
            and p.ends_on + p.checkin_weeks * 7 <= ${today}::date
            and p.ends_on + p.checkin_weeks * 7 > ${today}::date - 28
          on conflict (program_id, learner_id) do nothing
          returning *)
        select ${claimedColumns} from created c join programs p on p.id = c.program_id join people l on l.id = c.learner_id join people m on m.id = c.manager_id`,
  );
}

/**
 * Claims the escalations of one step with a conditional update (`nudged_at`/`escalated_at` still null, not held,
 * `days` past due): PostgreSQL re-checks the condition for a row another run just claimed, so each goes out once.
 */
export function claimOverdue(tx: DbOrTx, step: 'nudge' | 'escalate', today: string) {
  const column = step === 'nudge' ? sql`nudged_at` : sql`escalated_at`;
  const days = step === 'nudge' ? NUDGE_DAYS : ESCALATE_DAYS;
  return selectRows<ClaimedRow & { facilitatorIds: string[] }>(
    tx,
    sql`with claimed as (
          update program_checkins set ${column} = now()
          where held_on is null and ${column} is null and due_on + ${days}::int <= ${today}::date
          returning *)
        select ${claimedColumns},
          coalesce((select array_agg(f.person_id::text) from program_facilitators f where f.program_id = c.program_id), '{}') as "facilitatorIds"
        from claimed c join programs p on p.id = c.program_id join people l on l.id = c.learner_id join people m on m.id = c.manager_id`,
  );
}
