import { Link, useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { AuthLayout } from '../../auth/components/auth-layout.tsx';
import { useUnsubscribe } from '../api/use-unsubscribe.ts';

/** /unsubscribe?token=…: confirms turning every Hearth mail off, without signing in (the link in each mail). */
export function UnsubscribePage() {
  useDocumentTitle('Unsubscribe');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();
  const error = unsubscribe.error instanceof ApiError ? unsubscribe.error : unsubscribe.error ? ApiError.network() : null;
  return (
    <AuthLayout>
      <h1>Unsubscribe from Hearth email</h1>
      {unsubscribe.isSuccess ? (
        <Alert tone="success">{unsubscribe.data.message}</Alert>
      ) : !token ? (
        <Alert>This unsubscribe link is incomplete. Open it from your email again, or sign in to change your settings.</Alert>
      ) : (
        <div className="stack">
          <p className="lead">You will stop getting mentions, answers, message alerts and the daily digest by email. Notifications inside Hearth stay on.</p>
          {error ? <Alert>{error.detail}</Alert> : null}
          {error?.code === 'TOKEN_INVALID' ? null : (
            <Button block loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate(token)}>
              Unsubscribe
            </Button>
          )}
        </div>
      )}
      <p className="demo-hint">
        Want to choose which mails you get? <Link href="/notifications/settings">Notification settings</Link>
      </p>
    </AuthLayout>
  );
}
