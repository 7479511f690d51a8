// Checks the dependency rules of ARCHITECTURE.md: contracts <- engine <- server/kernel <- server/modules; web uses contracts only;
// a module reaches another module only through its index.ts; the kernel knows no module. Exits 1 listing violations.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(name)) files.push(p);
  }
};
for (const top of ['contracts', 'engine', 'server', 'web/src']) {
  try {
    walk(join(root, top));
  } catch {}
}

const violations: string[] = [];
const importRe = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of files) {
  const rel = relative(root, file);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(importRe)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const target = relative(root, resolve(dirname(file), spec));
    const bad = (why: string) => violations.push(`${rel} imports ${target}: ${why}`);
    if (rel.startsWith('contracts/') && !target.startsWith('contracts/')) bad('contracts may import nothing of ours');
    if (rel.startsWith('engine/') && !target.startsWith('engine/') && !target.startsWith('contracts/')) bad('engine may import contracts only');
    if (rel.startsWith('web/') && !target.startsWith('web/') && !target.startsWith('contracts/')) bad('web may import contracts only');
    if (rel.startsWith('server/src/kernel/') && target.startsWith('server/src/modules/')) bad('the kernel knows no module');
    const fromModule = /^server\/src\/modules\/([^/]+)\//.exec(rel)?.[1];
    const toModule = /^server\/src\/modules\/([^/]+)\/(.+)$/.exec(target);
    if (fromModule && toModule && toModule[1] !== fromModule && toModule[2] !== 'index.ts') bad(`use ${toModule[1]}/index.ts`);
  }
}
if (violations.length) {
  console.error(`Boundary violations (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}`);
  process.exit(1);
}
console.log(`Boundaries OK (${files.length} files checked).`);
