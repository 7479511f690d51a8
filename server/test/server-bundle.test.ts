import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs build script without type declarations
import { ensureServerBundle, serverBundle } from '../../scripts/server-bundle.mjs';

describe('server bundle (what `hearth start` runs)', () => {
  it('is reused while fresh, rebuilt when a source is newer, and exports the server entry', async () => {
    await ensureServerBundle();
    const first = statSync(serverBundle).mtimeMs;
    await ensureServerBundle();
    expect(statSync(serverBundle).mtimeMs).toBe(first);

    // A source edited after the build: the next start rebuilds.
    const source = join(process.cwd(), 'contracts/index.ts');
    const { atime, mtime } = statSync(source);
    const later = new Date(Math.floor(first) + 1);
    utimesSync(source, later, later);
    try {
      await ensureServerBundle();
      expect(statSync(serverBundle).mtimeMs).toBeGreaterThan(first);
    } finally {
      utimesSync(source, atime, mtime);
    }
    const mod = await import(`${serverBundle}?t=${Date.now()}`);
    expect(typeof mod.run).toBe('function');
  });
});
