// The newest modification time (ms) of any file under the given folders (those that exist): a build is stale when
// one of its sources is newer than its output.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function newestMtime(dirs) {
  return Math.max(0, ...dirs.filter(existsSync).map(newest));
}
