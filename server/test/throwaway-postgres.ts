// A PostgreSQL cluster of its own, in a temporary folder, that a test or bench may stop and start at will (the shared
// server on 5432 must never be stopped). Debian's binaries; run as the `postgres` user when this process is root
// (PostgreSQL refuses to run as root).
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './spawn-server.ts';

const run = promisify(execFile);

/** Folder of the PostgreSQL server binaries: `PG_BIN`, else Debian's 15 (CI's version), else the newest installed. */
export const PG_BIN = process.env.PG_BIN ?? debianPgBin();

function debianPgBin(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(join(root, '15/bin'))) return join(root, '15/bin');
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return join(root, versions[0] ?? '15', 'bin');
}

/** True when initdb and pg_ctl are installed. */
export function hasPostgresBinaries(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

/** A throwaway cluster: `url` reaches its `postgres` database over TCP on loopback (trust authentication). */
export interface ThrowawayPostgres {
  url: string;
  port: number;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash (no shutdown checkpoint). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops it if running and deletes its folder. */
  remove(): Promise<void>;
}

/** Creates (initdb) a cluster in a new temporary folder on a free port; it is not started yet. */
export async function createThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pg-'));
  const data = join(dir, 'data');
  const root = process.getuid?.() === 0;
  if (root) {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    chownSync(dir, Number(uid.stdout), Number(gid.stdout));
  }
  const pg = (bin: string, args: string[]) =>
    root ? run('runuser', ['-u', 'postgres', '--', join(PG_BIN, bin), ...args]) : run(join(PG_BIN, bin), args);
  const port = await freePort();
  // Speed over durability: nothing here must survive a power cut, and initdb/commits should not wait for the disk.
  await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let running = false;
  const cluster: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      await pg('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '30', 'start']);
      running = true;
    },
    async stop(mode = 'fast') {
      await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
      running = false;
    },
    async remove() {
      if (running) await cluster.stop('immediate').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}
