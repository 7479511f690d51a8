// Contracts of the resources module (issue 3): shared resources, uploaded media, reviews and collections.
import { z } from 'zod';
import { Cursor, Id, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of resources, media, reviews and collections, shared by server validation and web forms. */
export const RESOURCE_LIMITS = {
  title: 200,
  summary: 2000,
  url: 2000,
  tags: 10,
  tag: 40,
  durationMinutes: 100_000,
  review: 2000,
  collectionTitle: 120,
  collectionDescription: 1000,
  collectionItems: 100,
  itemNote: 500,
  /** Upload size limits in bytes per kind of media (413 past them). */
  mediaBytes: { image: 10 * 1024 * 1024, audio: 50 * 1024 * 1024, video: 200 * 1024 * 1024, pdf: 25 * 1024 * 1024 },
} as const;

/** What a resource is. */
export const ResourceType = z.enum(['article', 'video', 'podcast', 'webinar', 'course', 'book', 'other']);
export type ResourceType = z.infer<typeof ResourceType>;

/** What an uploaded file is (decided from its content). */
export const MediaKind = z.enum(['image', 'audio', 'video', 'pdf']);
export type MediaKind = z.infer<typeof MediaKind>;

/** A tag: trimmed, lower-cased, letters, digits, spaces, dots, dashes and plus. */
export const ResourceTag = z
  .string()
  .trim()
  .min(1)
  .max(RESOURCE_LIMITS.tag)
  .transform((s) => s.toLowerCase())
  .refine((s) => /^[\p{L}\p{N}][\p{L}\p{N} .+#-]*$/u.test(s), 'Tags use letters, digits, spaces, dots, dashes, + and #');

/** An http(s) URL (no javascript:, data: or other schemes). */
export const HttpUrl = z
  .string()
  .trim()
  .max(RESOURCE_LIMITS.url)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'Only http and https links can be shared');

/** An uploaded file as its owner and viewers see it. */
export const Media = z.object({
  /** Media id. */
  id: Id,
  /** image, audio, video or pdf. */
  kind: MediaKind,
  /** MIME type detected from the content. */
  mime: z.string(),
  /** Size in bytes. */
  sizeBytes: z.number().int(),
  /** The file name as uploaded (display only). */
  originalName: z.string(),
  /** Where the bytes are served (to people allowed to see them). */
  url: z.string(),
});
export type Media = z.infer<typeof Media>;

/** Query of `POST /api/media` (the body is multipart/form-data with one `file` part). */
export const UploadMediaQuery = z
  .object({
    /** Community the file is uploaded into (its readers may see it); omit for a personal upload. */
    communityId: Id.optional(),
  })
  .strict();
export type UploadMediaQuery = z.infer<typeof UploadMediaQuery>;

/** What the actor may do with a resource. */
export const ResourceAbilities = z.object({
  /** May edit title, summary, link, duration and tags (author or community moderator). */
  canEdit: z.boolean(),
  /** May delete it (author or community moderator). */
  canDelete: z.boolean(),
  /** May rate and review it (anyone who sees it except its author). */
  canReview: z.boolean(),
});
export type ResourceAbilities = z.infer<typeof ResourceAbilities>;

/** A resource in lists. */
export const ResourceSummary = z.object({
  /** Resource id. */
  id: Id,
  /** Community it was shared in (null = the organization's library). */
  community: z.object({ id: Id, name: z.string(), slug: z.string() }).nullable(),
  /** Who shared it. */
  author: PersonRef,
  /** article, video, podcast, webinar, course, book or other. */
  type: ResourceType,
  /** Title. */
  title: z.string(),
  /** Plain-text summary. */
  summary: z.string(),
  /** The shared link (null when it is an uploaded file). */
  url: z.string().nullable(),
  /** The uploaded file (null for links). */
  media: Media.nullable(),
  /** Length in minutes (reading, watching or listening time). */
  durationMinutes: z.number().int().nullable(),
  /** Lower-case tags. */
  tags: z.array(z.string()),
  /** Average rating 1–5 (null when nobody rated it). */
  ratingAverage: z.number().nullable(),
  /** Number of ratings. */
  ratingCount: z.number().int(),
  /** When it was shared. */
  createdAt: z.string(),
  /** What the actor may do. */
  abilities: ResourceAbilities,
});
export type ResourceSummary = z.infer<typeof ResourceSummary>;

/** One person's rating and review. */
export const ResourceReview = z.object({
  /** Reviewer. */
  person: PersonRef,
  /** 1 to 5 stars. */
  rating: z.number().int().min(1).max(5),
  /** Plain-text review (may be empty). */
  review: z.string(),
  /** When it was first written. */
  createdAt: z.string(),
  /** When it was last changed. */
  updatedAt: z.string(),
});
export type ResourceReview = z.infer<typeof ResourceReview>;

/** `GET /api/resources/:id`: a resource with its reviews (newest first) and the actor's own. */
export const Resource = ResourceSummary.extend({
  /** Reviews, most recently changed first (up to 100). */
  reviews: z.array(ResourceReview),
  /** The actor's own rating and review, if any. */
  myReview: ResourceReview.nullable(),
});
export type Resource = z.infer<typeof Resource>;

const resourceFields = {
  /** article, video, podcast, webinar, course, book or other. */
  type: ResourceType,
  /** Title. */
  title: text(RESOURCE_LIMITS.title),
  /** Plain-text summary (optional). */
  summary: z.string().trim().max(RESOURCE_LIMITS.summary).default(''),
  /** Length in minutes (optional). */
  durationMinutes: z.number().int().min(1).max(RESOURCE_LIMITS.durationMinutes).nullable().default(null),
  /** Tags, lower-cased and de-duplicated. */
  tags: z
    .array(ResourceTag)
    .max(RESOURCE_LIMITS.tags)
    .default([])
    .transform((t) => [...new Set(t)]),
};

/** Body of `POST /api/resources`: a link (`url`) or an uploaded file (`mediaId`), exactly one of them. */
export const CreateResourceRequest = z
  .object({
    /** Community to share into (needs posting rights there); null or omitted = the organization's library. */
    communityId: Id.nullable().default(null),
    ...resourceFields,
    /** The link (http or https). */
    url: HttpUrl.nullable().default(null),
    /** An uploaded file of the actor's (from `POST /api/media`). */
    mediaId: Id.nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.url === null) === (v.mediaId === null)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Give either a link or an uploaded file' });
  });
export type CreateResourceRequest = z.input<typeof CreateResourceRequest>;

/** Body of `PATCH /api/resources/:id` (author or community moderator). */
export const UpdateResourceRequest = z
  .object({
    /** New type. */
    type: ResourceType,
    /** New title. */
    title: text(RESOURCE_LIMITS.title),
    /** New summary. */
    summary: z.string().trim().max(RESOURCE_LIMITS.summary),
    /** New duration in minutes (null clears it). */
    durationMinutes: z.number().int().min(1).max(RESOURCE_LIMITS.durationMinutes).nullable(),
    /** New tags (replace the old ones); left out, the tags stay as they are. */
    tags: z
      .array(ResourceTag)
      .max(RESOURCE_LIMITS.tags)
      .transform((t) => [...new Set(t)]),
    /** New link (only for link resources). */
    url: HttpUrl,
  })
  .partial()
  .strict();
export type UpdateResourceRequest = z.input<typeof UpdateResourceRequest>;

/** Query of `GET /api/resources`: one scope (a community, the library, mine, or everything the actor sees) and filters. */
export const FindResourcesQuery = z
  .object({
    /** Only this community's resources. */
    communityId: Id.optional(),
    /** Only the organization's library (resources outside communities). */
    library: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
    /** Only resources the actor shared. */
    mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
    /** Only resources with this tag. */
    tag: ResourceTag.optional(),
    /** Only this type. */
    type: ResourceType.optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(100).default(30),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type FindResourcesQuery = z.infer<typeof FindResourcesQuery>;

/** A page of resources, newest first. */
export const ResourcePage = z.object({
  /** Resources on this page. */
  items: z.array(ResourceSummary),
  /** Cursor of the next page (null at the end). */
  nextCursor: z.string().nullable(),
});
export type ResourcePage = z.infer<typeof ResourcePage>;

/** Body of `PUT /api/resources/:id/review`: the actor's rating (1–5) and optional plain-text review; replaces theirs. */
export const ReviewResourceRequest = z
  .object({
    /** 1 to 5 stars. */
    rating: z.number().int().min(1).max(5),
    /** Plain text, no Markdown (shown as typed). */
    review: z.string().trim().max(RESOURCE_LIMITS.review).default(''),
  })
  .strict();
export type ReviewResourceRequest = z.input<typeof ReviewResourceRequest>;

/** What the actor may do with a collection. */
export const CollectionAbilities = z.object({
  /** May rename it and add, remove, reorder and annotate items (owner or community moderator). */
  canEdit: z.boolean(),
  /** May delete it (owner or community moderator). */
  canDelete: z.boolean(),
});
export type CollectionAbilities = z.infer<typeof CollectionAbilities>;

/** A collection in lists. */
export const CollectionSummary = z.object({
  /** Collection id. */
  id: Id,
  /** Community it belongs to (null = organization-wide, made by a person). */
  communityId: Id.nullable(),
  /** Who made it. */
  owner: PersonRef,
  /** Title ("Top 5 podcasts for new leaders"). */
  title: z.string(),
  /** Plain-text description. */
  description: z.string(),
  /** Number of items the actor can see. */
  itemCount: z.number().int(),
  /** Last change. */
  updatedAt: z.string(),
  /** What the actor may do. */
  abilities: CollectionAbilities,
});
export type CollectionSummary = z.infer<typeof CollectionSummary>;

/** One item of a collection. */
export const CollectionItem = z.object({
  /** The resource. */
  resource: ResourceSummary,
  /** The curator's note about it. */
  note: z.string(),
});
export type CollectionItem = z.infer<typeof CollectionItem>;

/** `GET /api/collections/:id`: the collection with the items the actor may see, in order. */
export const Collection = CollectionSummary.extend({
  /** Items in the curator's order (resources the actor cannot see are left out). */
  items: z.array(CollectionItem),
});
export type Collection = z.infer<typeof Collection>;

/** Query of `GET /api/collections`. */
export const FindCollectionsQuery = z
  .object({
    /** Only this community's collections; omitted = organization-wide ones. */
    communityId: Id.optional(),
    /** Only collections the actor made. */
    mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  })
  .strict();
export type FindCollectionsQuery = z.infer<typeof FindCollectionsQuery>;

/** `GET /api/collections`: most recently changed first (up to 100). */
export const CollectionList = z.object({
  /** Collections. */
  items: z.array(CollectionSummary),
});
export type CollectionList = z.infer<typeof CollectionList>;

/** Body of `POST /api/collections`. */
export const CreateCollectionRequest = z
  .object({
    /** Community (any member who may post there); null = organization-wide. */
    communityId: Id.nullable().default(null),
    /** Title. */
    title: text(RESOURCE_LIMITS.collectionTitle),
    /** Plain-text description. */
    description: z.string().trim().max(RESOURCE_LIMITS.collectionDescription).default(''),
  })
  .strict();
export type CreateCollectionRequest = z.input<typeof CreateCollectionRequest>;

/** Body of `PATCH /api/collections/:id`. */
export const UpdateCollectionRequest = z
  .object({
    /** New title. */
    title: text(RESOURCE_LIMITS.collectionTitle),
    /** New description. */
    description: z.string().trim().max(RESOURCE_LIMITS.collectionDescription),
  })
  .partial()
  .strict();
export type UpdateCollectionRequest = z.input<typeof UpdateCollectionRequest>;

/** Body of `PUT /api/collections/:id/items/:resourceId`: adds the resource at the end, or changes its note. */
export const PutCollectionItemRequest = z
  .object({
    /** The curator's note (plain text). */
    note: z.string().trim().max(RESOURCE_LIMITS.itemNote).default(''),
  })
  .strict();
export type PutCollectionItemRequest = z.input<typeof PutCollectionItemRequest>;

/** Body of `PUT /api/collections/:id/order`: every item's resource id, in the new order. */
export const ReorderCollectionRequest = z
  .object({
    /** Resource ids in the new order; must be exactly the collection's items. */
    resourceIds: z.array(Id).max(RESOURCE_LIMITS.collectionItems),
  })
  .strict();
export type ReorderCollectionRequest = z.infer<typeof ReorderCollectionRequest>;
