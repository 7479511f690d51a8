import { Skeleton } from '../../../components/ui/skeleton.tsx';

/** The shape of a community card while the directory loads. */
export function CommunityCardSkeleton() {
  return (
    <div className="community-card" aria-hidden="true">
      <div className="community-card-top">
        <Skeleton width={44} height={44} style={{ borderRadius: 12 }} />
        <div className="stack-sm" style={{ flex: 1 }}>
          <Skeleton width="60%" height={16} />
          <Skeleton width="45%" height={12} />
        </div>
      </div>
      <Skeleton width="95%" height={12} />
      <Skeleton width="70%" height={12} />
      <div className="row" style={{ gap: 12 }}>
        <Skeleton width={80} height={12} />
        <Skeleton width={70} height={12} />
      </div>
    </div>
  );
}
