// Figures of one question over a set of answers, pure. Callers decide what may be shown (surveys.results.ts).
import { randomInt } from 'node:crypto';
import type { QuestionResult } from '../../../../contracts/index.ts';
import type { AnswerRow, QuestionRow } from './surveys.repo.ts';

/** NPS: % promoters (9–10) − % detractors (0–6), rounded. */
export function npsScore(values: number[]) {
  if (!values.length) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return Math.round(((promoters - detractors) / values.length) * 100);
}

/** Fisher–Yates with a cryptographic source: the order of open-text answers says nothing about who or when. */
export function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A question whose figures are withheld (it covers fewer than the threshold). */
export const withheldQuestion = (q: QuestionRow): QuestionResult => ({
  questionId: q.id,
  type: q.type as QuestionResult['type'],
  prompt: q.prompt,
  answered: null,
  withheld: true,
  distribution: [],
  average: null,
  nps: null,
  texts: [],
});

/**
 * The figures of one question over `answers` (already filtered to that question). Texts only when `texts` is given:
 * 'anonymous' (shuffled, no names) or 'named' (with the person's name).
 */
export function questionFigures(q: QuestionRow, answers: AnswerRow[], texts: 'none' | 'anonymous' | 'named'): QuestionResult {
  const options = (q.options as string[]) ?? [];
  const values = answers.map((a) => a.value).filter((v): v is number => v !== null);
  const points = q.type === 'likert' ? [1, 2, 3, 4, 5] : q.type === 'nps' ? [...Array(11).keys()] : q.type === 'choice' ? options.map((_, i) => i) : [];
  const label = (v: number) => (q.type === 'likert' ? `${v} · ${options[v - 1] ?? ''}` : q.type === 'choice' ? (options[v] ?? String(v)) : String(v));
  const written = answers.filter((a) => a.text !== null && a.text !== '');
  const numeric = q.type === 'likert' || q.type === 'nps';
  return {
    questionId: q.id,
    type: q.type as QuestionResult['type'],
    prompt: q.prompt,
    answered: q.type === 'text' ? written.length : values.length,
    withheld: false,
    distribution: points.map((v) => ({ label: label(v), value: v, count: values.filter((x) => x === v).length })),
    average: numeric && values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null,
    nps: q.type === 'nps' ? npsScore(values) : null,
    texts:
      texts === 'none' || q.type !== 'text'
        ? []
        : texts === 'anonymous'
          ? shuffled(written.map((a) => ({ text: a.text as string, by: null })))
          : written.map((a) => ({ text: a.text as string, by: a.personName })),
  };
}
