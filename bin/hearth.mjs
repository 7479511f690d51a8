#!/usr/bin/env node
// Entry of the `hearth` command: registers tsx so TypeScript sources run without a build step,
// then dispatches to the subcommand's module.
import { register } from 'tsx/esm/api';

register();
const [command, ...args] = process.argv.slice(2);
const commands = {
  start: '../server/src/main.ts',
  'seed:demo': '../scripts/seed-demo.ts',
  groups: '../engine/grouping/cli.ts',
  match: '../engine/matching/cli.ts',
};
if (!command || !(command in commands)) {
  console.error(`usage: hearth <${Object.keys(commands).join('|')}> [options]`);
  process.exit(command ? 2 : 0);
}
const mod = await import(new URL(commands[command], import.meta.url).href);
if (typeof mod.run === 'function') {
  const code = await mod.run(args);
  if (typeof code === 'number') process.exitCode = code;
}
