import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { toQueryString } from '../../../lib/query-string.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';
import { useMe } from '../../auth/api/use-me.ts';
import { usePerson } from '../../people/api/use-person.ts';
import { type AuditFilters as ApiFilters, auditCsvUrl, useAuditLog } from '../api/use-audit-log.ts';
import { AdminTabs } from '../components/admin-tabs.tsx';
import { AuditEntryItem } from '../components/audit-entry-item.tsx';
import { AuditFilters, type AuditFilterValues } from '../components/audit-filters.tsx';
import { AdminsOnly } from '../components/admins-only.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f-]{36}$/i;

/** A local calendar day (YYYY-MM-DD) as the instant it starts, `plusDays` later. */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + plusDays).toISOString();
}

/** /admin/audit: who did what to whom and when, filtered, paged and downloadable as CSV. Org admins only. */
export function AdminAuditPage() {
  useDocumentTitle('Admin · Audit log');
  const { person } = useMe();
  const [params, setParams] = usePageSearchParams();
  const value: AuditFilterValues = {
    action: params.get('action') ?? '',
    actorId: UUID.test(params.get('actorId') ?? '') ? (params.get('actorId') as string) : '',
    targetId: UUID.test(params.get('targetId') ?? '') ? (params.get('targetId') as string) : '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const rangeOk = !(value.from && value.to && value.from > value.to);
  const filters: ApiFilters = {
    action: value.action || undefined,
    actorId: value.actorId || undefined,
    targetId: value.targetId || undefined,
    from: rangeOk ? dayStart(value.from) : undefined,
    to: rangeOk ? dayStart(value.to, 1) : undefined,
  };
  const isAdmin = person.roles.includes('admin');
  const log = useAuditLog(filters);
  const actor = usePerson(value.actorId || person.id);
  const target = usePerson(value.targetId || person.id);
  const change = (next: Partial<AuditFilterValues>) => setParams(new URLSearchParams(toQueryString({ ...value, ...next }).slice(1)), { replace: true });
  const filterHref = (key: 'actorId' | 'targetId', id: string) => `/admin/audit${toQueryString({ ...value, [key]: id })}`;

  if (!isAdmin)
    return (
      <AdminsOnly>
        The audit log shows what admins did in your organization.
      </AdminsOnly>
    );
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title="Audit log"
        subtitle="Every admin act in your organization: who did what to whom, when, and what changed. Entries cannot be edited or removed."
        actions={
          <a className="btn btn-secondary" href={auditCsvUrl(filters)} download>
            <Icon name="download" size={17} /> Download CSV
          </a>
        }
      />
      <AdminTabs current="audit" />
      <section className="card stack" aria-label="Filters">
        <AuditFilters
          value={value}
          onChange={change}
          names={{ actor: value.actorId ? actor.data?.name : undefined, target: value.targetId ? target.data?.name : undefined }}
        />
      </section>
      {log.isPending ? (
        <div className="stack" aria-busy="true" aria-label="Loading the audit log">
          <Skeleton height={72} />
          <Skeleton height={72} />
          <Skeleton height={72} />
        </div>
      ) : log.isError ? (
        <ErrorState error={log.error} title="We couldn't load the audit log" onRetry={() => log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState icon="shield" title="No entries match these filters">
          Change or remove a filter to see more.
        </EmptyState>
      ) : (
        <>
          <ol className="audit-list" aria-label="Audit entries, newest first">
            {entries.map((e) => (
              <AuditEntryItem key={e.id} entry={e} filterHref={filterHref} />
            ))}
          </ol>
          {log.hasNextPage ? (
            <div className="row" style={{ justifyContent: 'center' }}>
              <Button variant="secondary" loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                Show older entries
              </Button>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}
