import { type FormEvent, useState } from 'react';
import { Redirect, useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useSession } from '../api/use-session.ts';
import { useSignIn } from '../api/use-sign-in.ts';
import { AuthLayout } from '../components/auth-layout.tsx';
import { ForgotPasswordForm } from '../components/forgot-password-form.tsx';
import { safeNext } from '../lib/safe-next.ts';

/** The sign-in screen, with the "forgot password" flow in place. */
export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [forgot, setForgot] = useState(false);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const next = safeNext(params.get('next'));

  if (session.data) return <Redirect to={next} replace />;

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const m = { email: email.trim() ? undefined : 'Enter your work email.', password: password ? undefined : 'Enter your password.' };
    setMissing(m);
    if (m.email || m.password) return;
    // A full page load, not an in-app move: the page's security policy (which image hosts may load) is the signed-in
    // organization's, and only a new document gets it.
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => window.location.replace(next) });
  };

  return (
    <AuthLayout>
      {forgot ? (
        <ForgotPasswordForm initialEmail={email} onBack={() => setForgot(false)} />
      ) : (
        <>
          <h1>Welcome back</h1>
          <p className="lead">Sign in to find people to learn with.</p>
          <form className="stack" onSubmit={submit} noValidate aria-describedby={error ? 'sign-in-error' : undefined}>
            {error ? (
              <div id="sign-in-error">
                <Alert>{error.detail}</Alert>
              </div>
            ) : null}
            {params.get('reset') === 'done' && !error ? <Alert tone="success">Your password was changed. Sign in with the new one.</Alert> : null}
            <Field label="Work email" error={missing.email ?? error?.fieldErrors.email}>
              {(p) => <Input {...p} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />}
            </Field>
            <Field label="Password" error={missing.password ?? error?.fieldErrors.password}>
              {(p) => (
                <Input {...p} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
              )}
            </Field>
            <Button type="submit" block loading={signIn.isPending || signIn.isSuccess}>
              Sign in
            </Button>
            <Button variant="ghost" onClick={() => setForgot(true)}>
              Forgot your password?
            </Button>
          </form>
          <p className="demo-hint">
            Exploring the demo? Sign in as <code>admin@example.com</code> with password <code>hearth-demo</code>.
          </p>
        </>
      )}
    </AuthLayout>
  );
}
