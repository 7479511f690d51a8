// Writes the "Live sessions" section of bench/RESULTS.md from the bench/results/live*.json files present.
// Usage: npx tsx bench/live/report.ts (run.ts calls it after the scenarios)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchRoot, writeResultsSection } from '../lib.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const read = (name: string): Json | null => {
  const file = join(benchRoot, 'results', `${name}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const loadText = (l?: { start: number[]; end: number[] }) => (l ? `${l.start[0]} → ${l.end[0]}` : '?');
const dist = (s?: Json | null) => (s && s.n ? `p50 ${s.p50} · p95 ${s.p95} · **p99 ${s.p99}** · max ${s.max} ms (n = ${s.n})` : '–');
const met = (ok: boolean) => (ok ? 'met' : '**not met**');

const idle = read('live-idle');
const idleOrgs = read('live-idle-50-orgs');
const segment = read('live-segment');
const chat = read('live-chat');
const chat2 = read('live-chat-2-nodes');

const targets: string[] = [];
const details: string[] = [];

// Interrupted runs (connect progress only) are reported as a sentence, not in the table.
const idleProgress: Json[] = [...(idle?.runs ?? []), ...(idleOrgs?.runs ?? [])].filter((r) => r.interrupted);
const idleRuns: Json[] = [...(idle?.runs ?? []), ...(idleOrgs?.runs ?? [])].filter((r) => !r.interrupted);
for (const r of idleProgress) {
  const last = r.progress[r.progress.length - 1];
  targets.push(`| 5,000 idle authenticated sockets on one node ≤ 1 GB (${r.database}, ${r.organizations} org) | ${last.sockets} connected in ${last.seconds} s, then stopped; server RSS ${last.serverRssMB} MB | **not reached** | ${r.load.start[0]} → ${r.load.end[0]} |`);
}
for (const r of idleRuns) {
  const growth = r.rssAfterMB - r.rssBeforeMB;
  if (r.sockets >= 5000) {
    targets.push(
      `| 5,000 idle authenticated sockets on one node ≤ 1 GB (${r.database}, ${r.organizations} org${r.organizations > 1 ? 's' : ''}) | ${r.rssAfterMB} MB RSS (${r.rssBeforeMB} MB before, +${growth.toFixed(1)} MB, ${Math.round(r.bytesPerSocket / 1024)} KB per socket), ${r.open === r.sockets ? `all ${r.open} open` : `only ${r.open} of ${r.sockets} connected within the ${r.budgetSeconds} s budget`} | ${r.open === r.sockets ? met(r.rssAfterMB <= 1024) : '**not reached**'} | ${loadText(r.load)} |`,
    );
  }
}
if (idleRuns.length) {
  details.push(`### Idle sockets

One socket per person, each person signed in with a session of their own (bulk-made session rows, authenticated by the server's normal session hook; no shared cookies). Clients open with at most ${idleRuns[0].concurrency} handshakes in flight; "connected" = the server's \`hello\` arrived. RSS is the server process's VmRSS from /proc (for PGlite it includes the embedded database).

| database | orgs | sockets | connect all | server CPU | RSS before → after (peak) | per socket | messages to clients while connecting | last \`hello\` | load (1 min) |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${idleRuns
  .map(
    (r) =>
      `| ${r.database} | ${r.organizations ?? 1} | ${r.open}/${r.sockets} | ${r.connectSeconds} s (${r.connectPerSecond}/s) | ${r.serverCpuSecondsConnect} s | ${r.rssBeforeMB} → ${r.rssAfterMB} MB (${r.peakRssMB}) | ${Math.round(r.bytesPerSocket / 1024)} KB | ${r.messagesToClients.toLocaleString('en')} (${(r.bytesToClients / 1024 / 1024).toFixed(0)} MB) | ${(r.lastHelloBytes / 1024).toFixed(0)} KB | ${loadText(r.load)} |`,
  )
  .join('\n')}

${idleProgress
  .map(
    (r) =>
      `${r.database}, ${r.organizations} organization of ${r.sockets}: ${r.note}. Progress: ${r.progress
        .filter((p: Json, i: number) => p.sockets % 500 === 0 || i === r.progress.length - 1)
        .map((p: Json) => `${p.sockets} in ${p.seconds} s (RSS ${p.serverRssMB} MB, load ${p.load1m})`)
        .join('; ')}.`,
  )
  .join('\n\n')}

Every connection announces itself to its whole organization (\`presence\` on \`org:<id>\`) and receives the full online list in \`hello\`, so connecting N people of one organization sends about N²/2 messages and N²/2 ids: the connect rate falls as an organization grows (see the messages column). Spreading the same 5,000 people over 50 organizations shows the per-socket cost without that fan-out.`);
}

