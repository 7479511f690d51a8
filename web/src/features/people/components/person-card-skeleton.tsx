import { Skeleton } from '../../../components/ui/skeleton.tsx';

/** The shape of a person card while the directory loads. */
export function PersonCardSkeleton() {
  return (
    <div className="person-card" aria-hidden="true">
      <div className="person-card-top">
        <Skeleton circle width={48} height={48} />
        <div className="stack-sm" style={{ flex: 1 }}>
          <Skeleton width="60%" height={16} />
          <Skeleton width="80%" height={12} />
        </div>
      </div>
      <Skeleton width="70%" height={12} />
      <div className="row" style={{ gap: 6 }}>
        <Skeleton width={64} height={20} style={{ borderRadius: 999 }} />
        <Skeleton width={80} height={20} style={{ borderRadius: 999 }} />
        <Skeleton width={56} height={20} style={{ borderRadius: 999 }} />
      </div>
    </div>
  );
}
