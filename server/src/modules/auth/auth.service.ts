import type { FastifyRequest } from 'fastify';
import type { MeResponse } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import { issueDeviceToken, verifyDeviceToken } from '../../kernel/auth/known-devices.ts';
import { consumeToken, issueToken } from '../../kernel/auth/one-time-tokens.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../kernel/auth/passwords.ts';
import { type Actor, createSession, destroySession, destroySessionsOf } from '../../kernel/auth/sessions.ts';
import { type SignInSource, SignInThrottle, sourceOf } from '../../kernel/auth/sign-in-throttle.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { escapeHtml } from '../../kernel/mail.ts';
import { getOrganization } from '../organizations/index.ts';
import { findPersonByEmail, getPerson, setPersonColumns } from '../people/index.ts';

const INVALID = 'That email and password do not match an account. Check them and try again.';

/** Auth use cases bound to one app (the sign-in throttle lives per node). */
export function createAuthService(deps: AppDeps) {
  const { config } = deps;
  const throttle = new SignInThrottle({ perSource: config.SIGNIN_FAILURES_PER_SOURCE, perAccount: config.SIGNIN_FAILURES_PER_ACCOUNT, windowMs: 15 * 60_000 });
  const deviceMaxAgeMs = config.SIGNIN_KNOWN_DEVICE_DAYS * 86_400_000;
  /** A known-device token for the browser that just proved the password (null when known devices are off). */
  const knownDevice = (personId: string, passwordHash: string) => (deviceMaxAgeMs > 0 ? issueDeviceToken(personId, passwordHash) : null);
  const policy = { idleMinutes: deps.config.SESSION_IDLE_MINUTES, absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS };

  async function me(actor: Actor): Promise<MeResponse> {
    const [person, org] = await Promise.all([getPerson(deps.db, actor, actor.personId), getOrganization(deps.db, actor.orgId)]);
    return { person, organization: { id: org.id, name: org.name }, csrfToken: actor.csrfToken };
  }

  async function startSession(request: FastifyRequest, personId: string, orgId: string, roles: string[]) {
    const { token, csrfToken } = await createSession(deps.db, personId, orgId, policy);
    const actor: Actor = { personId, orgId, roles, isAdmin: roles.includes('admin'), csrfToken, sessionHash: '' };
    return { token, me: await me(actor) };
  }

  return {
    me,

    /**
     * Checks email + password; the same message for unknown accounts and wrong passwords. Failures are throttled per
     * account + source, and per account across unknown devices; `deviceToken` (the known-device cookie) exempts the
     * browser the person signed in on before from the account-wide ceiling. Answers a fresh known-device token.
     */
    async signIn(request: FastifyRequest, email: string, password: string, deviceToken?: string) {
      const person = await findPersonByEmail(deps.db, email);
      const from: SignInSource = {
        source: sourceOf(request.ip),
        device: person?.passwordHash && deviceMaxAgeMs > 0 ? verifyDeviceToken(deviceToken, person.id, person.passwordHash, deviceMaxAgeMs) : null,
      };
      const wait = throttle.retryAfter(email, from);
      if (wait) throw new AppError('RATE_LIMITED', `Too many failed sign-ins for this account. Try again in ${wait} seconds, or from a device you signed in on before.`, { retryAfterSeconds: wait });
      const ok = person?.passwordHash && person.status === 'active' ? await verifyPassword(person.passwordHash, password) : (await burnPasswordCheck(password), false);
      const data = { knownDevice: from.device !== null };
      if (!person?.passwordHash || !ok) {
        throttle.fail(email, from);
        await audit(deps.db, request, { orgId: person?.orgId ?? null, actorId: person?.id ?? null, action: 'auth.sign_in_failed', data });
        throw new AppError('INVALID_CREDENTIALS', INVALID);
      }
      throttle.succeed(email, from);
      await audit(deps.db, request, { orgId: person.orgId, actorId: person.id, action: 'auth.signed_in', data });
      return { ...(await startSession(request, person.id, person.orgId, person.roles)), device: knownDevice(person.id, person.passwordHash) };
    },

    /** Ends this session server-side. */
    async signOut(request: FastifyRequest, actor: Actor) {
      await destroySession(deps.db, actor.sessionHash);
      await deps.sessions.invalidate(actor.personId);
      await audit(deps.db, request, { orgId: actor.orgId, actorId: actor.personId, action: 'auth.signed_out' });
    },

    /** Sets the first password from an invitation link and signs the person in. */
    async acceptInvite(request: FastifyRequest, token: string, password: string) {
      const passwordHash = await hashPassword(password);
      const result = await deps.db.transaction(async (tx) => {
        const owner = await consumeToken(tx, 'invite', token);
        if (!owner) throw new AppError('TOKEN_INVALID', 'This invitation link has expired or was already used. Ask your admin for a new one.');
        const person = await setPersonColumns(tx, owner.orgId, owner.personId, { passwordHash, status: 'active' });
        await audit(tx, request, { orgId: owner.orgId, actorId: owner.personId, action: 'auth.invite_accepted' });
        return person;
      });
      return { ...(await startSession(request, result.id, result.orgId, result.roles)), device: knownDevice(result.id, passwordHash) };
    },

    /**
     * Emails a reset link when the account exists; answers the same either way. Only the confirmed sign-in email is
     * ever looked up: an address waiting for confirmation (email_changes) is not the account's and gets nothing.
     */
    async requestPasswordReset(request: FastifyRequest, email: string, baseUrl: string) {
      const person = await findPersonByEmail(deps.db, email);
      if (!person || person.status !== 'active') return;
      const token = await issueToken(deps.db, 'password_reset', person.id, person.orgId);
      await audit(deps.db, request, { orgId: person.orgId, actorId: person.id, action: 'auth.password_reset_requested' });
      const url = `${baseUrl}/reset-password?token=${token}`;
      await deps.mailer.send({
        to: person.email,
        subject: 'Reset your Hearth password',
        text: `Hello ${person.name},\n\nSomeone asked to reset your Hearth password. If it was you, open this link within an hour (it works once):\n${url}\n\nIf it was not you, ignore this mail; your password stays as it is.\n`,
        html: `<p>Hello ${escapeHtml(person.name)},</p><p>Someone asked to reset your Hearth password. If it was you, <a href="${escapeHtml(url)}">choose a new password</a> within an hour (the link works once).</p><p>If it was not you, ignore this mail.</p>`,
      });
    },

    /**
     * Sets a new password from a reset token and ends every existing session of that person. Answers a known-device
     * token for this browser: the new password voids every earlier one, and the link proved the mailbox, so the
     * person is not left to the account-wide ceiling that strangers' guesses may be holding full.
     */
    async resetPassword(request: FastifyRequest, token: string, password: string) {
      const passwordHash = await hashPassword(password);
      const personId = await deps.db.transaction(async (tx) => {
        const owner = await consumeToken(tx, 'password_reset', token);
        if (!owner) throw new AppError('TOKEN_INVALID', 'This reset link has expired or was already used. Ask for a new one.');
        await setPersonColumns(tx, owner.orgId, owner.personId, { passwordHash });
        await destroySessionsOf(tx as never, owner.personId);
        await audit(tx, request, { orgId: owner.orgId, actorId: owner.personId, action: 'auth.password_reset' });
        return owner.personId;
      });
      // After commit: a node re-reading the sessions now finds them gone.
      await deps.sessions.invalidate(personId);
      return { device: knownDevice(personId, passwordHash) };
    },

    /** Changes the password of the signed-in person; other sessions end. Answers this browser's new known-device token. */
    async changePassword(request: FastifyRequest, actor: Actor, current: string, next: string) {
      const person = await findPersonByEmail(deps.db, (await getPerson(deps.db, actor, actor.personId)).email);
      if (!person?.passwordHash || !(await verifyPassword(person.passwordHash, current))) {
        throw new AppError('VALIDATION_FAILED', 'Your current password is not right.', { errors: [{ field: 'currentPassword', message: 'Wrong password' }] });
      }
      const passwordHash = await hashPassword(next);
      await setPersonColumns(deps.db, actor.orgId, actor.personId, { passwordHash });
      await destroySessionsOf(deps.db, actor.personId, actor.sessionHash);
      await deps.sessions.invalidate(actor.personId);
      await audit(deps.db, request, { orgId: actor.orgId, actorId: actor.personId, action: 'auth.password_changed' });
      return { device: knownDevice(actor.personId, passwordHash) };
    },
  };
}
