// Lays out the organization network off the main thread: ForceAtlas2 (graphology) in rounds, posting every person's
// position after each round so the picture settles while the page stays responsive.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

/** What the page sends: positions to start from (x, y per person) and the ties as index pairs with weights. */
export interface LayoutRequest {
  positions: Float32Array;
  edges: Float32Array;
  /** Stop after this long (ms), settled or not. */
  budgetMs: number;
}

/** What the worker posts: positions (x, y per person) and how far it got (0–1); `done` on the last one. */
export interface LayoutProgress {
  positions: Float32Array;
  progress: number;
  done: boolean;
}

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { positions, edges, budgetMs } = e.data;
  const n = positions.length / 2;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(i, { x: positions[2 * i], y: positions[2 * i + 1] });
  for (let k = 0; k < edges.length; k += 3) graph.mergeEdge(edges[k], edges[k + 1], { weight: edges[k + 2] });
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: n > 400, adjustSizes: false };
  // More rounds for small networks (they are cheap and settle slowly), fewer for large ones (Barnes–Hut).
  const rounds = 30;
  const perRound = Math.max(3, Math.round(Math.min(600, 300_000 / Math.max(1, n + edges.length / 3)) / 10));
  const started = performance.now();
  for (let r = 1; r <= rounds; r++) {
    forceAtlas2.assign(graph, { iterations: perRound, settings, getEdgeWeight: 'weight' });
    const out = new Float32Array(2 * n);
    graph.forEachNode((node, a) => {
      out[2 * Number(node)] = a.x;
      out[2 * Number(node) + 1] = a.y;
    });
    const done = r === rounds || performance.now() - started > budgetMs;
    (self as unknown as Worker).postMessage({ positions: out, progress: r / rounds, done } satisfies LayoutProgress, [out.buffer]);
    if (done) return;
  }
};