if (segment) {
  const quiet = segment.passes.find((p: Json) => p.mode === 'quiet');
  const refetch = segment.passes.find((p: Json) => p.mode === 'refetch');
  for (const p of [quiet, refetch].filter(Boolean)) {
    targets.push(`| 500 participants, segment change reaches all sockets, p99 ≤ 200 ms (${segment.database}, ${p.mode}) | p99 ${p.all.p99} ms, p50 ${p.all.p50} ms | ${met(p.all.p99 <= 200 && p.missing === 0)} | ${loadText(segment.load)} |`);
  }
  details.push(`### Segment change to ${segment.participants} participants (${segment.database}, one node)

${segment.participants} people joined one session (POST /join), each with an authenticated socket subscribed to \`live:<id>\`; the facilitator signed in through the real sign-in route, started the session and advanced through a ${segment.passes[0].changes}-segment agenda (three rounds of the graduated sequence), one change every ${(segment.gapMs / 1000).toFixed(1)} s. Latency = the advance request's send time → each socket's \`changed\` (what: segment). "quiet": sockets only listen; "refetch": each socket refetches GET /state on the change, as the web client does. Group-forming changes (icebreaker, groups, pairs) run the grouping engine for everyone present inside the advance. Server RSS with ${segment.participants} sockets: ${segment.serverRssMB.connected} MB.

| pass | all sockets | group-forming changes | other changes | slowest socket per change | advance request | all refetched /state | server CPU per change | missing |
|---|---|---|---|---|---|---|---:|---:|
${segment.passes
  .map((p: Json) => `| ${p.mode} | ${dist(p.all)} | ${dist(p.groupForming)} | ${dist(p.other)} | ${dist(p.lastSocketPerChange)} | ${dist(p.advanceRequest)} | ${p.refetchAll ? `${dist(p.refetchAll)}${Object.keys(p.refetchFailures ?? {}).length ? `; failed: ${Object.entries(p.refetchFailures).map(([st, n]) => `${n} × HTTP ${st}`).join(', ')} of ${p.changes * segment.participants}` : ''}` : '–'} | ${p.serverCpuMsPerChange ?? '?'} ms | ${p.missing} |`)
  .join('\n')}

Load average (1 min) ${loadText(segment.load)}.`);
}

for (const c of [chat, chat2].filter(Boolean) as Json[]) {
  const limit = c.nodes === 1 ? 50 : 250;
  targets.push(`| chat to a 4-person group, p99 ≤ ${limit} ms (${c.nodes} node${c.nodes > 1 ? 's' : ''}, PostgreSQL), unloaded | p99 ${c.single.receipts.p99} ms, p50 ${c.single.receipts.p50} ms | ${met(c.single.receipts.p99 <= limit && c.single.missing === 0)} | ${loadText(c.load)} |`);
  const offered = Math.round(c.participants / c.loaded.meanIntervalSeconds);
  targets.push(`| the same with ${c.groups} groups chatting (${offered} messages/s offered, ${c.loaded.ratePerSecond}/s served) | p99 ${c.loaded.receipts.p99} ms, p50 ${c.loaded.receipts.p50} ms | ${met(c.loaded.receipts.p99 <= limit && c.loaded.missing === 0)} | ${loadText(c.load)} |`);
  details.push(`### Group chat, ${c.nodes} node${c.nodes > 1 ? 's' : ''} on PostgreSQL

${c.groups} groups of ${c.groupSizes.min === c.groupSizes.max ? c.groupSizes.min : `${c.groupSizes.min}–${c.groupSizes.max}`} formed by a \`groups\` segment among ${c.participants} participants; each member follows \`live-group:<id>\` (${c.split}). A member posts over HTTP; latency = the post's send time → each of the other 3 members' \`changed\` (what: chat). "unloaded": one message at a time, 100 ms apart; "loaded": every member posts at random (mean interval ${c.loaded.meanIntervalSeconds} s, so about ${Math.round(c.participants / c.loaded.meanIntervalSeconds)} messages/s offered) for ${c.loaded.durationSeconds} s; a member's next post waits for the previous answer, so when the server falls behind fewer messages are served and the latency is mostly queueing.

| scenario | messages | receipts (other members) | same node | other node | POST response | missing |
|---|---:|---|---|---|---|---:|
| unloaded | ${c.single.messages} | ${dist(c.single.receipts)} | ${c.nodes > 1 ? dist(c.single.sameNode) : '–'} | ${dist(c.single.otherNode)} | ${dist(c.single.postResponse)} | ${c.single.missing} |
| loaded, ${c.loaded.ratePerSecond}/s | ${c.loaded.messages} | ${dist(c.loaded.receipts)} | ${c.nodes > 1 ? dist(c.loaded.sameNode) : '–'} | ${dist(c.loaded.otherNode)} | ${dist(c.loaded.postResponse)} | ${c.loaded.missing} |

Server CPU during the loaded run: ${c.loaded.serverCpuSeconds.join(' s, ')} s (${c.loaded.serverCpuSeconds.map((x: number) => ((x * 1000) / c.loaded.messages).toFixed(1)).join(' + ')} ms per message); failed posts: ${c.loaded.errors}. Load average (1 min) ${loadText(c.load)}.`);
}

const anyRun = idle ?? idleOrgs ?? segment ?? chat ?? chat2;
writeResultsSection(
  'live',
  `## Live sessions (bench/live)

\`npm run bench:live\`. Every server is a separate \`hearth start\` process; the WebSocket clients (the \`ws\` library, real session cookies, Origin header) and the HTTP calls run in the bench process, so server and clients share the machine's ${anyRun?.machine?.cpus ?? '?'} cores with each other — and, in this run, with other work: the load column is the machine's 1-minute load average at the start and end of each run. With a load far above the core count every figure is pessimistic (a process waits for a core most of the time).

| target | figure | result | load (1 min) |
|---|---|---|---:|
${targets.join('\n')}

${details.join('\n\n')}

### Reading the figures

- Server CPU per operation (segment change, chat message) does not depend much on the machine's load; wall-clock latencies do. A latency target missed at a load average of 20–50 on 2 cores says little about a quiet node; the CPU figures say how much headroom a quiet node has.
- A socket's \`hello\` lists everyone online in its organization and every connect is announced to the whole organization: both grow with the organization's size, so connecting everyone of one large organization costs O(N²) messages.
- "refetch" shows the cost of the web client's reaction to a change (every participant refetches GET /state at once): the server's CPU per change grows with the number of participants.

_Run: ${anyRun?.machine?.date ?? '?'}, Node ${anyRun?.machine?.node ?? '?'}._`,
);
console.log('bench/RESULTS.md: live section written');
