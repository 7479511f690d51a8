import { Route, Switch } from 'wouter';
import { AdminPeoplePage } from '../features/admin/routes/admin-people-page.tsx';
import { CommunitiesPage } from '../features/communities/routes/communities-page.tsx';
import { CommunityPage } from '../features/communities/routes/community-page.tsx';
import { NewCommunityPage } from '../features/communities/routes/new-community-page.tsx';
import type { CommunityTab } from '../features/communities/components/community-tabs.tsx';
import { NewThreadPage } from '../features/discussions/routes/new-thread-page.tsx';
import { ThreadPage } from '../features/discussions/routes/thread-page.tsx';
import { EditEventPage } from '../features/events/routes/edit-event-page.tsx';
import { EventPage } from '../features/events/routes/event-page.tsx';
import { EventsPage } from '../features/events/routes/events-page.tsx';
import { NewEventPage } from '../features/events/routes/new-event-page.tsx';
import { HomePage } from '../features/home/routes/home-page.tsx';
import { LiveAnalyticsPage } from '../features/live-sessions/routes/live-analytics-page.tsx';
import { LiveConsolePage } from '../features/live-sessions/routes/live-console-page.tsx';
import { LiveListPage } from '../features/live-sessions/routes/live-list-page.tsx';
import { LivePlanPage } from '../features/live-sessions/routes/live-plan-page.tsx';
import { LiveSessionPage } from '../features/live-sessions/routes/live-session-page.tsx';
import { MediaCheckPage } from '../features/live-sessions/media/media-check-page.tsx';
import { NewLiveSessionPage } from '../features/live-sessions/routes/new-live-session-page.tsx';
import { ExpertsPage } from '../features/mentoring/routes/experts-page.tsx';
import { MentoringAdminPage } from '../features/mentoring/routes/mentoring-admin-page.tsx';
import { MentoringPage } from '../features/mentoring/routes/mentoring-page.tsx';
import { RelationshipPage } from '../features/mentoring/routes/relationship-page.tsx';
import { MessagesPage } from '../features/messages/routes/messages-page.tsx';
import { NewConversationPage } from '../features/messages/routes/new-conversation-page.tsx';
import { NotificationSettingsPage } from '../features/notifications/routes/notification-settings-page.tsx';
import { NotificationsPage } from '../features/notifications/routes/notifications-page.tsx';
import { EditPathwayPage } from '../features/pathways/routes/edit-pathway-page.tsx';
import { NewPathwayPage } from '../features/pathways/routes/new-pathway-page.tsx';
import { PathwayPage } from '../features/pathways/routes/pathway-page.tsx';
import { PathwaysPage } from '../features/pathways/routes/pathways-page.tsx';
import { EditProgramPage } from '../features/programs/routes/edit-program-page.tsx';
import { NewProgramPage } from '../features/programs/routes/new-program-page.tsx';
import { ProgramPage } from '../features/programs/routes/program-page.tsx';
import { ProgramPlanPage } from '../features/programs/routes/program-plan-page.tsx';
import { ProgramsPage } from '../features/programs/routes/programs-page.tsx';
import { CollectionPage } from '../features/resources/routes/collection-page.tsx';
import { LibraryPage } from '../features/resources/routes/library-page.tsx';
import { ResourcePage } from '../features/resources/routes/resource-page.tsx';
import { DirectoryPage } from '../features/people/routes/directory-page.tsx';
import { ProfilePage } from '../features/people/routes/profile-page.tsx';
import { SearchPage } from '../features/search/routes/search-page.tsx';
import { useRealtime } from '../lib/use-realtime.ts';
import { AppLayout } from './app-layout.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const TABS = ['discussions', 'resources', 'events', 'members', 'rules', 'settings'];

