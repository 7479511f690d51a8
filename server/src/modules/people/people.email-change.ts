import type { EmailChangeLinkResponse, PendingEmailChange } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import { revokeTokens } from '../../kernel/auth/one-time-tokens.ts';
import { verifyPassword } from '../../kernel/auth/passwords.ts';
import { type Actor, destroySessionsOf } from '../../kernel/auth/sessions.ts';
import { hashToken, newToken } from '../../kernel/auth/tokens.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, isUniqueViolation, notFound } from '../../kernel/errors.ts';
import { escapeHtml, type Mail } from '../../kernel/mail.ts';
import { toIso } from '../../kernel/time.ts';
import * as changes from './email-changes.repo.ts';
import * as policy from './people.policy.ts';
import * as repo from './people.repo.ts';

/** How long the confirmation link mailed to the new address works. */
export const CONFIRM_HOURS = 48;
/** How long the old address may dispute a change (also after it took effect). */
export const DISPUTE_DAYS = 14;
/** Email changes one person's account may be asked for in 24 hours (each allows MAX_CONFIRM_FAILURES guesses). */
export const MAX_CHANGES_PER_DAY = 3;
/** Wrong passwords with one confirmation link before the change is cancelled. */
export const MAX_CONFIRM_FAILURES = 5;

const taken = () => new AppError('EMAIL_TAKEN', 'Another person already uses that email.', { errors: [{ field: 'email', message: 'Already in use' }] });
const gone = () => new AppError('TOKEN_INVALID', 'This link has expired or was already used.');

/**
 * Inside the caller's transaction: records that `row`'s sign-in email should become `newEmail`. Nothing changes
 * until the new address confirms it; a previous pending change is replaced. Returns the mails to send after commit
 * (a confirmation link to the new address, a notice with a dispute link to the old one).
 */
export async function requestEmailChange(tx: DbOrTx, actor: Actor, row: repo.PersonRow, newEmail: string, baseUrl: string): Promise<Mail[]> {
  if (await repo.selectPersonByEmail(tx, newEmail)) throw taken();
  // Each change allows MAX_CONFIRM_FAILURES password guesses: asking again and again must not make that endless.
  if ((await changes.countChangesSince(tx, row.orgId, row.id, new Date(Date.now() - 86_400_000))) >= MAX_CHANGES_PER_DAY)
    throw new AppError('RATE_LIMITED', `At most ${MAX_CHANGES_PER_DAY} email changes a day for one person. Try again tomorrow.`, { retryAfterSeconds: 3600 });
  const previous = await changes.selectPendingChange(tx, row.orgId, row.id);
  if (previous) {
    await changes.updateEmailChange(tx, previous.id, { status: 'cancelled', closedAt: new Date() });
    await audit(tx, null, {
      orgId: row.orgId, actorId: actor.personId, action: 'people.email_change_cancelled', target: `person:${row.id}`,
      before: { pendingEmail: previous.newEmail }, after: { pendingEmail: null }, data: { reason: 'replaced' },
    });
  }
  const confirmToken = newToken();
  const disputeToken = newToken();
  await changes.insertEmailChange(tx, {
    orgId: row.orgId,
    personId: row.id,
    oldEmail: row.email,
    newEmail,
    requestedBy: actor.personId,
    confirmTokenHash: hashToken(confirmToken),
    disputeTokenHash: hashToken(disputeToken),
    expiresAt: new Date(Date.now() + CONFIRM_HOURS * 3600_000),
    disputeUntil: new Date(Date.now() + DISPUTE_DAYS * 86_400_000),
  });
  await audit(tx, null, {
    orgId: row.orgId, actorId: actor.personId, action: 'people.email_change_requested', target: `person:${row.id}`,
    before: { email: row.email }, after: { pendingEmail: newEmail },
  });
  const requester = actor.personId === row.id ? 'You' : ((await repo.selectPerson(tx, row.orgId, actor.personId))?.name ?? 'An admin');
  const confirmUrl = `${baseUrl}/confirm-email?token=${confirmToken}`;
  const disputeUrl = `${baseUrl}/dispute-email-change?token=${disputeToken}`;
  const hello = `Hello ${row.name},\n\n`;
  return [
    {
      to: newEmail,
      subject: 'Confirm your new Hearth sign-in email',
      text: `${hello}${requester} asked to change the sign-in email of your Hearth account from ${row.email} to this address. Nothing changes until you confirm it here within ${CONFIRM_HOURS} hours${row.passwordHash ? ' (you will be asked for your Hearth password)' : ''}:\n${confirmUrl}\n\nIf you did not expect this, ignore this mail: the account keeps its current email.\n`,
      html: `<p>Hello ${escapeHtml(row.name)},</p><p>${escapeHtml(requester)} asked to change the sign-in email of your Hearth account from ${escapeHtml(row.email)} to this address. Nothing changes until you <a href="${escapeHtml(confirmUrl)}">confirm it</a> within ${CONFIRM_HOURS} hours.</p><p>If you did not expect this, ignore this mail.</p>`,
    },
    {
      to: row.email,
      subject: 'Your Hearth sign-in email is being changed',
      text: `${hello}${requester} asked to change the sign-in email of your Hearth account from this address to ${newEmail}. It takes effect only when that address confirms it${row.passwordHash ? ' with your password' : ''}.\n\nIf you did not agree to this, stop it here. The link works for ${DISPUTE_DAYS} days, also after the change took effect: it puts this address back and signs out every session.\n${disputeUrl}\n`,
      html: `<p>Hello ${escapeHtml(row.name)},</p><p>${escapeHtml(requester)} asked to change the sign-in email of your Hearth account from this address to ${escapeHtml(newEmail)}. It takes effect only when that address confirms it.</p><p>If you did not agree to this, <a href="${escapeHtml(disputeUrl)}">stop the change</a>. The link works for ${DISPUTE_DAYS} days, also after the change took effect.</p>`,
    },
  ];
}

