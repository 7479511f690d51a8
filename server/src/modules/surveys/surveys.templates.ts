import { DEFAULT_LIKERT_LABELS, type SurveyQuestionInput } from '../../../../contracts/index.ts';

/** A question ready to store: likert labels filled in, options empty where the type has none, required by default. */
export function normalizeQuestion(q: SurveyQuestionInput) {
  const options = q.type === 'likert' ? (q.options?.length === 5 ? q.options : DEFAULT_LIKERT_LABELS) : q.type === 'choice' ? (q.options ?? []) : [];
  return { type: q.type, prompt: q.prompt, options: [...options], required: q.required ?? true };
}
