import { Route, Switch } from 'wouter';
import type { CommunityTab } from '../features/communities/components/community-tabs.tsx';
import { useRealtime } from '../lib/use-realtime.ts';
import { AppLayout } from './app-layout.tsx';
import { lazyPage, PageBoundary } from './lazy-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';

// Each page is its own chunk, fetched on first visit (see lazy-page.tsx).
const SystemPage = lazyPage(() => import('../features/system/routes/system-page.tsx').then((m) => m.SystemPage));
const AdminAuditPage = lazyPage(() => import('../features/admin/routes/admin-audit-page.tsx').then((m) => m.AdminAuditPage));
const AdminSettingsPage = lazyPage(() => import('../features/admin/routes/admin-settings-page.tsx').then((m) => m.AdminSettingsPage));
const AdminPeoplePage = lazyPage(() => import('../features/admin/routes/admin-people-page.tsx').then((m) => m.AdminPeoplePage));
const ProgramImpactPage = lazyPage(() => import('../features/impact/routes/program-impact-page.tsx').then((m) => m.ProgramImpactPage));
const SkillGapsPage = lazyPage(() => import('../features/skill-gaps/routes/skill-gaps-page.tsx').then((m) => m.SkillGapsPage));
const OrgNetworkPage = lazyPage(() => import('../features/network/routes/org-network-page.tsx').then((m) => m.OrgNetworkPage));
const CommunitiesPage = lazyPage(() => import('../features/communities/routes/communities-page.tsx').then((m) => m.CommunitiesPage));
const CommunityPage = lazyPage(() => import('../features/communities/routes/community-page.tsx').then((m) => m.CommunityPage));
const NewCommunityPage = lazyPage(() => import('../features/communities/routes/new-community-page.tsx').then((m) => m.NewCommunityPage));
const NewThreadPage = lazyPage(() => import('../features/discussions/routes/new-thread-page.tsx').then((m) => m.NewThreadPage));
const ThreadPage = lazyPage(() => import('../features/discussions/routes/thread-page.tsx').then((m) => m.ThreadPage));
const EditEventPage = lazyPage(() => import('../features/events/routes/edit-event-page.tsx').then((m) => m.EditEventPage));
const EventPage = lazyPage(() => import('../features/events/routes/event-page.tsx').then((m) => m.EventPage));
const EventsPage = lazyPage(() => import('../features/events/routes/events-page.tsx').then((m) => m.EventsPage));
const NewEventPage = lazyPage(() => import('../features/events/routes/new-event-page.tsx').then((m) => m.NewEventPage));
const HomePage = lazyPage(() => import('../features/home/routes/home-page.tsx').then((m) => m.HomePage));
const LiveAnalyticsPage = lazyPage(() => import('../features/live-sessions/routes/live-analytics-page.tsx').then((m) => m.LiveAnalyticsPage));
const LiveConsolePage = lazyPage(() => import('../features/live-sessions/routes/live-console-page.tsx').then((m) => m.LiveConsolePage));
const LiveListPage = lazyPage(() => import('../features/live-sessions/routes/live-list-page.tsx').then((m) => m.LiveListPage));
const LivePlanPage = lazyPage(() => import('../features/live-sessions/routes/live-plan-page.tsx').then((m) => m.LivePlanPage));
const LiveSessionPage = lazyPage(() => import('../features/live-sessions/routes/live-session-page.tsx').then((m) => m.LiveSessionPage));
const MediaCheckPage = lazyPage(() => import('../features/live-sessions/media/media-check-page.tsx').then((m) => m.MediaCheckPage));
const NewLiveSessionPage = lazyPage(() => import('../features/live-sessions/routes/new-live-session-page.tsx').then((m) => m.NewLiveSessionPage));
const ExpertsPage = lazyPage(() => import('../features/mentoring/routes/experts-page.tsx').then((m) => m.ExpertsPage));
const MentoringAdminPage = lazyPage(() => import('../features/mentoring/routes/mentoring-admin-page.tsx').then((m) => m.MentoringAdminPage));
const MentoringPage = lazyPage(() => import('../features/mentoring/routes/mentoring-page.tsx').then((m) => m.MentoringPage));
const RelationshipPage = lazyPage(() => import('../features/mentoring/routes/relationship-page.tsx').then((m) => m.RelationshipPage));
const PlansPage = lazyPage(() => import('../features/follow-through/routes/plans-page.tsx').then((m) => m.PlansPage));
const JournalPage = lazyPage(() => import('../features/follow-through/routes/journal-page.tsx').then((m) => m.JournalPage));
const MessagesPage = lazyPage(() => import('../features/messages/routes/messages-page.tsx').then((m) => m.MessagesPage));
const NewConversationPage = lazyPage(() => import('../features/messages/routes/new-conversation-page.tsx').then((m) => m.NewConversationPage));
const NotificationSettingsPage = lazyPage(() => import('../features/notifications/routes/notification-settings-page.tsx').then((m) => m.NotificationSettingsPage));
const NotificationsPage = lazyPage(() => import('../features/notifications/routes/notifications-page.tsx').then((m) => m.NotificationsPage));
const InsightsPage = lazyPage(() => import('../features/insights/routes/insights-page.tsx').then((m) => m.InsightsPage));
const MyNetworkPage = lazyPage(() => import('../features/network/routes/my-network-page.tsx').then((m) => m.MyNetworkPage));
const EditPathwayPage = lazyPage(() => import('../features/pathways/routes/edit-pathway-page.tsx').then((m) => m.EditPathwayPage));
const NewPathwayPage = lazyPage(() => import('../features/pathways/routes/new-pathway-page.tsx').then((m) => m.NewPathwayPage));
const PathwayPage = lazyPage(() => import('../features/pathways/routes/pathway-page.tsx').then((m) => m.PathwayPage));
const PathwaysPage = lazyPage(() => import('../features/pathways/routes/pathways-page.tsx').then((m) => m.PathwaysPage));
const EditProgramPage = lazyPage(() => import('../features/programs/routes/edit-program-page.tsx').then((m) => m.EditProgramPage));
const NewProgramPage = lazyPage(() => import('../features/programs/routes/new-program-page.tsx').then((m) => m.NewProgramPage));
const ProgramPage = lazyPage(() => import('../features/programs/routes/program-page.tsx').then((m) => m.ProgramPage));
const ProgramPlanPage = lazyPage(() => import('../features/programs/routes/program-plan-page.tsx').then((m) => m.ProgramPlanPage));
const ProgramsPage = lazyPage(() => import('../features/programs/routes/programs-page.tsx').then((m) => m.ProgramsPage));
const CollectionPage = lazyPage(() => import('../features/resources/routes/collection-page.tsx').then((m) => m.CollectionPage));
const LibraryPage = lazyPage(() => import('../features/resources/routes/library-page.tsx').then((m) => m.LibraryPage));
const ResourcePage = lazyPage(() => import('../features/resources/routes/resource-page.tsx').then((m) => m.ResourcePage));
const DirectoryPage = lazyPage(() => import('../features/people/routes/directory-page.tsx').then((m) => m.DirectoryPage));
const ProfilePage = lazyPage(() => import('../features/people/routes/profile-page.tsx').then((m) => m.ProfilePage));
const CheckinsPage = lazyPage(() => import('../features/checkins/routes/checkins-page.tsx').then((m) => m.CheckinsPage));
const ProgramCheckinsPage = lazyPage(() => import('../features/checkins/routes/program-checkins-page.tsx').then((m) => m.ProgramCheckinsPage));
const SurveysPage = lazyPage(() => import('../features/surveys/routes/surveys-page.tsx').then((m) => m.SurveysPage));
const NewSurveyPage = lazyPage(() => import('../features/surveys/routes/new-survey-page.tsx').then((m) => m.NewSurveyPage));
const SurveyPage = lazyPage(() => import('../features/surveys/routes/survey-page.tsx').then((m) => m.SurveyPage));
const SurveyResultsPage = lazyPage(() => import('../features/surveys/routes/survey-results-page.tsx').then((m) => m.SurveyResultsPage));
const SearchPage = lazyPage(() => import('../features/search/routes/search-page.tsx').then((m) => m.SearchPage));

