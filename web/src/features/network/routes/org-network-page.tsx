import { lazy, Suspense } from 'react';
import { useLocation } from 'wouter';
import { NETWORK_MAX_RANGE_DAYS } from '../../../../../contracts/index.ts';
import { type DayRange, lastDays, RangePicker, rangeProblem } from '../../../components/range/range-picker.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';
import { AdminTabs } from '../../admin/components/admin-tabs.tsx';
import { AdminsOnly } from '../../admin/components/admins-only.tsx';
import { useMe } from '../../auth/api/use-me.ts';
import { InsightsTabs } from '../../insights/components/insights-tabs.tsx';
import { useDepartmentNetwork, useNetworkGraph, useNetworkReport } from '../api/use-org-network.ts';
import { DeptCommunities } from '../components/dept-communities.tsx';
import { DeptEiChart } from '../components/dept-ei-chart.tsx';
import { DeptMatrix } from '../components/dept-matrix.tsx';
import { OrgBrokers } from '../components/org-brokers.tsx';
import { OrgHeadline } from '../components/org-headline.tsx';
import '../components/org-network.css';

// sigma.js, graphology and the layout load only when the picture is shown.
const NetworkPicture = lazy(() => import('../components/network-picture.tsx').then((m) => ({ default: m.NetworkPicture })));

/** The network picture for the range, loading on its own so the figures do not wait for it. */
function PictureCard({ range, enabled }: { range: DayRange; enabled: boolean }) {
  const graph = useNetworkGraph(range, enabled);
  return (
    <Card title="The network">
      {graph.isError ? (
        <ErrorState error={graph.error} title="We couldn't load the picture" onRetry={() => graph.refetch()} />
      ) : !graph.data ? (
        <Skeleton height={360} />
      ) : (
        <Suspense fallback={<Skeleton height={360} />}>
          <NetworkPicture data={graph.data} />
        </Suspense>
      )}
    </Card>
  );
}

/** The page's figures once both answers are in: headline, matrix, E-I over time, brokers and communities. */
function NetworkFigures({ range, enabled }: { range: DayRange; enabled: boolean }) {
  const report = useNetworkReport(range, enabled);
  const departments = useDepartmentNetwork(range, enabled);
  if (!enabled && !(report.data && departments.data)) return null;
  if (report.isPending || departments.isPending)
    return (
      <div className="stack" aria-busy="true" aria-label="Loading the network">
        <Skeleton height={110} />
        <Skeleton height={220} />
        <Skeleton height={220} />
      </div>
    );
  if (report.isError || departments.isError)
    return (
      <ErrorState
        error={report.error ?? departments.error}
        title="We couldn't load the network"
        onRetry={() => {
          report.refetch();
          departments.refetch();
        }}
      />
    );
  const r = report.data;
  const d = departments.data;
  if (r.ties === 0)
    return (
      <EmptyState icon="people" title="No interactions recorded in this range yet">
        Ties appear as people reply, message, meet in programs and live sessions.
      </EmptyState>
    );
  return (
    <div className="stack org-network" data-stale={report.isPlaceholderData || departments.isPlaceholderData ? 'true' : undefined}>
      <Card title="At a glance">
        <OrgHeadline report={r} />
      </Card>
      <PictureCard range={range} enabled={enabled} />
      <Card title="Between departments">
        {d.departments.length ? <DeptMatrix data={d} /> : <p className="muted">No department has 5 or more people yet, so there is nothing to show by department.</p>}
      </Card>
      <Card title="Mixing over time">{d.eiByMonth.departments.length ? <DeptEiChart data={d.eiByMonth} /> : <p className="muted">No department of 5 or more people to show yet.</p>}</Card>
      <div className="org-network-pair">
        <Card title="Brokers">
          <OrgBrokers report={r} />
        </Card>
        <Card title="Communities and departments">
          <DeptCommunities communities={d.communities} />
        </Card>
      </div>
    </div>
  );
}

/** /admin/network: the organization's interaction network for org admins — by department, over time, with brokers. */
export function OrgNetworkPage() {
  useDocumentTitle('Admin · Network');
  const { person } = useMe();
  const [location] = useLocation();
  const [params, setParams] = usePageSearchParams();
  const fallback = lastDays(90);
  const range: DayRange = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const problem = rangeProblem(range, NETWORK_MAX_RANGE_DAYS, 'Choose a range of at most three years.');
  const isAdmin = person.roles.includes('admin');
  // The same page is Admin → Network and Insights → Network; its tabs follow the way one came.
  const underInsights = location.startsWith('/insights');
  if (!isAdmin && !person.roles.includes('analyst')) {
    return <AdminsOnly title="For org admins and analysts">The organization network shows how people across your organization interact.</AdminsOnly>;
  }
  return (
    <>
      <PageHeader
        title="Organization network"
        subtitle="Who interacts with whom across departments. Counts only, never what was said; departments of fewer than 5 people are shown together as small teams."
      />
      {underInsights ? <InsightsTabs current="network" /> : isAdmin && <AdminTabs current="network" />}
      <div className="stack">
        <section className="card" aria-label="Range">
          <RangePicker value={range} error={problem} onChange={(next) => setParams(new URLSearchParams(next), { replace: true })} />
        </section>
        <NetworkFigures range={range} enabled={!problem} />
      </div>
    </>
  );
}
