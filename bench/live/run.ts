// bench/live: runs every live-sessions scenario in its own process, one after another, then writes the "Live sessions"
// section of bench/RESULTS.md. Each scenario starts its own server process(es) and database and removes them after.
//   idle.ts     5,000 idle authenticated sockets: server memory and connect time (PostgreSQL and PGlite; one org, and 50 orgs)
//   segment.ts  500 participants of one session: segment change → every socket (PostgreSQL)
//   chat.ts     chat in 4-person groups, one node and two nodes on one PostgreSQL database
// Usage: npx tsx bench/live/run.ts [--only idle,segment,chat,chat2]
import { spawnSync } from 'node:child_process';

const i = process.argv.indexOf('--only');
const only = i > 0 ? process.argv[i + 1].split(',') : ['idle', 'idle-orgs', 'segment', 'chat', 'chat2'];
const scenarios: Record<string, string[]> = {
  idle: ['bench/live/idle.ts', '--db', 'both', '--sockets', '5000'],
  'idle-orgs': ['bench/live/idle.ts', '--db', 'postgres', '--sockets', '5000', '--orgs', '50'],
  segment: ['bench/live/segment.ts', '--participants', '500'],
  chat: ['bench/live/chat.ts', '--nodes', '1'],
  chat2: ['bench/live/chat.ts', '--nodes', '2'],
};
let failed = 0;
for (const name of only) {
  console.log(`\n== bench/live ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...scenarios[name]], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
spawnSync(process.execPath, ['--import', 'tsx', 'bench/live/report.ts'], { stdio: 'inherit' });
process.exit(failed ? 1 : 0);