/** Everything behind sign-in: one realtime connection, the app shell and the pages. */
export function SignedInApp() {
  const realtime = useRealtime();
  return (
    <AppLayout realtime={realtime}>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/people" component={DirectoryPage} />
        <Route path="/people/:id">{(params) => <ProfilePage key={params.id} id={params.id} />}</Route>
        <Route path="/communities" component={CommunitiesPage} />
        <Route path="/communities/new" component={NewCommunityPage} />
        <Route path="/communities/:slug/new-thread">{(params) => <NewThreadPage key={params.slug} slug={params.slug} />}</Route>
        <Route path="/communities/:slug/:tab?">
          {(params) => (TABS.includes(params.tab ?? 'discussions') ? <CommunityPage slug={params.slug} tab={(params.tab ?? 'discussions') as CommunityTab} /> : <NotFoundPage />)}
        </Route>
        <Route path="/threads/:id">{(params) => <ThreadPage key={params.id} id={params.id} />}</Route>
        <Route path="/pathways" component={PathwaysPage} />
        <Route path="/pathways/new" component={NewPathwayPage} />
        <Route path="/pathways/:id/edit">{(params) => <EditPathwayPage key={params.id} id={params.id} />}</Route>
        <Route path="/pathways/:id">{(params) => <PathwayPage key={params.id} id={params.id} />}</Route>
        <Route path="/programs" component={ProgramsPage} />
        <Route path="/programs/new" component={NewProgramPage} />
        <Route path="/programs/:id/edit">{(params) => <EditProgramPage key={params.id} id={params.id} />}</Route>
        <Route path="/programs/:id/plan">{(params) => <ProgramPlanPage key={params.id} id={params.id} />}</Route>
        <Route path="/programs/:id">{(params) => <ProgramPage key={params.id} id={params.id} />}</Route>
        <Route path="/live" component={LiveListPage} />
        <Route path="/live/new" component={NewLiveSessionPage} />
        <Route path="/live/:id/plan">{(params) => <LivePlanPage key={params.id} id={params.id} />}</Route>
        <Route path="/live/:id/console">{(params) => <LiveConsolePage key={params.id} id={params.id} />}</Route>
        <Route path="/live/:id/analytics">{(params) => <LiveAnalyticsPage key={params.id} id={params.id} />}</Route>
        <Route path="/live/:id">{(params) => <LiveSessionPage key={params.id} id={params.id} />}</Route>
        <Route path="/live-media-check/:id">{(params) => <MediaCheckPage key={params.id} sessionId={params.id} />}</Route>
        <Route path="/events" component={EventsPage} />
        <Route path="/events/new" component={NewEventPage} />
        <Route path="/events/:id/edit">{(params) => <EditEventPage key={params.id} id={params.id} />}</Route>
        <Route path="/events/:id">{(params) => <EventPage key={params.id} id={params.id} />}</Route>
        <Route path="/mentoring">{() => <MentoringPage />}</Route>
        <Route path="/mentoring/admin" component={MentoringAdminPage} />
        <Route path="/mentoring/requests">{() => <MentoringPage focus="requests" />}</Route>
        <Route path="/mentoring/expert-questions/:id">{(params) => <ExpertsPage focusId={params.id} />}</Route>
        <Route path="/mentoring/relationships/:id">{(params) => <RelationshipPage key={params.id} id={params.id} />}</Route>
        <Route path="/experts">{() => <ExpertsPage />}</Route>
        <Route path="/notifications" component={NotificationsPage} />
        <Route path="/notifications/settings" component={NotificationSettingsPage} />
        <Route path="/messages">{() => <MessagesPage />}</Route>
        <Route path="/messages/new" component={NewConversationPage} />
        <Route path="/messages/:id">{(params) => <MessagesPage id={params.id} />}</Route>
        <Route path="/library" component={LibraryPage} />
        <Route path="/resources/:id">{(params) => <ResourcePage key={params.id} id={params.id} />}</Route>
        <Route path="/collections/:id">{(params) => <CollectionPage key={params.id} id={params.id} />}</Route>
        <Route path="/search" component={SearchPage} />
        <Route path="/admin/people" component={AdminPeoplePage} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppLayout>
  );
}
