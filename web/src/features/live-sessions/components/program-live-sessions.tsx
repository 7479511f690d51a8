import { Link } from 'wouter';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useLiveSessions } from '../api/use-live.ts';
import { SessionList } from './session-list.tsx';
import '../live.css';

/** A program page's live sessions (live first), with "New live session" for its facilitators. */
export function ProgramLiveSessions({ programId, canFacilitate }: { programId: string; canFacilitate: boolean }) {
  const list = useLiveSessions(programId);
  const items = list.data?.items ?? [];
  if (!canFacilitate && !list.isPending && items.length === 0) return null;
  return (
    <section aria-labelledby="program-live-title">
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 'var(--space-3)' }}>
        <h2 id="program-live-title" className="section-title" style={{ margin: 0 }}>
          Live sessions
        </h2>
        {canFacilitate ? (
          <Link href={`/live/new?programId=${encodeURIComponent(programId)}`} className="btn btn-secondary btn-sm">
            <Icon name="plus" size={16} /> New live session
          </Link>
        ) : null}
      </div>
      {list.isPending ? (
        <Skeleton height={80} />
      ) : list.isError ? (
        <p className="section-empty">Could not load the live sessions.</p>
      ) : items.length ? (
        <SessionList items={items} label="Live sessions of this program" />
      ) : (
        <p className="section-empty">No live sessions yet. Plan one from the graduated template: everyone together, then small groups, then learning partners.</p>
      )}
    </section>
  );
}
