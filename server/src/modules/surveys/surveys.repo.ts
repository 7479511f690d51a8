import { asc, eq, sql } from 'drizzle-orm';
import { surveyAnswers, surveyQuestions, surveyRespondents, surveyResponses, surveys } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import { audienceMembersSql, audienceNameSql, hasAuthoritySql, isMemberSql, secretToSql } from './surveys.audience.ts';

/** A survey row with the viewer's relation to it. */
export interface SurveyRow {
  id: string;
  orgId: string;
  kind: string;
  title: string;
  intro: string;
  audienceKind: string;
  audienceId: string | null;
  audienceName: string;
  anonymous: boolean;
  opensAt: Date | string | null;
  closesAt: Date | string;
  status: string;
  createdBy: string | null;
  sourceKey: string | null;
  /** The viewer is in the audience. */
  isMember: boolean;
  /** The viewer runs the audience (moderator, facilitator, host). */
  hasAuthority: boolean;
  /** The audience is a secret community the viewer is not in. */
  secretToViewer: boolean;
  /** The viewer has responded. */
  answered: boolean;
  /** Answers are taken now (open and within its dates). */
  isLive: boolean;
}

const rowColumns = (personId: string) => sql`s.id, s.org_id as "orgId", s.kind, s.title, s.intro, s.audience_kind as "audienceKind",
  s.audience_id as "audienceId", ${audienceNameSql} as "audienceName", s.anonymous, s.opens_at as "opensAt", s.closes_at as "closesAt",
  s.status, s.created_by as "createdBy", s.source_key as "sourceKey",
  ${isMemberSql(personId)} as "isMember", ${hasAuthoritySql(personId)} as "hasAuthority", ${secretToSql(personId)} as "secretToViewer",
  exists (select 1 from survey_respondents r where r.survey_id = s.id and r.person_id = ${personId}) as answered,
  (s.status = 'open' and s.opens_at <= now() and s.closes_at > now()) as "isLive"`;

/** One survey of the organization with the viewer's relation. */
export function selectSurvey(db: DbOrTx, orgId: string, personId: string, id: string) {
  return selectRow<SurveyRow>(db, sql`select ${rowColumns(personId)} from surveys s where s.id = ${id} and s.org_id = ${orgId}`);
}

/** The survey opened automatically for a source (`event:<id>`, `live_session:<id>`). */
export function selectBySource(db: DbOrTx, orgId: string, personId: string, sourceKey: string) {
  return selectRow<SurveyRow>(db, sql`select ${rowColumns(personId)} from surveys s where s.org_id = ${orgId} and s.source_key = ${sourceKey}`);
}

/** Open surveys in the person's audience they have not answered, soonest closing first. */
export function selectForMe(db: DbOrTx, orgId: string, personId: string) {
  return selectRows<SurveyRow>(
    db,
    sql`select ${rowColumns(personId)} from surveys s
        where s.org_id = ${orgId} and s.status = 'open' and s.opens_at <= now() and s.closes_at > now() and ${isMemberSql(personId)}
          and not exists (select 1 from survey_respondents r where r.survey_id = s.id and r.person_id = ${personId})
        order by s.closes_at, s.id limit 100`,
  );
}

/** Surveys the person manages or reads results of (`all`: every survey of the organization), newest first. */
export function selectManaged(db: DbOrTx, orgId: string, personId: string, all: boolean, analystOnly = false) {
  // Analysts read every survey but those of secret communities they are not in (admins read all, managers their own).
  const mine = all ? sql`(not ${analystOnly} or not ${secretToSql(personId)})` : sql`(s.created_by = ${personId} or ${hasAuthoritySql(personId)})`;
  return selectRows<SurveyRow>(db, sql`select ${rowColumns(personId)} from surveys s where s.org_id = ${orgId} and ${mine} order by s.created_at desc, s.id limit 200`);
}

/** Inserts a survey (draft unless given) and answers its id; undefined when its source already has one. */
export async function insertSurvey(db: DbOrTx, v: typeof surveys.$inferInsert) {
  const [row] = await db.insert(surveys).values(v).onConflictDoNothing().returning({ id: surveys.id });
  return row?.id as string | undefined;
}

