// Worker threads for exact betweenness: a BlockRunner that computes source blocks on worker_threads Workers. The only
// file of engine/network that touches Node: betweenness.ts stays pure and takes the runner as a parameter, so callers
// that want no threads never load this. The worker runs `accumulateSources` itself, passed as source text (it refers
// to nothing but its arguments), so no worker file or TypeScript loader is needed and bundling cannot break it.
import { Worker } from 'node:worker_threads';
import { accumulateSources, BETWEENNESS_BLOCK, exactBetweennessParallel, type BlockRunner } from './betweenness.ts';
import type { Graph } from './graph.ts';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const accumulateSources = ${accumulateSources.toString()};
parentPort.once('message', ({ graph, blocks, block }) => {
  const n = graph.n;
  const ws = { dist: new Int32Array(n).fill(-1), sigma: new Float64Array(n), delta: new Float64Array(n), order: new Int32Array(n) };
  const parts = blocks.map((b) => {
    const out = new Float64Array(n);
    accumulateSources(graph, b * block, Math.min(n, (b + 1) * block), out, ws);
    return out;
  });
  parentPort.postMessage(parts, parts.map((p) => p.buffer));
});`;

/** A BlockRunner that starts one Worker per call (one worker's share of blocks) and lets it end when done. */
export const workerBlockRunner: BlockRunner = (graph, blocks) =>
  new Promise<Float64Array[]>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    let parts: Float64Array[] | null = null;
    worker.once('message', (got: Float64Array[]) => {
      parts = got;
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (parts ? resolve(parts) : reject(new Error(`betweenness worker exited with code ${code} before answering`))));
    // The ids stay behind: workers need only the CSR arrays (copied, so the caller's graph is untouched).
    const { n, directed, offsets, targets } = graph;
    worker.postMessage({ graph: { n, directed, offsets, targets }, blocks, block: BETWEENNESS_BLOCK });
  });

/** Exact normalized betweenness with sources split over `workers` worker threads; bit-identical to exactBetweenness. */
export function exactBetweennessThreads(graph: Graph, workers: number): Promise<Float64Array> {
  return exactBetweennessParallel(graph, workers, workerBlockRunner);
}
