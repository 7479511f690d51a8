import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'hearth-match-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const hearth = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'hearth.mjs'), 'match', ...args], { cwd: root, encoding: 'utf8' });

describe('hearth match CLI', () => {
  it('matches profile CSVs and prints JSON with explanations and per-person problems', () => {
    const mentees = file(
      'mentees.csv',
      'id,department,team,manager_id,seniority,timezone,availability,skills_want,goals\nana,eng,core,bob,2,1,mon-am,sql:4;python,leadership\ncai,sales,east,,3,-5,mon-am,negotiation:4,leadership\nzed,ops,x,,1,12,,sql,\n',
    );
    const mentors = file('mentors.csv', 'id,department,team,seniority,timezone,availability,skills_have,topics,capacity\nbob,eng,core,5,1,mon-am,sql:5;python:4,leadership,1\ndee,sales,east,6,-5,mon-am,negotiation:5;sql:3,leadership,1\ngus,hr,p,4,0,,coaching,0\n');
    const r = hearth('--mentees', mentees, '--mentors', mentors, '--mode', 'fair', '--format', 'json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.mode).toBe('fair');
    expect(out.assignments.map((a: { mentee: string; mentor: string }) => `${a.mentee}-${a.mentor}`)).toEqual(['ana-dee', 'cai-bob']);
    expect(out.assignments[0].explanation.length).toBeGreaterThan(0);
    expect(out.total).toBe(out.assignments[0].score + out.assignments[1].score);
    expect(out.unmatched).toEqual([expect.objectContaining({ mentee: 'zed', reason: 'NO_FEASIBLE_MENTOR' })]);
    expect(out.issues).toContainEqual(expect.objectContaining({ id: 'gus', code: 'ZERO_CAPACITY' }));
  });

  it('matches a score table; unlisted pairs are never used', () => {
    const scores = file('scores.csv', 'mentee,mentor,score\na,x,5\na,y,4\nb,x,6\nc,y,1\n');
    const caps = file('caps.csv', 'mentor,capacity\nx,1\ny,1\n');
    const r = hearth('--scores', scores, '--capacities', caps, '--format', 'json', '--mode', 'participation');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.assignments).toEqual([
      { mentee: 'a', mentor: 'y', score: 4 },
      { mentee: 'b', mentor: 'x', score: 6 },
    ]);
    expect(out.total).toBe(10);
    expect(out.unmatched).toEqual([expect.objectContaining({ mentee: 'c', reason: 'NO_CAPACITY' })]);
  });

  it('exits 2 with a message on stderr for bad usage, missing files and bad headers', () => {
    const caps = file('caps2.csv', 'mentor,capacity\nx,1\n');
    const bad = file('bad.csv', 'who,what\n1,2\n');
    for (const args of [['--scores', caps], ['--scores', join(dir, 'missing.csv'), '--capacities', caps], ['--scores', bad, '--capacities', caps], ['--mode', 'best']]) {
      const r = hearth(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/hearth match: /);
      expect(r.stdout).toBe('');
    }
  });
});
