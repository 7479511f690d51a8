import { afterAll } from 'vitest';
import { disconnectSharedBrowser } from './launch-browser.ts';

// Runs for every journey file (the files share one worker process): after the file's own hooks, its connection to the
// run's Chromium is closed.
afterAll(disconnectSharedBrowser);
