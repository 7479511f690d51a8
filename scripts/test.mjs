// `npm test`: the whole suite, in two lanes that run at the same time.
//   browser lane: web build, then the browser journeys in Chromium;
//   node lane:    typecheck, boundaries, unit + module + process tests on PGlite, the module tests again on PostgreSQL,
//                 the two-node test.
// The journeys spend about a quarter of their time waiting on the browser and the network, so the node lane runs
// beside them at a lower CPU priority (nice 10): the journeys keep the CPU they need, the node lane takes the rest.
// Each step writes its output to .tmp/results/<step>.log; its summary is printed when it ends, the whole log when it
// fails. Prints one closing line "N passed, N failed". In CI (CI=true) a missing PostgreSQL or Chromium fails the run.
// Every step has a time limit (a hang must fail the run, not hold it until CI's own limit): past it, the step's whole
// process group is killed and the step fails, naming the test files that had not finished. A step's process group is
// also killed once the step ends, so no server a test left behind outlives it (or holds its output pipe open).
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import pg from 'pg';

const ci = process.env.CI === 'true';
const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
mkdirSync('.tmp/results', { recursive: true });
const totals = { passed: 0, failed: 0 };
const failedSteps = [];
const runStarted = Date.now();
const slug = (name) => name.replace(/\W+/g, '-');
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/** Minutes a step may take before it is killed: generous (about 3× a busy run), far below CI's own limit. */
const LIMIT_MINUTES = { 'browser journeys in Chromium': 20, 'unit, module and process tests on PGlite': 20, 'module tests on PostgreSQL': 15 };
const limitMs = (name) => (Number(process.env.TEST_STEP_LIMIT_MINUTES) || LIMIT_MINUTES[name] || 10) * 60_000;

/** Kills a step's whole process group (it was spawned detached, so its id is the group's). */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {}
}

/** Runs one step to its log file; prints its summary (or its whole log when it fails); resolves true when it passed. */
function step(name, cmd, args, { env = {}, niced = false, files = [] } = {}) {
  const log = `.tmp/results/${slug(name)}.log`;
  const started = Date.now();
  console.log(`▶ ${name} (at ${seconds(started - runStarted)})`);
  return new Promise((resolve) => {
    const out = createWriteStream(log);
    // `nice` lowers the priority of the whole process tree (vitest's workers and the servers they start).
    const [file, argv] = niced ? ['nice', ['-n', '10', cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, {
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', (err) => out.write(`\n${err.stack}\n`));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      out.write(`\n✖ ${name} ran past its limit of ${limitMs(name) / 60_000} minutes and was killed.\n`);
      killGroup(child.pid);
    }, limitMs(name));
    // 'exit', not 'close': a process the step left behind may hold the pipes open. Its group is killed at once.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      killGroup(child.pid);
      setTimeout(() => {
        child.stdout.unpipe(out);
        child.stderr.unpipe(out);
        out.end(() => {
          const ok = code === 0 && !timedOut;
          const text = readFileSync(log, 'utf8');
          const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
          const summary = plain.split('\n').filter((l) => /^\s*(Test Files|Tests|Duration)\s/.test(l));
          if (!ok) {
            failedSteps.push(name);
            console.log(`\n──── ${name}: output (${log}) ────\n${text.trimEnd()}\n──── end of ${name} ────`);
          }
          if (timedOut && files.length) {
            const unfinished = files.filter((f) => !plain.includes(` ${f} `) && !plain.includes(` ${f}\n`));
            console.log(`  ${name}: test files that had not finished:\n    ${unfinished.join('\n    ') || '(none: it hung after them)'}`);
          }
          const how = timedOut ? 'TIMED OUT' : ok ? 'ok' : `FAILED (exit ${code ?? signal})`;
          console.log(`  ${name}: ${how} in ${seconds(Date.now() - started)}${summary.length ? `\n    ${summary.map((l) => l.trim()).join('\n    ')}` : ''}`);
          resolve(ok);
        });
      }, 200);
    });
  });
}

/** The test files under these folders whose names end so (for naming the unfinished ones when a step hangs). */
function testFiles(folders, suffix, skip = []) {
  const files = folders.flatMap((d) => (existsSync(d) ? readdirSync(d, { recursive: true }).map((f) => `${d}/${f}`) : []));
  return files.filter((f) => f.endsWith(suffix) && !f.includes('node_modules') && !skip.some((s) => f.startsWith(s))).sort();
}

/** Runs vitest as a step and adds its JSON report's counts to the totals. */
async function vitest(name, args, opts = {}) {
  const out = `.tmp/results/${slug(name)}.json`;
  rmSync(out, { force: true });
  await step(name, process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], opts);
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
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

// Both lanes serve web/dist (the module tests check its headers): it is built once, first, so that no second build
// empties the folder while a journey's server reads it.
const webBuilt = step('web build', process.execPath, ['scripts/ensure-web-build.mjs']);

async function browserLane() {
  if (!existsSync('/usr/bin/chromium') && ci) {
    console.error('✖ /usr/bin/chromium is missing: install Debian chromium. In CI the browser journeys must run.');
    failedSteps.push('chromium');
    totals.failed += 1;
    return;
  }
  if (await webBuilt) await vitest('browser journeys in Chromium', ['--config', 'vitest.e2e.config.ts'], { files: testFiles(['e2e'], '.e2e.ts') });
}

async function nodeLane() {
  const niced = true;
  await step('typecheck', process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { niced });
  await step('boundaries', process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/check-boundaries.ts'], { niced });
  await webBuilt;
  const files = testFiles(['contracts', 'engine', 'server', 'scripts', 'web/src'], '.test.ts', ['server/test/multinode']);
  await vitest('unit, module and process tests on PGlite', [], { env: { TEST_DATABASE_URL: '' }, niced, files });
  const pgUrl = await postgresUrl();
  if (pgUrl) {
    await vitest('module tests on PostgreSQL', ['server/src'], { env: { TEST_DATABASE_URL: pgUrl }, niced, files: testFiles(['server/src'], '.test.ts') });
    await vitest('two nodes on PostgreSQL', ['--config', 'vitest.multinode.config.ts'], { env: { TEST_DATABASE_URL: pgUrl }, niced });
  } else if (ci) {
    console.error('✖ PostgreSQL is not reachable (set TEST_DATABASE_URL). In CI the PostgreSQL suites must run.');
    failedSteps.push('postgres');
    totals.failed += 1;
  } else {
    console.warn('⚠ PostgreSQL not reachable: the PostgreSQL and two-node suites did NOT run. Set TEST_DATABASE_URL to run them.');
  }
}

await Promise.all([browserLane(), nodeLane()]);

const failed = totals.failed + failedSteps.filter((s) => ['typecheck', 'boundaries', 'web build'].includes(s)).length;
if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`\nWhole suite in ${seconds(Date.now() - runStarted)}.`);
console.log(`\n${totals.passed} passed, ${failed} failed`);
process.exit(failedSteps.length || failed ? 1 : 0);
