import { Link } from 'wouter';
import type { PathwaySummary } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';
import { PathwayBadges } from './pathway-badges.tsx';
import { ProgressBar } from './progress-bar.tsx';

/** A pathway in lists: title, where it lives, who made it, steps, learners, and the person's progress. */
export function PathwayCard({ pathway }: { pathway: PathwaySummary }) {
  const headingId = `pathway-${pathway.id}`;
  return (
    <article className="pathway-card" aria-labelledby={headingId} data-draft={pathway.status === 'draft' || undefined}>
      <div className="pathway-card-top">
        <span className="pathway-mark" aria-hidden="true">
          <Icon name="route" size={22} />
        </span>
        <div className="pathway-card-id">
          <h3 id={headingId} className="pathway-card-name">
            <Link href={`/pathways/${pathway.id}`} className="stretched-link">
              {pathway.title}
            </Link>
          </h3>
          <PathwayBadges pathway={pathway} />
        </div>
      </div>
      {pathway.description ? <p className="pathway-card-desc">{pathway.description}</p> : null}
      <p className="pathway-card-where">
        {pathway.community ? pathway.community.name : 'Whole organization'} · by {pathway.author.name}
      </p>
      {pathway.myProgress ? <ProgressBar done={pathway.myProgress.done} total={pathway.myProgress.total} label={`Your progress on ${pathway.title}`} compact /> : null}
      <div className="pathway-card-meta">
        <span>
          <Icon name="list" size={15} />
          {plural(pathway.stepCount, 'step')}
        </span>
        <span>
          <Icon name="people" size={15} />
          {plural(pathway.enrolledCount, 'learner')}
        </span>
      </div>
    </article>
  );
}

/** The shape of a pathway card while a list loads. */
function PathwayCardSkeleton() {
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
      <span className="skeleton" style={{ width: '50%', height: 12 }} />
    </div>
  );
}

/** A responsive grid of pathway cards, or placeholders while loading. */
export function PathwayGrid({ items, label, loading, skeletons = 3 }: { items: PathwaySummary[]; label: string; loading?: boolean; skeletons?: number }) {
  if (loading)
    return (
      <ul className="pathway-grid" aria-label={`Loading ${label.toLowerCase()}`} aria-busy="true">
        {Array.from({ length: skeletons }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
          <li key={i}>
            <PathwayCardSkeleton />
          </li>
        ))}
      </ul>
    );
  return (
    <ul className="pathway-grid" aria-label={label}>
      {items.map((p) => (
        <li key={p.id}>
          <PathwayCard pathway={p} />
        </li>
      ))}
    </ul>
  );
}