/** The pending, unexpired change of a person as the profile shows it (to the person and org admins only). */
export async function pendingEmailOf(db: DbOrTx, actor: Actor, row: repo.PersonRow): Promise<PendingEmailChange | null> {
  if (actor.personId !== row.id && !policy.canAdminister(actor, row)) return null;
  const open = await changes.selectOpenChange(db, row.orgId, row.id);
  if (!open) return null;
  return {
    email: open.email,
    requestedAt: toIso(open.requestedAt),
    expiresAt: toIso(open.expiresAt),
    requestedBy: open.requesterId ? { id: open.requesterId, name: open.requesterName as string, title: open.requesterTitle } : null,
  };
}

/** The person themself or an org admin withdraws a pending change. */
export async function cancelEmailChange(deps: AppDeps, actor: Actor, personId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await repo.selectPerson(tx, actor.orgId, personId);
    if (!row || !policy.canView(actor, row)) throw notFound('That person');
    if (actor.personId !== row.id && !policy.canAdminister(actor, row)) throw new AppError('FORBIDDEN', 'Only the person or an org admin can cancel this change.');
    const pending = await changes.selectPendingChange(tx, row.orgId, row.id);
    if (!pending) throw notFound('A pending email change');
    await changes.updateEmailChange(tx, pending.id, { status: 'cancelled', closedAt: new Date() });
    await audit(tx, null, {
      orgId: row.orgId, actorId: actor.personId, action: 'people.email_change_cancelled', target: `person:${row.id}`,
      before: { pendingEmail: pending.newEmail }, after: { pendingEmail: null }, data: { reason: 'withdrawn' },
    });
  });
}

/** What a mailed link is about (no state changes). */
export async function lookupEmailChange(deps: AppDeps, token: string, kind: 'confirm' | 'dispute'): Promise<EmailChangeLinkResponse> {
  return deps.db.transaction(async (tx) => {
    const change = await changes.selectEmailChangeByToken(tx, kind, hashToken(token));
    if (!change) throw gone();
    const person = await repo.selectPerson(tx, change.orgId, change.personId);
    const now = Date.now();
    const state =
      change.status === 'pending' && (kind === 'dispute' ? change.disputeUntil : change.expiresAt).getTime() > now
        ? 'pending'
        : kind === 'dispute' && change.status === 'confirmed' && change.disputeUntil.getTime() > now
          ? 'confirmed'
          : 'closed';
    return { newEmail: change.newEmail, needsPassword: Boolean(person?.passwordHash), state };
  });
}

type ConfirmOutcome = { ok: true; personId: string } | { ok: false; error: AppError };

/**
 * The new address confirms a change: the token from its mailbox plus the account's password (when it has one), so
 * whoever chose the new address cannot complete the change alone. Wrong passwords are counted on the change and
 * cancel it after MAX_CONFIRM_FAILURES; reset links mailed to the old address stop working.
 */
