import type { FeedbackQuery, FeedbackResponse, SurveyResults, SurveyResultsQuery } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { toCsv } from '../../kernel/csv.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { buildResults } from './surveys.breakdown.ts';
import * as policy from './surveys.policy.ts';
import * as repo from './surveys.repo.ts';
import { loadSurvey, present } from './surveys.service.ts';

async function resultsOf(db: DbOrTx, actor: Actor, row: repo.SurveyRow, q: SurveyResultsQuery): Promise<SurveyResults> {
  const [questions, responses, answers] = await Promise.all([repo.selectQuestions(db, row.id), repo.selectResponses(db, row.id), repo.selectAnswers(db, row.id, !row.anonymous)]);
  return { survey: present(actor, row), ...buildResults({ anonymous: row.anonymous, questions, responses, answers }, q) };
}

/** Loads a survey whose results the actor may read (404 when they may not see it; 403 for its audience). */
async function loadForResults(db: DbOrTx, actor: Actor, id: string) {
  const row = await loadSurvey(db, actor, id);
  if (!policy.canSeeResults(actor, row)) throw new AppError('FORBIDDEN', 'Results are for the survey’s creator, the people who run its audience, org admins and analysts.');
  return row;
}

/** Results: counts, distributions, averages, NPS and open text, withheld below 5 responses (see surveys.breakdown.ts). */
export async function getSurveyResults(db: DbOrTx, actor: Actor, id: string, q: SurveyResultsQuery): Promise<SurveyResults> {
  return resultsOf(db, actor, await loadForResults(db, actor, id), q);
}

/**
 * The results as CSV: the same aggregates as the page (so the same thresholds), and for named surveys only one row
 * per answer with the person. An anonymous survey's export never has per-response rows, and its open text is left
 * out of the file (it is read on the page, shuffled). Audited: who exported which survey.
 */
export async function surveyResultsCsv(db: DbOrTx, actor: Actor, id: string, q: SurveyResultsQuery): Promise<string> {
  const row = await loadForResults(db, actor, id);
  const r = await resultsOf(db, actor, row, q);
  const lines: (string | number | null)[][] = [['group', 'question', 'type', 'answer', 'count', 'answered', 'average', 'nps']];
  if (r.withheld) lines.push([r.department ?? 'All', r.withheldReason, null, null, null, null, null, null]);
  const blocks = [{ group: r.department ?? 'All', questions: r.questions }, ...(r.groups ?? []).map((g) => ({ group: g.group, questions: g.questions }))];
  for (const b of blocks)
    for (const qr of b.questions) {
      if (qr.withheld) lines.push([b.group, qr.prompt, qr.type, 'withheld: fewer than 5 answers', null, null, null, null]);
      for (const d of qr.distribution) lines.push([b.group, qr.prompt, qr.type, d.label, d.count, qr.answered, qr.average, qr.nps]);
      if (!row.anonymous) for (const t of qr.texts) lines.push([b.group, qr.prompt, qr.type, t.text, null, qr.answered, null, null]);
    }
  if (!row.anonymous && !r.withheld) {
    const questions = await repo.selectQuestions(db, row.id);
    const people = new Map((await repo.selectNamedResponses(db, row.id)).map((p) => [p.id, p]));
    const answers = await repo.selectAnswers(db, row.id, true);
    lines.push([], ['response', 'name', 'email', 'submitted at', 'question', 'answer']);
    for (const a of answers) {
      const p = people.get(a.responseId);
      const question = questions.find((x) => x.id === a.questionId);
      if (!p || !question) continue;
      const answer = a.text ?? (question.type === 'choice' ? ((question.options as string[])[a.value ?? -1] ?? a.value) : a.value);
      lines.push([a.responseId, p.name, p.email, p.submittedAt ? toIso(p.submittedAt) : null, question.prompt, answer]);
    }
  }
  await audit(db, null, { orgId: row.orgId, actorId: actor.personId, action: 'surveys.results_exported', target: `survey:${row.id}`, data: { by: q.by ?? null, department: q.department ?? null } });
  return toCsv(lines);
}

/**
 * The automatic feedback of an event or live session with its results, for those who may read them (hosts,
 * facilitators, org admins, analysts); `results: null` when none was opened or the viewer may not read it.
 */
export async function getFeedback(db: DbOrTx, actor: Actor, q: FeedbackQuery): Promise<FeedbackResponse> {
  const key = q.eventId ? `event:${q.eventId}` : q.liveSessionId ? `live_session:${q.liveSessionId}` : null;
  if (!key || (q.eventId && q.liveSessionId)) throw new AppError('VALIDATION_FAILED', 'Give eventId or liveSessionId.', { errors: [{ field: 'eventId', message: 'Give exactly one of eventId and liveSessionId' }] });
  const row = await repo.selectBySource(db, actor.orgId, actor.personId, key);
  if (!row || !policy.canSeeResults(actor, row)) return { results: null };
  return { results: await resultsOf(db, actor, row, {}) };
}
