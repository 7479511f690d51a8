/** Debian's Chromium; `npx playwright install` cannot work on this machine kind. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep headless Chromium quiet and stable in containers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