const TABS = ['discussions', 'resources', 'events', 'members', 'rules', 'settings'];

/** Everything behind sign-in: one realtime connection, the app shell and the pages. */
export function SignedInApp() {
  const realtime = useRealtime();
  return (
    <AppLayout realtime={realtime}>
      <PageBoundary>
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
          <Route path="/plans" component={PlansPage} />
          <Route path="/journal" component={JournalPage} />
          <Route path="/surveys" component={SurveysPage} />
          <Route path="/surveys/new" component={NewSurveyPage} />
          <Route path="/surveys/:id/results">{(params) => <SurveyResultsPage key={params.id} id={params.id} />}</Route>
          <Route path="/surveys/:id">{(params) => <SurveyPage key={params.id} id={params.id} />}</Route>
          <Route path="/programs" component={ProgramsPage} />
          <Route path="/programs/new" component={NewProgramPage} />
          <Route path="/programs/:id/edit">{(params) => <EditProgramPage key={params.id} id={params.id} />}</Route>
          <Route path="/programs/:id/checkins">{(params) => <ProgramCheckinsPage key={params.id} id={params.id} />}</Route>
          <Route path="/checkins" component={CheckinsPage} />
          <Route path="/programs/:id/impact">{(params) => <ProgramImpactPage key={params.id} id={params.id} />}</Route>
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
          <Route path="/network/me" component={MyNetworkPage} />
          <Route path="/insights" component={InsightsPage} />
          <Route path="/search" component={SearchPage} />
          <Route path="/admin/people" component={AdminPeoplePage} />
          <Route path="/admin/system" component={SystemPage} />
          <Route path="/admin/audit" component={AdminAuditPage} />
          <Route path="/admin/settings" component={AdminSettingsPage} />
          <Route path="/admin/network" component={OrgNetworkPage} />
          <Route path="/insights/skills" component={SkillGapsPage} />
          <Route path="/insights/network" component={OrgNetworkPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </PageBoundary>
    </AppLayout>
  );
}
