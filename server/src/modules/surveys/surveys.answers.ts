import type { AnswerSurveyRequest, AnswerSurveyResponse } from '../../../../contracts/index.ts';
import { SURVEY_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError, type FieldError } from '../../kernel/errors.ts';
import { loadSurvey } from './surveys.service.ts';
import * as policy from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';

/** Checks answers against the questions; answers the rows to store or the field errors. */
export function checkAnswers(questions: repo.QuestionRow[], input: AnswerSurveyRequest) {
  const errors: FieldError[] = [];
  const rows: { questionId: string; value: number | null; text: string | null }[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  input.answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    const field = `answers.${i}`;
    if (!q) return errors.push({ field: `${field}.questionId`, message: 'Not a question of this survey' });
    if (seen.has(q.id)) return errors.push({ field: `${field}.questionId`, message: 'Answered twice' });
    seen.add(q.id);
    if (q.type === 'text') {
      if (a.value !== undefined) return errors.push({ field: `${field}.value`, message: 'This question takes text' });
      if (a.text) rows.push({ questionId: q.id, value: null, text: a.text });
      return;
    }
    if (a.text !== undefined) return errors.push({ field: `${field}.text`, message: 'This question takes a choice' });
    if (a.value === undefined) return;
    const [lo, hi] = q.type === 'likert' ? [1, 5] : q.type === 'nps' ? [0, 10] : [0, (q.options as string[]).length - 1];
    if (a.value < lo || a.value > hi) return errors.push({ field: `${field}.value`, message: `Choose from ${lo} to ${hi}` });
    rows.push({ questionId: q.id, value: a.value, text: null });
  });
  for (const q of questions) if (q.required && !rows.some((r) => r.questionId === q.id)) errors.push({ field: `question.${q.id}`, message: `“${q.prompt}” needs an answer` });
  return { rows, errors };
}

/**
 * Records the actor's answers, once (409 ALREADY_ANSWERED the second time; the respondent row's primary key decides
 * even under concurrent submissions). Audience members only (404 for anyone who may not see it; 403 for managers and
 * analysts outside the audience); 409 SURVEY_CLOSED outside its dates. An anonymous survey's response carries no
 * person, no instant (the day only) and a department only when 5 or more people are in it; nothing is audited, logged
 * or announced about it, so no record ties the answers to the person who gave them.
 */
export async function answerSurvey(deps: AppDeps, actor: Actor, id: string, input: AnswerSurveyRequest): Promise<AnswerSurveyResponse> {
  const row = await loadSurvey(deps.db, actor, id);
  if (!row.isMember) throw new AppError('FORBIDDEN', 'This survey is for its audience only.');
  if (!row.isLive) throw new AppError('SURVEY_CLOSED', row.status === 'closed' || new Date(row.closesAt) <= new Date() ? 'This survey has closed.' : 'This survey is not open yet.');
  if (row.answered || !policy.canAnswer(actor, row)) throw new AppError('ALREADY_ANSWERED', 'You have already answered this survey.');
  const { rows, errors } = checkAnswers(await repo.selectQuestions(deps.db, id), input);
  if (errors.length) throw new AppError('VALIDATION_FAILED', 'Some answers are missing or not valid.', { errors });
  await deps.db.transaction(async (tx) => {
    if (!(await repo.insertRespondent(tx, row.orgId, id, actor.personId))) throw new AppError('ALREADY_ANSWERED', 'You have already answered this survey.');
    const department = await repo.selectReportableDepartment(tx, row.orgId, actor.personId, SURVEY_LIMITS.minGroup);
    await repo.insertResponse(tx, { orgId: row.orgId, surveyId: id, personId: row.anonymous ? null : actor.personId, submittedAt: row.anonymous ? null : new Date(), department }, rows);
  });
  return { recorded: true };
}
