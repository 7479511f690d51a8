import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A Hearth server process started with `node bin/hearth.mjs start`. */
export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts a server process and waits until /api/health answers (or the process exits). */
export async function startServer(env: Record<string, string>, opts: { waitHealthy?: boolean; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const proc = spawn(process.execPath, ['bin/hearth.mjs', 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    proc,
    url,
    output: () => out,
    exited,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
  if (opts.waitHealthy === false) return server;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let done = false;
  void exited.then(() => (done = true));
  while (Date.now() < deadline && !done) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 150));
  }
  await server.stop('SIGKILL');
  throw new Error(`server did not become healthy:\n${out}`);
}

/** Signs in over HTTP; returns the cookie header and CSRF token. */
export async function httpSignIn(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`sign-in ${res.status}: ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const body = (await res.json()) as { csrfToken: string; person: { id: string } };
  return { cookie, csrf: body.csrfToken, personId: body.person.id };
}
