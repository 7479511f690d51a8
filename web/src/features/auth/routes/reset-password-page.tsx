import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useResetPassword } from '../api/use-reset-password.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { checkNewPassword, NewPasswordFields } from '../components/new-password-fields.tsx';

/** /reset-password?token=…: choose a new password with the emailed single-use token. */
export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const token = params.get('token') ?? '';
  const reset = useResetPassword();
  const [value, setValue] = useState({ password: '', confirm: '' });
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const error = reset.error instanceof ApiError ? reset.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkNewPassword(value);
    setErrors(found);
    if (found.password || found.confirm) return;
    reset.mutate({ token, password: value.password }, { onSuccess: () => navigate('/sign-in?reset=done', { replace: true }) });
  };

  return (
    <AuthLayout>
      <h1>Choose a new password</h1>
      <p className="lead">Pick something you haven't used here before.</p>
      {!token ? (
        <Alert>This reset link is incomplete. Open the link from your email again, or ask for a new one from the sign-in page.</Alert>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          {error ? <Alert>{error.detail}</Alert> : null}
          <NewPasswordFields value={value} onChange={setValue} errors={{ password: errors.password ?? error?.fieldErrors.password, confirm: errors.confirm }} />
          <Button type="submit" block loading={reset.isPending}>
            Save new password
          </Button>
        </form>
      )}
      <p className="demo-hint">
        Remembered it? <Link href="/sign-in">Back to sign in</Link>
      </p>
    </AuthLayout>
  );
}
