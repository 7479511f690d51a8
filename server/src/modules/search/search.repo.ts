import { sql, type SQL } from 'drizzle-orm';
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

/** Weights of D, C, B, A for ts_rank_cd: a title (A) hit ranks well above a body (B) hit. */
const WEIGHTS = sql.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);

/** How many lexemes the English web-search form of `q` has (0 = only stop words or no words at all). */
export async function countQueryNodes(db: DbOrTx, q: string) {
  const row = await selectRow<{ n: number }>(db, sql`select numnode(websearch_to_tsquery('english', ${q}))::int as n`);
  return row?.n ?? 0;
}

/**
 * The hits CTEs: `q` (the tsqueries), `readable` (communities whose content the searcher may read: open ones of the
 * organization, or ones they are an active member of — the same rule as communities.policy canRead) and `best`
 * (one row per result, best rank; a thread's hit is the better of its title and its best post). Every branch is
 * `search @@ tsq` on a GIN-indexed column; visibility joins the small `readable` set, so paging stays exact.
 */
function hitsSql(s: Searcher, f: { q: string; prefix: string; communityId?: string }): SQL {
  const inCommunity = f.communityId ? sql`and c.id = ${f.communityId}` : sql``;
  const branches: SQL[] = [];
  if (!f.communityId) {
    branches.push(
      sql`select 'person' as kind, p.id, null::uuid as post_id,
            ts_rank_cd(${WEIGHTS}, p.search, q.tsq) + case when p.search @@ q.pq then 0.05 else 0 end as rank, p.created_at as at
          from people p, q
          where p.org_id = ${s.orgId} and p.status <> 'deactivated' and (p.search @@ q.tsq or p.search @@ q.pq)`,
      sql`select 'community', c.id, null::uuid, ts_rank_cd(${WEIGHTS}, c.search, q.tsq) + case when c.search @@ q.pq then 0.05 else 0 end, c.created_at
          from communities c cross join q
          left join community_members m on m.community_id = c.id and m.person_id = ${s.personId}
          where c.org_id = ${s.orgId} and (c.search @@ q.tsq or c.search @@ q.pq)
            and (c.visibility <> 'secret' or m.person_id is not null or ${s.isAdmin})`,
    );
  }
  branches.push(
    sql`select 'thread', t.id, null::uuid, ts_rank_cd(${WEIGHTS}, t.search, q.tsq), t.last_activity_at
        from threads t join readable r on r.id = t.community_id cross join q
        where t.search @@ q.tsq and t.deleted_at is null and t.org_id = ${s.orgId}`,
    sql`select 'thread', po.thread_id, po.id, ts_rank_cd(${WEIGHTS}, po.search, q.tsq), t.last_activity_at
        from posts po join readable r on r.id = po.community_id join threads t on t.id = po.thread_id cross join q
        where po.search @@ q.tsq and po.deleted_at is null and t.deleted_at is null and po.org_id = ${s.orgId}`,
    sql`select 'resource', x.id, null::uuid, ts_rank_cd(${WEIGHTS}, x.search, q.tsq), x.created_at
        from resources x left join readable r on r.id = x.community_id cross join q
        where x.search @@ q.tsq and x.deleted_at is null and x.org_id = ${s.orgId}
          and ${f.communityId ? sql`r.id is not null` : sql`(x.community_id is null or r.id is not null)`}`,
    sql`select 'pathway', x.id, null::uuid, ts_rank_cd(${WEIGHTS}, x.search, q.tsq), x.created_at
        from pathways x left join readable r on r.id = x.community_id cross join q
        where x.search @@ q.tsq and x.deleted_at is null and x.org_id = ${s.orgId}
          and ${f.communityId ? sql`r.id is not null` : sql`(x.community_id is null or r.id is not null)`}
          and (x.status = 'published' or x.author_id = ${s.personId})`,
  );
  return sql`q as materialized (
      select websearch_to_tsquery('english', ${f.q}) as tsq,
             case when ${f.prefix} = '' then null else to_tsquery('english', ${f.prefix}) end as pq),
    readable as materialized (
      select c.id from communities c
      left join community_members m on m.community_id = c.id and m.person_id = ${s.personId} and m.status = 'active'
      where c.org_id = ${s.orgId} and (c.visibility = 'open' or m.person_id is not null) ${inCommunity}),
    hits (kind, id, post_id, rank, at) as (${sql.join(branches, sql` union all `)}),
    best as materialized (
      select distinct on (kind, id) kind, id, post_id, rank, at from hits order by kind, id, rank desc, post_id nulls first)`;
}

