import type { Broadcast, LiveSessionSummary, Segment } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { KindIcon, KINDS, minutesText } from './segment-kinds.tsx';

const whenFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

/** "Tue 12 Jan, 10:00 CET" in the viewer's time zone. */
export function whenText(iso: string): string {
  return whenFmt.format(new Date(iso));
}

/** The session's state as a badge; "Live" pulses (still when motion is reduced). */
export function StatusBadge({ status }: { status: LiveSessionSummary['status'] }) {
  if (status === 'live')
    return (
      <span className="badge live-badge">
        <span className="live-dot" aria-hidden="true" /> Live
      </span>
    );
  if (status === 'ended') return <span className="badge">Ended</span>;
  return <span className="badge badge-moss">Upcoming</span>;
}

/** The newest broadcast as a banner; older ones are listed in a disclosure. */
export function BroadcastBanner({ broadcasts }: { broadcasts: Broadcast[] }) {
  const [latest, ...older] = broadcasts;
  if (!latest) return null;
  return (
    <div className="broadcast" role="status" aria-live="polite">
      <Icon name="megaphone" size={20} />
      <div className="broadcast-text">
        <p>
          <strong>{latest.author.name}:</strong> {latest.text}
        </p>
        {older.length ? (
          <details>
            <summary>Earlier announcements ({older.length})</summary>
            <ul>
              {older.map((b) => (
                <li key={b.id}>
                  <strong>{b.author.name}:</strong> {b.text}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </div>
    </div>
  );
}

/** The agenda in order: done ones ticked, the current one marked (aria-current) with its kind and minutes. */
export function AgendaList({ segments, currentId, compact }: { segments: Segment[]; currentId: string | null; compact?: boolean }) {
  return (
    <ol className={`lv-agenda-list${compact ? ' lv-agenda-compact' : ''}`}>
      {segments.map((s) => (
        <li key={s.id} className="lv-agenda-item" data-status={s.status} aria-current={s.id === currentId ? 'step' : undefined}>
          <KindIcon kind={s.kind} size={16} />
          <span className="lv-agenda-text">
            <span className="lv-agenda-title">{s.title}</span>
            <span className="lv-agenda-meta">
              {KINDS[s.kind].label} · {minutesText(s.durationMinutes)}
              {s.status === 'done' ? ' · done' : s.id === currentId ? ' · now' : ''}
            </span>
          </span>
          {s.status === 'done' ? <Icon name="check" size={16} className="lv-agenda-done" title="Done" /> : null}
        </li>
      ))}
    </ol>
  );
}
