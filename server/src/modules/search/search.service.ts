import type { SearchCounts, SearchHit, SearchQuery, SearchResponse } from '../../../../contracts/index.ts';
import { SEARCH_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { decodeCursor, encodeCursor } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import * as policy from './search.policy.ts';
import * as repo from './search.repo.ts';

const EMPTY_COUNTS: SearchCounts = { all: 0, people: 0, communities: 0, threads: 0, resources: 0, pathways: 0 };

const NO_WORDS = 'Type a few words to search for — very common words such as “the” or “and” are ignored on their own.';

function countsOf(rows: Record<string, number>): SearchCounts {
  const cap = (n: number | undefined) => Math.min(n ?? 0, SEARCH_LIMITS.countCap);
  const c = { people: cap(rows.person), communities: cap(rows.community), threads: cap(rows.thread), resources: cap(rows.resource), pathways: cap(rows.pathway) };
  return { all: c.people + c.communities + c.threads + c.resources + c.pathways, ...c };
}

async function countOnly(db: DbOrTx, searcher: repo.Searcher, f: { parsed: repo.ParsedQuery; communityId?: string }) {
  const rows = await repo.countHits(db, searcher, f);
  return { counts: Object.fromEntries(rows.map((r) => [r.kind, r.n])), capped: rows.some((r) => r.capped) };
}

function urlOf(r: repo.HitRow): string {
  switch (r.kind) {
    case 'person':
      return `/people/${r.id}`;
    case 'community':
      return `/communities/${r.slug}`;
    case 'thread':
      return r.postId && !r.isFirstPost ? `/threads/${r.id}#post-${r.postId}` : `/threads/${r.id}`;
    case 'resource':
      return `/resources/${r.id}`;
    default:
      return `/pathways/${r.id}`;
  }
}

function presentHit(r: repo.HitRow, markers: { start: string; stop: string }): SearchHit {
  // A person's job title and department are in `meta`; their bio is shown only where it matched.
  const snippet = policy.markedHtml(r.snippetMarked, markers);
  return {
    kind: r.kind,
    id: r.id,
    title: r.title,
    titleHtml: policy.markedHtml(r.titleMarked ?? r.title, markers),
    snippetHtml: r.kind === 'person' && !snippet.includes('<mark>') ? '' : snippet,
    postId: r.kind === 'thread' ? r.postId : null,
    community: r.communityId && r.communityName && r.communitySlug ? { id: r.communityId, name: r.communityName, slug: r.communitySlug } : null,
    meta: r.meta,
    url: urlOf(r),
    at: toIso(r.at),
  };
}

/**
 * Full-text search over people, communities, threads and posts, resources and pathways, showing only what the actor
 * may read (decided in SQL). Offset-paged: results are ordered by relevance, which every page has to compute over
 * all matches anyway, so a keyset brings nothing; depth is capped at SEARCH_LIMITS.maxOffset.
 */
export async function search(db: DbOrTx, actor: Actor, query: SearchQuery): Promise<SearchResponse> {
  let offset = 0;
  if (query.cursor) {
    const [n] = decodeCursor<[number]>(query.cursor, 1);
    if (!policy.isServedOffset(n)) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid; start again from the first page.', { errors: [{ field: 'cursor', message: 'Invalid cursor' }] });
    offset = n;
  }
  if (query.communityId) {
    const access = await loadCommunityAccess(db, actor, query.communityId);
    if (!access.canRead) throw new AppError('FORBIDDEN', 'Only members can search this community’s content.');
  }
  const empty = (message: string | null): SearchResponse => ({ items: [], nextCursor: null, counts: EMPTY_COUNTS, countsAreLowerBounds: false, message });
  if (!query.q) return empty(NO_WORDS);
  const parsed = await repo.parseQuery(db, query.q, policy.prefixQuery(query.q));
  if (!parsed.tsq) return empty(NO_WORDS);

  const searcher = { orgId: actor.orgId, personId: actor.personId, isAdmin: actor.isAdmin };
  const f = { parsed, communityId: query.communityId };
  const markers = policy.newMarkers();
  const rows = await repo.selectHitPage(db, searcher, { ...f, type: query.type, limit: query.limit + 1, offset, markers });
  // The page carries the counts; an empty page (past the end, or a type without hits) asks for them separately.
  const counted = rows[0] ? { counts: rows[0].counts ?? {}, capped: rows[0].capped } : await countOnly(db, searcher, f);
  const kept = rows.slice(0, query.limit);
  const next = offset + query.limit;
  return {
    items: kept.map((r) => presentHit(r, markers)),
    nextCursor: rows.length > query.limit && next <= SEARCH_LIMITS.maxOffset ? encodeCursor([next]) : null,
    counts: countsOf(counted.counts),
    countsAreLowerBounds: counted.capped,
    message: null,
  };
}
