import type { BrowserContext } from 'playwright-core';

/** One Content-Security-Policy violation as the page reported it. */
export type CspViolation = { page: string; directive: string; blocked: string; source: string };

/**
 * Collects every CSP violation any page of the context reports (the `securitypolicyviolation` event), from the first
 * script on each page on, across navigations. Returns the live list.
 */
export async function recordCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const seen: CspViolation[] = [];
  await context.exposeBinding('__hearthCspViolation', (_source, v: CspViolation) => void seen.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __hearthCspViolation: (v: CspViolation) => void }).__hearthCspViolation;
      void report({ page: location.pathname, directive: e.violatedDirective, blocked: e.blockedURI, source: `${e.sourceFile}:${e.lineNumber}` });
    });
  });
  return seen;
}
