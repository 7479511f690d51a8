import { Breadcrumb } from '../../../components/ui/breadcrumb.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useProgramCheckins } from '../api/use-checkins.ts';
import { CheckinList } from '../components/checkin-list.tsx';
import '../checkins.css';

/** /programs/:id/checkins — the program's check-ins for its facilitators: who met, who is overdue. */
export function ProgramCheckinsPage({ id }: { id: string }) {
  useDocumentTitle('Program check-ins');
  const q = useProgramCheckins(id);
  const title = q.data?.items[0]?.program.title ?? 'Program';
  return (
    <div className="checkins-page stack">
      <Breadcrumb trail={[{ href: '/programs', label: 'Programs' }, { href: `/programs/${id}`, label: title }]} current="Check-ins" />
      <PageHeader title="Check-ins" subtitle="Learners and their managers, weeks after the program. Overdue ones were reminded; nudge the manager if they still have not met." />
      <Card>
        {q.isPending ? (
          <SkeletonRows label="Loading check-ins" rowClassName="checkin-item" rows={3} />
        ) : q.isError ? (
          <ErrorState error={q.error} title="The check-ins could not be loaded" onRetry={() => q.refetch()} />
        ) : (
          <CheckinList items={q.data.items} as="facilitator" empty="None yet: check-ins appear when they fall due." />
        )}
      </Card>
    </div>
  );
}
