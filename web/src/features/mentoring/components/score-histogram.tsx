import type { MatchRunAssignment } from '../../../../../contracts/index.ts';

/**
 * How the pair scores spread, in ten bands of 10% (hand-drawn SVG). The title and description carry every count, and
 * each bar has its count on top, so nothing depends on reading the bars.
 */
export function ScoreHistogram({ assignments }: { assignments: MatchRunAssignment[] }) {
  const bands = Array.from({ length: 10 }, () => 0);
  for (const a of assignments) bands[Math.min(9, Math.max(0, Math.floor(a.score / 100)))]++;
  const max = Math.max(1, ...bands);
  const w = 320;
  const h = 120;
  const bw = w / 10;
  const desc = bands.map((n, i) => `${i * 10}–${i * 10 + 10}%: ${n}`).join('; ');
  return (
    <figure className="histogram">
      <figcaption className="small muted">Pairs by match score</figcaption>
      <svg viewBox={`0 0 ${w} ${h + 18}`} width="100%" role="img" aria-labelledby="hist-title hist-desc" preserveAspectRatio="xMidYMid meet">
        <title id="hist-title">Number of pairs in each score band</title>
        <desc id="hist-desc">{desc}</desc>
        <line x1={0} x2={w} y1={h} y2={h} className="hist-axis" />
        {bands.map((n, i) => {
          const bh = (n / max) * (h - 18);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed bands
            <g key={i}>
              <rect x={i * bw + 3} y={h - bh} width={bw - 6} height={bh} rx={3} className={`hist-bar${i < 5 ? ' hist-bar-low' : ''}`} />
              {n ? (
                <text x={i * bw + bw / 2} y={h - bh - 4} textAnchor="middle" className="hist-count">
                  {n}
                </text>
              ) : null}
              {i % 2 === 0 ? (
                <text x={i * bw} y={h + 14} className="hist-label">
                  {i * 10}%
                </text>
              ) : null}
            </g>
          );
        })}
        <text x={w} y={h + 14} textAnchor="end" className="hist-label">
          100%
        </text>
      </svg>
    </figure>
  );
}
