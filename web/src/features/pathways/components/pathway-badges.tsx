import type { PathwaySummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';

/** Featured, Draft and Completed markers of a pathway. */
export function PathwayBadges({ pathway }: { pathway: PathwaySummary }) {
  const completed = !!pathway.myProgress?.completedAt;
  if (!pathway.isFeatured && pathway.status !== 'draft' && !completed) return null;
  return (
    <span className="pathway-badges">
      {pathway.status === 'draft' ? <span className="badge badge-draft">Draft</span> : null}
      {pathway.isFeatured ? (
        <span className="badge badge-ember">
          <Icon name="sparkle" size={13} />
          Featured
        </span>
      ) : null}
      {completed ? (
        <span className="badge badge-moss">
          <Icon name="check" size={13} />
          Completed
        </span>
      ) : null}
    </span>
  );
}
