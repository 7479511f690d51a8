// Exact betweenness on worker threads gives bit-for-bit the single-threaded scores, for directed and undirected graphs.
import { describe, expect, it } from 'vitest';
import { exactBetweenness } from './betweenness.ts';
import { graphOf } from './betweenness.test-support.ts';
import { exactBetweennessThreads } from './betweenness.worker.ts';

describe('exact betweenness on worker threads', () => {
  it('equals the single-threaded result exactly, with 1, 2 and 3 workers', async () => {
    const edges: [number, number][] = [];
    for (let i = 0; i < 2500; i++) edges.push([(i * 7919) % 900, (i * 104729 + 13) % 900]);
    for (const directed of [false, true]) {
      const g = graphOf(900, edges, directed);
      const single = exactBetweenness(g);
      for (const workers of [1, 2, 3]) expect(await exactBetweennessThreads(g, workers)).toEqual(single);
    }
  });
});
