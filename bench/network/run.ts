// Network bench (issue targets for engine/network): engine/network against graphology (graphology-metrics,
// graphology-communities-louvain) on seeded synthetic organizations of 10k people / 100k ties and 100k / 1M, in one
// run. Each library runs in its own child process per size (so each peak RSS is its own), one after the other.
// Run: npm run bench:network   Writes bench/results/network.json and the network section of bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildGraph, modularity } from '../../engine/network/index.ts';
import { machine, writeResult, writeResultsSection } from '../lib.ts';
import { organization } from './org.ts';
import { markdown } from './report.ts';
import { partitionFile, SIZES, type SizeName, type StepLine } from './step.ts';

export interface ChildRun {
  lib: 'hearth' | 'graphology';
  size: SizeName;
  args: string[];
  deadlineS: number;
  wallMs: number;
  /** Killed at the deadline: the step after the last line did not finish. */
  cut: boolean;
  exitCode: number | null;
  steps: StepLine[];
  load1Start: number;
}

export interface SizeResult {
  size: SizeName;
  people: number;
  ties: number;
  hearth: ChildRun;
  graphology: ChildRun;
  /** Both partitions scored by engine/network's `modularity` on the same graph. */
  modularity: { hearthPartition: number | null; graphologyPartition: number | null };
}

const here = new URL('.', import.meta.url).pathname;
const started = performance.now();
const loadStart = loadavg().map((x) => Math.round(x * 10) / 10);

function runChild(lib: ChildRun['lib'], size: SizeName, mode: string, deadlineS: number): Promise<ChildRun> {
  const script = `${here}${lib}-child.ts`;
  const args = ['--expose-gc', '--import', 'tsx', script, size, mode];
  const load1Start = Math.round(loadavg()[0] * 10) / 10;
  console.log(`\n[${lib} ${size} ${mode}] deadline ${deadlineS} s, load ${load1Start}`);
  rmSync(partitionFile(lib, size), { force: true });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const steps: StepLine[] = [];
    let buffered = '';
    let cut = false;
    const timer = setTimeout(() => {
      cut = true;
      child.kill('SIGKILL');
    }, deadlineS * 1000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl = buffered.indexOf('\n');
      while (nl >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf('\n');
        if (!line.trim()) continue;
        const parsed = JSON.parse(line) as StepLine;
        steps.push(parsed);
        const { top: _top, ...shown } = parsed;
        console.log(JSON.stringify(shown));
      }
    });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ lib, size, args: [size, mode], deadlineS, wallMs: Math.round(performance.now() - t0), cut, exitCode, steps, load1Start });
    });
  });
}

function readPartition(lib: string, size: SizeName): number[] | null {
  const file = partitionFile(lib, size);
  if (!existsSync(file)) return null;
  const membership = JSON.parse(readFileSync(file, 'utf8')) as number[];
  rmSync(file, { force: true });
  return membership;
}

const plan: { size: SizeName; hearth: [string, number]; graphology: [string, number] }[] = [
  // graphology's exact betweenness at 10k is about 65 s on an idle core; the deadline leaves room for a loaded machine.
  { size: '10k', hearth: ['full', 420], graphology: ['betweenness', 240] },
  // No graphology betweenness at 100k / 1M: exact Brandes is O(n·m), ~1000× the 10k run (about 18 hours), and
  // graphology-metrics has no sampled betweenness.
  { size: '100k', hearth: ['report', 240], graphology: ['no-betweenness', 240] },
];

const results: SizeResult[] = [];
for (const p of plan) {
  const hearth = await runChild('hearth', p.size, p.hearth[0], p.hearth[1]);
  const hearthPartition = readPartition('hearth', p.size);
  const graphology = await runChild('graphology', p.size, p.graphology[0], p.graphology[1]);
  const graphologyPartition = readPartition('graphology', p.size);
  // Score both partitions with one modularity function on one graph (built from the same seeded organization).
  const { people, ties } = SIZES[p.size];
  const org = organization(people, ties, 1);
  const graph = buildGraph(org.ties, { nodes: org.ids });
  results.push({
    size: p.size,
    people,
    ties,
    hearth,
    graphology,
    modularity: {
      hearthPartition: hearthPartition ? modularity(graph, hearthPartition) : null,
      graphologyPartition: graphologyPartition ? modularity(graph, graphologyPartition) : null,
    },
  });
  console.log(`[${p.size}] modularity (engine/network's function): hearth ${results.at(-1)?.modularity.hearthPartition}, graphology ${results.at(-1)?.modularity.graphologyPartition}`);
}

const loadEnd = loadavg().map((x) => Math.round(x * 10) / 10);
const info = { ...machine(), cpu: cpus()[0]?.model ?? '?', loadStart, loadEnd, totalS: Math.round((performance.now() - started) / 1000) };
writeResult('network', { machine: info, results });
writeResultsSection('network', markdown(info, results));
console.log(`\nnetwork bench done in ${info.totalS} s; load ${loadStart.join(' / ')} → ${loadEnd.join(' / ')}`);
