import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A running Hearth server process on a fresh data directory with the demo organization. */
export type Hearth = { url: string; pid: number; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

/** A data directory with the demo organization, made once per run by the global setup (see seedTemplate). */
export const TEMPLATE_DATA_DIR = join(root, '.tmp', 'e2e-data-template');

/**
 * Starts `node bin/hearth.mjs start` on a free port and a fresh temp data directory, waits for
 * /api/health, and returns how to stop it (by PID: SIGTERM, then SIGKILL after 5 s). The directory is a copy of the
 * run's seeded template when there is one (a restart: about 2 s instead of 8 s of initdb, migrations and seeding);
 * each journey still has its own database. Without SMTP_URL, its mail lands in `<dataDir>/outbox` as .eml files.
 */
export async function startHearth(opts: { fromTemplate?: boolean; keepDataDir?: string } = {}): Promise<Hearth & { dataDir: string }> {
  const dataDir = opts.keepDataDir ?? mkdtempSync(join(tmpdir(), 'hearth-e2e-data-'));
  if (!opts.keepDataDir && opts.fromTemplate !== false && existsSync(join(TEMPLATE_DATA_DIR, 'seeded'))) cpSync(TEMPLATE_DATA_DIR, dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/hearth.mjs', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      HEARTH_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      HEARTH_DEMO: 'on',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // Journeys sign in several people from one address within a minute.
      SIGNIN_PER_IP_PER_MINUTE: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const pid = child.pid;
  if (!pid) throw new Error('Could not start the Hearth server process.');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => child.exitCode === null && process.kill(pid, 'SIGKILL'), 5000);
      await exited(child);
      clearTimeout(timer);
    }
    if (!opts.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    // A kept folder is reused by others: it must come from a clean shutdown (PGlite flushed, lock released).
    else if (child.exitCode !== 0) throw new Error(`Hearth did not shut down cleanly (exit ${child.exitCode}, signal ${child.signalCode}):\n${output}`);
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Hearth exited with code ${child.exitCode} before it was ready:\n${output}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, pid, dataDir, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`Hearth did not become healthy within 60 s:\n${output}`);
}
