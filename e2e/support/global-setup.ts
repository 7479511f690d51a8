import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium-path.ts';
import { startHearth, TEMPLATE_DATA_DIR } from './start-hearth.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Fails loudly before any journey runs if Chromium is missing; builds the web app and the server bundle when stale; seeds one data directory
 * with the demo organization that every journey's server starts from a copy of; launches the one Chromium that every
 * journey connects to (see launch-browser.ts) and closes it when the run ends.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`E2E needs Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (journeys are never skipped).`);
  }
  execFileSync(process.execPath, ['scripts/ensure-web-build.mjs'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/server-bundle.mjs'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(`${root}/web/dist/index.html`)) throw new Error('web/dist is missing: run `npm run build:web` first.');
  const [browser] = await Promise.all([
    // Chromium's fake camera and microphone, granted without a prompt (the breakout audio/video journey).
    chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'] }),
    seedTemplate(),
  ]);
  project.provide('chromiumWsEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}

/** Starts Hearth once on an empty folder (migrations, demo organization), stops it cleanly, and keeps the folder. */
async function seedTemplate() {
  rmSync(TEMPLATE_DATA_DIR, { recursive: true, force: true });
  const hearth = await startHearth({ fromTemplate: false, keepDataDir: TEMPLATE_DATA_DIR });
  await hearth.stop();
  writeFileSync(`${TEMPLATE_DATA_DIR}/seeded`, new Date().toISOString());
}
