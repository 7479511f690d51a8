import { useId } from 'react';

const STAR = 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z';

function Star({ filled, size }: { filled: number; size: number }) {
  const id = useId();
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <defs>
        <linearGradient id={id}>
          <stop offset={`${filled * 100}%`} stopColor="currentColor" />
          <stop offset={`${filled * 100}%`} stopColor="transparent" />
        </linearGradient>
      </defs>
      <path d={STAR} fill={`url(#${id})`} stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}

/** Read-only stars for an average (half stars shown), with the number for screen readers and sighted people alike. */
export function StarsDisplay({ average, count, size = 16 }: { average: number | null; count?: number; size?: number }) {
  if (average === null) return <span className="stars stars-none muted">Not rated yet</span>;
  const label = `Rated ${average.toFixed(1)} out of 5${count !== undefined ? ` by ${count} ${count === 1 ? 'person' : 'people'}` : ''}`;
  return (
    <span className="stars" role="img" aria-label={label}>
      {[1, 2, 3, 4, 5].map((i) => (
        <Star key={i} size={size} filled={Math.max(0, Math.min(1, average - i + 1))} />
      ))}
      <span className="stars-value" aria-hidden="true">
        {average.toFixed(1)}
        {count !== undefined ? <span className="muted"> ({count})</span> : null}
      </span>
    </span>
  );
}

/** Star input: a radio group (arrow keys move, each star is labelled), styled as five stars. */
export function StarsInput({ value, onChange, label = 'Your rating' }: { value: number; onChange: (v: number) => void; label?: string }) {
  const name = useId();
  return (
    <fieldset className="stars-input">
      <legend className="field-label">{label}</legend>
      <div className="stars-input-row">
        {[1, 2, 3, 4, 5].map((i) => (
          <label key={i} className={i <= value ? 'on' : undefined}>
            <input type="radio" name={name} value={i} checked={value === i} onChange={() => onChange(i)} className="visually-hidden" />
            <Star size={30} filled={i <= value ? 1 : 0} />
            <span className="visually-hidden">
              {i} {i === 1 ? 'star' : 'stars'}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
