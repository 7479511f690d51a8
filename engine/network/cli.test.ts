import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrokerFn } from './analyse.ts';
import { runNetwork } from './cli-command.ts';

// The command with in-memory files and a stand-in brokers function (betweenness has its own tests).
const stubBrokers: BrokerFn = (graph, { top }) => ({ brokers: graph.ids.slice(0, top).map((id) => ({ id, betweenness: 0.5 })), method: 'exact' });

function network(args: string[], files: Record<string, string>) {
  return runNetwork(args, {
    readText: (file) => {
      if (!(file in files)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return files[file];
    },
    brokers: stubBrokers,
  });
}

const EDGES = ['# team ties', 'source,target,weight', 'ann,bob,2', 'bob\tcat', 'cat dan 1.5   # trailing comment', 'bob,ann,1', 'dan,dan', '', 'eve fay'].join('\n');
const NODES = ['id,Department', 'ann,Sales', 'bob,Sales', 'cat,Ops', 'dan,Ops', 'eve,', 'gus,Ops'].join('\n');

describe('hearth network', () => {
  it('prints the JSON report with exactly the documented fields', async () => {
    const out = await network(['--edges', 'e.txt', '--nodes', 'n.csv', '--attribute', 'department', '--top', '2'], { 'e.txt': EDGES, 'n.csv': NODES });
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['nodes', 'edges', 'density', 'components', 'isolates', 'eiIndex', 'communities', 'brokers', 'brokersMethod']);
    // ann–bob merged (weight 3), bob–cat, cat–dan, eve–fay; dan–dan dropped; gus listed without ties.
    expect(json.nodes).toBe(7);
    expect(json.edges).toBe(4);
    expect(json.density).toBeCloseTo(4 / 21, 12);
    expect(json.components).toEqual([4, 2, 1]);
    expect(json.isolates).toEqual(['gus']);
    // Counted: ann–bob I (Sales), bob–cat E, cat–dan I (Ops); eve–fay has no values. Overall (1 − 2) / 3.
    expect(json.eiIndex.overall).toBeCloseTo(-1 / 3, 12);
    expect(json.eiIndex.byGroup).toEqual({ Ops: 0, Sales: 0 });
    expect(json.communities.count).toBeGreaterThanOrEqual(3);
    expect(json.communities.modularity).toBeGreaterThan(0);
    expect(json.brokers).toEqual([{ id: 'ann', betweenness: 0.5 }, { id: 'bob', betweenness: 0.5 }]);
    expect(json.brokersMethod).toBe('exact');
  });

  it('reads a headerless `id value` nodes file, and leaves the E-I index null without --attribute', async () => {
    const files = { e: 'a b\nc d\n', n: '# people\na  Customer Success\nb\tSales\nc,Sales\nd\nz Ops\n' };
    const withAttr = JSON.parse((await network(['--edges', 'e', '--nodes', 'n', '--attribute', 'team'], files)).stdout);
    expect(withAttr.nodes).toBe(5);
    expect(withAttr.isolates).toEqual(['z']);
    expect(withAttr.eiIndex).toEqual({ overall: 1, byGroup: { 'Customer Success': 1, Sales: 1 } });
    const without = JSON.parse((await network(['--edges', 'e', '--nodes', 'n'], files)).stdout);
    expect(without.eiIndex).toBeNull();
  });

  it('reads the same ties alike whatever the separators, header and comments', async () => {
    const tie = fc.record({ a: fc.constantFrom('p', 'q', 'r', 's', 't'), b: fc.constantFrom('p', 'q', 'r', 's', 't'), w: fc.option(fc.integer({ min: 1, max: 9 })) });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(tie, fc.constantFrom(' ', '\t', ',', ' , ', '  '), fc.boolean()), { minLength: 1, maxLength: 15 }), fc.constantFrom('', 'a,b,weight\n', 'source target\n', '# header-less\n'), fc.boolean(), async (lines, header, directed) => {
        const plain = lines.map(([t]) => `${t.a},${t.b}${t.w === null ? '' : `,${t.w}`}`).join('\n');
        const fancy = header + lines.map(([t, sep, comment]) => `${t.a}${sep}${t.b}${t.w === null ? '' : `${sep}${t.w}`}${comment ? ' # note' : ''}`).join('\r\n');
        const flags = directed ? ['--directed'] : [];
        const x = await network(['--edges', 'x', ...flags], { x: plain });
        const y = await network(['--edges', 'y', ...flags], { y: fancy });
        expect(y.stderr).toBe('');
        expect(y.stdout).toBe(x.stdout);
      }),
      { numRuns: 60 },
    );
  });

  it('exits 2 naming the file and the physical line of any bad edge line', async () => {
    const good = fc.constantFrom('a b', 'a,b,2', 'c\td', '# comment', '', 'e f 0.5');
    const bad = fc.constantFrom('lonely', 'a b c d', 'a b x', 'a,b,0', 'a,b,-1', ',b', 'a,,3', 'a b 1e999', 'a,b,NaN');
    await fc.assert(
      fc.asyncProperty(fc.array(good, { maxLength: 8 }), bad, fc.array(good, { maxLength: 8 }), async (before, wrong, after) => {
        // A first data line like "a b x" would be read as a header, so a good tie leads.
        const lines = ['g h', ...before, wrong, ...after];
        const out = await network(['--edges', 'ties.txt'], { 'ties.txt': lines.join('\n') });
        expect(out.code).toBe(2);
        expect(out.stdout).toBe('');
        expect(out.stderr).toMatch(new RegExp(`^error: ties\\.txt line ${before.length + 2}: `));
      }),
    );
  });

  it('exits 2 with a clear message for bad nodes files and flags', async () => {
    const files = { e: 'a b\n', dup: 'id,team\na,x\nb,y\na,z\n', cols: 'id,team\na,x\n', wide: 'a,x,y\n', ragged: 'id,team\na,x\nb,y,z\n' };
    const cases: [string[], RegExp][] = [
      [['--edges', 'e', '--nodes', 'dup'], /^error: dup line 4: id "a" is listed twice/],
      [['--edges', 'e', '--nodes', 'cols', '--attribute', 'site'], /^error: cols line 1: no "site" column/],
      [['--edges', 'e', '--nodes', 'wide'], /^error: wide line 1: expected "id value"/],
      [['--edges', 'e', '--nodes', 'ragged'], /^error: ragged line 3: /],
      [['--edges', 'missing'], /cannot read missing: ENOENT/],
      [['--nodes', 'cols'], /--edges FILE is required/],
      [['--edges', 'e', '--attribute', 'team'], /--attribute needs --nodes/],
      [['--edges', 'e', '--top=-1'], /--top: /],
      [['--edges', 'e', '--top', '2.5'], /--top: must be a whole number/],
      [['--edges', 'e', '--format', 'xml'], /--format: /],
      [['--edges', 'e', '--bogus'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const out = await network(args, files);
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr, args.join(' ')).toMatch(message);
      expect(out.stdout).toBe('');
    }
  });

  it('prints one CSV row per node with degree, strength, component, community, group and betweenness', async () => {
    const out = await network(['--edges', 'e.txt', '--nodes', 'n.csv', '--attribute', 'Department', '--top', '1', '--format', 'csv', '--directed'], {
      'e.txt': EDGES,
      'n.csv': NODES.replace('Ops\n', '"Ops, north"\n'),
    });
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,degree,strength,component,community,group,betweenness');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['ann', 'bob', 'cat', 'dan', 'eve', 'gus', 'fay']);
    // Directed: ann→bob (2) and bob→ann (1) are two arcs.
    expect(lines[1]).toMatch(/^ann,2,3,1,\d+,Sales,0\.5$/);
    expect(lines[3]).toMatch(/^cat,2,2\.5,1,\d+,"Ops, north",$/);
    expect(lines[6]).toMatch(/^gus,0,0,3,\d+,Ops,$/);
  });
});
