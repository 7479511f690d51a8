import { Link, useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useDisputeEmailChange, useEmailChangeLink } from '../api/use-email-change.ts';
import { AuthLayout } from '../components/auth-layout.tsx';

/**
 * /dispute-email-change?token=…: the old address stops a change of sign-in email, or puts itself back after one. A
 * button, not the link itself, does it, so mail scanners that open links change nothing.
 */
export function DisputeEmailChangePage() {
  useDocumentTitle('Stop an email change');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useEmailChangeLink(token, 'dispute');
  const dispute = useDisputeEmailChange();
  const error = dispute.error instanceof ApiError ? dispute.error : dispute.error ? ApiError.network() : null;
  const linkError = link.error instanceof ApiError ? link.error : link.error ? ApiError.network() : null;

  return (
    <AuthLayout>
      <h1>Stop an email change</h1>
      {dispute.isSuccess ? (
        <>
          <Alert tone="success">{dispute.data.message}</Alert>
          <Link href="/sign-in" className="btn btn-primary btn-block">
            Go to sign in
          </Link>
        </>
      ) : !token ? (
        <Alert>This link is incomplete. Open it from your email again.</Alert>
      ) : link.isPending ? (
        <p className="row muted">
          <Spinner label="Checking the link" /> <span aria-hidden="true">Checking the link…</span>
        </p>
      ) : linkError || !link.data ? (
        <Alert>{!linkError || linkError.code === 'TOKEN_INVALID' ? 'This link has expired. If your sign-in email was changed without your agreement, contact your organization.' : linkError.detail}</Alert>
      ) : link.data.state === 'closed' ? (
        <Alert tone="success">There is nothing to stop: this change is no longer in effect.</Alert>
      ) : (
        <div className="stack">
          {link.data.state === 'pending' ? (
            <p className="lead">
              Someone asked to change the sign-in email of your Hearth account to <strong>{link.data.newEmail}</strong>. It has not happened yet. If you did not agree to it, stop it here.
            </p>
          ) : (
            <p className="lead">
              The sign-in email of your Hearth account was changed to <strong>{link.data.newEmail}</strong>. If you did not agree to it, put this address back: every session of the account is signed out and the change is reported to your admins.
            </p>
          )}
          {error ? <Alert>{error.detail}</Alert> : null}
          <Button block variant="danger" loading={dispute.isPending} onClick={() => dispute.mutate(token)}>
            {link.data.state === 'pending' ? 'Stop this change' : 'Put my address back'}
          </Button>
        </div>
      )}
      <p className="demo-hint">
        Expected this change? You need not do anything. <Link href="/sign-in">Sign in</Link>
      </p>
    </AuthLayout>
  );
}
