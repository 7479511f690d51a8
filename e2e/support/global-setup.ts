import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './chromium-path.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Fails loudly before any journey runs if Chromium is missing; builds the web app when stale. */
export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`E2E needs Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (journeys are never skipped).`);
  }
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(`${root}/web/dist/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` first.');
}
