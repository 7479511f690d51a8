import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstChars, shorten } from './text.ts';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('shortening text', () => {
  it('never splits a character (no lone surrogate), keeps at most max characters, and keeps short text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (s, max) => {
        const out = shorten(s, max);
        expect(loneSurrogate.test(out)).toBe(false);
        expect(Array.from(out).length).toBeLessThanOrEqual(Math.max(max, 1));
        if (Array.from(s).length <= max) expect(out).toBe(s);
        else expect(out.endsWith('…')).toBe(true);
        expect(loneSurrogate.test(firstChars(s, max))).toBe(false);
      }),
    );
    expect(shorten('🔥🔥🔥', 2)).toBe('🔥…');
    expect(firstChars('a🔥b', 2)).toBe('a🔥');
  });
});
