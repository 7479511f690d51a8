// Results of a survey as may be shown, pure: the whole, a department breakdown, or one department's view. Nothing
// here covers 1–4 responses, directly or by subtraction (surveys.suppression.ts).
import { SURVEY_LIMITS, type QuestionResult, type SurveyResults, type SurveyResultsQuery } from '../../../../contracts/index.ts';
import { questionFigures, withheldQuestion } from './surveys.figures.ts';
import type { AnswerRow, QuestionRow } from './surveys.repo.ts';
import { suppress } from './surveys.suppression.ts';

const MIN = SURVEY_LIMITS.minGroup;

/** The group a response's department falls in. */
export const NOT_STATED = 'Not stated';
const groupOf = (department: string | null) => department ?? NOT_STATED;

/** What results are computed from. */
export interface ResultsInput {
  anonymous: boolean;
  questions: QuestionRow[];
  responses: { id: string; department: string | null }[];
  answers: AnswerRow[];
}

const withheld = (reason: string, department: string | null): Omit<SurveyResults, 'survey'> => ({
  withheld: true,
  withheldReason: reason,
  responses: null,
  questions: [],
  groups: null,
  hiddenGroups: null,
  department,
});

/** Answers per question among the given responses. */
function answersByQuestion(input: ResultsInput, responseIds: Set<string>) {
  const by = new Map<string, AnswerRow[]>(input.questions.map((q) => [q.id, []]));
  for (const a of input.answers) if (responseIds.has(a.responseId)) by.get(a.questionId)?.push(a);
  return by;
}

/** Figures per question over a set of at least MIN responses; a question answered by 1–4 of them is withheld. */
function wholeFigures(input: ResultsInput, responseIds: Set<string>, withTexts: boolean): QuestionResult[] {
  const by = answersByQuestion(input, responseIds);
  return input.questions.map((q) => {
    const f = questionFigures(q, by.get(q.id) ?? [], withTexts ? (input.anonymous ? 'anonymous' : 'named') : 'none');
    return f.answered !== null && f.answered > 0 && f.answered < MIN ? withheldQuestion(q) : f;
  });
}

/** The department groups and which of them are hidden (primary and complementary suppression). */
function departmentGroups(input: ResultsInput) {
  const ids = new Map<string, Set<string>>();
  for (const r of input.responses) {
    const g = groupOf(r.department);
    if (!ids.has(g)) ids.set(g, new Set());
    ids.get(g)?.add(r.id);
  }
  const hidden = suppress([...ids].map(([key, s]) => ({ key, n: s.size })), MIN);
  return { ids, hidden };
}

/**
 * The department breakdown as it may be shown: the groups shown (primary and complementary suppression of whole
 * groups), and per question the groups whose figures are withheld. An optional question answered by few in a group
 * (or by few in the hidden groups together) must not be given away by the whole minus the shown groups.
 */
function breakdownOf(input: ResultsInput, whole: QuestionResult[]) {
  const { ids, hidden } = departmentGroups(input);
  const shown = [...ids].filter(([g]) => !hidden.has(g)).sort(([a], [b]) => a.localeCompare(b));
  const perGroup = new Map(shown.map(([g, s]) => [g, answersByQuestion(input, s)]));
  const hiddenAnswers = answersByQuestion(input, new Set([...ids].filter(([g]) => hidden.has(g)).flatMap(([, s]) => [...s])));
  const hiddenCells = new Map<string, Set<string>>();
  for (const question of input.questions) {
    const overallWithheld = whole.find((x) => x.questionId === question.id)?.withheld ?? true;
    const cells = shown.map(([g]) => ({ key: g, n: countAnswered(question, perGroup.get(g)?.get(question.id) ?? []) }));
    const set = overallWithheld ? new Set(cells.map((c) => c.key)) : suppress(cells, MIN, [{ key: 'hidden', n: countAnswered(question, hiddenAnswers.get(question.id) ?? []) }]);
    hiddenCells.set(question.id, set);
  }
  /** A shown group's figures, with the questions withheld for it. */
  const figuresOf = (g: string) =>
    input.questions.map((question) =>
      hiddenCells.get(question.id)?.has(g) ? withheldQuestion(question) : questionFigures(question, perGroup.get(g)?.get(question.id) ?? [], 'none'),
    );
  return { shown, hidden, figuresOf };
}

/** Results as they may be shown for the query. */
export function buildResults(input: ResultsInput, q: SurveyResultsQuery): Omit<SurveyResults, 'survey'> {
  const total = input.responses.length;
  const filter = q.department ?? null;
  if (total < MIN) return withheld(`Results appear once at least ${MIN} people have answered.`, filter);
  const all = new Set(input.responses.map((r) => r.id));
  const questions = wholeFigures(input, all, true);
  if (filter !== null) {
    // A filter shows exactly what the breakdown shows for that group: not a small group, not one whose hiding protects
    // another, and not a question withheld for it there.
    const { shown, figuresOf } = breakdownOf(input, questions);
    const mine = shown.find(([g]) => g === filter)?.[1];
    if (!mine) return withheld(`Too few people in ${filter} answered to show their results without identifying anyone.`, filter);
    return { withheld: false, withheldReason: null, responses: mine.size, questions: figuresOf(filter), groups: null, hiddenGroups: null, department: filter };
  }
  if (q.by !== 'department') return { withheld: false, withheldReason: null, responses: total, questions, groups: null, hiddenGroups: null, department: null };
  const { shown, hidden, figuresOf } = breakdownOf(input, questions);
  const groups = shown.map(([g, s]) => ({ group: g, responses: s.size, questions: figuresOf(g) }));
  return { withheld: false, withheldReason: null, responses: total, questions, groups, hiddenGroups: hidden.size, department: null };
}

/** How many of these answers count as answering the question (text: non-empty). */
function countAnswered(q: QuestionRow, answers: AnswerRow[]) {
  return q.type === 'text' ? answers.filter((a) => a.text).length : answers.filter((a) => a.value !== null).length;
}
