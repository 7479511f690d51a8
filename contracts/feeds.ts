// Contracts of the feeds module (issue 3).
import { z } from 'zod';
import { Cursor, Id, page } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of follows and feed pages. */
export const FEED_LIMITS = {
  /** Longest tag one can follow. */
  tag: 40,
  /** Most people plus tags one person may follow (409 beyond). */
  follows: 500,
  /** Default and largest feed page. */
  pageSize: { default: 20, max: 50 },
} as const;

/** What one can follow. */
export const FollowKind = z.enum(['person', 'tag']);
export type FollowKind = z.infer<typeof FollowKind>;

/** A tag as followed: trimmed, lower-cased letters, digits, spaces, `-`, `_`, `.`, `+`, `#`. */
export const FollowTag = z
  .string()
  .trim()
  .min(1)
  .max(FEED_LIMITS.tag)
  .regex(/^[\p{L}\p{N} _.+#-]+$/u, 'Letters, digits, spaces and - _ . + # only')
  .transform((s) => s.toLowerCase());

/** Body of `PUT /api/follows`: follow a person (by id) or a tag. */
export const FollowRequest = z.discriminatedUnion('kind', [
  z
    .object({
      /** Follow a person of the organization. */
      kind: z.literal('person'),
      /** The person's id. */
      target: Id,
    })
    .strict(),
  z
    .object({
      /** Follow a tag (resource tags and community topics). */
      kind: z.literal('tag'),
      /** The tag. */
      target: FollowTag,
    })
    .strict(),
]);
export type FollowRequest = z.infer<typeof FollowRequest>;

/** Params of `DELETE /api/follows/:kind/:target` (the tag URL-encoded). */
export const UnfollowParams = z
  .object({
    /** person | tag. */
    kind: FollowKind,
    /** Person id or tag (compared lower-cased). */
    target: z.string().trim().min(1).max(FEED_LIMITS.tag),
  })
  .strict();
export type UnfollowParams = z.infer<typeof UnfollowParams>;

/** One thing the actor follows. */
export const Follow = z.object({
  /** person | tag. */
  kind: FollowKind,
  /** Person id or lower-case tag. */
  target: z.string(),
  /** The person, for person follows (null for tags). */
  person: PersonRef.nullable(),
  /** When the follow started. */
  since: z.string(),
});
export type Follow = z.infer<typeof Follow>;

/** `GET /api/follows`: everything the actor follows, newest first. */
export const FollowsResponse = z.object({
  /** Followed people and tags. */
  items: z.array(Follow),
});
export type FollowsResponse = z.infer<typeof FollowsResponse>;

/** `GET /api/follows/suggestions`: how many colleagues to suggest. */
export const FollowSuggestionsQuery = z
  .object({
    /** 1–20, default 5. */
    limit: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();
export type FollowSuggestionsQuery = z.infer<typeof FollowSuggestionsQuery>;

/** A colleague worth meeting, with the reasons shown to the viewer. */
export const FollowSuggestion = z.object({
  /** The colleague. */
  person: PersonRef.extend({ department: z.string().nullable() }),
  /** Skills they have that the viewer wants to learn (at most 3). */
  canHelpWith: z.array(z.string()),
  /** Interests the viewer shares with them (at most 3). */
  sharedInterests: z.array(z.string()),
  /** Whether they work in another department than the viewer (new ties across the organization count most). */
  otherDepartment: z.boolean(),
});
export type FollowSuggestion = z.infer<typeof FollowSuggestion>;

/**
 * Active colleagues the viewer does not follow yet, outside their own team and reporting line, who can help with a
 * skill the viewer wants to learn or share an interest. Ranked by 3 points per such skill, 2 per shared interest and 1
 * for another department, then by name (case-insensitive).
 */
export const FollowSuggestions = z.object({ items: z.array(FollowSuggestion) });
export type FollowSuggestions = z.infer<typeof FollowSuggestions>;

/** What happened in a feed item. */
export const FeedVerb = z.enum(['thread_created', 'reply_posted', 'answer_accepted', 'community_created', 'member_joined', 'resource_shared', 'pathway_published']);
export type FeedVerb = z.infer<typeof FeedVerb>;

/** One activity in a feed, carrying everything the web app needs to render it. */
export const FeedItem = z.object({
  /** Activity id (feeds are keyset-paged by it, newest first). */
  id: z.number().int(),
  /** Who did it. */
  actor: PersonRef,
  /** What they did. */
  verb: FeedVerb,
  /** What it is about. */
  subject: z.object({
    /** thread | post | resource | pathway | community. */
    kind: z.enum(['thread', 'post', 'resource', 'pathway', 'community']),
    /** Its id. */
    id: Id,
    /** Title captured when it happened (thread title for posts, community name for communities). */
    title: z.string(),
  }),
  /** Where it happened; null for organization-wide items (library resources, pathways outside communities). */
  community: z.object({ id: Id, name: z.string(), slug: z.string() }).nullable(),
  /** Tags of the subject (resource tags, or the community's topics for discussions). */
  tags: z.array(z.string()),
  /** When it happened (ISO 8601). */
  at: z.string(),
  /** Where the web app opens it. */
  url: z.string(),
});
export type FeedItem = z.infer<typeof FeedItem>;

/** `GET /api/feed/home` and `GET /api/communities/:id/feed` query. */
export const FeedQuery = z
  .object({
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(FEED_LIMITS.pageSize.max).default(FEED_LIMITS.pageSize.default),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type FeedQuery = z.infer<typeof FeedQuery>;

/** A page of feed items, newest first. */
export const FeedPage = page(FeedItem);
export type FeedPage = z.infer<typeof FeedPage>;
