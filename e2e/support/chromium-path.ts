/** Debian's Chromium; `npx playwright install` cannot work on this machine kind. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Chromium features off in the journeys. Chromium keeps only the last `--disable-features`, so this repeats the list
 * Playwright passes by default (playwright-core's chromiumSwitches) and adds two of its own: the WebUI omnibox popups.
 * Each new window (every browser context here) loads two `chrome://omnibox-popup` pages that headless never shows, at
 * about 1.3 s of CPU each window: 74 s of a 370 s run on 2 cores.
 */
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
];

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
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
];
