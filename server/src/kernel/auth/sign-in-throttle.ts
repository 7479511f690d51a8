import { isIPv4 } from 'node:net';
import { FailureLimiter } from './failure-limiter.ts';

/** Where a sign-in attempt comes from: the client's network source, and its known-device id when it has a valid one. */
export interface SignInSource {
  /** An IPv4 address, or an IPv6 /64 (one subscriber usually holds a whole /64). */
  source: string;
  /** Nonce of a valid known-device token for the account being signed in to; null for a browser never signed in on. */
  device: string | null;
}

/** Budgets of failed sign-ins per window. */
export interface SignInLimits {
  /** Failures per account from one source, or from one known device. */
  perSource: number;
  /** Failures per account from all unknown devices together (the ceiling for an attacker with many addresses). */
  perAccount: number;
  windowMs: number;
}

/**
 * Slows password guessing without letting a stranger lock the owner out (OWASP "device cookies"):
 * - an unknown browser is counted per account + source, and all unknown browsers together per account (a higher
 *   ceiling, so an attacker spraying from many addresses is still slowed);
 * - a known device (one that signed in to this account before) is counted on its own and never meets the account
 *   ceiling, so the owner signs in from it however many failures strangers caused.
 * A success clears only that source's or device's count: an attacker's failures elsewhere stay counted.
 */
export class SignInThrottle {
  private readonly perSource: FailureLimiter;
  private readonly perDevice: FailureLimiter;
  private readonly perAccount: FailureLimiter;

  constructor(limits: SignInLimits, now: () => number = Date.now) {
    this.perSource = new FailureLimiter(limits.perSource, limits.windowMs, now);
    this.perDevice = new FailureLimiter(limits.perSource, limits.windowMs, now);
    this.perAccount = new FailureLimiter(limits.perAccount, limits.windowMs, now);
  }

  /** Seconds this attempt must wait before its password may be checked, or 0. */
  retryAfter(account: string, from: SignInSource): number {
    if (from.device) return this.perDevice.retryAfter(`${account}\n${from.device}`);
    return Math.max(this.perSource.retryAfter(`${account}\n${from.source}`), this.perAccount.retryAfter(account));
  }

  /** Records a wrong password (or an unknown account). */
  fail(account: string, from: SignInSource) {
    if (from.device) return this.perDevice.fail(`${account}\n${from.device}`);
    this.perSource.fail(`${account}\n${from.source}`);
    this.perAccount.fail(account);
  }

  /** Forgets the failures of this source or device after a correct password. */
  succeed(account: string, from: SignInSource) {
    if (from.device) this.perDevice.reset(`${account}\n${from.device}`);
    else this.perSource.reset(`${account}\n${from.source}`);
  }
}

/** The throttling source of a client address: IPv4 as is (also when IPv4-mapped), IPv6 cut to its /64. */
export function sourceOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (isIPv4(ip) || !ip.includes(':')) return ip;
  const bare = ip.split('%')[0].toLowerCase();
  const [head, tail] = bare.split('::');
  const groups = (s: string | undefined) => (s ? s.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const h = groups(head);
  const all = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - groups(tail).length)).fill('0'), ...groups(tail)];
  return `${all.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}
