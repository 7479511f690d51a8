import { Link } from 'wouter';
import type { LiveSessionSummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { StatusBadge, whenText } from './session-bits.tsx';

/** The main action of a session card for this viewer. */
function primaryAction(s: LiveSessionSummary): { href: string; label: string } {
  if (s.abilities.facilitate && s.status === 'live') return { href: `/live/${s.id}/console`, label: 'Open console' };
  if (s.abilities.facilitate && s.status === 'scheduled') return { href: `/live/${s.id}/plan`, label: 'Edit plan' };
  if (s.status === 'ended') return { href: `/live/${s.id}/analytics`, label: s.abilities.facilitate ? 'Analytics' : 'My talk time' };
  if (s.myParticipation === 'present') return { href: `/live/${s.id}`, label: 'Return' };
  return { href: `/live/${s.id}`, label: s.status === 'live' ? 'Join now' : 'View' };
}

/** Sessions as cards: status, title, time, program, facilitators, who is here, and one clear action. */
export function SessionList({ items, label }: { items: LiveSessionSummary[]; label: string }) {
  return (
    <ul className="live-list" aria-label={label}>
      {items.map((s) => {
        const a = primaryAction(s);
        return (
          <li key={s.id} className="live-card" data-status={s.status}>
            <div className="live-card-main">
              <div className="row live-card-badges">
                <StatusBadge status={s.status} />
                {s.abilities.facilitate ? <span className="badge badge-ember">You facilitate</span> : null}
                {s.program ? <span className="chip chip-sky">{s.program.title}</span> : s.community ? <span className="chip">{s.community.name}</span> : null}
              </div>
              <h3 className="live-card-title">
                <Link href={`/live/${s.id}`}>{s.title}</Link>
              </h3>
              <p className="live-card-meta">
                <span>
                  <Icon name="clock" size={15} />
                  <time dateTime={s.startsAt}>{whenText(s.startsAt)}</time>
                </span>
                {s.status === 'live' ? (
                  <span>
                    <Icon name="people" size={15} />
                    <strong>{plural(s.presentCount, 'person', 'people')}</strong> here
                  </span>
                ) : null}
                {s.capacity !== null && s.status !== 'ended' ? <span>{plural(s.capacity, 'seat')}</span> : null}
              </p>
              {s.facilitators.length ? <p className="small muted">With {s.facilitators.map((f) => f.name).join(', ')}</p> : null}
            </div>
            <Link href={a.href} className={`btn ${s.status === 'live' ? 'btn-primary' : 'btn-secondary'} btn-sm live-card-action`} aria-label={`${a.label}: ${s.title}`}>
              {a.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
