// bench/live segment change: P participants (default 500) joined to one live session on one `hearth start` process,
// each with an authenticated WebSocket subscribed to `live:<sessionId>`; the facilitator advances through the agenda
// and every socket's `changed` (what: segment) is timed from the moment the advance request was sent.
// Target: 500 participants on one node, p99 ≤ 200 ms. Two passes: "quiet" (sockets only listen) and "refetch"
// (each socket refetches GET /state on the change after the web client's random wait, refetchDelayMs, so the server
// serves 500 state reads per change; refetchAll is the time until the last of them is answered).
// Usage: npx tsx bench/live/segment.ts [--db postgres|pglite] [--participants 500] [--gap 1500]
import { refetchDelayMs } from '../../web/src/features/live-sessions/api/refetch-spread.ts';
import { writeResult, machine } from '../lib.ts';
import { httpSignIn } from '../../server/test/spawn-server.ts';
import { api, revision, BENCH_PASSWORD, type BenchPerson, type Client, connectAll, createBenchDatabase, type DbKind, load, mb, pool, PORTS, procCpuSeconds, procMemory, seedOrg, sleep, startNode, summary } from './lib.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const participants = Number(arg('participants', '500'));
const kind = arg('db', 'postgres') as DbKind;
const gapMs = Number(arg('gap', '1500'));
const passes = arg('passes', 'quiet,refetch').split(',');

// Three rounds of the graduated sequence (24 segments) and a closing plenary: 24 advances after the start.
const CYCLE = [
  { kind: 'plenary', title: 'Welcome', prompt: '', durationMinutes: 5, config: {} },
  { kind: 'icebreaker', title: 'Icebreaker', prompt: 'Share a small win of this week.', durationMinutes: 5, config: { groupSize: 3 } },
  { kind: 'poll', title: 'Poll', prompt: '', durationMinutes: 2, config: { question: 'How confident are you?', type: 'single', options: ['Very', 'Somewhat', 'Not yet'] } },
  { kind: 'chat', title: 'Chat', prompt: 'What do you hope to take away?', durationMinutes: 5, config: {} },
  { kind: 'groups', title: 'Discussion', prompt: 'Discuss the case.', durationMinutes: 15, config: { groupSize: 4 } },
  { kind: 'pairs', title: 'Learning partners', prompt: 'Agree on one next step.', durationMinutes: 10, config: {} },
  { kind: 'reflection', title: 'Reflection', prompt: 'Write down one insight.', durationMinutes: 5, config: {} },
  { kind: 'debrief', title: 'Debrief', prompt: '', durationMinutes: 5, config: {} },
];
const AGENDA = [...CYCLE, ...CYCLE, ...CYCLE, { kind: 'plenary', title: 'Close', prompt: '', durationMinutes: 5, config: {} }];
const GROUP_KINDS = new Set(['icebreaker', 'groups', 'pairs']);

interface State {
  session: { id: string; currentSegmentId: string | null; segments: { id: string; kind: string }[] };
}

