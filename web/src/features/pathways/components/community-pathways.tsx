import { Link } from 'wouter';
import type { Community } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { plural } from '../../../lib/plural.ts';
import { usePathways } from '../api/use-pathways.ts';
import { ProgressBar } from './progress-bar.tsx';

/** A community page's side card: its pathways (featured first, with the person's progress) and a way to add one. */
export function CommunityPathways({ community }: { community: Community }) {
  const list = usePathways('all', { communityId: community.id, limit: 5 });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const canCreate = community.abilities.canPost;
  return (
    <aside aria-labelledby="community-pathways-title">
      <Card>
        <h2 id="community-pathways-title" className="card-title aside-title">
          <Icon name="route" size={18} /> Pathways
        </h2>
        {list.isPending ? (
          <div className="stack-sm" aria-hidden="true">
            <Skeleton height={16} />
            <Skeleton height={16} width="70%" />
          </div>
        ) : list.isError ? (
          <p className="muted small">Pathways could not be loaded.</p>
        ) : items.length === 0 ? (
          <p className="muted small">No learning pathways here yet.</p>
        ) : (
          <ul className="community-pathways">
            {items.map((p) => (
              <li key={p.id}>
                <Link href={`/pathways/${p.id}`} className="community-pathway-link">
                  {p.title}
                </Link>
                <span className="muted small">
                  {p.isFeatured ? 'Featured · ' : ''}
                  {p.status === 'draft' ? 'Draft · ' : ''}
                  {plural(p.stepCount, 'step')} · {plural(p.enrolledCount, 'learner')}
                </span>
                {p.myProgress ? <ProgressBar done={p.myProgress.done} total={p.myProgress.total} label={`Your progress on ${p.title}`} compact /> : null}
              </li>
            ))}
          </ul>
        )}
        {canCreate ? (
          <Link href={`/pathways/new?community=${community.id}`} className="btn btn-secondary btn-sm community-pathways-create">
            <Icon name="plus" size={16} /> Create a pathway
          </Link>
        ) : null}
      </Card>
    </aside>
  );
}
