// Child process of the benchmark: solves one named instance and reports time and peak resident memory (maxRSS of
// this whole process, so it includes Node and the TypeScript loader; the runner also reports an idle child).
import { formGroups } from '../../engine/grouping/index.ts';
import { instances } from './instances.ts';

const name = process.argv[2];
const seed = Number(process.argv[3] ?? 1);
const limit = Number(process.argv[4] ?? 2000);
let out: Record<string, unknown> = { name, idle: true };
if (name !== 'idle') {
  const inst = instances().find((i) => i.name === name);
  if (!inst) throw new Error(`unknown instance ${name}`);
  const t0 = performance.now();
  const result = formGroups(inst.input, { seed, timeLimitMs: limit });
  out = { name, ms: performance.now() - t0, repeats: result.metrics.repeats, hard: result.metrics.hardViolations, method: result.method };
}
out.maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify(out));
