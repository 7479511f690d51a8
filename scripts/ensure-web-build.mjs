// Builds the web app when web/dist is missing or older than any web source file, so `npm start`
// always serves the current UI without paying for a build on every restart.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const sources = [join(root, 'web/src'), join(root, 'contracts')].filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newest), statSync(join(root, 'web/index.html')).mtimeMs) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
