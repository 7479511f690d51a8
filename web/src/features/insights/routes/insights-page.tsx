import { ANALYTICS_MAX_RANGE_DAYS, type AnalyticsScope } from '../../../../../contracts/index.ts';
import { type DayRange, lastDays, RangePicker, rangeProblem } from '../../../components/range/range-picker.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { InsightsTabs } from '../components/insights-tabs.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';
import { useInsight, useInsightScopes } from '../api/use-insights.ts';
import { DailyActiveChart, WeeklyPostsChart } from '../components/activity-charts.tsx';
import { FunnelCharts } from '../components/funnel-charts.tsx';
import { InsightCard, num, StatTiles } from '../components/insight-card.tsx';
import { PopularCharts } from '../components/popular-charts.tsx';
import { ScopePicker, scopeKey } from '../components/scope-picker.tsx';
import { TalkTimeChart } from '../components/talk-time-chart.tsx';
import '../components/insights.css';

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);
const hours = (h: number | null) => (h === null ? '–' : h < 1 ? `${Math.round(h * 60)} min` : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`);

/** Every section of figures for one scope and range. */
function InsightSections({ scope, range, enabled }: { scope: AnalyticsScope; range: DayRange; enabled: boolean }) {
  const activity = useInsight('activity', scope, range, enabled);
  const questions = useInsight('questions', scope, range, enabled);
  const popular = useInsight('popular', scope, range, enabled);
  const funnels = useInsight('funnels', scope, range, enabled);
  const live = useInsight('live', scope, range, enabled);
  return (
    <>
      <InsightCard title="Activity" query={activity} withheldNote="">
        {(d) => (
            <>
              <StatTiles
                tiles={[
                  { label: 'People in scope', value: num(d.people) },
                  { label: 'Active in range', value: num(d.totals.active) },
                  { label: 'Active per day (avg)', value: num(d.totals.averageDaily, 1) },
                  { label: 'Posts', value: num(d.totals.posts) },
                  { label: 'Replies', value: num(d.totals.replies) },
                ]}
              />
              <DailyActiveChart data={d} />
              <WeeklyPostsChart data={d} />
            </>
        )}
      </InsightCard>
      <InsightCard title="Questions and answers" query={questions} withheldNote="Fewer than 5 people of this team asked questions in this range.">
        {(d) => (
          <StatTiles
            tiles={[
              { label: 'Questions asked', value: num(d.questions) },
              { label: 'Answered', value: num(d.answered) },
              { label: 'Unanswered', value: pct(d.unansweredShare) },
              { label: 'Median time to first answer', value: hours(d.medianHoursToFirstAnswer) },
            ]}
          />
        )}
      </InsightCard>
      <InsightCard title="Popular" query={popular} withheldNote="Tags, threads and resources fewer than 5 people of this team took part in are left out.">
        {(d) => <PopularCharts data={d} />}
      </InsightCard>
      <InsightCard title="Pathways and programs" query={funnels} withheldNote="Pathways and programs fewer than 5 people of this team enrolled in are left out.">
        {(d) => <FunnelCharts data={d} />}
      </InsightCard>
      <InsightCard title="Live sessions and mentoring" query={live} withheldNote="Live sessions or mentoring with fewer than 5 people of this team are not shown.">
        {(d) => (
          <>
            {d.live && (
              <>
                <StatTiles tiles={[{ label: 'Live sessions', value: num(d.live.sessions) }, { label: 'People who attended', value: num(d.live.participants) }]} />
                <TalkTimeChart live={d.live} />
              </>
            )}
            {d.mentoring && (
              <StatTiles
                tiles={[
                  { label: 'Mentoring relationships', value: num(d.mentoring.active) },
                  { label: 'Started', value: num(d.mentoring.started) },
                  { label: 'Ended', value: num(d.mentoring.ended) },
                  { label: 'Meetings', value: num(d.mentoring.meetings) },
                  { label: 'Check-ins', value: num(d.mentoring.checkIns) },
                  { label: 'Check-in rating (avg)', value: d.mentoring.averageRating === null ? '–' : `${d.mentoring.averageRating.toFixed(1)} / 5` },
                ]}
              />
            )}
          </>
        )}
      </InsightCard>
    </>
  );
}

/** /insights: engagement figures for the scopes this person may see (organization, departments, communities, programs, their team). */
export function InsightsPage() {
  useDocumentTitle('Insights');
  const scopes = useInsightScopes();
  const [params, setParams] = usePageSearchParams();
  const fallback = lastDays(90);
  const range: DayRange = { from: params.get('from') ?? fallback.from, to: params.get('to') ?? fallback.to };
  const problem = rangeProblem(range, ANALYTICS_MAX_RANGE_DAYS, 'Choose a range of at most a year.');
  const set = (next: { scope?: string; from: string; to: string }) => setParams(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]), { replace: true });
  const header = (
    <>
      <PageHeader title="Insights" subtitle="How people take part: activity, questions, what is popular, pathways and programs, live sessions and mentoring. Counts only." />
      <InsightsTabs current="engagement" />
    </>
  );
  if (scopes.isPending)
    return (
      <>
        {header}
        <div className="stack" aria-busy="true" aria-label="Loading insights">
          <Skeleton height={90} />
          <Skeleton height={240} />
        </div>
      </>
    );
  if (scopes.isError)
    return (
      <>
        {header}
        <ErrorState error={scopes.error} title="We couldn't load your insights" onRetry={() => scopes.refetch()} />
      </>
    );
  const list = scopes.data.scopes;
  if (!list.length)
    return (
      <>
        {header}
        <EmptyState icon="chart" title="Nothing to show you yet">
          Insights are for org admins and analysts, community owners and moderators, program facilitators, and managers (about their team).
        </EmptyState>
      </>
    );
  const scope = list.find((s) => scopeKey(s) === params.get('scope')) ?? list[0];
  return (
    <>
      {header}
      <div className="stack">
        <section className="card insights-controls" aria-label="What to show">
          <ScopePicker scopes={list} value={scope} onChange={(s) => set({ scope: scopeKey(s), ...range })} />
          <RangePicker value={range} error={problem} onChange={(next) => set({ scope: scopeKey(scope), ...next })} />
        </section>
        <InsightSections key={scopeKey(scope)} scope={scope} range={range} enabled={!problem} />
      </div>
    </>
  );
}
