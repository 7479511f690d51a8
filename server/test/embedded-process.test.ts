import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpSignIn, startServer } from './spawn-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'hearth-embedded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database in a real process', () => {
  it('creates the demo organization on first start, refuses a second process on the same folder, shuts down cleanly and restarts', async () => {
    const first = await startServer({ HEARTH_DATA_DIR: dir });
    expect(first.output()).toContain('admin@example.com / hearth-demo');
    const admin = await httpSignIn(first.url, 'admin@example.com', 'hearth-demo');
    const page = await fetch(`${first.url}/api/people?limit=50`, { headers: { cookie: admin.cookie } });
    const body = (await page.json()) as { items: unknown[]; nextCursor: string | null };
    expect(body.items).toHaveLength(50);
    expect(body.nextCursor).not.toBeNull();

    const second = await startServer({ HEARTH_DATA_DIR: dir }, { waitHealthy: false });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Hearth process \(pid \d+\)/);
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);

    expect(await first.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(dir, 'hearth.lock'))).toBe(false);

    const again = await startServer({ HEARTH_DATA_DIR: dir });
    expect(again.output()).not.toContain('created');
    const still = await httpSignIn(again.url, 'admin@example.com', 'hearth-demo');
    expect(still.personId).toBe(admin.personId);
    expect(await again.stop('SIGINT')).toBe(0);
  }, 120_000);
});
