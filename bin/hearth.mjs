#!/usr/bin/env node
// Entry of the `hearth` command. `start` runs the server bundle (scripts/server-bundle.mjs builds it from the
// TypeScript sources when they changed); the other commands register tsx so their TypeScript runs without a build.
import { pathToFileURL } from 'node:url';

const [command, ...args] = process.argv.slice(2);
const commands = {
  start: '../server/src/main.ts',
  'seed:demo': '../scripts/seed-demo.ts',
  groups: '../engine/grouping/cli.ts',
  match: '../engine/matching/cli.ts',
  network: '../engine/network/cli.ts',
};
if (!command || !(command in commands)) {
  console.error(`usage: hearth <${Object.keys(commands).join('|')}> [options]`);
  process.exit(command ? 2 : 0);
}
let url;
if (command === 'start') {
  const { ensureServerBundle } = await import('../scripts/server-bundle.mjs');
  // Stack traces name the TypeScript sources.
  process.setSourceMapsEnabled(true);
  url = pathToFileURL(await ensureServerBundle()).href;
} else {
  const { register } = await import('tsx/esm/api');
  register();
  url = new URL(commands[command], import.meta.url).href;
}
const mod = await import(url);
if (typeof mod.run === 'function') {
  const code = await mod.run(args);
  if (typeof code === 'number') process.exitCode = code;
}
