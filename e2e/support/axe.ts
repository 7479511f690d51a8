import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// axe-core checks each screen against WCAG 2.1 A and AA (labels, names, contrast, landmarks, ARIA use…). It is
// added to every page these contexts open, so they bypass the app's Content-Security-Policy (the app never needs to).
/** axe-core's script, to add to every page of a context (`context.addInitScript({ content: AXE })`, with bypassCSP). */
export const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One axe violation on one screen and width. */
export type Finding = { page: string; width: number; rule: string; impact: string | null; targets: string[] };

/** Opens `path`, waits until it has settled, and returns axe's violations on it. */
export async function scan(page: Page, base: string, path: string): Promise<Finding[]> {
  await page.goto(`${base}${path}`);
  // A screen is scanned once it is drawn: its heading is there and no spinner, skeleton or busy region is left.
  await page
    .waitForFunction(() => document.querySelector('h1') && !document.querySelector('.page-loading, .skeleton, [aria-busy="true"]'), undefined, { timeout: 15_000 })
    .catch((err: Error) => {
      throw new Error(`${path} did not finish drawing: ${err.message}`);
    });
  // Every listed screen exists (a not-found page would pass and prove nothing).
  expect(await page.locator('h1').first().innerText(), path).not.toMatch(/not found|isn.t available|couldn.t load/i);
  const violations = await violationsNow(page);
  const width = page.viewportSize()?.width ?? 0;
  return violations.map((v) => ({ page: path, width, ...v }));
}


/**
 * axe's WCAG 2.1 A and AA violations on the page as it is now, within `selector` when given (a dialog, say). axe is
 * added to the page first when the context did not add it (evaluate runs outside the page's CSP).
 */
export async function violationsNow(page: Page, selector?: string): Promise<{ rule: string; impact: string | null; targets: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(
    async ({ tags, selector }) => {
      const w = window as unknown as { axe: { run: (ctx: Element | Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } };
      const context = selector ? (document.querySelector(selector) as Element) : document;
      const { violations } = await w.axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return violations.map((v) => ({ rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    },
    { tags: TAGS, selector },
  );
}