/** Changes survey fields. */
export async function updateSurvey(db: DbOrTx, id: string, v: Partial<typeof surveys.$inferInsert>) {
  await db.update(surveys).set({ ...v, updatedAt: new Date() }).where(eq(surveys.id, id));
}

/** A question as stored. */
export type QuestionRow = typeof surveyQuestions.$inferSelect;

/** The survey's questions in order. */
export function selectQuestions(db: DbOrTx, surveyId: string) {
  return db.select().from(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId)).orderBy(asc(surveyQuestions.position));
}

/** Replaces the survey's questions. */
export async function replaceQuestions(db: DbOrTx, orgId: string, surveyId: string, qs: { type: string; prompt: string; options: string[]; required: boolean }[]) {
  await db.delete(surveyQuestions).where(eq(surveyQuestions.surveyId, surveyId));
  await db.insert(surveyQuestions).values(qs.map((q, position) => ({ ...q, surveyId, orgId, position })));
}

/** Records that the person responded; false when they already had (once-only). */
export async function insertRespondent(db: DbOrTx, orgId: string, surveyId: string, personId: string) {
  const rows = await db.insert(surveyRespondents).values({ orgId, surveyId, personId }).onConflictDoNothing().returning({ p: surveyRespondents.personId });
  return rows.length > 0;
}

/**
 * The department a response may carry: the person's, when at least `min` active people of the organization are in it;
 * otherwise null (a tiny department would name the respondent to anyone reading the table).
 */
export async function selectReportableDepartment(db: DbOrTx, orgId: string, personId: string, min: number) {
  const row = await selectRow<{ department: string | null }>(
    db,
    sql`select p.department from people p where p.id = ${personId} and p.department is not null
          and (select count(*)::int from people q where q.org_id = ${orgId} and q.department = p.department and q.status = 'active') >= ${min}`,
  );
  return row?.department ?? null;
}

/** Inserts a response and its answers; named surveys carry the person and the instant, anonymous ones neither. */
export async function insertResponse(
  db: DbOrTx,
  v: { orgId: string; surveyId: string; personId: string | null; submittedAt: Date | null; department: string | null },
  answers: { questionId: string; value: number | null; text: string | null }[],
) {
  const [r] = await db.insert(surveyResponses).values(v).returning({ id: surveyResponses.id });
  if (answers.length) await db.insert(surveyAnswers).values(answers.map((a) => ({ ...a, responseId: r.id, surveyId: v.surveyId, orgId: v.orgId })));
}

/** A response's answers (for results); person and name only on named surveys. */
export interface AnswerRow {
  responseId: string;
  department: string | null;
  questionId: string;
  value: number | null;
  text: string | null;
  personName: string | null;
}

/** Every response of a survey (id and department). */
export function selectResponses(db: DbOrTx, surveyId: string) {
  return db.select({ id: surveyResponses.id, department: surveyResponses.department }).from(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
}

/** Every answer of a survey with its response's department (and, for named surveys only, the person's name). */
export function selectAnswers(db: DbOrTx, surveyId: string, named: boolean) {
  const name = named ? sql`(select p.name from people p where p.id = r.person_id)` : sql`null::text`;
  return selectRows<AnswerRow>(
    db,
    sql`select a.response_id as "responseId", r.department, a.question_id as "questionId", a.value, a.text, ${name} as "personName"
        from survey_answers a join survey_responses r on r.id = a.response_id where a.survey_id = ${surveyId}`,
  );
}

/** Named surveys only: each response with the person's name and email and the instant, for the per-response CSV. */
export function selectNamedResponses(db: DbOrTx, surveyId: string) {
  return selectRows<{ id: string; name: string | null; email: string | null; submittedAt: Date | string | null }>(
    db,
    sql`select r.id, p.name, p.email, r.submitted_at as "submittedAt" from survey_responses r join surveys s on s.id = r.survey_id and not s.anonymous
        left join people p on p.id = r.person_id where r.survey_id = ${surveyId} order by r.submitted_at, r.id`,
  );
}

/** Audience members who have not responded (whom to remind). */
export function selectUnanswered(db: DbOrTx, surveyId: string) {
  return selectRows<{ id: string }>(
    db,
    sql`select m.id from (${audienceMembersSql(surveyId)}) m
        where not exists (select 1 from survey_respondents r where r.survey_id = ${surveyId} and r.person_id = m.id)`,
  );
}

