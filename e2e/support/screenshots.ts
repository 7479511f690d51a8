import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser } from './launch-browser.ts';

// Set E2E_SCREENSHOTS=<dir> to keep a picture of every screen a journey visits, at phone and desktop widths.
const shots = process.env.E2E_SCREENSHOTS;
if (shots) mkdirSync(shots, { recursive: true });

/** Returns snap(page, name): full-page screenshots at 390 and 1280 px named `<prefix><name>-<width>.png` (no-op unless E2E_SCREENSHOTS is set). */
export function screenshotter(prefix: string) {
  return async function snap(page: Page, name: string) {
    if (!shots) return;
    const size = page.viewportSize() ?? { width: 1280, height: 900 };
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.waitForTimeout(150);
      // The phone tab bar is fixed: in a full-page picture it would cover the middle of the page.
      const hide = width === 390 ? await page.addStyleTag({ content: '.bottom-nav { display: none !important; }' }) : null;
      await page.screenshot({ path: join(shots, `${prefix}${name}-${width}.png`), fullPage: true });
      await hide?.evaluate((el) => (el as Element).remove());
    }
    await page.setViewportSize(size);
  };
}

/** Runs a journey; when it fails, keeps a picture of every browser's page (with E2E_SCREENSHOTS) before rethrowing. */
export async function withFailureShots(prefix: string, browsers: Record<string, Browser>, journey: () => Promise<void>) {
  try {
    await journey();
  } catch (err) {
    if (shots) for (const [who, b] of Object.entries(browsers)) await b.page.screenshot({ path: join(shots, `${prefix}failure-${who}.png`), fullPage: true }).catch(() => {});
    throw err;
  }
}
