// Reading `hearth network`'s input files from their text (the CLI does the reading). Every problem is a
// FileLineError whose message starts "FILE line N: ", N counting from 1 over the file's physical lines.
import { parse } from 'csv-parse/sync';
import type { Tie } from './graph.ts';

/** A bad line in an input file; the message names the file and the line. */
export class FileLineError extends Error {
  constructor(file: string, line: number | null, message: string) {
    super(line === null ? `${file}: ${message}` : `${file} line ${line}: ${message}`);
    this.name = 'FileLineError';
  }
}

const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const HEAD_A = /^(source|from|src|id1|node1|ego)$/i;
const HEAD_B = /^(target|to|dst|id2|node2|alter)$/i;

/** Splits a data line: on commas when it has one (cells trimmed), otherwise on runs of spaces and tabs. */
function fields(line: string): string[] {
  return line.includes(',') ? line.split(',').map((f) => f.trim()) : line.split(/[ \t]+/);
}

/**
 * Edges file: one tie per line, `a b`, `a b weight`, `a,b` or `a,b,weight` (spaces, tabs or commas). A `#` at the
 * start of a line or after a space or tab starts a comment; blank lines are skipped. The first data line is a
 * header, and skipped, when its third field is not a number (`a,b,weight`) or its first two are column names
 * (`source target`, `from to`, `src dst`, `id1 id2`, `node1 node2`, `ego alter`); `a b` alone is a tie. Weights are numbers above 0 (default 1).
 */
export function parseEdges(text: string, file: string): Tie[] {
  const ties: Tie[] = [];
  let first = true;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .forEach((raw, i) => {
      const line = raw.replace(/(^|[ \t])#.*$/, '').trim();
      if (line === '') return;
      const f = fields(line);
      if (first) {
        first = false;
        if ((f.length === 3 && !NUMBER.test(f[2])) || (f.length >= 2 && HEAD_A.test(f[0]) && HEAD_B.test(f[1]))) return;
      }
      if (f.length < 2 || f.length > 3) throw new FileLineError(file, i + 1, `expected "a b" or "a,b[,weight]", found ${f.length} field${f.length === 1 ? '' : 's'}`);
      if (!f[0] || !f[1]) throw new FileLineError(file, i + 1, 'an id is empty');
      const tie: Tie = { a: f[0], b: f[1] };
      if (f.length === 3) {
        const w = Number(f[2]);
        if (!NUMBER.test(f[2]) || !Number.isFinite(w) || w <= 0) throw new FileLineError(file, i + 1, `weight "${f[2]}" is not a number above 0`);
        tie.weight = w;
      }
      ties.push(tie);
    });
  return ties;
}

/** The nodes file read: ids in file order and each id's attribute value (ids without one are absent). */
export interface NodesFile {
  ids: string[];
  values: Map<string, string>;
}

/**
 * Nodes file: a CSV whose header has an `id` column (the attribute is the column `attribute` names, case-insensitive),
 * or headerless lines `id value` (value: the rest of the line after spaces or a tab, or the second of two comma
 * cells; it may be missing). Lines starting with `#` are comments. An id listed twice is an error.
 */
export function parseNodes(text: string, file: string, attribute?: string): NodesFile {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n|\r/);
  const firstIndex = lines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (firstIndex < 0) return { ids: [], values: new Map() };
  const ids: string[] = [];
  const values = new Map<string, string>();
  const seen = new Set<string>();
  const add = (id: string, value: string | undefined, line: number) => {
    if (!id) throw new FileLineError(file, line, 'the id is empty');
    if (seen.has(id)) throw new FileLineError(file, line, `id "${id}" is listed twice`);
    seen.add(id);
    ids.push(id);
    if (value) values.set(id, value);
  };
  if (fields(lines[firstIndex].trim())[0].toLowerCase() === 'id') {
    let rows: { record: Record<string, string>; info: { lines: number } }[];
    let header: string[] = [];
    try {
      rows = parse(body, { columns: (h: string[]) => (header = h.map((c) => c.trim().toLowerCase())), info: true, skip_empty_lines: true, trim: true, comment: '#', comment_no_infix: true });
    } catch (err) {
      const line = (err as { lines?: number }).lines;
      throw new FileLineError(file, typeof line === 'number' ? line : null, (err as Error).message.replace(/ on line \d+$/, ''));
    }
    const column = attribute?.trim().toLowerCase();
    if (column !== undefined && !header.includes(column)) throw new FileLineError(file, firstIndex + 1, `no "${attribute}" column (columns: ${header.join(', ')})`);
    for (const { record, info } of rows) add(record.id ?? '', column === undefined ? undefined : record[column], info.lines);
    return { ids, values };
  }
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.includes(',')) {
      const f = fields(line);
      if (f.length > 2) throw new FileLineError(file, i + 1, `expected "id value" or "id,value", found ${f.length} fields`);
      add(f[0], f[1], i + 1);
    } else {
      const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(line) as RegExpExecArray;
      add(m[1], m[2]?.trim(), i + 1);
    }
  });
  return { ids, values };
}
