import type { MatchFactor, PersonRef } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Link } from 'wouter';
import { FACTOR_ICON, scorePct } from '../lib/labels.ts';

/** The top contributing factors of a pair as chips, best first; points are in the title and for screen readers. */
export function FactorChips({ factors, limit = 3, label = 'Why this match' }: { factors: MatchFactor[]; limit?: number; label?: string }) {
  const shown = factors.slice(0, limit);
  if (shown.length === 0) return <p className="muted small">No explanation was recorded for this pair.</p>;
  return (
    <ul className="chips factor-chips" aria-label={label}>
      {shown.map((f) => (
        <li key={`${f.factor}-${f.reason}`} className="chip factor-chip" data-factor={f.factor} title={`+${Math.round(f.points)} of 1000 points`}>
          <Icon name={FACTOR_ICON[f.factor] ?? 'sparkle'} size={14} />
          <span>{f.reason}</span>
          <span className="visually-hidden"> (+{Math.round(f.points)} points)</span>
        </li>
      ))}
    </ul>
  );
}

/** A compatibility score as "81% match" with a small bar. */
export function ScoreMeter({ score, compact }: { score: number; compact?: boolean }) {
  const pct = Math.max(0, Math.min(100, scorePct(score)));
  return (
    <span className={`score-meter${compact ? ' score-meter-compact' : ''}`} title={`Compatibility ${Math.round(score)} of 1000`} data-score={Math.round(score)}>
      <span className="score-meter-track" aria-hidden="true">
        <span className="score-meter-bar" style={{ width: `${pct}%` }} />
      </span>
      <span className="score-meter-value">
        {pct}%{compact ? '' : ' match'}
      </span>
    </span>
  );
}

/** Avatar, name (linking to the profile) and job title of a person. */
export function PersonLine({ person, size = 'sm', note }: { person: PersonRef; size?: 'xs' | 'sm' | 'md'; note?: string }) {
  return (
    <span className="person-line">
      <Avatar personId={person.id} name={person.name} size={size} />
      <span className="person-line-text">
        <Link href={`/people/${person.id}`} className="person-line-name">
          {person.name}
        </Link>
        {person.title || note ? <span className="person-line-title">{[person.title, note].filter(Boolean).join(' · ')}</span> : null}
      </span>
    </span>
  );
}
