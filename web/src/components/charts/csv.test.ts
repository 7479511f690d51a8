import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('chart CSV', () => {
  it('reads back as the same cells whatever they hold, with formulas defused', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('=1+1', '+SUM(A1)', '-2', '@x', 'a,b', 'say "hi"', 'two\nlines', ''), fc.integer());
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { maxLength: 6 }), (header, rows) => {
        const body = rows.map((r) => r.slice(0, header.length));
        const back: string[][] = parse(toCsv(header, body), { relax_column_count: false });
        const expected = (v: string | number) => (typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
        expect(back).toEqual([header.map(expected), ...body.map((r) => r.map(expected))]);
      }),
    );
  });
});
