// End to end through bin/hearth.mjs with the real brokers of betweenness.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const bin = new URL('../../bin/hearth.mjs', import.meta.url).pathname;

async function hearth(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', [bin, 'network', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('hearth network (command line)', () => {
  it('prints the report with exact brokers of a star, and exits 2 on a bad line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-network-'));
    // A star: the hub lies on the path of all 6 pairs of leaves; normalized over (n−1)(n−2)/2 = 10 pairs, since the
    // isolate counts in n as in NetworkX, that is 0.6.
    writeFileSync(join(dir, 'ties.txt'), 'hub a\nhub b\nhub c\nhub d\n');
    writeFileSync(join(dir, 'people.csv'), 'id,team\nhub,x\na,x\nb,y\nc,y\nd,y\nnew,y\n');
    const out = await hearth(['--edges', join(dir, 'ties.txt'), '--nodes', join(dir, 'people.csv'), '--attribute', 'team', '--top', '1']);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json).toMatchObject({ nodes: 6, edges: 4, components: [5, 1], isolates: ['new'], brokers: [{ id: 'hub', betweenness: 0.6 }], brokersMethod: 'exact' });
    expect(json.eiIndex.overall).toBeCloseTo(0.5, 12);
    writeFileSync(join(dir, 'bad.txt'), 'hub a\n# fine\nhub b 0\n');
    const bad = await hearth(['--edges', join(dir, 'bad.txt')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'bad.txt')} line 3: weight "0" is not a number above 0`);
  });
});
