// Reading `hearth groups --department-ties FILE` from its text (cli.ts does the reading): one line per pair of
// departments, `deptA,deptB,ties`. Every problem names the file and the line, as `hearth network` does.
import type { DepartmentTies } from './types.ts';

/** A bad line in the tie file; the message starts "FILE line N: " (N counts physical lines from 1). */
export class TieFileError extends Error {}

const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses `deptA,deptB,ties` lines (names may hold spaces; cells are trimmed). A `#` at the start of a line or after
 * a space or tab starts a comment; blank lines are skipped. The first data line is a header, and skipped, when its
 * third cell is not a number (`department_a,department_b,ties`). Ties are numbers ≥ 0; deptA = deptB means within one.
 */
export function parseDepartmentTies(text: string, file: string): DepartmentTies[] {
  const out: DepartmentTies[] = [];
  let first = true;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .forEach((raw, i) => {
      const line = raw.replace(/(^|[ \t])#.*$/, '').trim();
      if (line === '') return;
      const cells = line.split(',').map((c) => c.trim());
      const isFirst = first;
      first = false;
      if (isFirst && cells.length === 3 && !NUMBER.test(cells[2])) return;
      const fail = (message: string) => {
        throw new TieFileError(`${file} line ${i + 1}: ${message}`);
      };
      if (cells.length !== 3) fail(`expected "deptA,deptB,ties", found ${cells.length} field${cells.length === 1 ? '' : 's'}`);
      if (!cells[0] || !cells[1]) fail('a department name is empty');
      const ties = Number(cells[2]);
      if (!NUMBER.test(cells[2]) || !Number.isFinite(ties)) fail(`ties "${cells[2]}" is not a number of 0 or more`);
      out.push({ a: cells[0], b: cells[1], ties });
    });
  return out;
}
