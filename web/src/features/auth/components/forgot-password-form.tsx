import { type FormEvent, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useRequestPasswordReset } from '../api/use-request-password-reset.ts';

/** "Forgot your password?": asks for a reset email and confirms without revealing whether the account exists. */
export function ForgotPasswordForm({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const [email, setEmail] = useState(initialEmail);
  const [missing, setMissing] = useState(false);
  const request = useRequestPasswordReset();
  const error = request.error instanceof ApiError ? request.error : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) return setMissing(true);
    setMissing(false);
    request.mutate({ email: email.trim() });
  };

  return (
    <div className="stack">
      <div>
        <h1>Reset your password</h1>
        <p className="lead muted">Enter your work email and we'll send you a link to choose a new password.</p>
      </div>
      {request.isSuccess ? (
        <Alert tone="success">{request.data.message}</Alert>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          {error ? <Alert>{error.detail}</Alert> : null}
          <Field label="Work email" error={missing ? 'Enter your work email.' : error?.fieldErrors.email}>
            {(p) => <Input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}
          </Field>
          <Button type="submit" block loading={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
      <Button variant="ghost" onClick={onBack}>
        ← Back to sign in
      </Button>
    </div>
  );
}
