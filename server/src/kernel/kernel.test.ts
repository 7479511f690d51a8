import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './auth/failure-limiter.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { csvCell, toCsv } from './csv.ts';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.ts';

describe('csv export', () => {
  it('never starts a cell with a formula trigger and quotes what needs quoting', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
    );
    expect(toCsv([['a,b', 'x"y', 1, null]])).toBe('"a,b","x""y",1,\r\n');
  });
});

describe('failure limiter', () => {
  it('blocks after the limit until the oldest failure leaves the window', () => {
    let now = 0;
    const l = new FailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) l.fail('k');
    expect(l.retryAfter('k')).toBe(60);
    now = 30_000;
    expect(l.retryAfter('k')).toBe(30);
    now = 60_001;
    expect(l.retryAfter('k')).toBe(0);
    l.fail('k');
    l.reset('k');
    expect(l.retryAfter('k')).toBe(0);
  });
});

describe('tokens', () => {
  it('are 256-bit, distinct and stored only as a hash', () => {
    const seen = new Set(Array.from({ length: 10_000 }, newToken));
    expect(seen.size).toBe(10_000);
    const t = newToken();
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(hashToken(t)).not.toContain(t);
  });
});

describe('data-dir lock', () => {
  it('refuses a second holder while the first lives and takes over a dead one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-lock-'));
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, 'hearth.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    writeFileSync(join(dir, 'hearth.lock'), '999999999'); // a pid that cannot be alive
    const again = lockDataDir(dir);
    again.release();
    lock.release();
  });
});
