import { and, eq, gt, isNull } from 'drizzle-orm';
import { authTokens } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../db/database.ts';
import { hashToken, newToken } from './tokens.ts';

/** Kinds of single-use tokens and how long each lives. */
export const TOKEN_TTL_HOURS = { invite: 7 * 24, password_reset: 1 } as const;
export type TokenKind = keyof typeof TOKEN_TTL_HOURS;

/** Issues a single-use token for a person; only its hash is stored. */
export async function issueToken(db: DbOrTx, kind: TokenKind, personId: string, orgId: string): Promise<string> {
  const token = newToken();
  await db.insert(authTokens).values({
    tokenHash: hashToken(token),
    kind,
    personId,
    orgId,
    expiresAt: new Date(Date.now() + TOKEN_TTL_HOURS[kind] * 3600_000),
  });
  return token;
}

/**
 * Marks a token used and returns its owner, or null if unknown, expired or already used.
 * The conditional UPDATE makes redemption atomic: two concurrent uses cannot both succeed.
 */
export async function consumeToken(db: DbOrTx, kind: TokenKind, token: string): Promise<{ personId: string; orgId: string } | null> {
  const [row] = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.tokenHash, hashToken(token)), eq(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())))
    .returning({ personId: authTokens.personId, orgId: authTokens.orgId });
  return row ?? null;
}

/** Voids a person's unused tokens of one kind (e.g. reset links mailed to an address the account no longer uses). */
export async function revokeTokens(db: DbOrTx, kind: TokenKind, personId: string): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.personId, personId), eq(authTokens.kind, kind), isNull(authTokens.usedAt)));
}
