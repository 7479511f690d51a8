// bench/startup: time from `npm start` to the sign-in page being served, on a fresh data folder with no web build
// and no server bundle (the first start after `npm ci`), then for a restart on the same folder. Targets: 15 s first, 3 s restart.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../server/test/spawn-server.ts';
import { machine, writeResult, writeResultsSection } from '../lib.ts';

async function timeStart(dataDir: string): Promise<{ seconds: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn('npm', ['start', '--silent'], { env: { ...process.env, HEARTH_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'ignore', detached: true });
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/sign-in`);
      if (res.ok && (await res.text()).includes('<div id="root"')) break;
    } catch {}
    if (performance.now() - started > 120_000) throw new Error('did not start within 120 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    stop: () =>
      new Promise((resolve) => {
        proc.once('exit', () => resolve());
        process.kill(-(proc.pid as number), 'SIGTERM');
      }),
  };
}

const loadBefore = Number(loadavg()[0].toFixed(1));
const dir = mkdtempSync(join(tmpdir(), 'hearth-startup-'));
rmSync('web/dist', { recursive: true, force: true });
rmSync('server/dist', { recursive: true, force: true });
const first = await timeStart(dir);
await first.stop();
const restart = await timeStart(dir);
await restart.stop();
rmSync(dir, { recursive: true, force: true });
const r = { firstStartSeconds: Number(first.seconds.toFixed(2)), restartSeconds: Number(restart.seconds.toFixed(2)), loadAverage1m: [loadBefore, Number(loadavg()[0].toFixed(1))] };
console.log(`first start (web build + server bundle + database init + demo org): ${r.firstStartSeconds} s (target ≤ 15 s)`);
console.log(`restart: ${r.restartSeconds} s (target ≤ 3 s)`);
writeResult('startup', { machine: machine(), ...r });
writeResultsSection(
  'startup',
  `## Startup (bench/startup)

| what | seconds | target |
|---|---:|---:|
| first \`npm start\` on a fresh data folder, no web build or server bundle yet (both built + PGlite init + migrations + demo org of 150) | ${r.firstStartSeconds} | ≤ 15 |
| restart on the same folder | ${r.restartSeconds} | ≤ 3 |

Machine 1-minute load average ${r.loadAverage1m[0]} before → ${r.loadAverage1m[1]} after (other work on the 2 cores slows both starts).
_Run: ${machine().date}, Node ${machine().node}._`,
);
