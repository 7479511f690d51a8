import { Link } from 'wouter';
import type { SearchHit as Hit } from '../../../../../contracts/index.ts';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
import { RenderedHtml } from '../../../components/ui/rendered-html.tsx';
import { relativeTime } from '../../../lib/relative-time.ts';

const ICONS: Record<Hit['kind'], IconName> = { person: 'people', community: 'flame', thread: 'message', resource: 'file', pathway: 'route' };
const KINDS: Record<Hit['kind'], string> = { person: 'Person', community: 'Community', thread: 'Discussion', resource: 'Resource', pathway: 'Pathway' };

/**
 * One result. `titleHtml` and `snippetHtml` are server-escaped HTML whose only tags are `<mark>` (see contracts/search.ts),
 * so they go through RenderedHtml, the one place the app injects server HTML.
 */
export function SearchHit({ hit }: { hit: Hit }) {
  return (
    <li className="search-hit" data-kind={hit.kind}>
      <span className="search-hit-icon" aria-hidden="true">
        <Icon name={ICONS[hit.kind]} size={18} />
      </span>
      <div className="search-hit-body">
        <Link href={hit.url} className="search-hit-title" aria-label={`${KINDS[hit.kind]}: ${hit.title}`}>
          <RenderedHtml html={hit.titleHtml} inline />
        </Link>
        <p className="search-hit-meta">
          <span>{KINDS[hit.kind]}</span>
          {hit.meta && hit.kind !== 'thread' ? <span>{hit.meta}</span> : null}
          {hit.community ? (
            <span>
              in <Link href={`/communities/${hit.community.slug}`}>{hit.community.name}</Link>
            </span>
          ) : null}
          {hit.kind === 'thread' ? <span>active {relativeTime(hit.at)}</span> : null}
        </p>
        {hit.snippetHtml ? <RenderedHtml html={hit.snippetHtml} className="search-hit-snippet" inline /> : null}
      </div>
    </li>
  );
}
