import { useSearchParams } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { CheckinsDueCard } from '../../checkins/components/checkins-due-card.tsx';
import { FeedCard } from '../../feeds/components/feed-card.tsx';
import { MyTeamCard } from '../components/my-team-card.tsx';
import { OnlineNowCard } from '../components/online-now-card.tsx';
import { QuickLinks } from '../components/quick-links.tsx';
import { SuggestionsCard } from '../components/suggestions-card.tsx';
import { SurveysAwaitingCard } from '../../surveys/components/surveys-awaiting-card.tsx';

function greeting(timeZone: string | null): string {
  let hour = new Date().getHours();
  try {
    if (timeZone) hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(new Date()));
  } catch {
    /* unknown zone: use the browser's clock */
  }
  if (hour < 5) return 'Working late';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** Home: a warm greeting, your feed, who is online now, your team and quick links. */
export function HomePage() {
  useDocumentTitle('Home');
  const { person, organization } = useMe();
  const [params] = useSearchParams();
  const firstName = person.name.split(/\s+/)[0] ?? person.name;
  return (
    <>
      {params.get('welcome') ? (
        <div style={{ marginBottom: 16 }}>
          <Alert tone="success">You're in! Welcome to {organization.name} on Hearth.</Alert>
        </div>
      ) : null}
      <section className="home-hero" aria-labelledby="home-title">
        <Avatar personId={person.id} name={person.name} src={person.avatarUrl} size="lg" />
        <div>
          <h1 id="home-title">
            {greeting(person.timeZone)}, {firstName}
          </h1>
          <p>Here's who's around at {organization.name} today. Someone nearby probably knows exactly what you want to learn next.</p>
        </div>
      </section>
      <div className="home-grid">
        <FeedCard />
        {/* Who is around and one's own team stay in view beside the feed on a wide screen; below it on a phone. */}
        <div className="stack">
          <SurveysAwaitingCard />
          <CheckinsDueCard />
          <OnlineNowCard meId={person.id} />
          <MyTeamCard person={person} />
          <SuggestionsCard meId={person.id} />
          <QuickLinks person={person} />
        </div>
      </div>
    </>
  );
}
