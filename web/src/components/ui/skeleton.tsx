import type { CSSProperties } from 'react';

/** A shimmering placeholder block shown while content loads. */
export function Skeleton({ width = '100%', height = 14, circle, style }: { width?: number | string; height?: number | string; circle?: boolean; style?: CSSProperties }) {
  return <span className={`skeleton${circle ? ' skeleton-circle' : ''}`} style={{ width, height, ...style }} aria-hidden="true" />;
}

/** A few placeholder rows of an avatar and a line, announced as loading (`label`) while a list of people or items loads. */
export function SkeletonRows({ label, rowClassName, avatar = 36, line = '60%', rows = 3, className = 'stack-sm' }: { label: string; rowClassName: string; avatar?: number; line?: string; rows?: number; className?: string }) {
  return (
    <div className={className} aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={rowClassName}>
          <Skeleton circle width={avatar} height={avatar} />
          <Skeleton width={line} />
        </div>
      ))}
    </div>
  );
}
