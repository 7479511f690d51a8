// `npx hearth match` — matches mentees to mentors from CSV files and prints the result.
//
//   hearth match --mentees FILE --mentors FILE [--mode optimal|fair|participation] [--format json|text]
//                [--forbid-same-team] [--min-overlap HOURS]
//   hearth match --scores FILE --capacities FILE [--mode ...] [--format json|text]
//
// Profile CSV columns are documented in csv-profiles.ts (mentees: id, department, team, manager_id,
// seniority, timezone, availability, skills_want, goals, prefer_other_department, seniority_gap;
// mentors: the same plus skills_have, topics, capacity; lists use ";", skills "name:level").
// Score tables: CSV header mentee,mentor,score (unlisted pairs are not allowed) and mentor,capacity.
// JSON output: {"mode","assignments":[{"mentee","mentor","score",...}],"total","minScore","unmatched":[...],"issues":[...],...}.
// Exit codes: 0 done (per-person problems are in the output), 2 bad usage, unreadable file or infeasible constraint.

import { readFile } from 'node:fs/promises';
import { parseMentees, parseMentors, parseScoreTable } from './csv-profiles.ts';
import { MatchingError } from './errors.ts';
import { matchMentors } from './match.ts';
import { matchScoreTable } from './score-table.ts';
import type { MatchMode, MatchResult } from './types.ts';

const USAGE =
  'usage: hearth match (--mentees FILE --mentors FILE | --scores FILE --capacities FILE) [--mode optimal|fair|participation] [--format json|text] [--forbid-same-team] [--min-overlap HOURS]';

const VALUED = new Set(['--mentees', '--mentors', '--scores', '--capacities', '--mode', '--format', '--min-overlap']);
const FLAGS = new Set(['--forbid-same-team', '--help']);

function parseArgs(args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (FLAGS.has(name)) out.set(name, 'true');
    else if (VALUED.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++k];
      if (v === undefined || v === '') throw new MatchingError('INVALID_INPUT', `${name} needs a value`);
      out.set(name, v);
    } else throw new MatchingError('INVALID_INPUT', `unknown option ${a}`);
  }
  return out;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new MatchingError('INVALID_INPUT', `cannot read ${what} file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function text(r: MatchResult): string {
  const lines = [`mode ${r.mode}: ${r.assignments.length} matched, ${r.unmatched.length} unmatched, total ${r.total}, worst ${r.minScore ?? '-'}${r.floor !== undefined ? `, floor ${r.floor}` : ''}`];
  for (const a of r.assignments) {
    const why = a.explanation?.map((f) => `${f.factor} +${f.points}: ${f.reason}`).join('; ');
    lines.push(`${a.mentee} -> ${a.mentor}  ${a.score}${why ? `  (${why})` : ''}`);
  }
  for (const u of r.unmatched) lines.push(`${u.mentee} unmatched: ${u.reason}${u.detail ? ` (${u.detail})` : ''}`);
  for (const i of r.issues) lines.push(`issue ${i.side} ${i.id}: ${i.code} ${i.message}`);
  if (r.stability) lines.push(`blocking pairs: ${r.stability.blockingPairs}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code (errors go to stderr). */
export async function run(args: string[]): Promise<number> {
  try {
    const opt = parseArgs(args);
    if (opt.has('--help')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    const mode = (opt.get('--mode') ?? 'optimal') as MatchMode;
    if (!['optimal', 'fair', 'participation'].includes(mode)) throw new MatchingError('INVALID_INPUT', `unknown --mode ${mode}`);
    const format = opt.get('--format') ?? 'text';
    if (format !== 'json' && format !== 'text') throw new MatchingError('INVALID_INPUT', `unknown --format ${format}`);
    let result: MatchResult;
    if (opt.has('--scores') || opt.has('--capacities')) {
      if (!opt.has('--scores') || !opt.has('--capacities')) throw new MatchingError('INVALID_INPUT', '--scores and --capacities go together');
      const table = parseScoreTable(await readText(opt.get('--scores') as string, 'scores'), await readText(opt.get('--capacities') as string, 'capacities'));
      result = matchScoreTable(table, { mode });
    } else if (opt.has('--mentees') && opt.has('--mentors')) {
      const mentees = parseMentees(await readText(opt.get('--mentees') as string, 'mentees'));
      const mentors = parseMentors(await readText(opt.get('--mentors') as string, 'mentors'));
      const overlap = opt.get('--min-overlap');
      if (overlap !== undefined && !Number.isFinite(Number(overlap))) throw new MatchingError('INVALID_INPUT', '--min-overlap needs a number');
      result = matchMentors(
        { mentees, mentors },
        { mode, forbidSameTeam: opt.has('--forbid-same-team'), minOverlapHours: overlap === undefined ? undefined : Number(overlap) },
      );
    } else {
      throw new MatchingError('INVALID_INPUT', 'give --mentees and --mentors, or --scores and --capacities');
    }
    process.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : text(result));
    return 0;
  } catch (e) {
    if (e instanceof MatchingError) {
      process.stderr.write(`hearth match: ${e.code}: ${e.message}\n${e.code === 'INVALID_INPUT' ? `${USAGE}\n` : ''}`);
      return 2;
    }
    process.stderr.write(`hearth match: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
