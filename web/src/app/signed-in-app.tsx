import { Route, Switch } from 'wouter';
import { AdminPeoplePage } from '../features/admin/routes/admin-people-page.tsx';
import { HomePage } from '../features/home/routes/home-page.tsx';
import { DirectoryPage } from '../features/people/routes/directory-page.tsx';
import { ProfilePage } from '../features/people/routes/profile-page.tsx';
import { useRealtime } from '../lib/use-realtime.ts';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

/** Everything behind sign-in: one realtime connection, the app shell and the pages. */
export function SignedInApp() {
  const realtime = useRealtime();
  return (
    <AppLayout realtime={realtime}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/people" component={DirectoryPage} />
        <Route path="/people/:id">{(params) => <ProfilePage key={params.id} id={params.id} />}</Route>
        <Route path="/admin/people" component={AdminPeoplePage} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppLayout>
  );
}
