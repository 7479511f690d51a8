import { sql, type SQL } from 'drizzle-orm';
import { SEARCH_LIMITS } from '../../../../contracts/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';

/** Who searches: every query is scoped by organization and filtered by what this person may read. */
export interface Searcher {
  orgId: string;
  personId: string;
  isAdmin: boolean;
}

/** One ranked hit with what presenting it needs (headlines still carry the request's markers). */
export interface HitRow {
  kind: 'person' | 'community' | 'thread' | 'resource' | 'pathway';
  id: string;
  postId: string | null;
  isFirstPost: boolean | null;
  at: Date | string;
  title: string;
  titleMarked: string | null;
  snippetMarked: string | null;
  meta: string | null;
  slug: string | null;
  communityId: string | null;
  communityName: string | null;
  communitySlug: string | null;
}

/**
 * ts_headline drops anything that looks like an HTML tag; "<" is swapped for a private-use character before it runs
 * (and back, escaped, by markedHtml), so a post about `<script>` keeps its text in the snippet.
 */
export const LT = '\uE000';

/** Most recent matches per kind (and per threads-by-title / threads-by-post) that get ranked; counts stop there too. */
export const CANDIDATES = SEARCH_LIMITS.countCap;

/** Weights of D, C, B, A for ts_rank_cd: a title (A) hit ranks well above a body (B) hit. */
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);

/** Parsed queries, as tsquery text: the English web-search form of `q` and the prefix form (names as you type). */
export interface ParsedQuery {
  /** websearch_to_tsquery('english', q) as text; '' when only stop words or no words at all. */
  tsq: string;
  /** to_tsquery('english', prefix) as text, or '' when none. */
  pq: string;
}

/** Parses the query once, so the search statement gets constants the planner can fold and estimate. */
export async function parseQuery(db: DbOrTx, q: string, prefix: string): Promise<ParsedQuery> {
  const row = await selectRow<ParsedQuery>(
    db,
    sql`select websearch_to_tsquery('english', ${q})::text as tsq,
          case when ${prefix} = '' then '' else to_tsquery('english', ${prefix})::text end as pq`,
  );
  return { tsq: row?.tsq ?? '', pq: row?.pq ?? '' };
}

/**
 * The tsqueries as constants (`'…'::tsquery`, parsed by parseQuery): a constant is folded at plan time, so the
 * planner estimates selectivity from the GIN index statistics and never re-parses the query per row.
 */
function tsqueries(f: { parsed: ParsedQuery }) {
  return { tsq: sql`${f.parsed.tsq}::tsquery`, pq: f.parsed.pq ? sql`${f.parsed.pq}::tsquery` : sql`null::tsquery` };
}

/**
 * The hits CTEs: `readable` (communities whose content the searcher may read: open ones of the
 * organization, or ones they are an active member of — the same rule as communities.policy canRead) and `best`
 * (one row per result, best rank; a thread's hit is the better of its title and its best post). Every branch is
 * `search @@ tsq` on a GIN-indexed column; visibility joins the small `readable` set, so paging stays exact.
 */