export async function confirmEmailChange(deps: AppDeps, token: string, password: string | undefined): Promise<void> {
  const outcome = await deps.events.transaction<ConfirmOutcome>(deps.db, async (tx, emit) => {
    const change = await changes.selectEmailChangeByToken(tx, 'confirm', hashToken(token));
    if (!change || change.status !== 'pending' || change.expiresAt.getTime() <= Date.now()) throw gone();
    const person = await repo.selectPerson(tx, change.orgId, change.personId);
    if (!person) throw gone();
    if (person.passwordHash) {
      if (!password) throw new AppError('VALIDATION_FAILED', 'Enter your Hearth password to confirm.', { errors: [{ field: 'password', message: 'Required' }] });
      if (!(await verifyPassword(person.passwordHash, password))) {
        // Kept, not rolled back: the count must survive the refusal.
        const failedAttempts = change.failedAttempts + 1;
        const cancel = failedAttempts >= MAX_CONFIRM_FAILURES;
        await changes.updateEmailChange(tx, change.id, { failedAttempts, ...(cancel ? { status: 'cancelled', closedAt: new Date() } : {}) });
        await audit(tx, null, {
          orgId: change.orgId, actorId: null, action: cancel ? 'people.email_change_cancelled' : 'people.email_change_confirm_failed', target: `person:${person.id}`,
          ...(cancel ? { before: { pendingEmail: change.newEmail }, after: { pendingEmail: null } } : {}),
          data: { reason: 'wrong_password', failedAttempts },
        });
        return {
          ok: false,
          error: cancel
            ? new AppError('TOKEN_INVALID', 'Too many wrong passwords: the change was cancelled. Ask for it again if you still want it.')
            : new AppError('VALIDATION_FAILED', 'That is not the password of this Hearth account.', { errors: [{ field: 'password', message: 'Wrong password' }] }),
        };
      }
    }
    try {
      await repo.updatePersonRow(tx, change.orgId, person.id, { email: change.newEmail });
    } catch (err) {
      if (isUniqueViolation(err)) throw taken();
      throw err;
    }
    await changes.updateEmailChange(tx, change.id, { status: 'confirmed', closedAt: new Date() });
    await revokeTokens(tx, 'password_reset', person.id);
    // An account without a password was confirmed by the token alone: its invitation, mailed to the old address,
    // must not let the person in afterwards (whoever holds the new address could then reset and read what they wrote).
    await revokeTokens(tx, 'invite', person.id);
    await audit(tx, null, {
      orgId: change.orgId, actorId: person.id, action: 'people.email_change_confirmed', target: `person:${person.id}`,
      before: { email: change.oldEmail }, after: { email: change.newEmail }, data: { requestedBy: change.requestedBy },
    });
    emit({ type: 'people.person_updated', orgId: change.orgId, payload: { personId: person.id, by: person.id, fields: ['email'] } });
    return { ok: true, personId: person.id };
  });
  if (!outcome.ok) throw outcome.error;
}

/**
 * The old address refuses a change: a pending one is cancelled; one that already took effect (within the dispute
 * window) is reverted, every session of the person ends and reset links mailed to the new address stop working.
 * Either way the change is flagged (status disputed / reverted) and audited. Repeating it changes nothing more.
 */
export async function disputeEmailChange(deps: AppDeps, token: string): Promise<'cancelled' | 'reverted' | 'nothing'> {
  const { result, personId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const change = await changes.selectEmailChangeByToken(tx, 'dispute', hashToken(token));
    const outcome = (result: 'cancelled' | 'reverted' | 'nothing') => ({ result, personId: change?.personId });
    if (!change || change.disputeUntil.getTime() <= Date.now()) throw gone();
    const target = `person:${change.personId}`;
    if (change.status === 'pending') {
      await changes.updateEmailChange(tx, change.id, { status: 'disputed', closedAt: new Date() });
      await audit(tx, null, {
        orgId: change.orgId, actorId: change.personId, action: 'people.email_change_disputed', target,
        before: { pendingEmail: change.newEmail }, after: { pendingEmail: null }, data: { via: 'old address', requestedBy: change.requestedBy },
      });
      return outcome('cancelled');
    }
    if (change.status !== 'confirmed') return outcome('nothing');
    const person = await repo.selectPerson(tx, change.orgId, change.personId);
    // A later change (or a revert) moved on from this one: putting this old address back would undo that instead.
    if (!person || person.email !== change.newEmail) return outcome('nothing');
    try {
      await repo.updatePersonRow(tx, change.orgId, person.id, { email: change.oldEmail });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('EMAIL_TAKEN', 'This address now belongs to another account, so it cannot be put back. Ask an org admin for help.');
      throw err;
    }
    await changes.updateEmailChange(tx, change.id, { status: 'reverted' });
    await revokeTokens(tx, 'password_reset', person.id);
    await destroySessionsOf(tx as never, person.id);
    await audit(tx, null, {
      orgId: change.orgId, actorId: person.id, action: 'people.email_change_reverted', target,
      before: { email: change.newEmail }, after: { email: change.oldEmail }, data: { via: 'old address', requestedBy: change.requestedBy },
    });
    emit({ type: 'people.person_updated', orgId: change.orgId, payload: { personId: person.id, by: person.id, fields: ['email'] } });
    return outcome('reverted');
  });
  // After commit: a node re-reading the sessions now finds them gone.
  if (result === 'reverted' && personId) await deps.sessions.invalidate(personId);
  return result;
}
