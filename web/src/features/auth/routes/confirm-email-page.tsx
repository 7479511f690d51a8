import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useConfirmEmailChange, useEmailChangeLink } from '../api/use-email-change.ts';
import { AuthLayout } from '../components/auth-layout.tsx';

/** /confirm-email?token=…: the new address confirms a change of sign-in email, with the account's password. */
export function ConfirmEmailPage() {
  useDocumentTitle('Confirm your new email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useEmailChangeLink(token, 'confirm');
  const confirm = useConfirmEmailChange();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const error = confirm.error instanceof ApiError ? confirm.error : null;
  const linkError = link.error instanceof ApiError ? link.error : link.error ? ApiError.network() : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const needs = link.data?.needsPassword ?? true;
    setMissing(needs && !password);
    if (needs && !password) return;
    confirm.mutate({ token, ...(needs ? { password } : {}) });
  };

  return (
    <AuthLayout>
      <h1>Confirm your new email</h1>
      {confirm.isSuccess ? (
        <>
          <Alert tone="success">{confirm.data.message}</Alert>
          <Link href="/sign-in" className="btn btn-primary btn-block">
            Go to sign in
          </Link>
        </>
      ) : !token ? (
        <Alert>This confirmation link is incomplete. Open the link from your email again.</Alert>
      ) : link.isPending ? (
        <p className="row muted">
          <Spinner label="Checking the link" /> <span aria-hidden="true">Checking the link…</span>
        </p>
      ) : linkError || !link.data ? (
        <Alert>{!linkError || linkError.code === 'TOKEN_INVALID' ? 'This link has expired or was already used. Ask your admin to start the change again.' : linkError.detail}</Alert>
      ) : link.data.state !== 'pending' || error?.code === 'TOKEN_INVALID' ? (
        <Alert>{error?.detail ?? 'This change is no longer waiting for confirmation. Ask your admin to start it again if you still need it.'}</Alert>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <p className="lead">
            Your Hearth sign-in email will become <strong>{link.data.newEmail}</strong>.
            {link.data.needsPassword ? ' To show that this is your account, enter its current password.' : ''}
          </p>
          {error && !error.fieldErrors.password ? <Alert>{error.detail}</Alert> : null}
          {link.data.needsPassword ? (
            <Field label="Your Hearth password" error={missing ? 'Enter your password.' : error?.fieldErrors.password ? error.detail : undefined}>
              {(p) => <Input {...p} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
            </Field>
          ) : null}
          <Button type="submit" block loading={confirm.isPending}>
            Confirm new email
          </Button>
        </form>
      )}
      <p className="demo-hint">
        Did not expect this? Ignore it: nothing changes until it is confirmed. <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
