import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyse, type BrokerFn, report } from './analyse.ts';
import { buildGraph } from './build.ts';
import { bestCommunities } from './communities.leiden.ts';
import { eiIndex } from './ei-index.ts';
import { components, density, isolates } from './metrics.ts';
import { idArb, tiesArb } from './test-helpers.ts';

// A stand-in brokers function: ranks by degree; the report must pass its answer through untouched.
const byDegree: BrokerFn = (graph, { top }) => ({
  brokers: graph.ids
    .map((id, v) => ({ id, betweenness: graph.offsets[v + 1] - graph.offsets[v] }))
    .sort((x, y) => y.betweenness - x.betweenness)
    .slice(0, top),
  method: { sampled: { epsilon: 0.01, delta: 0.1 } },
});

describe('report', () => {
  it('has exactly the documented fields, each the value of its own measure', async () => {
    await fc.assert(
      fc.asyncProperty(tiesArb, fc.array(idArb, { maxLength: 4 }), fc.boolean(), fc.integer({ min: 0, max: 5 }), async (ties, nodes, directed, top) => {
        const g = buildGraph(ties, { directed, nodes });
        const attribute = new Map(g.ids.map((id, i) => [id, i % 2 ? 'odd' : 'even']));
        const r = await report(g, { attribute, brokers: byDegree, top });
        expect(Object.keys(r)).toEqual(['nodes', 'edges', 'density', 'components', 'isolates', 'eiIndex', 'communities', 'brokers', 'brokersMethod']);
        expect(r.nodes).toBe(g.n);
        expect(r.density).toBe(density(g));
        expect(r.components).toEqual(components(g).sizes);
        expect(r.isolates).toEqual(isolates(g));
        const ei = eiIndex(g, attribute);
        expect(r.eiIndex).toEqual({ overall: ei.overall, byGroup: ei.byGroup });
        const c = bestCommunities(g, { seed: 1 });
        expect(r.communities).toEqual({ count: c.count, modularity: c.modularity });
        expect(r.brokers).toHaveLength(Math.min(top, g.n));
        expect(r.brokersMethod).toEqual({ sampled: { epsilon: 0.01, delta: 0.1 } });
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
      { numRuns: 50 },
    );
  });

  it('gives a null E-I index and no brokers when neither is asked for, and one row per node in node order', async () => {
    const g = buildGraph([{ a: 'a', b: 'b', weight: 2 }, { a: 'c', b: 'd' }, { a: 'd', b: 'e' }], { nodes: ['z'] });
    const { report: r, nodes } = await analyse(g);
    expect(r.eiIndex).toBeNull();
    expect(r.brokers).toEqual([]);
    expect(r.brokersMethod).toBeNull();
    expect(r).toMatchObject({ nodes: 6, edges: 3, components: [3, 2, 1], isolates: ['z'] });
    expect(nodes.map((row) => row.id)).toEqual(['z', 'a', 'b', 'c', 'd', 'e']);
    expect(nodes[1]).toEqual({ id: 'a', degree: 1, strength: 2, component: 2, community: nodes[2].community, group: null, betweenness: null });
    expect(nodes[0].component).toBe(3);
    const withTop = await analyse(g, { brokers: byDegree, top: 1, attribute: new Map([['a', 'x']]) });
    expect(withTop.nodes.find((row) => row.id === 'd')?.betweenness).toBe(2);
    expect(withTop.nodes.find((row) => row.id === 'a')).toMatchObject({ group: 'x', betweenness: null });
    expect(withTop.report.eiIndex).toEqual({ overall: null, byGroup: {} });
  });
});