function hitsSql(s: Searcher, f: { parsed: ParsedQuery; communityId?: string }): SQL {
  const { tsq, pq } = tsqueries(f);
  const inCommunity = f.communityId ? sql`and c.id = ${f.communityId}` : sql``;
  // `= any(array(…))` is a filter evaluated on the scan itself (the array is computed once), so an index scan in
  // recency order stays in order and stops after CANDIDATES rows; a join would lose that order.
  const readable = (col: SQL) => sql`${col} = any(array(select id from readable))`;
  const inLibraryOrReadable = f.communityId ? readable(sql`x.community_id`) : sql`(x.community_id is null or ${readable(sql`x.community_id`)})`;
  // Each branch keeps its CANDIDATES most recent matches, then ranks only those: ts_rank_cd costs microseconds per
  // row, so ranking every post that contains a very common word would not stay within the latency budget.
  const branch = (kind: string, inner: SQL, bonus: SQL = sql`0`) =>
    sql`select ${kind}::text, b.id, b.post_id, ts_rank_cd(${WEIGHTS}, b.search, ${tsq}) + ${bonus}, b.at
        from (${inner} limit ${CANDIDATES}) b`;
  const prefixBonus = sql`case when b.search @@ ${pq} then 0.05 else 0 end`;
  const branches: SQL[] = [];
  if (!f.communityId) {
    branches.push(
      branch(
        'person',
        sql`select p.id, null::uuid as post_id, p.search, p.created_at as at from people p
            where p.org_id = ${s.orgId} and p.status <> 'deactivated' and (p.search @@ ${tsq} or p.search @@ ${pq})
            order by p.created_at desc`,
        prefixBonus,
      ),
      branch(
        'community',
        sql`select c.id, null::uuid as post_id, c.search, c.created_at as at from communities c
            left join community_members m on m.community_id = c.id and m.person_id = ${s.personId}
            where c.org_id = ${s.orgId} and (c.search @@ ${tsq} or c.search @@ ${pq})
              and (c.visibility <> 'secret' or m.person_id is not null or ${s.isAdmin})
            order by c.created_at desc`,
        prefixBonus,
      ),
    );
  }
  branches.push(
    branch(
      'thread',
      sql`select t.id, null::uuid as post_id, t.search, t.last_activity_at as at from threads t
          where t.search @@ ${tsq} and t.deleted_at is null and t.org_id = ${s.orgId} and ${readable(sql`t.community_id`)}
          order by t.last_activity_at desc`,
    ),
    // Posts: the newest CANDIDATES live matches in readable communities (an index scan in created_at order when the
    // word is common, the GIN bitmap when it is rare); their threads are checked after the limit, by primary key.
    sql`select 'thread'::text, t.id, b.post_id, ts_rank_cd(${WEIGHTS}, b.search, ${tsq}), t.last_activity_at
        from (select po.thread_id, po.id as post_id, po.search from posts po
              where po.search @@ ${tsq} and po.deleted_at is null and po.org_id = ${s.orgId} and ${readable(sql`po.community_id`)}
              order by po.created_at desc limit ${CANDIDATES}) b
        join threads t on t.id = b.thread_id and t.deleted_at is null`,
    branch(
      'resource',
      sql`select x.id, null::uuid as post_id, x.search, x.created_at as at from resources x
          where x.search @@ ${tsq} and x.deleted_at is null and x.org_id = ${s.orgId} and ${inLibraryOrReadable}
          order by x.created_at desc`,
    ),
    branch(
      'pathway',
      sql`select x.id, null::uuid as post_id, x.search, x.created_at as at from pathways x
          where x.search @@ ${tsq} and x.deleted_at is null and x.org_id = ${s.orgId} and ${inLibraryOrReadable}
            and (x.status = 'published' or x.author_id = ${s.personId})
          order by x.created_at desc`,
    ),
  );
  return sql`readable as materialized (
      select c.id from communities c
      left join community_members m on m.community_id = c.id and m.person_id = ${s.personId} and m.status = 'active'
      where c.org_id = ${s.orgId} and (c.visibility = 'open' or m.person_id is not null) ${inCommunity}),
    hits (kind, id, post_id, rank, at) as (${sql.join(branches, sql` union all `)}),
    best as materialized (
      select distinct on (kind, id) kind, id, post_id, rank, at from hits order by kind, id, rank desc, post_id nulls first)`;
}

/** Matches per kind (one pass over `best`). */
export async function countHits(db: DbOrTx, s: Searcher, f: { parsed: ParsedQuery; communityId?: string }) {
  return selectRows<{ kind: HitRow['kind']; n: number; capped: boolean }>(
    db,
    sql`with ${hitsSql(s, f)} select kind, count(*)::int as n,
          exists (select 1 from hits group by kind, post_id is null having count(*) >= ${CANDIDATES}) as capped
        from best group by kind`,
  );
}

