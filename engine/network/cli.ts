// `hearth network`: the only I/O in engine/network. Reads the files, runs the command (cli-command.ts) with the
// brokers of betweenness.ts, prints JSON or CSV. Every failure is one line on stderr and exit code 2.
import { readFileSync } from 'node:fs';
import { brokers } from './betweenness.ts';
import { runNetwork } from './cli-command.ts';

/** Runs the command with its arguments (without "network"); resolves to the process exit code. */
export async function run(args: string[]): Promise<number> {
  const result = await runNetwork(args, { readText: (file) => readFileSync(file, 'utf8'), brokers });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.code;
}
