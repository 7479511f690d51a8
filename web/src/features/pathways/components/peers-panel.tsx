import { Link } from 'wouter';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { usePathwayProgress } from '../api/use-pathway.ts';
import { ProgressBar } from './progress-bar.tsx';

/** Everyone enrolled and how far they are (live); people who hide their progress show as "progress hidden". */
export function PeersPanel({ pathwayId, myId }: { pathwayId: string; myId: string }) {
  const progress = usePathwayProgress(pathwayId);
  const items = progress.data?.items ?? [];
  return (
    <Card id="peers" title={<><Icon name="people" size={18} /> Peers</>} className="peers-card">
      {progress.isPending ? (
        <div className="stack-sm" aria-busy="true" aria-label="Loading peers">
          <Skeleton height={36} />
          <Skeleton height={36} />
        </div>
      ) : progress.isError ? (
        <p className="field-error" role="alert">
          <Icon name="alert" size={16} />
          {progress.error instanceof ApiError ? progress.error.detail : 'We could not load who is enrolled.'}
        </p>
      ) : items.length === 0 ? (
        <p className="muted small">Nobody has enrolled yet.</p>
      ) : (
        <ul className="peer-list" aria-label="Progress of people enrolled" aria-live="polite">
          {items.map((p) => (
            <li key={p.id} className="peer">
              <Avatar personId={p.id} name={p.name} size="sm" />
              <div className="peer-main">
                <Link href={`/people/${p.id}`} className="peer-name">
                  {p.name}
                  {p.id === myId ? <span className="muted"> (you)</span> : null}
                </Link>
                {p.done === null ? (
                  <span className="peer-hidden">
                    <Icon name="eyeOff" size={14} /> Progress hidden
                  </span>
                ) : (
                  <ProgressBar done={p.done} total={p.total} label={`Progress of ${p.name}`} compact />
                )}
              </div>
              {p.completedAt ? <Icon name="checkCircle" size={18} className="peer-complete" title="Completed" /> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
