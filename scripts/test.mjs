// `npm test`: the whole suite. Static checks, then unit + module + process tests on PGlite, the module
// tests again on PostgreSQL, the two-node test, and the browser journeys in Chromium. Prints one
// closing line "N passed, N failed". In CI (CI=true) a missing PostgreSQL or Chromium fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true';
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
mkdirSync('.tmp/results', { recursive: true });
const totals = { passed: 0, failed: 0 };
const failedSteps = [];

function step(name, cmd, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (r.status !== 0) failedSteps.push(name);
  return r.status === 0;
}

function vitest(name, args, env = {}) {
  const out = `.tmp/results/${name.replace(/\W+/g, '-')}.json`;
  rmSync(out, { force: true });
  step(name, process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numTotalTests === 0 ? 1 : 0);
  } else totals.failed += 1;
}

async function postgresUrl() {
  const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return url;
  } catch (err) {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

step('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.']);
step('boundaries', process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/check-boundaries.ts']);

vitest('unit, module and process tests on PGlite', [], { TEST_DATABASE_URL: '' });

const pgUrl = await postgresUrl();
if (pgUrl) {
  vitest('module tests on PostgreSQL', ['server/src'], { TEST_DATABASE_URL: pgUrl });
  vitest('two nodes on PostgreSQL', ['--config', 'vitest.multinode.config.ts'], { TEST_DATABASE_URL: pgUrl });
} else if (ci) {
  console.error('\n✖ PostgreSQL is not reachable (set TEST_DATABASE_URL). In CI the PostgreSQL suites must run.');
  failedSteps.push('postgres');
  totals.failed += 1;
} else {
  console.warn('\n⚠ PostgreSQL not reachable: the PostgreSQL and two-node suites did NOT run. Set TEST_DATABASE_URL to run them.');
}

if (existsSync('/usr/bin/chromium') || !ci) {
  step('web build', process.execPath, ['scripts/ensure-web-build.mjs']);
  vitest('browser journeys in Chromium', ['--config', 'vitest.e2e.config.ts']);
} else {
  console.error('\n✖ /usr/bin/chromium is missing: install Debian chromium. In CI the browser journeys must run.');
  failedSteps.push('chromium');
  totals.failed += 1;
}

const failed = totals.failed + failedSteps.filter((s) => ['typecheck', 'boundaries', 'web build'].includes(s)).length;
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\n${totals.passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
