import { and, eq, sql } from 'drizzle-orm';
import { people, sessions } from '../../../db/schema/index.ts';
import type { Db } from '../db/database.ts';
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
  return { token, csrfToken };
}

/** Resolves a cookie token to an actor; null when unknown, expired, idle too long or the person is deactivated. */
export async function loadSession(db: Db, token: string, policy: SessionPolicy, now = new Date()): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const [row] = await db
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
  if (!row) return null;
  const idleLimit = row.lastSeenAt.getTime() + policy.idleMinutes * 60_000;
  if (row.status !== 'active' || row.expiresAt <= now || idleLimit <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  // Touch at most once a minute: keeps the idle clock honest without a write per request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
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
