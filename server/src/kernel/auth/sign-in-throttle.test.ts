import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issueDeviceToken, verifyDeviceToken } from './known-devices.ts';
import { SignInThrottle, sourceOf } from './sign-in-throttle.ts';

const WINDOW = 15 * 60_000;
const limits = { perSource: 3, perAccount: 8, windowMs: WINDOW };

/** One attempt on one account: who makes it and how long after the previous one. */
const attempt = fc.record({
  // Bursts (seconds apart) and pauses (minutes), so both budgets fill and windows slide.
  dt: fc.oneof(fc.nat(20_000), fc.nat(5 * 60_000)),
  who: fc.oneof(
    // An attacker with a wrong password from one of 12 addresses (a botnet).
    { arbitrary: fc.record({ kind: fc.constant('attacker' as const), source: fc.integer({ min: 0, max: 11 }) }), weight: 4 },
    // The owner, with the right password, from their known device (at any address, the attacker's too).
    { arbitrary: fc.record({ kind: fc.constant('owner-device' as const), source: fc.integer({ min: 0, max: 11 }) }), weight: 1 },
    // The owner with the right password on a new device at an address of their own.
    { arbitrary: fc.record({ kind: fc.constant('owner-new' as const), source: fc.constant(99) }), weight: 1 },
  ),
});

describe('sign-in throttle', () => {
  it('always lets the owner in from a known device, never lets one source or all unknown sources together test more passwords per window than their budget, and blocks a fresh source only at the account ceiling', () => {
    fc.assert(
      fc.property(fc.array(attempt, { minLength: 20, maxLength: 150, size: 'max' }), (attempts) => {
        let now = 0;
        const throttle = new SignInThrottle(limits, () => now);
        /** Times of wrong passwords that were actually checked, by source (unknown devices only). */
        const checked: { at: number; source: string }[] = [];
        const inWindow = (pred: (c: { at: number; source: string }) => boolean) => checked.filter((c) => c.at > now - WINDOW && pred(c)).length;
        for (const { dt, who } of attempts) {
          now += dt;
          const source = `10.0.0.${who.source}`;
          if (who.kind === 'owner-device') {
            const from = { source, device: 'owner-laptop' };
            expect(throttle.retryAfter('ada@x', from)).toBe(0);
            throttle.succeed('ada@x', from);
            continue;
          }
          const from = { source, device: null };
          const wait = throttle.retryAfter('ada@x', from);
          const ownFailures = inWindow((c) => c.source === source);
          const accountFailures = inWindow(() => true);
          // Admitted exactly when neither this source nor the account as a whole has used its budget.
          expect(wait === 0).toBe(ownFailures < limits.perSource && accountFailures < limits.perAccount);
          if (wait) {
            expect(wait).toBeLessThanOrEqual(WINDOW / 1000);
            continue;
          }
          if (who.kind === 'attacker') {
            throttle.fail('ada@x', from);
            checked.push({ at: now, source });
          } else {
            throttle.succeed('ada@x', from);
            // The owner's success clears their own address, not the attacker's.
            checked.splice(0, checked.length, ...checked.filter((c) => c.source !== source));
          }
        }
      }),
    );
  });

  it('counts a known device on its own: its wrong passwords slow that device only, never the account or other sources', () => {
    let now = 0;
    const throttle = new SignInThrottle(limits, () => now);
    const device = { source: '10.0.0.1', device: 'stolen-or-typo' };
    for (let i = 0; i < limits.perSource; i++) throttle.fail('ada@x', device);
    expect(throttle.retryAfter('ada@x', device)).toBeGreaterThan(0);
    expect(throttle.retryAfter('ada@x', { source: '10.0.0.1', device: null })).toBe(0);
    expect(throttle.retryAfter('ada@x', { source: '10.0.0.1', device: 'other-device' })).toBe(0);
    now += WINDOW;
    expect(throttle.retryAfter('ada@x', device)).toBe(0);
  });

  it('groups IPv6 addresses by /64 and treats IPv4-mapped addresses as IPv4', () => {
    expect(sourceOf('2001:db8:1:2::1')).toBe(sourceOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'));
    expect(sourceOf('2001:db8:1:2::1')).not.toBe(sourceOf('2001:db8:1:3::1'));
    expect(sourceOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(sourceOf('192.0.2.7')).toBe('192.0.2.7');
    expect(sourceOf('fe80::1%eth0')).toBe(sourceOf('fe80::2'));
    expect(sourceOf('::1')).toBe('0:0:0:0::/64');
  });
});

describe('known-device tokens', () => {
  const person = '7d3c1e0a-0000-4000-8000-000000000001';
  const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA';
  const day = 86_400_000;

  it('is recognized for its person and key until it expires, and for nothing else', () => {
    const now = Date.UTC(2026, 0, 1);
    const token = issueDeviceToken(person, hash, now);
    const nonce = verifyDeviceToken(token, person, hash, 30 * day, now + 29 * day);
    expect(nonce).toMatch(/^[\w-]{20,}$/);
    expect(issueDeviceToken(person, hash, now)).not.toBe(token);
    expect(verifyDeviceToken(token, person, hash, 30 * day, now + 30 * day), 'expired').toBeNull();
    expect(verifyDeviceToken(token, '7d3c1e0a-0000-4000-8000-000000000002', hash, 30 * day, now), 'another person').toBeNull();
    expect(verifyDeviceToken(token, person, `${hash}x`, 30 * day, now), 'the password changed').toBeNull();
    expect(verifyDeviceToken(issueDeviceToken(person, hash, now + 2 * 60_000), person, hash, 30 * day, now), 'issued in the future').toBeNull();
    expect(verifyDeviceToken(undefined, person, hash, 30 * day, now)).toBeNull();
  });

  it('refuses every changed token: any character replaced, added or removed', () => {
    const now = Date.UTC(2026, 0, 1);
    const token = issueDeviceToken(person, hash, now);
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'abcXYZ019-_.'), fc.constantFrom('replace', 'insert', 'delete'), (i, ch, how) => {
        const changed = how === 'replace' ? token.slice(0, i) + ch + token.slice(i + 1) : how === 'insert' ? token.slice(0, i) + ch + token.slice(i) : token.slice(0, i) + token.slice(i + 1);
        fc.pre(changed !== token);
        expect(verifyDeviceToken(changed, person, hash, day, now)).toBeNull();
      }),
    );
  });
});
