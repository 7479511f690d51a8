import { Link } from 'wouter';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { useSurveyList } from '../api/use-surveys.ts';
import { SurveyRow } from '../components/survey-row.tsx';
import '../surveys.css';

/** /surveys — surveys waiting for my answer, and the ones I run (creators, hosts, facilitators, admins, analysts). */
export function SurveysPage() {
  useDocumentTitle('Surveys');
  const me = useMe();
  const forMe = useSurveyList('for-me');
  const managed = useSurveyList('managed');
  const mayCreate = me.person.roles.some((r) => ['admin', 'facilitator', 'moderator'].includes(r)) || (managed.data?.items.length ?? 0) > 0;
  return (
    <div className="survey-page stack">
      <PageHeader
        title="Surveys"
        subtitle="Short questionnaires from your organization, communities, programs and events. Anonymous ones never show who said what."
        actions={
          mayCreate ? (
            <Link href="/surveys/new" className="btn btn-primary">
              New survey
            </Link>
          ) : null
        }
      />
      <Card title="Waiting for your answer" id="surveys-for-me">
        {forMe.isPending ? (
          <SkeletonRows label="Loading your surveys" rowClassName="survey-row" rows={2} />
        ) : forMe.isError ? (
          <ErrorState error={forMe.error} title="Your surveys could not be loaded" onRetry={() => forMe.refetch()} />
        ) : forMe.data.items.length === 0 ? (
          <EmptyState icon="check" title="Nothing to answer">
            When a survey is opened for you, it appears here and on Home.
          </EmptyState>
        ) : (
          <ul className="survey-list">
            {forMe.data.items.map((s) => (
              <SurveyRow key={s.id} s={s} mode="answer" />
            ))}
          </ul>
        )}
      </Card>
      {managed.isError ? (
        <ErrorState error={managed.error} title="The surveys you run could not be loaded" onRetry={() => managed.refetch()} />
      ) : managed.data && managed.data.items.length > 0 ? (
        <Card title="Surveys you run or read" id="surveys-managed">
          <ul className="survey-list">
            {managed.data.items.map((s) => (
              <SurveyRow key={s.id} s={s} mode="manage" />
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
