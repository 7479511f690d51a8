// Builds the web app when web/dist is missing or older than any web source file, so `npm start`
// always serves the current UI without paying for a build on every restart.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newestMtime } from './newest-mtime.mjs';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');
const sources = [join(root, 'web/src'), join(root, 'contracts')];
const stale = !existsSync(built) || Math.max(newestMtime(sources), statSync(join(root, 'web/index.html')).mtimeMs) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the web app…');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
