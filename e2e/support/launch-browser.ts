import { type Browser as PwBrowser, type BrowserContext, chromium, type Download, type Page } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's one Chromium, launched by the global setup (e2e/support/global-setup.ts). */
    chromiumWsEndpoint: string;
  }
}

let shared: Promise<PwBrowser> | undefined;

/**
 * The run's Chromium. The global setup launches one browser for every journey; each file connects to it once. A person
 * in a journey is a browser context of their own (own cookies, storage and cache), as isolated as a separate browser,
 * without paying about 2.5 s of CPU for a Chromium start each time.
 */
export function sharedBrowser(): Promise<PwBrowser> {
  shared ??= chromium.connect(inject('chromiumWsEndpoint'));
  return shared;
}

/** Ends this file's connection to the run's Chromium (the browser itself stays up for the next file). */
export async function disconnectSharedBrowser() {
  const connected = shared;
  shared = undefined;
  if (connected) await (await connected).close();
}

/** One isolated person at a browser (own context: cookies, storage) with their first page. */
export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

/** Opens a new browser context in the run's Chromium, with a page of the given size. */
export async function launchBrowser(opts: { width?: number; height?: number; bypassCSP?: boolean } = {}): Promise<Browser> {
  const browser = await sharedBrowser();
  const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, bypassCSP: opts.bypassCSP });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  let closed = false;
  return {
    context,
    page,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
    },
  };
}

/** The text of a finished download (the browser is remote, so its file is streamed back rather than read from disk). */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
