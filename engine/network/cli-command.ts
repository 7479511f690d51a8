// `hearth network` without the I/O: cli.ts hands in how to read a file and the brokers function, and prints what
// this returns. Every failure is one line on stderr and exit code 2.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { analyse, type BrokerFn, type NodeRow } from './analyse.ts';
import { buildGraph } from './build.ts';
import { FileLineError, parseEdges, parseNodes } from './cli-files.ts';
import { NetworkError } from './errors.ts';

export const USAGE = 'usage: hearth network --edges FILE [--nodes FILE] [--attribute NAME] [--directed] [--top K] [--format json|csv]';

/** What the command needs from outside. */
export interface CommandIo {
  /** The file's text; throws (with an errno `code`) when it cannot be read. */
  readText: (file: string) => string;
  brokers: BrokerFn;
}

/** What to print and the exit code. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const Flags = z
  .object({
    top: z.coerce.number().int('must be a whole number').min(0).max(1_000_000).default(50),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict();

class UsageError extends Error {}

/** Runs `hearth network` with its arguments (without "network"). */
export async function runNetwork(args: string[], io: CommandIo): Promise<CommandResult> {
  try {
    if (args.includes('--help') || args.includes('-h')) return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        edges: { type: 'string' },
        nodes: { type: 'string' },
        attribute: { type: 'string' },
        directed: { type: 'boolean' },
        top: { type: 'string' },
        format: { type: 'string' },
      },
    });
    if (!values.edges) throw new UsageError('--edges FILE is required');
    if (values.attribute !== undefined && !values.nodes) throw new UsageError('--attribute needs --nodes FILE');
    if (values.attribute !== undefined && values.attribute.trim() === '') throw new UsageError('--attribute needs a name');
    const parsed = Flags.safeParse({ top: values.top, format: values.format });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
    }
    const { top, format } = parsed.data;
    const ties = parseEdges(read(io, values.edges), values.edges);
    const nodesFile = values.nodes ? parseNodes(read(io, values.nodes), values.nodes, values.attribute) : undefined;
    const graph = buildGraph(ties, { directed: values.directed ?? false, nodes: nodesFile?.ids });
    const attribute = values.attribute !== undefined ? nodesFile?.values : undefined;
    const { report, nodes } = await analyse(graph, { attribute, brokers: io.brokers, top });
    const stdout = format === 'csv' ? csv(nodes) : `${JSON.stringify(report)}\n`;
    return { code: 0, stdout, stderr: '' };
  } catch (err) {
    let stderr: string;
    if (err instanceof NetworkError) stderr = `error (${err.code}): ${err.message}\n`;
    else if (err instanceof UsageError) stderr = `error: ${err.message}\n${USAGE}\n`;
    else if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) stderr = `error: ${err.message}\n${USAGE}\n`;
    else if (err instanceof FileLineError) stderr = `error: ${err.message}\n`;
    else stderr = `error: ${err instanceof Error ? err.message : String(err)}\n`;
    return { code: 2, stdout: '', stderr };
  }
}

function read(io: CommandIo, file: string): string {
  try {
    return io.readText(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/** One row per node in graph order; betweenness is blank outside the top K brokers, group blank without a value. */
function csv(rows: NodeRow[]): string {
  const lines = ['id,degree,strength,component,community,group,betweenness'];
  for (const r of rows) {
    lines.push([cell(r.id), r.degree, r.strength, r.component, r.community, cell(r.group ?? ''), r.betweenness ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
