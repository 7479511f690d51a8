import type { MyNetwork } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { plural } from '../../../lib/plural.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useMyNetwork } from '../api/use-my-network.ts';
import { MyDepartmentsChart } from '../components/my-departments-chart.tsx';
import { MyPeopleToMeet } from '../components/my-people-to-meet.tsx';
import { MyQuarterCard } from '../components/my-quarter-card.tsx';
import '../my-network.css';

/** The headline: departments met out of all, and the figures behind it. */
function MySummary({ network: n }: { network: MyNetwork }) {
  const met = n.byDepartment.filter((d) => d.department !== null).length;
  return (
    <Card id="my-summary" warm>
      <p className="my-headline">
        {n.people === 0 ? "You haven't met anyone on Hearth yet." : `You've met people in ${met} of ${plural(n.departmentsTotal, 'department')}.`}
      </p>
      <dl className="stats my-stats">
        <div className="stat">
          <dt className="stat-label">People you've met</dt>
          <dd className="stat-value">{n.people}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Outside your department</dt>
          <dd className="stat-value">{n.outsideShare === null ? '–' : `${Math.round(n.outsideShare * 100)}%`}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">New this quarter</dt>
          <dd className="stat-value">{n.thisQuarter.newPeople}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** "My network": who one has met across the organization, how that grows, and who to meet next. Only one's own. */
export function MyNetworkPage() {
  useDocumentTitle('My network');
  const { person } = useMe();
  const network = useMyNetwork();
  return (
    <>
      <PageHeader title="My network" subtitle="The colleagues you've worked with on Hearth. This page is yours alone: nobody else sees these names." />
      {network.isPending ? (
        <div className="stack" aria-busy="true" aria-label="Loading your network">
          <Skeleton height={96} />
          <Skeleton height={220} />
        </div>
      ) : network.isError ? (
        <ErrorState error={network.error} title="Your network could not be loaded" onRetry={() => void network.refetch()} />
      ) : (
        <div className="stack">
          <MySummary network={network.data} />
          <div className="my-grid">
            <Card id="my-departments" title="Departments you've met">
              {network.data.byDepartment.length ? (
                <MyDepartmentsChart rows={network.data.byDepartment} />
              ) : (
                <EmptyState icon="people" title="Nobody yet">
                  Replying to a thread, mentioning someone, answering a question, a direct message, mentoring, a cohort or a breakout group all count as
                  meeting someone.
                </EmptyState>
              )}
            </Card>
            <MyQuarterCard network={network.data} />
          </div>
          <MyPeopleToMeet items={network.data.toMeet} meId={person.id} />
        </div>
      )}
    </>
  );
}
