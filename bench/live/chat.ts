// bench/live chat fan-out: G groups of 4 (default 100 groups = 400 participants) formed by a live session's `groups`
// segment; every member follows `live-group:<groupId>` (and `live:<sessionId>`) on an authenticated WebSocket. A member
// posts over HTTP (POST /api/live-sessions/:id/messages) and the other 3 members' `changed` (what: chat, id: the
// message) is timed from the moment the post was sent.
// Scenarios: "single" — one message at a time (unloaded); "load" — all groups chatting at once, each person posting
// at random with a mean interval (default 10 s: 40 messages/s over 400 people). With --nodes 2 two `hearth start`
// processes share one PostgreSQL database and each group's members are split across them (0 and 2 on node A, 1 and 3
// on node B), so 2 of every 3 receipts cross nodes through the database's LISTEN/NOTIFY bus.
// Targets: p99 ≤ 50 ms on one node; p99 ≤ 250 ms across two nodes on PostgreSQL.
// Usage: npx tsx bench/live/chat.ts [--nodes 1|2] [--groups 100] [--interval 10] [--duration 30] [--single 200]
import { randomUUID } from 'node:crypto';
import { machine, writeResult } from '../lib.ts';
import { httpSignIn } from '../../server/test/spawn-server.ts';
import { api, revision, BENCH_PASSWORD, type BenchPerson, Client, createBenchDatabase, load, type NodeProcess, pool, PORTS, procCpuSeconds, seedOrg, sleep, startNode, summary } from './lib.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const nodesWanted = Number(arg('nodes', '1'));
const groupCount = Number(arg('groups', '100'));
const intervalS = Number(arg('interval', '10'));
const durationS = Number(arg('duration', '30'));
const singles = Number(arg('single', '200'));

interface LiveState {
  session: { id: string; currentSegmentId: string | null };
  myGroup: { id: string; kind: string; members: { id: string }[] } | null;
}

