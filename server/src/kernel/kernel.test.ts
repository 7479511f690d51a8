import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Fastify from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { FailureLimiter } from './auth/failure-limiter.ts';
import { ScopedCache } from './cache.ts';
import { type ChannelBus, createLocalBus } from './realtime/channel-bus.ts';
import { SocketHub } from './realtime/hub.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { csvCell, toCsv } from './csv.ts';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.ts';
import { repeatOnThisNode } from './timers.ts';

describe('csv export', () => {
  it('never starts a cell with a formula trigger and quotes what needs quoting', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvCell(s);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
    );
    expect(toCsv([['a,b', 'x"y', 1, null]])).toBe('"a,b","x""y",1,\r\n');
  });
});

describe('failure limiter', () => {
  it('blocks after the limit until the oldest failure leaves the window', () => {
    let now = 0;
    const l = new FailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) l.fail('k');
    expect(l.retryAfter('k')).toBe(60);
    now = 30_000;
    expect(l.retryAfter('k')).toBe(30);
    now = 60_001;
    expect(l.retryAfter('k')).toBe(0);
    l.fail('k');
    l.reset('k');
    expect(l.retryAfter('k')).toBe(0);
  });
});

describe('tokens', () => {
  it('are 256-bit, distinct and stored only as a hash', () => {
    const seen = new Set(Array.from({ length: 10_000 }, newToken));
    expect(seen.size).toBe(10_000);
    const t = newToken();
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(hashToken(t)).not.toContain(t);
  });
});

describe('data-dir lock', () => {
  it('refuses a second holder while the first lives and takes over a dead one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-lock-'));
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, 'hearth.lock'), String(process.ppid)); // a live process that is not us
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    writeFileSync(join(dir, 'hearth.lock'), '999999999'); // a pid that cannot be alive
    const again = lockDataDir(dir);
    again.release();
    lock.release();
  });
});

describe('ScopedCache', () => {
  const deferred = <T>() => {
    let resolve!: (v: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('shares one load among concurrent misses and keeps the value until the TTL', async () => {
    const cache = new ScopedCache<string>(createLocalBus(), 't1', { ttlMs: 1000, max: 10 });
    let loads = 0;
    const load = async () => ({ value: `v${++loads}`, scope: 'org' });
    const [a, b] = await Promise.all([cache.getOrLoad('k', load, 0), cache.getOrLoad('k', load, 0)]);
    expect([a, b, loads]).toEqual(['v1', 'v1', 1]);
    expect(await cache.getOrLoad('k', load, 999)).toBe('v1');
    expect(await cache.getOrLoad('k', load, 1000)).toBe('v2');
  });

  it('does not keep a load that overlapped an invalidation, nor let later callers join it', async () => {
    const cache = new ScopedCache<string>(createLocalBus(), 't2', { ttlMs: 1000, max: 10 });
    const slow = deferred<{ value: string; scope: string }>();
    const stale = cache.getOrLoad('k', () => slow.promise, 0);
    await cache.invalidate('org');
    const fresh = cache.getOrLoad('k', async () => ({ value: 'new', scope: 'org' }), 0);
    slow.resolve({ value: 'old', scope: 'org' });
    expect(await stale).toBe('old'); // its caller gets what it read, but it is not kept
    expect(await fresh).toBe('new');
    expect(cache.get('k', 1)).toBe('new');
  });

  it('drops a scope on every node sharing the bus, and only that scope', async () => {
    const bus = createLocalBus();
    const nodeA = new ScopedCache<string>(bus, 't3', { ttlMs: 1000, max: 10 });
    const nodeB = new ScopedCache<string>(bus, 't3', { ttlMs: 1000, max: 10 });
    nodeB.set('a1', 'orgA', 'x', 0);
    nodeB.set('b1', 'orgB', 'y', 0);
    await nodeA.invalidate('orgA');
    await new Promise((r) => setTimeout(r, 0));
    expect(nodeB.get('a1', 1)).toBeUndefined();
    expect(nodeB.get('b1', 1)).toBe('y');
  });

  it('stays within its size bound', () => {
    const cache = new ScopedCache<number>(createLocalBus(), 't4', { ttlMs: 1000, max: 3 });
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, 's', i, 0);
    expect(cache.size).toBe(3);
    expect(cache.get('k9', 1)).toBe(9);
    expect(cache.get('k0', 1)).toBeUndefined();
  });
});

describe('repeatOnThisNode', () => {
  it('runs the job every interval, never two at once, goes on after a failure, and stops when the app closes', async () => {
    vi.useFakeTimers();
    try {
      const app = Fastify();
      const warned: string[] = [];
      vi.spyOn(app.log, 'warn').mockImplementation(((_obj: unknown, msg: string) => void warned.push(msg)) as never);
      let calls = 0;
      let finish: (() => void) | null = null;
      repeatOnThisNode(app, 2, 'test job', () => {
        calls += 1;
        if (calls === 1) return new Promise<void>((resolve) => (finish = resolve));
        if (calls === 2) return Promise.reject(new Error('boom'));
        return Promise.resolve();
      });
      await vi.advanceTimersByTimeAsync(1999);
      expect(calls).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toBe(1);
      // The first run has not finished: the next ticks skip.
      await vi.advanceTimersByTimeAsync(6000);
      expect(calls).toBe(1);
      (finish as unknown as () => void)();
      await vi.advanceTimersByTimeAsync(2000);
      expect(calls).toBe(2);
      expect(warned).toEqual(['test job failed']);
      await vi.advanceTimersByTimeAsync(2000);
      expect(calls).toBe(3);
      await app.close();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(calls).toBe(3);
      // 0 seconds: never.
      const off = Fastify();
      let offCalls = 0;
      repeatOnThisNode(off, 0, 'off', async () => void (offCalls += 1));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(offCalls).toBe(0);
      await off.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('SocketHub.publish', () => {
  it('never rejects: a failed publish is reported and answered false, a good one true', async () => {
    const local = createLocalBus();
    let fail = true;
    const bus: ChannelBus = { ...local, publish: (c, m) => (fail ? Promise.reject(new Error('Cannot use a pool after calling end on the pool')) : local.publish(c, m)) };
    const errors: string[] = [];
    const hub = new SocketHub(bus, (channel, err) => errors.push(`${channel}: ${(err as Error).message}`));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      void hub.publish('thread:00000000-0000-0000-0000-000000000001', { type: 'changed' });
      expect(await hub.publish('thread:00000000-0000-0000-0000-000000000002', { type: 'changed' })).toBe(false);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
      expect(errors).toEqual([
        'thread:00000000-0000-0000-0000-000000000001: Cannot use a pool after calling end on the pool',
        'thread:00000000-0000-0000-0000-000000000002: Cannot use a pool after calling end on the pool',
      ]);
      fail = false;
      expect(await hub.publish('thread:00000000-0000-0000-0000-000000000003', { type: 'changed' })).toBe(true);
      expect(errors).toHaveLength(2);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
