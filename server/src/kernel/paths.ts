import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository's root folder: the nearest folder above this module that holds package.json. Found rather than
 * written as a relative path so the same code works from its sources and from the server bundle.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
/** The SQL migrations applied at start. */
export const migrationsFolder = join(repoRoot, 'server/db/migrations');
/** The built web app the server serves. */
export const webDist = join(repoRoot, 'web/dist');