const loadStart = load();
const db = await createBenchDatabase('postgres');
const participants = groupCount * 4;
const { people } = await seedOrg(db.database, participants + 1, { roles: (i) => (i === 0 ? ['facilitator'] : []) });
await db.release();
const nodes: NodeProcess[] = [];
const clients: Client[] = [];
try {
  nodes.push(await startNode(db, PORTS.chatA, { NODE_ID: 'bench-a' }));
  if (nodesWanted === 2) nodes.push(await startNode(db, PORTS.chatB, { NODE_ID: 'bench-b' }));
  const a = nodes[0].url;
  const signedIn = await httpSignIn(a, people[0].email, BENCH_PASSWORD);
  const facilitator: BenchPerson = { ...people[0], cookie: signedIn.cookie, csrf: signedIn.csrf };
  const members = people.slice(1);

  // A session whose second segment forms groups of 4 among everyone present.
  const { id } = await api<{ id: string }>(a, facilitator, 'POST', '/api/live-sessions', { title: 'Bench chat', startsAt: new Date().toISOString(), template: 'blank' });
  await api(a, facilitator, 'PUT', `/api/live-sessions/${id}/segments`, {
    segments: [
      { kind: 'plenary', title: 'Welcome', prompt: '', durationMinutes: 5, config: {} },
      { kind: 'groups', title: 'Discussion', prompt: 'Discuss the case.', durationMinutes: 240, config: { groupSize: 4 } },
    ],
  });
  await pool(members, 20, (p) => api(a, p, 'POST', `/api/live-sessions/${id}/join`));
  const started = await api<LiveState>(a, facilitator, 'POST', `/api/live-sessions/${id}/start`);
  await api(a, facilitator, 'POST', `/api/live-sessions/${id}/advance`, { fromSegmentId: started.session.currentSegmentId });
  const groupOf = new Map<string, string>();
  const groups = new Map<string, BenchPerson[]>();
  await pool(members, 20, async (p) => {
    const st = await api<LiveState>(a, p, 'GET', `/api/live-sessions/${id}/state`);
    if (!st.myGroup) throw new Error(`${p.email} has no group`);
    groupOf.set(p.id, st.myGroup.id);
  });
  for (const p of members) {
    const g = groupOf.get(p.id) as string;
    groups.set(g, [...(groups.get(g) ?? []), p]);
  }
  const sizes = [...groups.values()].map((g) => g.length);

  // Sockets: members alternate between the nodes within their group.
  const nodeOf = new Map<string, number>();
  for (const list of groups.values()) list.forEach((p, i) => nodeOf.set(p.id, i % nodes.length));
  const baseOf = (p: BenchPerson) => nodes[nodeOf.get(p.id) as number].url;
  await pool(members, 50, async (p) => {
    const c = new Client(baseOf(p), p);
    clients.push(c);
    await c.opened;
    await c.hello;
    if (!(await c.subscribe(`live:${id}`)) || !(await c.subscribe(`live-group:${groupOf.get(p.id)}`))) throw new Error(`${p.email}: subscription refused`);
  });
  await sleep(3000);

  // Receipts by message id: (recipient, time).
  const receipts = new Map<string, { person: string; at: number }[]>();
  for (const c of clients) {
    c.listen((m, at) => {
      if (m.type !== 'changed' || m.what !== 'chat' || typeof m.id !== 'string' || !String(m.channel).startsWith('live-group:')) return;
      const list = receipts.get(m.id) ?? [];
      list.push({ person: c.person.id, at });
      receipts.set(m.id, list);
    });
  }
  interface Sent {
    from: BenchPerson;
    at: number;
    messageId: string;
    responseMs: number;
  }
  let seq = 0;
  const post = async (from: BenchPerson): Promise<Sent> => {
    const at = performance.now();
    const msg = await api<{ id: string }>(baseOf(from), from, 'POST', `/api/live-sessions/${id}/messages`, {
      groupId: groupOf.get(from.id),
      body: `Message ${++seq} from ${from.name}: I think the second option fits our team better.`,
      clientId: randomUUID(),
    });
    return { from, at, messageId: msg.id, responseMs: performance.now() - at };
  };
  const measure = (sent: Sent[]) => {
    const all: number[] = [];
    const sameNode: number[] = [];
    const otherNode: number[] = [];
    let missing = 0;
    for (const s of sent) {
      const got = receipts.get(s.messageId) ?? [];
      const mates = (groups.get(groupOf.get(s.from.id) as string) ?? []).filter((p) => p.id !== s.from.id);
      for (const mate of mates) {
        const r = got.find((x) => x.person === mate.id);
        if (!r) {
          missing++;
          continue;
        }
        const ms = r.at - s.at;
        all.push(ms);
        (nodeOf.get(mate.id) === nodeOf.get(s.from.id) ? sameNode : otherNode).push(ms);
      }
      const self = got.find((x) => x.person === s.from.id);
      if (!self) missing++; // the author's own socket hears it too
    }
    return { messages: sent.length, receipts: summary(all), sameNode: summary(sameNode), otherNode: nodes.length > 1 ? summary(otherNode) : null, postResponse: summary(sent.map((s) => s.responseMs)), missing };
  };

  // 1. Unloaded: one message at a time, each from the next group's next member (under the per-person rate limit).
  const groupList = [...groups.values()];
  const singleSent: Sent[] = [];
  for (let i = 0; i < singles; i++) {
    const g = groupList[i % groupList.length];
    singleSent.push(await post(g[Math.floor(i / groupList.length) % g.length]));
    await sleep(100);
  }
  await sleep(2000);
  const single = measure(singleSent);
  console.log('single', JSON.stringify(single));

  // 2. Loaded: everyone chats at once, each person posting at random with a mean interval of `intervalS`.
  const cpuBefore = nodes.map((n) => procCpuSeconds(n.pid));
  const loadSent: Sent[] = [];
  const until = performance.now() + durationS * 1000;
  const errors: string[] = [];
  await Promise.all(
    members.map(async (p) => {
      await sleep(Math.random() * intervalS * 1000);
      while (performance.now() < until) {
        try {
          loadSent.push(await post(p));
        } catch (err) {
          errors.push(String(err).slice(0, 200));
        }
        await sleep(-Math.log(1 - Math.random()) * intervalS * 1000);
      }
    }),
  );
  await sleep(3000);
  const loaded = { ...measure(loadSent), ratePerSecond: Number((loadSent.length / durationS).toFixed(1)), meanIntervalSeconds: intervalS, durationSeconds: durationS, errors: errors.length, firstError: errors[0] ?? null, serverCpuSeconds: nodes.map((n, i) => Number((procCpuSeconds(n.pid) - cpuBefore[i]).toFixed(1))) };
  console.log('load', JSON.stringify(loaded));

  const out = {
    machine: machine(),
    revision: revision(),
    target: nodes.length === 1 ? 'chat message to a 4-person group on one node: p99 ≤ 50 ms' : 'chat message to a 4-person group across two nodes on PostgreSQL: p99 ≤ 250 ms',
    database: 'postgres',
    nodes: nodes.length,
    groups: groups.size,
    groupSizes: { min: Math.min(...sizes), max: Math.max(...sizes) },
    participants,
    split: nodes.length > 1 ? 'members 0 and 2 of each group on node A, 1 and 3 on node B' : 'all on one node',
    load: { start: loadStart, end: load() },
    single,
    loaded,
  };
  writeResult(nodes.length === 1 ? 'live-chat' : 'live-chat-2-nodes', out);
} finally {
  for (const c of clients) c.close();
  for (const n of nodes) await n.stop();
  await db.cleanup();
}
process.exit(0);
