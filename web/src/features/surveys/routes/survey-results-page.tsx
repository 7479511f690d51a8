import { Alert } from '../../../components/ui/alert.tsx';
import { Breadcrumb } from '../../../components/ui/breadcrumb.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { toQueryString } from '../../../lib/query-string.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';
import { useSurveyResults } from '../api/use-surveys.ts';
import { BreakdownChart } from '../components/breakdown-chart.tsx';
import { ResultsBody } from '../components/results-body.tsx';
import { SurveyFacts } from '../components/survey-facts.tsx';
import '../surveys.css';

/** /surveys/:id/results — charts per question, a department breakdown and the CSV; withheld below 5 responses. */
export function SurveyResultsPage({ id }: { id: string }) {
  const [params, setParams] = usePageSearchParams();
  const view = params.get('view') === 'department' ? 'department' : 'all';
  const query: Record<string, string> = view === 'department' ? { by: 'department' } : {};
  const results = useSurveyResults(id, query);
  useDocumentTitle(results.data ? `Results: ${results.data.survey.title}` : 'Survey results');
  if (results.isPending) return <SkeletonRows label="Loading the results" rowClassName="survey-skeleton" rows={4} />;
  if (results.isError) return <ErrorState error={results.error} title="These results could not be shown" onRetry={() => results.refetch()} />;
  const r = results.data;
  return (
    <div className="survey-page stack">
      <Breadcrumb trail={[{ href: '/surveys', label: 'Surveys' }, { href: `/surveys/${id}`, label: r.survey.title }]} current="Results" />
      <PageHeader
        title={`Results: ${r.survey.title}`}
        subtitle={<SurveyFacts s={r.survey} />}
        actions={
          <a className="btn btn-secondary" href={`/api/surveys/${id}/results.csv${toQueryString(query)}`} download>
            Download CSV
          </a>
        }
      />
      {r.survey.anonymous ? (
        <p className="muted">Anonymous: nobody, admins included, can see who answered what. Figures appear only for 5 or more people.</p>
      ) : null}
      <div className="row survey-view-switch">
        <label className="field-label" htmlFor="survey-view">
          Show
        </label>
        <Select id="survey-view" value={view} onChange={(e) => setParams(e.target.value === 'department' ? { view: 'department' } : {})}>
          <option value="all">Everyone together</option>
          <option value="department">By department</option>
        </Select>
      </div>
      {r.withheld ? (
        <Card>
          <Alert tone="info">{r.withheldReason ?? 'Fewer than 5 people have answered yet.'} Nothing is shown until then, so no answer can be traced to a person.</Alert>
        </Card>
      ) : (
        <>
          <p>
            <strong>{r.responses}</strong> {r.responses === 1 ? 'person has' : 'people have'} answered.
          </p>
          {view === 'department' ? (
            <Card>
              <BreakdownChart r={r} />
            </Card>
          ) : null}
          <ResultsBody questions={r.questions} />
        </>
      )}
    </div>
  );
}