const KIND_OF_TYPE: Record<string, HitRow['kind'] | null> = { all: null, people: 'person', communities: 'community', threads: 'thread', resources: 'resource', pathways: 'pathway' };

/**
 * One ranked page (rank, then most recent, then id) plus the per-kind counts, in one statement. Titles and snippets
 * are highlighted with ts_headline only for the rows of the page (it reparses the text, so never for every hit).
 */
export function selectHitPage(db: DbOrTx, s: Searcher, f: HitPageFilter) {
  return selectRows<HitRow & { counts: Record<string, number> | null; capped: boolean }>(db, hitPageSql(s, f));
}

/** What one page of hits is asked for. */
export interface HitPageFilter {
  parsed: ParsedQuery;
  communityId?: string;
  type: string;
  limit: number;
  offset: number;
  markers: { start: string; stop: string };
}

/** The statement of selectHitPage (exported so its plan can be inspected with EXPLAIN). */
export function hitPageSql(s: Searcher, f: HitPageFilter): SQL {
  const kind = KIND_OF_TYPE[f.type];
  const { tsq, pq } = tsqueries(f);
  const hl = (extra: string) => `StartSel="${f.markers.start}", StopSel="${f.markers.stop}", ${extra}`;
  const titleOpts = hl('HighlightAll=true');
  const snippetOpts = hl('MaxFragments=2, MaxWords=24, MinWords=12, FragmentDelimiter=" … "');
  return sql`with ${hitsSql(s, f)},
      counts as (select json_object_agg(kind, n) as counts from (select kind, count(*)::int as n from best group by kind) k),
      capped as (select exists (select 1 from hits group by kind, post_id is null having count(*) >= ${CANDIDATES}) as capped),
      page as (select * from best ${kind ? sql`where kind = ${kind}` : sql``} order by rank desc, at desc, id limit ${f.limit} offset ${f.offset})
      select pg.kind, pg.id, pg.post_id as "postId", po.is_first as "isFirstPost", pg.at, h.title, h.meta, h.slug,
        ts_headline('english', replace(h.title, '<', ${LT}), case when pg.kind in ('person', 'community') and ${pq} is not null then ${tsq} || ${pq} else ${tsq} end, ${titleOpts}) as "titleMarked",
        case when coalesce(h.snippet, '') <> '' then ts_headline('english', replace(h.snippet, '<', ${LT}), case when pg.kind in ('person', 'community') and ${pq} is not null then ${tsq} || ${pq} else ${tsq} end, ${snippetOpts}) end as "snippetMarked",
        pc.id as "communityId", pc.name as "communityName", pc.slug as "communitySlug", (select counts from counts) as counts, (select capped from capped) as capped
      from page pg
      left join people p on pg.kind = 'person' and p.id = pg.id
      left join communities c on pg.kind = 'community' and c.id = pg.id
      left join threads t on pg.kind = 'thread' and t.id = pg.id
      left join posts po on po.id = pg.post_id
      left join resources rs on pg.kind = 'resource' and rs.id = pg.id
      left join pathways pw on pg.kind = 'pathway' and pw.id = pg.id
      left join communities pc on pc.id = coalesce(t.community_id, rs.community_id, pw.community_id)
      cross join lateral (select
        coalesce(p.name, c.name, t.title, rs.title, pw.title) as title,
        case pg.kind when 'person' then concat_ws(' · ', p.team, nullif(p.bio, ''))
          when 'community' then c.description when 'thread' then coalesce(po.body, t.excerpt)
          when 'resource' then rs.summary else pw.description end as snippet,
        case pg.kind when 'person' then nullif(concat_ws(' · ', p.title, p.department), '')
          when 'community' then c.kind when 'thread' then t.kind when 'resource' then rs.type
          else case when pw.status = 'draft' then 'draft pathway' else 'pathway' end end as meta,
        c.slug as slug) h
      order by pg.rank desc, pg.at desc, pg.id`;
}
