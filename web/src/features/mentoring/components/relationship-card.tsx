import { Link } from 'wouter';
import type { RelationshipDetail, RelationshipSummary } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { partnerOf } from '../lib/partner.ts';
import { formatInZone } from '../lib/zoned-time.ts';
import { FactorChips } from './match-explanation.tsx';

/** One of my relationships: partner, kind, next meeting, goal progress and why we were matched; the whole card opens it. */
export function RelationshipCard({ r, detail, zone }: { r: RelationshipSummary; detail?: RelationshipDetail; zone: string }) {
  const { person, noun } = partnerOf(r);
  const now = Date.now();
  const next = detail?.meetings.find((m) => new Date(m.startsAt).getTime() + m.durationMinutes * 60_000 > now);
  const closingAsked = detail?.abilities.closingAsked;
  return (
    <article className="rel-card" data-status={r.status} data-relationship={r.id}>
      <div className="rel-card-head">
        <Avatar personId={person.id} name={person.name} size="md" />
        <div className="rel-card-who">
          <h3 className="rel-card-name">
            <Link href={`/mentoring/relationships/${r.id}`} className="stretched-link">
              {person.name}
            </Link>
          </h3>
          <p className="small muted">
            Your {noun}
            {person.title ? ` · ${person.title}` : ''}
          </p>
          <span className={`badge ${r.kind === 'coaching' ? 'badge-sky' : 'badge-ember'}`}>{r.kind === 'coaching' ? 'Coaching' : 'Mentoring'}</span>
        </div>
      </div>
      {r.status === 'ended' ? (
        <p className="rel-card-line small muted">
          <Icon name="checkCircle" size={16} /> Closed{r.endedAt ? ` ${formatInZone(r.endedAt, zone, { day: 'numeric', month: 'short', year: 'numeric' })}` : ''}
          {closingAsked ? ' · your feedback is asked for' : ''}
        </p>
      ) : (
        <p className="rel-card-line small">
          <Icon name="calendar" size={16} />
          {detail === undefined ? <span className="muted">…</span> : next ? <span>Next: {formatInZone(next.startsAt, zone)}</span> : <span className="muted">No meeting booked</span>}
        </p>
      )}
      <div className="rel-card-progress">
        <span className="small">{r.goalProgress === null ? 'No goals agreed yet' : `Goals ${r.goalProgress}% done`}</span>
        {r.goalProgress !== null ? (
          <span className="m-progress" role="img" aria-label={`Goal progress ${r.goalProgress}%`}>
            <span style={{ width: `${r.goalProgress}%` }} />
          </span>
        ) : null}
      </div>
      <FactorChips factors={r.explanation} limit={2} />
    </article>
  );
}
