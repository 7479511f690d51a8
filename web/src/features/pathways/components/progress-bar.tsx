/** Steps done out of the total as a bar with its numbers ("1 of 2"), announced as a progress bar. */
export function ProgressBar({ done, total, label, compact }: { done: number; total: number; label: string; compact?: boolean }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = `${done} of ${total}`;
  return (
    <div className={`progress${compact ? ' progress-compact' : ''}`} data-complete={total > 0 && done >= total ? 'true' : undefined}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${text} steps done`}
      >
        <span className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}
