// The anonymity promise as properties over any responses: no figure covers 1–4 responses, directly or as the whole
// minus the groups shown, and no filter reaches a group the breakdown hides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionResult } from '../../../../contracts/index.ts';
import { buildResults, NOT_STATED } from './surveys.breakdown.ts';
import type { AnswerRow, QuestionRow } from './surveys.repo.ts';
import { suppress } from './surveys.suppression.ts';

const MIN = 5;
const question = (id: string, type: string, required: boolean): QuestionRow => ({ id, surveyId: 's', orgId: 'o', position: 0, type, prompt: id, options: type === 'likert' ? ['a', 'b', 'c', 'd', 'e'] : [], required });
const QUESTIONS = [question('q-likert', 'likert', true), question('q-nps', 'nps', false), question('q-text', 'text', false)];

/** Random responses: a department (or none), and per optional question whether it was answered. */
const responsesArb = fc.array(
  fc.record({ department: fc.constantFrom('Sales', 'Design', 'Legal', 'Ops', null), likert: fc.integer({ min: 1, max: 5 }), nps: fc.option(fc.integer({ min: 0, max: 10 })), text: fc.option(fc.constantFrom('good', 'bad')) }),
  { maxLength: 40 },
);

function inputOf(rs: { department: string | null; likert: number; nps: number | null; text: string | null }[]) {
  const responses = rs.map((r, i) => ({ id: `r${i}`, department: r.department }));
  const answers: AnswerRow[] = rs.flatMap((r, i) => [
    { responseId: `r${i}`, department: r.department, questionId: 'q-likert', value: r.likert, text: null, personName: null },
    ...(r.nps === null ? [] : [{ responseId: `r${i}`, department: r.department, questionId: 'q-nps', value: r.nps, text: null, personName: null }]),
    ...(r.text === null ? [] : [{ responseId: `r${i}`, department: r.department, questionId: 'q-text', value: null, text: r.text, personName: null }]),
  ]);
  return { anonymous: true, questions: QUESTIONS, responses, answers };
}

/** Every figure of a question covers 0 or at least MIN answers. */
const coversEnough = (q: QuestionResult) => q.withheld || q.answered === 0 || (q.answered ?? 0) >= MIN;

describe('small-group suppression', () => {
  it('hides every cell under 5 and leaves the hidden cells together at 0 or at least 5', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }), fc.integer({ min: 0, max: 8 }), (ns, outer) => {
        const cells = ns.map((n, i) => ({ key: `g${i}`, n }));
        const hidden = suppress(cells, MIN, [{ key: 'outer', n: outer }]);
        const hiddenTotal = outer + cells.filter((c) => hidden.has(c.key)).reduce((a, c) => a + c.n, 0);
        for (const c of cells) if (c.n > 0 && c.n < MIN) expect(hidden.has(c.key)).toBe(true);
        // Either the hidden part is safe, or nothing is left to hide.
        expect(hiddenTotal === 0 || hiddenTotal >= MIN || cells.every((c) => c.n === 0 || hidden.has(c.key))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never shows a figure over 1–4 responses, nor one derivable as the whole minus the shown groups, nor a hidden group through a filter', () => {
    fc.assert(
      fc.property(responsesArb, fc.constantFrom('Sales', 'Design', 'Legal', 'Ops', NOT_STATED), (rs, filter) => {
        const input = inputOf(rs);
        const whole = buildResults(input, {});
        if (rs.length < MIN) expect(whole).toMatchObject({ withheld: true, responses: null, questions: [] });
        else expect(whole.questions.every(coversEnough)).toBe(true);
        const texts = whole.questions.find((q) => q.questionId === 'q-text');
        if (texts && !texts.withheld) expect(texts.texts.every((t) => t.by === null)).toBe(true);

        const split = buildResults(input, { by: 'department' });
        if (!split.withheld) {
          const groups = split.groups ?? [];
          for (const g of groups) {
            expect(g.responses).toBeGreaterThanOrEqual(MIN);
            expect(g.questions.every(coversEnough)).toBe(true);
            expect(g.questions.every((q) => q.texts.length === 0)).toBe(true);
          }
          // Whole minus shown groups: the hidden groups together, per response count and per question.
          const hiddenResponses = (split.responses ?? 0) - groups.reduce((a, g) => a + g.responses, 0);
          expect(hiddenResponses === 0 || hiddenResponses >= MIN).toBe(true);
          for (const q of split.questions) {
            if (q.withheld) continue;
            const shown = groups.reduce((a, g) => a + (g.questions.find((x) => x.questionId === q.questionId)?.answered ?? 0), 0);
            const rest = (q.answered ?? 0) - shown;
            expect(rest === 0 || rest >= MIN, `${q.questionId}: ${q.answered} − ${shown}`).toBe(true);
          }
        }
        const filtered = buildResults(input, { department: filter });
        const shownInSplit = !split.withheld && (split.groups ?? []).some((g) => g.group === filter);
        expect(filtered.withheld).toBe(!shownInSplit);
        if (!filtered.withheld) expect(filtered.questions.every(coversEnough)).toBe(true);
        // A filter tells nothing the breakdown does not: the same figures, question by question, so the whole minus
        // the filtered groups is as safe as the whole minus the shown ones (a question withheld for a group there stays
        // withheld here).
        if (!filtered.withheld) {
          const same = (split.groups ?? []).find((g) => g.group === filter);
          expect(filtered.responses).toBe(same?.responses);
          expect(filtered.questions).toEqual(same?.questions);
        }
      }),
      { numRuns: 400 },
    );
  });
});
