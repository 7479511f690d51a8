import { Link } from 'wouter';
import type { ProgramSummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { formatDays, ProgramBadges, seatsText } from './program-badges.tsx';

/** A program in lists: title, state, dates, facilitators, seats left. */
export function ProgramCard({ program }: { program: ProgramSummary }) {
  const headingId = `program-${program.id}`;
  const days = formatDays(program.startsOn, program.endsOn);
  return (
    <article className="pathway-card" aria-labelledby={headingId} data-draft={program.status === 'draft' || undefined}>
      <div className="pathway-card-top">
        <span className="pathway-mark program-mark" aria-hidden="true">
          <Icon name="calendar" size={22} />
        </span>
        <div className="pathway-card-id">
          <h3 id={headingId} className="pathway-card-name">
            <Link href={`/programs/${program.id}`} className="stretched-link">
              {program.title}
            </Link>
          </h3>
          <ProgramBadges program={program} />
        </div>
      </div>
      {program.description ? <p className="pathway-card-desc">{program.description}</p> : null}
      {program.facilitators.length ? <p className="pathway-card-where">Facilitated by {program.facilitators.map((f) => f.name).join(', ')}</p> : null}
      <div className="pathway-card-meta">
        {days ? (
          <span>
            <Icon name="calendar" size={15} />
            {days}
          </span>
        ) : null}
        <span>
          <Icon name="people" size={15} />
          {plural(program.enrolledCount, 'person', 'people')} enrolled
        </span>
        {program.status === 'open' ? <span>{seatsText(program)}</span> : null}
      </div>
    </article>
  );
}

function ProgramCardSkeleton() {
  return (
    <div className="pathway-card" aria-hidden="true">
      <div className="pathway-card-top">
        <span className="skeleton" style={{ width: 44, height: 44, borderRadius: 12 }} />
        <div className="stack-sm" style={{ flex: 1 }}>
          <span className="skeleton" style={{ width: '70%', height: 16 }} />
          <span className="skeleton" style={{ width: '40%', height: 12 }} />
        </div>
      </div>
      <span className="skeleton" style={{ width: '90%', height: 12 }} />
    </div>
  );
}

/** A responsive grid of program cards, or placeholders while loading. */
export function ProgramGrid({ items, label, loading }: { items: ProgramSummary[]; label: string; loading?: boolean }) {
  if (loading)
    return (
      <ul className="pathway-grid" aria-label={`Loading ${label.toLowerCase()}`} aria-busy="true">
        {[0, 1, 2].map((i) => (
          <li key={i}>
            <ProgramCardSkeleton />
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="pathway-grid" aria-label={label}>
      {items.map((p) => (
        <li key={p.id}>
          <ProgramCard program={p} />
        </li>
      ))}
    </ul>
  );
}
