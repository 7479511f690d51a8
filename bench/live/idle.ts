// bench/live idle sockets: N authenticated WebSockets (one per signed-in person, all in one organization) held open
// on one `hearth start` process; server memory (VmRSS) before and after, bytes per socket, time to connect all.
// Target: 5,000 idle authenticated sockets within 1 GB of server memory.
// Usage: npx tsx bench/live/idle.ts [--db pglite|postgres|both] [--sockets 5000] [--concurrency 50]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchRoot, writeResult } from '../lib.ts';
import { revision, type Client, connectAll, createBenchDatabase, type DbKind, load, mb, PORTS, procCpuSeconds, procMemory, seedOrg, sleep, startNode, api } from './lib.ts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const sockets = Number(arg('sockets', '5000'));
const concurrency = Number(arg('concurrency', '50'));
const which = arg('db', 'both');
// --orgs N spreads the people over N organizations (presence announcements go to an organization's sockets only).
const orgs = Number(arg('orgs', '1'));
// Connecting stops after this many seconds; the result then says how many sockets were opened (0 = no limit).
const budget = Number(arg('budget', '0'));

async function run(kind: DbKind) {
  const loadStart = load();
  const db = await createBenchDatabase(kind);
  const t0 = performance.now();
  const people = [];
  for (let o = 0; o < orgs; o++) {
    const n = Math.floor(sockets / orgs) + (o < sockets % orgs ? 1 : 0);
    people.push(...(await seedOrg(db.database, n, { slug: `bench-live-${o}` })).people);
  }
  const seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
  await db.release();
  const node = await startNode(db, PORTS.idle);
  const pid = node.pid;
  let clients: Client[] = [];
  try {
    await sleep(3000);
    const before = procMemory(pid);
    const cpuBefore = procCpuSeconds(pid);
    const started = performance.now();
    let lastPrint = performance.now();
    clients = await connectAll(node.url, people, concurrency, (done) => {
      if (done % 500 === 0 || performance.now() - lastPrint > 30_000) {
        lastPrint = performance.now();
        console.log(`${kind}: ${done} sockets after ${((performance.now() - started) / 1000).toFixed(1)} s, server RSS ${mb(procMemory(pid).rss)} MB, load ${load()[0]}`);
      }
    }, budget ? started + budget * 1000 : Infinity);
    const connectSeconds = (performance.now() - started) / 1000;
    const cpuConnect = procCpuSeconds(pid) - cpuBefore;
    // Settle: wait until no client received anything for 3 s (presence announcements of the last joiners), ≤ 180 s.
    let last = -1;
    let quietSince = performance.now();
    const settleStart = performance.now();
    for (;;) {
      const total = clients.reduce((s, c) => s + c.received, 0);
      if (total !== last) {
        last = total;
        quietSince = performance.now();
      }
      if (performance.now() - quietSince > 3000 || performance.now() - settleStart > 180_000) break;
      await sleep(250);
    }
    const settleSeconds = (performance.now() - settleStart) / 1000;
    await sleep(5000);
    const after = procMemory(pid);
    const cpuTotal = procCpuSeconds(pid) - cpuBefore;
    const open = clients.filter((c) => c.ws.readyState === 1).length;
    // Everyone online as the server sees it, summed over organizations.
    let online = 0;
    for (let o = 0, i = 0; o < orgs; o++) {
      online += (await api<{ online: string[] }>(node.url, people[i], 'GET', '/api/presence')).online.length;
      i += Math.floor(sockets / orgs) + (o < sockets % orgs ? 1 : 0);
    }
    const received = clients.reduce((s, c) => s + c.received, 0);
    const bytes = clients.reduce((s, c) => s + c.bytes, 0);
    const lastHello = clients[clients.length - 1].helloBytes;
    const result = {
      database: kind,
      sockets,
      people: sockets,
      organizations: orgs,
      socketsPerPerson: 1,
      open,
      withoutHello: clients.filter((c) => c.helloAt === null).length,
      opened: clients.length,
      budgetSeconds: budget || null,
      onlineReportedByServer: online,
      connectSeconds: Number(connectSeconds.toFixed(1)),
      connectPerSecond: Math.round(clients.length / connectSeconds),
      settleSeconds: Number(settleSeconds.toFixed(1)),
      rssBeforeMB: mb(before.rss),
      rssAfterMB: mb(after.rss),
      peakRssMB: mb(after.hwm),
      bytesPerSocket: Math.round((after.rss - before.rss) / clients.length),
      serverCpuSecondsConnect: Number(cpuConnect.toFixed(1)),
      serverCpuSecondsTotal: Number(cpuTotal.toFixed(1)),
      messagesToClients: received,
      bytesToClients: bytes,
      lastHelloBytes: lastHello,
      seedSeconds,
      concurrency,
      load: { start: loadStart, end: load() },
    };
    console.log(result);
    return result;
  } finally {
    for (const c of clients) c?.close();
    await node.stop();
    await db.cleanup();
  }
}

const kinds: DbKind[] = which === 'both' ? ['pglite', 'postgres'] : [which as DbKind];
const runs = [];
for (const k of kinds) runs.push(await run(k));
// Runs of a database not measured this time are kept from the previous file.
const resultName = orgs === 1 ? 'live-idle' : `live-idle-${orgs}-orgs`;
const previous = join(benchRoot, 'results', `${resultName}.json`);
if (existsSync(previous)) {
  const old = JSON.parse(readFileSync(previous, 'utf8')) as { runs?: { database: string }[] };
  runs.unshift(...((old.runs ?? []).filter((r) => !kinds.includes(r.database as DbKind)) as typeof runs));
}
writeResult(resultName, { machine: (await import('../lib.ts')).machine(), revision: revision(), target: '5,000 idle authenticated sockets within 1 GB of server memory', runs });
process.exit(0);
