import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useMyCheckins } from '../api/use-checkins.ts';
import { CheckinList } from '../components/checkin-list.tsx';
import '../checkins.css';

/** /checkins — check-ins with my reports (due, overdue, held) and with my manager, weeks after a program. */
export function CheckinsPage() {
  useDocumentTitle('Check-ins');
  const q = useMyCheckins();
  return (
    <div className="checkins-page stack">
      <PageHeader title="Check-ins" subtitle="Some weeks after a program, each learner meets their manager to talk about putting it to use." />
      {q.isPending ? (
        <Card>
          <SkeletonRows label="Loading your check-ins" rowClassName="checkin-item" rows={2} />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} title="Your check-ins could not be loaded" onRetry={() => q.refetch()} />
      ) : (
        <>
          {q.data.asManager.length > 0 ? (
            <Card title="With your team" id="checkins-team">
              <CheckinList items={q.data.asManager} as="manager" empty="" />
            </Card>
          ) : null}
          <Card title="With your manager" id="checkins-mine">
            <CheckinList items={q.data.asLearner} as="learner" empty="When a program you took sets a check-in, it appears here and you are reminded." />
          </Card>
        </>
      )}
    </div>
  );
}
