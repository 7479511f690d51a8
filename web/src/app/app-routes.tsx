import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { ErrorState } from '../components/ui/error-state.tsx';
import { PageLoading } from '../components/ui/page-loading.tsx';
import { useSession } from '../features/auth/api/use-session.ts';
import { AcceptInvitePage } from '../features/auth/routes/accept-invite-page.tsx';
import { ConfirmEmailPage } from '../features/auth/routes/confirm-email-page.tsx';
import { DisputeEmailChangePage } from '../features/auth/routes/dispute-email-change-page.tsx';
import { ResetPasswordPage } from '../features/auth/routes/reset-password-page.tsx';
import { SignInPage } from '../features/auth/routes/sign-in-page.tsx';
import { UnsubscribePage } from '../features/notifications/routes/unsubscribe-page.tsx';
import { SignedInApp } from './signed-in-app.tsx';

/** Top-level routing: signed-out screens, then everything else behind the sign-in gate. */
export function AppRoutes() {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (session.isPending) return <PageLoading label="Loading Hearth" />;
  if (session.isError)
    return (
      <main style={{ padding: 32, maxWidth: 560, margin: '10vh auto' }}>
        <ErrorState error={session.error} title="Hearth could not start" onRetry={() => session.refetch()} />
      </main>
    );
  return (
    <Switch>
      <Route path="/sign-in" component={SignInPage} />
      <Route path="/accept-invite" component={AcceptInvitePage} />
      <Route path="/reset-password" component={ResetPasswordPage} />
      <Route path="/confirm-email" component={ConfirmEmailPage} />
      <Route path="/dispute-email-change" component={DisputeEmailChangePage} />
      <Route path="/unsubscribe" component={UnsubscribePage} />
      <Route>
        {session.data ? (
          <SignedInApp />
        ) : (
          <Redirect to={location === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`} replace />
        )}
      </Route>
    </Switch>
  );
}
