// Contracts of the search module (issue 3).
import { z } from 'zod';
import { Cursor, Id } from './common.ts';

/** Limits of search requests, shared by server validation and the web search box. */
export const SEARCH_LIMITS = {
  /** Longest query accepted (400 beyond). */
  query: 200,
  /** Default and largest page size. */
  pageSize: { default: 20, max: 50 },
  /** Deepest result reachable by paging (offset paging: deeper pages are refused as an invalid cursor). */
  maxOffset: 500,
  /** Per-type counts stop here (the chips show "500+"), so a very common word stays fast. */
  countCap: 200,
} as const;

/** What a search covers: everything, or one kind of result. */
export const SearchType = z.enum(['all', 'people', 'communities', 'threads', 'resources', 'pathways']);
export type SearchType = z.infer<typeof SearchType>;

/** `GET /api/search` query. */
export const SearchQuery = z
  .object({
    /** Words to look for (web-search syntax: "quoted phrase", -exclude, or). */
    q: z.string().trim().max(SEARCH_LIMITS.query),
    /** Which kind of result (default all). */
    type: SearchType.default('all'),
    /** Only content of this community (threads, resources, pathways); people and communities are then left out. */
    communityId: Id.optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.pageSize.max).default(SEARCH_LIMITS.pageSize.default),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The kind of one hit (a post hit is reported as its thread). */
export const SearchHitKind = z.enum(['person', 'community', 'thread', 'resource', 'pathway']);
export type SearchHitKind = z.infer<typeof SearchHitKind>;

/** One search result. */
export const SearchHit = z.object({
  /** What was found. */
  kind: SearchHitKind,
  /** Id of the person, community, thread, resource or pathway. */
  id: Id,
  /** Plain-text title (name for people). */
  title: z.string(),
  /**
   * The title as safe HTML: every character is HTML-escaped by the server and the only tags are `<mark>…</mark>`
   * around matched words. Render it as HTML; never build it from other input.
   */
  titleHtml: z.string(),
  /** A short excerpt around the matches, safe HTML with the same guarantee as titleHtml (may be empty). */
  snippetHtml: z.string(),
  /** For threads: the post that matched best when the match was in a post rather than the title. */
  postId: Id.nullable(),
  /** The community it lives in (threads, community resources and pathways), null otherwise. */
  community: z.object({ id: Id, name: z.string(), slug: z.string() }).nullable(),
  /** Secondary line: job title and department for people, kind/type for others. */
  meta: z.string().nullable(),
  /** Where the web app opens it. */
  url: z.string(),
  /** Creation (or, for threads, last activity) time, the tie-break after rank. */
  at: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/** Matches per kind for the filter chips (each capped at SEARCH_LIMITS.countCap). */
export const SearchCounts = z.object({
  /** Every kind added up. */
  all: z.number().int(),
  /** People. */
  people: z.number().int(),
  /** Communities. */
  communities: z.number().int(),
  /** Threads (a thread matching in its title and several posts counts once). */
  threads: z.number().int(),
  /** Resources. */
  resources: z.number().int(),
  /** Pathways. */
  pathways: z.number().int(),
});
export type SearchCounts = z.infer<typeof SearchCounts>;

/** `GET /api/search` answer: a ranked page of hits plus counts for the chips. */
export const SearchResponse = z.object({
  /** Best first (rank, then most recent). */
  items: z.array(SearchHit),
  /** Cursor of the following page, null at the end. */
  nextCursor: z.string().nullable(),
  /** Matches per kind (for the whole query, not only this page). */
  counts: SearchCounts,
  /**
   * True when a very common word matched more than the SEARCH_LIMITS.countCap newest items of some kind: only those
   * were ranked, and the counts are lower bounds (show them as "500+").
   */
  countsAreLowerBounds: z.boolean(),
  /** A hint for the searcher when the query could not be used (e.g. only very common words), otherwise null. */
  message: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
