import type { CreateSurveyRequest, FindSurveysQuery, SurveyDetail, SurveyList, SurveySummary, UpdateSurveyRequest } from '../../../../contracts/index.ts';
import { SURVEY_LIMITS, SURVEY_TEMPLATES } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, type FieldError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { selectAudience } from './surveys.audience.ts';
import * as policy from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import { normalizeQuestion } from './surveys.templates.ts';

const invalid = (errors: FieldError[]) => new AppError('VALIDATION_FAILED', `Some fields are not valid: ${errors.map((e) => e.field).join(', ')}.`, { errors });

/** The survey as the service presents it to this viewer. */
export function present(actor: Actor, row: repo.SurveyRow): SurveySummary {
  return {
    id: row.id,
    kind: row.kind as SurveySummary['kind'],
    title: row.title,
    audienceKind: row.audienceKind as SurveySummary['audienceKind'],
    audienceId: row.audienceId,
    audienceName: row.audienceName,
    anonymous: row.anonymous,
    status: row.status as SurveySummary['status'],
    opensAt: row.opensAt ? toIso(row.opensAt) : null,
    closesAt: toIso(row.closesAt),
    automatic: row.sourceKey !== null,
    answered: Boolean(row.answered),
    abilities: policy.abilities(actor, row),
  };
}

/** Loads a survey the actor may see (404 otherwise, also for another organization's). */
export async function loadSurvey(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.selectSurvey(db, actor.orgId, actor.personId, id);
  if (!row || !policy.canSee(actor, row)) throw notFound('That survey');
  return row;
}

/** Loads a survey the actor may manage (404 when they may not see it, 403 when they see but may not manage it). */
export async function loadForManager(db: DbOrTx, actor: Actor, id: string) {
  const row = await loadSurvey(db, actor, id);
  if (!policy.canManage(actor, row)) throw new AppError('FORBIDDEN', 'Only the survey’s creator, the people who run its audience and org admins can do that.');
  return row;
}

async function detail(db: DbOrTx, actor: Actor, row: repo.SurveyRow): Promise<SurveyDetail> {
  const qs = await repo.selectQuestions(db, row.id);
  return {
    ...present(actor, row),
    intro: row.intro,
    questions: qs.map((q) => ({ id: q.id, type: q.type as 'likert', prompt: q.prompt, options: q.options as string[], required: q.required })),
  };
}

function checkDates(opensAt: Date | null, closesAt: Date, now: Date) {
  const errors: FieldError[] = [];
  if (closesAt <= now) errors.push({ field: 'closesAt', message: 'Must be in the future' });
  if (opensAt && closesAt <= opensAt) errors.push({ field: 'closesAt', message: 'Must be after the opening' });
  if (closesAt.getTime() - Math.max(now.getTime(), opensAt?.getTime() ?? 0) > SURVEY_LIMITS.openDays * 86_400_000) errors.push({ field: 'closesAt', message: `At most ${SURVEY_LIMITS.openDays} days after the opening` });
  if (errors.length) throw invalid(errors);
}

/** Creates a draft survey for an audience the actor runs (org admins: any); questions default to the kind's template. */
export async function createSurvey(deps: AppDeps, actor: Actor, input: CreateSurveyRequest): Promise<SurveyDetail> {
  const audienceId = input.audienceId ?? null;
  if (input.audienceKind === 'org' && audienceId) throw invalid([{ field: 'audienceId', message: 'An organization-wide survey names no audience' }]);
  if (input.audienceKind !== 'org' && !audienceId) throw invalid([{ field: 'audienceId', message: 'Choose the community, program, cohort, event or session' }]);
  const audience = await selectAudience(deps.db, actor.orgId, input.audienceKind, audienceId, actor.personId);
  if (!audience) throw notFound('That audience');
  if (!policy.canCreate(actor, input.audienceKind, audience.authority)) throw new AppError('FORBIDDEN', 'You can ask only the people of a community, program, event or session you run.');
  const opensAt = input.opensAt ? new Date(input.opensAt) : null;
  checkDates(opensAt, new Date(input.closesAt), new Date());
  const id = await deps.db.transaction(async (tx) => {
    const surveyId = (await repo.insertSurvey(tx, {
      orgId: actor.orgId,
      kind: input.kind,
      title: input.title,
      intro: input.intro ?? '',
      audienceKind: input.audienceKind,
      audienceId,
      anonymous: input.anonymous ?? true,
      opensAt,
      closesAt: new Date(input.closesAt),
      createdBy: actor.personId,
    })) as string;
    await repo.replaceQuestions(tx, actor.orgId, surveyId, (input.questions ?? SURVEY_TEMPLATES[input.kind]).map(normalizeQuestion));
    await audit(tx, null, { orgId: actor.orgId, actorId: actor.personId, action: 'surveys.created', target: `survey:${surveyId}`, after: { title: input.title, audienceKind: input.audienceKind, audienceId, anonymous: input.anonymous ?? true } });
    return surveyId;
  });
  return detail(deps.db, actor, (await repo.selectSurvey(deps.db, actor.orgId, actor.personId, id)) as repo.SurveyRow);
}

