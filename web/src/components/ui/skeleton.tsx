import type { CSSProperties } from 'react';

/** A shimmering placeholder block shown while content loads. */
export function Skeleton({ width = '100%', height = 14, circle, style }: { width?: number | string; height?: number | string; circle?: boolean; style?: CSSProperties }) {
  return <span className={`skeleton${circle ? ' skeleton-circle' : ''}`} style={{ width, height, ...style }} aria-hidden="true" />;
}
