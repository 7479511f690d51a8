import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// A known-device token marks a browser where a person signed in successfully. It lifts the account-wide sign-in
// ceiling for that browser only (it never replaces the password). Format: v1.<personId>.<issued s>.<nonce>.<mac>,
// mac = HMAC-SHA256 keyed by the person's password hash. Nothing is stored: the key is a secret only the server
// holds (argon2id output with a random salt), it differs per person, and a password change or reset changes it, which
// revokes every device of that person at once. A forged token needs the hash, and whoever has the hash can guess
// offline anyway; a stolen token still needs the password and gets only the per-device budget.

const PREFIX = 'v1';
const mac = (key: string, body: string) => createHmac('sha256', key).update(`hearth-known-device|${body}`).digest('base64url');

/** A new known-device token for a person, signed with `key` (their password hash). */
export function issueDeviceToken(personId: string, key: string, now = Date.now()): string {
  const body = `${PREFIX}.${personId}.${Math.floor(now / 1000)}.${randomBytes(16).toString('base64url')}`;
  return `${body}.${mac(key, body)}`;
}

/**
 * The device's id (its nonce) when `token` was issued to this person under this key less than `maxAgeMs` ago;
 * null for anything else (another person, another password, expired, tampered, malformed).
 */
export function verifyDeviceToken(token: string | undefined, personId: string, key: string, maxAgeMs: number, now = Date.now()): string | null {
  if (!token || token.length > 200) return null;
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== PREFIX || parts[1] !== personId || !/^\d{1,12}$/.test(parts[2])) return null;
  const issued = Number(parts[2]) * 1000;
  if (issued > now + 60_000 || now - issued >= maxAgeMs) return null;
  const want = Buffer.from(mac(key, parts.slice(0, 4).join('.')));
  const got = Buffer.from(parts[4]);
  return want.length === got.length && timingSafeEqual(want, got) ? parts[3] : null;
}
