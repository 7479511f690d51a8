import type { Person } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { fullTime } from '../../../lib/relative-time.ts';
import { useCancelEmailChange } from '../api/use-cancel-email-change.ts';

/** A sign-in email change waiting for the new address to confirm it, with a way to withdraw it (person and admins). */
export function PendingEmailNotice({ person, isSelf }: { person: Person; isSelf: boolean }) {
  const cancel = useCancelEmailChange(person.id);
  const pending = person.pendingEmail;
  if (!pending) return null;
  const by = pending.requestedBy ? (pending.requestedBy.id === person.id ? (isSelf ? 'you' : person.name) : pending.requestedBy.name) : 'an admin';
  return (
    <section className="pending-email" aria-label="Email change waiting for confirmation">
      <Alert tone="info">
        <span>
          Sign-in email change to <strong>{pending.email}</strong> is waiting for confirmation (asked by {by}, {fullTime(pending.requestedAt)}). Until it is confirmed from that address
          {isSelf ? ' with your password, you sign in' : ` with ${person.name.split(/\s+/)[0]}'s password, they sign in`} with {person.email}. The link expires {fullTime(pending.expiresAt)}.
        </span>
      </Alert>
      {cancel.error ? <Alert>{cancel.error instanceof ApiError ? cancel.error.detail : 'Could not cancel the change. Try again.'}</Alert> : null}
      <Button variant="secondary" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate()}>
        Cancel change
      </Button>
    </section>
  );
}
