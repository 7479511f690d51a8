import { useEffect, useState } from 'react';

/** Seconds left until `endsAt` (negative once past), ticking every second. */
function useSecondsLeft(endsAt: string | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!endsAt) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [endsAt]);
  if (!endsAt) return null;
  return Math.round((new Date(endsAt).getTime() - now) / 1000);
}

const mmss = (s: number) => `${Math.floor(Math.abs(s) / 60)}:${String(Math.abs(s) % 60).padStart(2, '0')}`;

/**
 * The segment timer: a big mm:ss for sighted people (hidden from screen readers, which would otherwise hear every
 * second), and a polite live region that speaks only at whole minutes and when time is up.
 */
export function Countdown({ endsAt, compact }: { endsAt: string | null; compact?: boolean }) {
  const left = useSecondsLeft(endsAt);
  const [spoken, setSpoken] = useState('');
  const minute = left === null ? null : left > 0 ? Math.ceil(left / 60) : 0;
  useEffect(() => {
    if (minute === null) return setSpoken('');
    setSpoken(minute === 0 ? 'Time is up.' : `${minute} ${minute === 1 ? 'minute' : 'minutes'} left.`);
  }, [minute]);
  if (left === null) return null;
  const over = left <= 0;
  const low = !over && left <= 60;
  return (
    <div className={`countdown${compact ? ' countdown-compact' : ''}`} data-state={over ? 'over' : low ? 'low' : 'running'}>
      <span className="countdown-value" aria-hidden="true">
        {over ? `+${mmss(left)}` : mmss(left)}
      </span>
      <span className="countdown-label" aria-hidden="true">
        {over ? 'over time' : 'left'}
      </span>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {spoken}
      </span>
    </div>
  );
}
