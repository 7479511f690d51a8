import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.ts';
import { httpSignIn, type ServerProcess, startServer } from './spawn-server.ts';

// A node killed (-9) after a commit and before any delivery: the event is in the outbox with its deliveries, so the
// next node to run delivers it, once.

const dir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  rmSync(dir, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  // The first start seeds the demo organization; on a loaded 2-core machine that can take most of a minute.
  const s = await startServer({ HEARTH_DATA_DIR: dir, EVENT_POLL_MS: '100', ...env }, { timeoutMs: 120_000 });
  running.push(s);
  return s;
}
const json = async (res: Response) => {
  if (!res.ok) throw new Error(`${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};

describe('events survive a crash', () => {
  it('kill -9 between commit and delivery: after the restart the mention notification arrives exactly once', async () => {
    // A node that commits but does not deliver stands for one killed right after its commit.
    const writer = await start({ EVENT_DELIVERY: 'off' });
    const sam = await httpSignIn(writer.url, 'sam.okafor@example.com', 'hearth-demo');
    const maya = await httpSignIn(writer.url, 'maya.patel@example.com', 'hearth-demo');
    const post = (s: typeof sam, url: string, body: unknown) =>
      fetch(`${writer.url}${url}`, { method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
    const community = await post(sam, '/api/communities', { name: `Crash course ${Date.now()}` });
    const thread = await post(sam, `/api/communities/${community.id}/threads`, { title: 'Who knows the outbox?', body: `Over to you, [@Maya Patel](/people/${maya.personId}).` });
    expect(thread.id).toBeTruthy();
    await new Promise((r) => setTimeout(r, 400));
    const mentions = async (url: string) => {
      const s = await httpSignIn(url, 'maya.patel@example.com', 'hearth-demo');
      const page = await json(await fetch(`${url}/api/notifications`, { headers: { cookie: s.cookie } }));
      return (page.items as { kind: string; url: string }[]).filter((n) => n.kind === 'mention' && n.url.includes(String(thread.id)));
    };
    expect(await mentions(writer.url)).toHaveLength(0);
    writer.proc.kill('SIGKILL');
    await writer.exited;

    const next = await start({});
    expect(await eventually(() => mentions(next.url), (list) => list.length > 0, 15_000)).toHaveLength(1);
    // Delivered means done: neither a later poll nor another restart delivers it again.
    await new Promise((r) => setTimeout(r, 500));
    await next.stop('SIGTERM');
    const last = await start({});
    await new Promise((r) => setTimeout(r, 500));
    expect(await mentions(last.url)).toHaveLength(1);
    await last.stop('SIGTERM');
  }, 300_000);
});
