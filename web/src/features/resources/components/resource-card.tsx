import { Link } from 'wouter';
import type { ResourceSummary } from '../../../../../contracts/index.ts';
import { fullTime, relativeTime } from '../../../lib/relative-time.ts';
import { MediaView } from './media-view.tsx';
import { formatDuration, ResourceTypeIcon, TYPE_LABEL } from './resource-type-icon.tsx';
import { StarsDisplay } from './star-rating.tsx';

/** One resource in a list: type, title, where and by whom, duration, tags and rating. */
export function ResourceCard({ resource: r, showPlace = true, onTag }: { resource: ResourceSummary; showPlace?: boolean; onTag?: (tag: string) => void }) {
  const duration = formatDuration(r.durationMinutes);
  return (
    <article className="resource-card" aria-labelledby={`res-${r.id}`}>
      <ResourceTypeIcon type={r.type} />
      <div className="resource-card-body">
        <h3 id={`res-${r.id}`} className="resource-title">
          <Link href={`/resources/${r.id}`}>{r.title}</Link>
        </h3>
        <p className="resource-meta">
          <span>{TYPE_LABEL[r.type]}</span>
          {duration ? <span>{duration}</span> : null}
          {r.media ? <span>{r.media.kind === 'pdf' ? 'PDF' : `Uploaded ${r.media.kind}`}</span> : null}
          {showPlace ? <span>{r.community ? r.community.name : 'Library'}</span> : null}
          <span>
            {r.author.name} · <time dateTime={r.createdAt} title={fullTime(r.createdAt)}>{relativeTime(r.createdAt)}</time>
          </span>
        </p>
        {r.summary ? <p className="resource-summary">{r.summary}</p> : null}
        <div className="resource-card-foot">
          <StarsDisplay average={r.ratingAverage} count={r.ratingCount} />
          {r.tags.length ? (
            <ul className="chips resource-tags" aria-label="Tags">
              {r.tags.map((t) => (
                <li key={t}>
                  {onTag ? (
                    <button type="button" className="chip chip-sky tag-btn" onClick={() => onTag(t)} aria-label={`Show resources tagged ${t}`}>
                      #{t}
                    </button>
                  ) : (
                    <span className="chip chip-sky">#{t}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {r.media?.kind === 'image' ? <MediaView media={r.media} title={r.title} compact /> : null}
    </article>
  );
}
