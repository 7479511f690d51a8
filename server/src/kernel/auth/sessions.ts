import { and, eq, sql } from 'drizzle-orm';
import { people, personActiveDays, sessions } from '../../../db/schema/index.ts';
import { ScopedCache } from '../cache.ts';
import type { Db } from '../db/database.ts';
import type { ChannelBus } from '../realtime/channel-bus.ts';
import { hashToken, newToken } from './tokens.ts';

/** The signed-in person as every service sees them. */
export interface Actor {
  /** Person id. */
  personId: string;
  /** Organization (tenant) id: every query is scoped by it. */
  orgId: string;
  /** Explicit roles (facilitator, moderator, admin). */
  roles: string[];
  /** Org admin. */
  isAdmin: boolean;
  /** CSRF token bound to this session. */
  csrfToken: string;
  /** Hash of the session token (to end this session). */
  sessionHash: string;
}

/** Session lifetime policy. */
export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Creates a session for a person; returns the raw token for the cookie. */
export async function createSession(db: Db, personId: string, orgId: string, policy: SessionPolicy) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    orgId,
    csrfToken,
    expiresAt: new Date(Date.now() + policy.absoluteHours * 3600_000),
  });
  await recordActiveDay(db, orgId, personId, new Date());
  return { token, csrfToken };
}

/** A session row as the session hook needs it. */
interface SessionRow {
  personId: string;
  orgId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  roles: string[];
  status: string;
}

/** This node's sessions by token hash, scoped by person so every session of a person can be dropped at once. */
export type SessionCache = ScopedCache<SessionRow>;

/**
 * Creates the per-node session cache. Short-lived on purpose: sign-out, password changes, deactivation and role
 * changes invalidate it on every node through the bus; the TTL bounds anything else (a row edited by hand).
 */
export function createSessionCache(bus: ChannelBus, log?: (msg: string, err?: unknown) => void): SessionCache {
  return new ScopedCache<SessionRow>(bus, 'sessions', { ttlMs: 15_000, max: 20_000, log });
}

function selectSession(db: Db, tokenHash: string): Promise<SessionRow[]> {
  return db
    .select({
      personId: sessions.personId,
      orgId: sessions.orgId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      roles: people.roles,
      status: people.status,
    })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
}

const isLive = (row: SessionRow, policy: SessionPolicy, now: Date) =>
  row.status === 'active' && row.expiresAt > now && row.lastSeenAt.getTime() + policy.idleMinutes * 60_000 > now.getTime();

/**
 * Resolves a cookie token to an actor; null when unknown, expired, idle too long or the person is deactivated.
 * With a cache, a recent row is used without a query. Its lastSeenAt is never later than the database's (only this
 * function moves it, forwards), so a cached row judged live is live; one judged dead is re-read before it is refused.
 */
export async function loadSession(db: Db, token: string, policy: SessionPolicy, now = new Date(), cache?: SessionCache): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  let row = cache?.get(tokenHash, now.getTime());
  if (row && !isLive(row, policy, now)) {
    cache?.delete(tokenHash);
    row = undefined;
  }
  if (!row) {
    const load = async () => {
      const [r] = await selectSession(db, tokenHash);
      return r ? { value: r, scope: r.personId } : null;
    };
    row = cache ? await cache.getOrLoad(tokenHash, load, now.getTime()) : (await load())?.value;
    if (!row) return null;
    if (!isLive(row, policy, now)) {
      cache?.delete(tokenHash);
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return null;
    }
  }
  // Touch at most once a minute: keeps the idle clock honest without a write per request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    const newDay = utcDay(row.lastSeenAt) !== utcDay(now);
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    // The first touch of a new day marks the person active that day (engagement analytics); one row a day, not a write a minute.
    if (newDay) await recordActiveDay(db, row.orgId, row.personId, now);
    row.lastSeenAt = now;
  }
  return {
    personId: row.personId,
    orgId: row.orgId,
    roles: row.roles,
    isAdmin: row.roles.includes('admin'),
    csrfToken: row.csrfToken,
    sessionHash: tokenHash,
  };
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Marks a person active on `at`'s day (UTC); idempotent, so nodes racing on it write one row. */
async function recordActiveDay(db: Db, orgId: string, personId: string, at: Date) {
  await db.insert(personActiveDays).values({ orgId, personId, day: utcDay(at) }).onConflictDoNothing();
}

/** Ends one session server-side. */
export async function destroySession(db: Db, sessionHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
}

/** Ends every session of a person, optionally keeping one. */
export async function destroySessionsOf(db: Db, personId: string, keepHash?: string) {
  await db
    .delete(sessions)
    .where(keepHash ? and(eq(sessions.personId, personId), sql`${sessions.tokenHash} <> ${keepHash}`) : eq(sessions.personId, personId));
}
