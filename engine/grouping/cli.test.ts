import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isPartition } from './test-helpers.ts';

const exec = promisify(execFile);
const bin = new URL('../../bin/hearth.mjs', import.meta.url).pathname;

async function hearth(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [bin, 'groups', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hearth groups', () => {
  it('prints a JSON schedule for anonymous people', async () => {
    const out = await hearth(['--count', '32', '--size', '4', '--rounds', '8', '--time-limit', '1']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.rounds).toHaveLength(8);
    expect(isPartition(Array.from({ length: 32 }, (_, i) => String(i + 1)), json.rounds)).toBe(true);
    expect(json.bound).toBe(10);
    expect(json.metrics.repeats).toBe(0);
  });

  it('reads people, avoid and known files and honours them; CSV output lists round, group and id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-groups-'));
    const people = ['id,department,location', ...Array.from({ length: 12 }, (_, i) => `p${i},d${i % 3},loc${i % 2}`)].join('\n');
    writeFileSync(join(dir, 'people.csv'), people);
    writeFileSync(join(dir, 'avoid.csv'), 'a,b\np0,p1\np2,p3\n');
    writeFileSync(join(dir, 'known.csv'), 'p4,p5,2\n');
    const out = await hearth(['--people', join(dir, 'people.csv'), '--size', '3', '--rounds', '3', '--avoid', join(dir, 'avoid.csv'), '--known', join(dir, 'known.csv'), '--time-limit', '0.5']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    for (const round of json.rounds as string[][][]) {
      for (const group of round) {
        expect(group.includes('p0') && group.includes('p1')).toBe(false);
        expect(group.includes('p2') && group.includes('p3')).toBe(false);
      }
    }
    // Random groups of 3 from 3 departments of 4 average about 2.2 distinct departments.
    expect(json.metrics.distinctDepartments.average).toBeGreaterThanOrEqual(2.5);
    const csv = await hearth(['--people', join(dir, 'people.csv'), '--size', '3', '--rounds', '2', '--format', 'csv', '--time-limit', '0.5']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('round,group,id');
    expect(lines).toHaveLength(1 + 2 * 12);
  });

  it('exits 2 with a message naming the conflict on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-groups-'));
    writeFileSync(join(dir, 'people.csv'), 'id\na\nb\na\n');
    const dup = await hearth(['--people', join(dir, 'people.csv'), '--size', '2', '--rounds', '1']);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('DUPLICATE_ID');
    expect(dup.stderr).toContain('"a"');
    const missing = await hearth(['--count', '10', '--rounds', '2']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--size');
    const noFile = await hearth(['--people', join(dir, 'nope.csv'), '--size', '2', '--rounds', '1']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('ENOENT');
  });

  it('takes department tie counts and meets untied departments; a bad tie line exits 2 naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-groups-'));
    const depts = ['Sales', 'Sales', 'Engineering', 'Engineering', 'Legal', 'Legal', 'Finance', 'Finance'];
    writeFileSync(join(dir, 'people.csv'), ['id,department', ...depts.map((d, i) => `p${i},${d}`)].join('\n'));
    const ties = join(dir, 'ties.csv');
    writeFileSync(ties, '# last year\ndepartment_a,department_b,ties\nSales,Engineering,40\n\nFinance,Legal,25 # close\nSales,Sales,90\n');
    const out = await hearth(['--people', join(dir, 'people.csv'), '--size', '2', '--rounds', '1', '--department-ties', ties, '--time-limit', '0.5']);
    expect(out.code).toBe(0);
    const { metrics } = JSON.parse(out.stdout);
    expect(metrics.departmentPairs).toBe(4);
    expect(metrics.firstTimeDepartmentPairs).toBe(4);
    const bad: [string, number, string][] = [
      ['Sales,Legal\n', 1, 'found 2 fields'],
      ['a,b,ties\nSales,Legal,-3\n', 2, 'not a number'],
      ['Sales,Legal,3\n# note\n,Legal,4\n', 3, 'name is empty'],
      ['Sales,Legal,3\nLegal,Finance,2,1\n', 2, 'found 4 fields'],
      ['Sales,Legal,3\nLegal,Finance,many\n', 2, 'not a number'],
    ];
    for (const [text, line, message] of bad) {
      writeFileSync(ties, text);
      const res = await hearth(['--people', join(dir, 'people.csv'), '--size', '2', '--rounds', '1', '--department-ties', ties]);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain(`${ties} line ${line}: `);
      expect(res.stderr).toContain(message);
    }
  });
});
