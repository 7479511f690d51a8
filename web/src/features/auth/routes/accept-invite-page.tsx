import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useAcceptInvite } from '../api/use-accept-invite.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { checkNewPassword, NewPasswordFields } from '../components/new-password-fields.tsx';

/** /accept-invite?token=…: the invited person chooses a password and lands signed in. */
export function AcceptInvitePage() {
  useDocumentTitle('Join Hearth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const accept = useAcceptInvite();
  const [value, setValue] = useState({ password: '', confirm: '' });
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const error = accept.error instanceof ApiError ? accept.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkNewPassword(value);
    setErrors(found);
    if (found.password || found.confirm) return;
    // A full page load: the new document carries the organization's security policy (its image hosts).
    accept.mutate({ token, password: value.password }, { onSuccess: () => window.location.replace('/?welcome=1') });
  };

  return (
    <AuthLayout>
      <h1>Welcome to Hearth</h1>
      <p className="lead">You've been invited to join your colleagues. Choose a password to get started.</p>
      {!token ? (
        <Alert>
          This invitation link is incomplete. Open the link from your invitation email again, or ask your admin for a new one.
        </Alert>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          {error ? <Alert>{error.detail}</Alert> : null}
          <NewPasswordFields value={value} onChange={setValue} errors={{ password: errors.password ?? error?.fieldErrors.password, confirm: errors.confirm }} />
          <Button type="submit" block loading={accept.isPending || accept.isSuccess}>
            Set password and join
          </Button>
        </form>
      )}
      <p className="demo-hint">
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