/** Matches per kind (one pass over `best`). */
export async function countHits(db: DbOrTx, s: Searcher, f: { q: string; prefix: string; communityId?: string }) {
  return selectRows<{ kind: HitRow['kind']; n: number }>(db, sql`with ${hitsSql(s, f)} select kind, count(*)::int as n from best group by kind`);
}

const KIND_OF_TYPE: Record<string, HitRow['kind'] | null> = { all: null, people: 'person', communities: 'community', threads: 'thread', resources: 'resource', pathways: 'pathway' };

/**
 * One ranked page (rank, then most recent, then id) plus the per-kind counts, in one statement. Titles and snippets
 * are highlighted with ts_headline only for the rows of the page (it reparses the text, so never for every hit).
 */
export function selectHitPage(
  db: DbOrTx,
  s: Searcher,
  f: { q: string; prefix: string; communityId?: string; type: string; limit: number; offset: number; markers: { start: string; stop: string } },
) {
  const kind = KIND_OF_TYPE[f.type];
  const hl = (extra: string) => `StartSel="${f.markers.start}", StopSel="${f.markers.stop}", ${extra}`;
  const titleOpts = hl('HighlightAll=true');
  const snippetOpts = hl('MaxFragments=2, MaxWords=22, MinWords=8, FragmentDelimiter=" … "');
  return selectRows<HitRow & { counts: Record<string, number> | null }>(
    db,
    sql`with ${hitsSql(s, f)},
      counts as (select json_object_agg(kind, n) as counts from (select kind, count(*)::int as n from best group by kind) k),
      page as (select * from best ${kind ? sql`where kind = ${kind}` : sql``} order by rank desc, at desc, id limit ${f.limit} offset ${f.offset})
      select pg.kind, pg.id, pg.post_id as "postId", po.is_first as "isFirstPost", pg.at, h.title, h.meta, h.slug,
        ts_headline('english', replace(h.title, '<', ${LT}), case when pg.kind in ('person', 'community') and q.pq is not null then q.tsq || q.pq else q.tsq end, ${titleOpts}) as "titleMarked",
        case when coalesce(h.snippet, '') <> '' then ts_headline('english', replace(h.snippet, '<', ${LT}), case when pg.kind in ('person', 'community') and q.pq is not null then q.tsq || q.pq else q.tsq end, ${snippetOpts}) end as "snippetMarked",
        pc.id as "communityId", pc.name as "communityName", pc.slug as "communitySlug", (select counts from counts) as counts
      from page pg cross join q
      left join people p on pg.kind = 'person' and p.id = pg.id
      left join communities c on pg.kind = 'community' and c.id = pg.id
      left join threads t on pg.kind = 'thread' and t.id = pg.id
      left join posts po on po.id = pg.post_id
      left join resources rs on pg.kind = 'resource' and rs.id = pg.id
      left join pathways pw on pg.kind = 'pathway' and pw.id = pg.id
      left join communities pc on pc.id = coalesce(t.community_id, rs.community_id, pw.community_id)
      cross join lateral (select
        coalesce(p.name, c.name, t.title, rs.title, pw.title) as title,
        case pg.kind when 'person' then concat_ws(' · ', p.title, p.department, p.team, nullif(p.bio, ''))
          when 'community' then c.description when 'thread' then coalesce(po.body, t.excerpt)
          when 'resource' then rs.summary else pw.description end as snippet,
        case pg.kind when 'person' then nullif(concat_ws(' · ', p.title, p.department), '')
          when 'community' then c.kind when 'thread' then t.kind when 'resource' then rs.type
          else case when pw.status = 'draft' then 'draft pathway' else 'pathway' end end as meta,
        c.slug as slug) h
      order by pg.rank desc, pg.at desc, pg.id
      `,
  );
}
