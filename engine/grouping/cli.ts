// `hearth groups`: the only I/O in engine/grouping. Reads people (CSV or --count), optional avoid/known pair
// files, runs formGroups and prints JSON or CSV. Every failure is one line on stderr and exit code 2.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { CliFlags, PersonRow } from './cli-schemas.ts';
import { parseDepartmentTies, TieFileError } from './cli-ties.ts';
import { GroupingError } from './errors.ts';
import { formGroups } from './solve.ts';
import type { KnownPair, Person } from './types.ts';

const USAGE =
  'usage: hearth groups (--people FILE | --count N) --size K --rounds R [--seed S] [--time-limit SECONDS] [--avoid FILE] [--known FILE] [--department-ties FILE] [--format json|csv]';

class UsageError extends Error {}

/** Runs the command with its arguments (without "groups"); resolves to the process exit code. */
export async function run(args: string[]): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const { values } = parseArgs({
      args,
      strict: true,
      options: {
        people: { type: 'string' },
        count: { type: 'string' },
        size: { type: 'string' },
        rounds: { type: 'string' },
        seed: { type: 'string' },
        'time-limit': { type: 'string' },
        avoid: { type: 'string' },
        known: { type: 'string' },
        'department-ties': { type: 'string' },
        format: { type: 'string' },
      },
    });
    if (!values.size || !values.rounds) throw new UsageError('--size and --rounds are required');
    if (Boolean(values.people) === Boolean(values.count)) throw new UsageError('give exactly one of --people FILE or --count N');
    const parsed = CliFlags.safeParse({
      count: values.count,
      size: values.size,
      rounds: values.rounds,
      seed: values.seed,
      timeLimit: values['time-limit'],
      format: values.format,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(`--${issue.path.join('.').replace('timeLimit', 'time-limit')}: ${issue.message}`);
    }
    const flags = parsed.data;
    const people = values.people ? readPeople(values.people) : Array.from({ length: flags.count ?? 0 }, (_, i) => ({ id: String(i + 1) }));
    const neverTogether = values.avoid ? readPairs(values.avoid).map(([a, b]) => [a, b] as [string, string]) : undefined;
    const knownPairs: KnownPair[] | undefined = values.known
      ? readPairs(values.known).map(([a, b, w]) => ({ a, b, weight: w === undefined || w === '' ? 1 : Number(w) }))
      : undefined;
    const tiesFile = values['department-ties'];
    const departmentTies = tiesFile ? parseDepartmentTies(readText(tiesFile), tiesFile) : undefined;
    const result = formGroups(
      { people, groupSize: flags.size, rounds: flags.rounds, neverTogether, knownPairs, departmentTies },
      { seed: flags.seed, timeLimitMs: flags.timeLimit * 1000 },
    );
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    if (flags.format === 'csv') {
      const lines = ['round,group,id'];
      result.rounds.forEach((round, r) => round.forEach((group, g) => group.forEach((id) => lines.push(`${r + 1},${g + 1},${csvCell(id)}`))));
      process.stdout.write(`${lines.join('\n')}\n`);
    } else {
      const { rounds, bound, metrics, warnings, method } = result;
      process.stdout.write(`${JSON.stringify({ rounds, bound, metrics, warnings, method })}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof GroupingError) process.stderr.write(`error (${err.code}): ${err.message}\n`);
    else if (err instanceof TieFileError) process.stderr.write(`error: ${err.message}\n`);
    else if (err instanceof UsageError) process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
    else if (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
    else process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

function readPeople(file: string): Person[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readText(file), { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
  if (rows.length === 0) throw new UsageError(`${file}: no people`);
  if (!('id' in rows[0])) throw new UsageError(`${file}: the header must have an "id" column`);
  return rows.map((row, i) => {
    const cleaned = Object.fromEntries(Object.entries(row).filter(([key, v]) => v !== '' && ['id', 'department', 'location', 'seniority', 'timezone'].includes(key)));
    const person = PersonRow.safeParse(cleaned);
    if (!person.success) throw new UsageError(`${file} line ${i + 2}: ${person.error.issues[0].message}`);
    return person.data;
  });
}

// Pair files: "a,b" or "a,b,weight" per line; a first line of "a,b"-style labels is skipped as a header.
function readPairs(file: string): string[][] {
  let rows: string[][];
  try {
    rows = parse(readText(file), { skip_empty_lines: true, trim: true, relax_column_count: true, bom: true });
  } catch (err) {
    throw new UsageError(`${file}: ${(err as Error).message}`);
  }
  if (rows.length > 0 && /^(a|id|id1|person|from|source)$/i.test(rows[0][0] ?? '')) rows = rows.slice(1);
  rows.forEach((row, i) => {
    if (row.length < 2 || !row[0] || !row[1]) throw new UsageError(`${file} row ${i + 1}: expected two ids`);
  });
  return rows;
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
