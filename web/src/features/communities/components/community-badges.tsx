import type { CommunitySummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { KIND_LABEL, VISIBILITY } from './community-labels.ts';

/** Kind and visibility of a community as two small labels. */
export function CommunityBadges({ community }: { community: Pick<CommunitySummary, 'kind' | 'visibility'> }) {
  const v = VISIBILITY[community.visibility];
  return (
    <span className="community-badges">
      <span className={`badge badge-kind-${community.kind}`}>{KIND_LABEL[community.kind]}</span>
      <span className="badge badge-visibility" title={v.explain}>
        <Icon name={v.icon} size={12} />
        {v.label}
      </span>
    </span>
  );
}