/** Edits a survey: questions, anonymity and opening only while a draft (409 SURVEY_LOCKED after); title, intro and close until closed. */
export async function updateSurvey(deps: AppDeps, actor: Actor, id: string, input: UpdateSurveyRequest): Promise<SurveyDetail> {
  const row = await loadForManager(deps.db, actor, id);
  if (row.status === 'closed') throw new AppError('SURVEY_LOCKED', 'This survey is closed and can no longer change.');
  const draftOnly = (['questions', 'anonymous', 'opensAt'] as const).filter((k) => input[k] !== undefined);
  if (row.status !== 'draft' && draftOnly.length)
    throw new AppError('SURVEY_LOCKED', `Once a survey is open its ${draftOnly.join(', ')} can no longer change: people may already have answered.`);
  const opensAt = input.opensAt === undefined ? (row.opensAt ? new Date(toIso(row.opensAt)) : null) : input.opensAt ? new Date(input.opensAt) : null;
  const closesAt = new Date(input.closesAt ?? toIso(row.closesAt));
  if (input.closesAt !== undefined || input.opensAt !== undefined) checkDates(row.status === 'draft' ? opensAt : null, closesAt, new Date());
  await deps.db.transaction(async (tx) => {
    await repo.updateSurvey(tx, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.intro !== undefined ? { intro: input.intro } : {}),
      ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
      ...(input.opensAt !== undefined ? { opensAt } : {}),
      // A new close date means a new "closing soon" reminder.
      ...(input.closesAt !== undefined ? { closesAt, remindedCloseAt: null } : {}),
    });
    if (input.questions) await repo.replaceQuestions(tx, row.orgId, id, input.questions.map(normalizeQuestion));
    await audit(tx, null, { orgId: row.orgId, actorId: actor.personId, action: 'surveys.updated', target: `survey:${id}`, after: { fields: Object.keys(input) } });
  });
  return getSurvey(deps.db, actor, id);
}

/** Opens a draft: answers are taken from its opening time (now when none or past) until it closes. */
export async function openSurvey(deps: AppDeps, actor: Actor, id: string): Promise<SurveyDetail> {
  const row = await loadForManager(deps.db, actor, id);
  if (row.status !== 'draft') throw new AppError('SURVEY_LOCKED', row.status === 'open' ? 'This survey is already open.' : 'This survey is closed.');
  const now = new Date();
  const opensAt = row.opensAt && new Date(toIso(row.opensAt)) > now ? new Date(toIso(row.opensAt)) : now;
  if (new Date(toIso(row.closesAt)) <= opensAt) throw invalid([{ field: 'closesAt', message: 'The close date has passed: set a later one first' }]);
  await deps.db.transaction(async (tx) => {
    await repo.updateSurvey(tx, id, { status: 'open', opensAt });
    await audit(tx, null, { orgId: row.orgId, actorId: actor.personId, action: 'surveys.opened', target: `survey:${id}` });
  });
  return getSurvey(deps.db, actor, id);
}

/** Closes a survey now; no more answers are taken. */
export async function closeSurvey(deps: AppDeps, actor: Actor, id: string): Promise<SurveyDetail> {
  const row = await loadForManager(deps.db, actor, id);
  if (row.status === 'closed') throw new AppError('SURVEY_LOCKED', 'This survey is already closed.');
  const now = new Date();
  await deps.db.transaction(async (tx) => {
    await repo.updateSurvey(tx, id, { status: 'closed', closesAt: new Date(Math.min(now.getTime(), new Date(toIso(row.closesAt)).getTime())) });
    await audit(tx, null, { orgId: row.orgId, actorId: actor.personId, action: 'surveys.closed', target: `survey:${id}` });
  });
  return getSurvey(deps.db, actor, id);
}

/** One survey with its questions (audience members, managers and analysts; 404 for anyone else). */
export async function getSurvey(db: DbOrTx, actor: Actor, id: string): Promise<SurveyDetail> {
  return detail(db, actor, await loadSurvey(db, actor, id));
}

/** Surveys for me (open, in my audience, not answered) or the ones I manage (org admins and analysts: all). */
export async function findSurveys(db: DbOrTx, actor: Actor, q: FindSurveysQuery): Promise<SurveyList> {
  if (q.list === 'for-me') return { items: (await repo.selectForMe(db, actor.orgId, actor.personId)).map((r) => present(actor, r)) };
  const rows = await repo.selectManaged(db, actor.orgId, actor.personId, actor.isAdmin || policy.isAnalyst(actor), !actor.isAdmin);
  return { items: rows.filter((r) => policy.canSeeResults(actor, r)).map((r) => present(actor, r)) };
}