async function runPass(base: string, serverPid: number, facilitator: BenchPerson, people: BenchPerson[], clients: Client[], refetch: boolean, pass: number) {
  const created = await api<{ id: string }>(base, facilitator, 'POST', '/api/live-sessions', {
    title: `Bench session ${pass}`,
    startsAt: new Date().toISOString(),
    template: 'blank',
  });
  const id = created.id;
  await api(base, facilitator, 'PUT', `/api/live-sessions/${id}/segments`, { segments: AGENDA });
  const joinStart = performance.now();
  await pool(people, 20, (p) => api(base, p, 'POST', `/api/live-sessions/${id}/join`));
  const joinSeconds = (performance.now() - joinStart) / 1000;
  const channel = `live:${id}`;
  const subscribed = await pool(clients, 50, (c) => c.subscribe(channel));
  if (subscribed.some((ok) => !ok)) throw new Error(`${subscribed.filter((ok) => !ok).length} sockets were refused ${channel}`);

  // Per change: the send time, and each socket's first `changed` (what: segment) after it.
  let sentAt = 0;
  let receipts = new Map<Client, number>();
  let refetches: Promise<unknown>[] = [];
  // Refetches that failed, by HTTP status (0 = network error): the web client would retry them.
  const refetchFailures = new Map<number, number>();
  let onAll: (() => void) | null = null;
  const stops = clients.map((c) =>
    c.listen((m, at) => {
      if (m.type !== 'changed' || m.channel !== channel || m.what !== 'segment' || sentAt === 0 || receipts.has(c)) return;
      receipts.set(c, at - sentAt);
      if (refetch) {
        refetches.push(
          // Like the web client: each screen waits refetchDelayMs (spread over up to a second in a big session).
          sleep(refetchDelayMs(clients.length)).then(() => fetch(`${base}/api/live-sessions/${id}/state`, { headers: { cookie: c.person.cookie } })).then(
            async (res) => {
              await res.arrayBuffer();
              if (res.status !== 200) refetchFailures.set(res.status, (refetchFailures.get(res.status) ?? 0) + 1);
            },
            () => refetchFailures.set(0, (refetchFailures.get(0) ?? 0) + 1),
          ),
        );
      }
      if (receipts.size === clients.length) onAll?.();
    }),
  );
  const samples: { segmentKind: string; latencies: number[]; missing: number; requestMs: number; refetchAllMs: number | null }[] = [];
  let state = null as State | null;
  const cpuBefore = procCpuSeconds(serverPid);
  for (let step = 0; step < AGENDA.length; step++) {
    receipts = new Map();
    refetches = [];
    const all = new Promise<void>((resolve) => {
      onAll = resolve;
      setTimeout(resolve, 10_000);
    });
    sentAt = performance.now();
    state =
      step === 0
        ? await api<State>(base, facilitator, 'POST', `/api/live-sessions/${id}/start`)
        : await api<State>(base, facilitator, 'POST', `/api/live-sessions/${id}/advance`, { fromSegmentId: state?.session.currentSegmentId ?? null });
    const requestMs = performance.now() - sentAt;
    await all;
    let refetchAllMs: number | null = null;
    if (refetch) {
      await Promise.all(refetches);
      refetchAllMs = performance.now() - sentAt;
    }
    const current = state.session.segments.find((g) => g.id === state?.session.currentSegmentId);
    samples.push({ segmentKind: current?.kind ?? '?', latencies: [...receipts.values()], missing: clients.length - receipts.size, requestMs, refetchAllMs });
    sentAt = 0;
    await sleep(gapMs);
  }
  // Server CPU per change (including the refetches in that pass): a figure that does not depend on the machine's load.
  const serverCpuMsPerChange = Math.round(((procCpuSeconds(serverPid) - cpuBefore) * 1000) / samples.length);
  for (const stop of stops) stop();
  await api(base, facilitator, 'POST', `/api/live-sessions/${id}/end`);
  for (const c of clients) c.ws.send(JSON.stringify({ type: 'unsubscribe', channel }));

  const all = samples.flatMap((s) => s.latencies);
  const grouping = samples.filter((s) => GROUP_KINDS.has(s.segmentKind)).flatMap((s) => s.latencies);
  const other = samples.filter((s) => !GROUP_KINDS.has(s.segmentKind)).flatMap((s) => s.latencies);
  const result = {
    mode: refetch ? 'refetch' : 'quiet',
    changes: samples.length,
    joinSeconds: Number(joinSeconds.toFixed(1)),
    all: summary(all),
    groupForming: summary(grouping),
    other: summary(other),
    lastSocketPerChange: summary(samples.map((s) => Math.max(...s.latencies))),
    advanceRequest: summary(samples.map((s) => s.requestMs)),
    refetchAll: refetch ? summary(samples.map((s) => s.refetchAllMs as number)) : null,
    refetchFailures: refetch ? Object.fromEntries(refetchFailures) : null,
    missing: samples.reduce((n, s) => n + s.missing, 0),
    serverCpuMsPerChange,
    perChange: samples.map((s) => ({ kind: s.segmentKind, p50: summary(s.latencies).p50, max: summary(s.latencies).max, requestMs: Number(s.requestMs.toFixed(1)), missing: s.missing })),
  };
  console.log(JSON.stringify({ ...result, perChange: undefined }, null, 1));
  return result;
}

const loadStart = load();
const db = await createBenchDatabase(kind);
const { people } = await seedOrg(db.database, participants + 1, { roles: (i) => (i === 0 ? ['facilitator'] : []) });
await db.release();
const node = await startNode(db, PORTS.segment);
let clients: Client[] = [];
try {
  // The facilitator signs in through the real sign-in route; participants use bulk-made sessions.
  const signedIn = await httpSignIn(node.url, people[0].email, BENCH_PASSWORD);
  const facilitator: BenchPerson = { ...people[0], cookie: signedIn.cookie, csrf: signedIn.csrf };
  const members = people.slice(1);
  clients = await connectAll(node.url, members, 50);
  await sleep(3000);
  const rssConnected = procMemory(node.pid).rss;
  const results = [];
  for (const [i, p] of passes.entries()) results.push(await runPass(node.url, node.pid, facilitator, members, clients, p === 'refetch', i));
  const out = {
    machine: machine(),
    revision: revision(),
    target: '500 participants in one session on one node: a segment change reaches all sockets, p99 ≤ 200 ms',
    database: kind,
    participants,
    socketsPerPerson: 1,
    gapMs,
    serverRssMB: { connected: mb(rssConnected), end: mb(procMemory(node.pid).rss), peak: mb(procMemory(node.pid).hwm) },
    load: { start: loadStart, end: load() },
    passes: results,
  };
  writeResult(kind === 'postgres' ? 'live-segment' : `live-segment-${kind}`, out);
} finally {
  for (const c of clients) c?.close();
  await node.stop();
  await db.cleanup();
}
process.exit(0);
