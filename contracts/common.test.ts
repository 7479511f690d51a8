import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateOnly } from './common.ts';
import { SurveyAnswerInput, SURVEY_LIMITS } from './surveys.ts';

describe('DateOnly', () => {
  it('takes exactly the real calendar days from 1900 on, written YYYY-MM-DD (PostgreSQL stores every one of them)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2000, m, 0)).getUTCDate() && !(m === 2 && d === 29 && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0));
        expect(DateOnly.safeParse(s).success).toBe(real && y >= 1900);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('survey answers', () => {
  it('can choose any option of a choice question, the last of the most allowed included', () => {
    for (let v = 0; v < SURVEY_LIMITS.options; v++) expect(SurveyAnswerInput.safeParse({ questionId: '00000000-0000-4000-8000-000000000000', value: v }).success).toBe(true);
  });
});
