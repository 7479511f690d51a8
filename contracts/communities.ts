import { z } from 'zod';
import { Cursor, Id, LIMITS, page, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of community and discussion content, shared by server validation and web forms. */
export const COMMUNITY_LIMITS = {
  name: 80,
  description: 600,
  rules: 8000,
  topics: 12,
  topic: 40,
  threadTitle: 160,
  postBody: 20000,
  /** Posts (threads + replies) a person may write per minute before 429. */
  postsPerMinute: 12,
} as const;

/** What a community is for. "cohort" spaces are created by programs. */
export const CommunityKind = z.enum(['practice', 'interest', 'team', 'cohort']);
export type CommunityKind = z.infer<typeof CommunityKind>;

/**
 * Who can see and join: open (anyone in the organization reads and joins), request (listed; content for members;
 * joining needs a moderator's approval), private (listed; content for members; by invitation), secret (not listed;
 * everything is hidden from non-members; by invitation).
 */
export const CommunityVisibility = z.enum(['open', 'request', 'private', 'secret']);
export type CommunityVisibility = z.infer<typeof CommunityVisibility>;

/** A member's role in one community. */
export const CommunityRole = z.enum(['owner', 'moderator', 'member']);
export type CommunityRole = z.infer<typeof CommunityRole>;

/** The actor's relation to a community. */
export const Membership = z.object({
  /** active = member; requested = waiting for approval; invited = may accept an invitation. */
  status: z.enum(['active', 'requested', 'invited']),
  /** Role when active. */
  role: CommunityRole,
  /** True when the community's rules changed since the member accepted them (must re-accept to post). */
  mustAcceptRules: z.boolean(),
});
export type Membership = z.infer<typeof Membership>;

/** What the signed-in person may do in a community (the web app never re-derives rules). */
export const CommunityAbilities = z.object({
  /** May read threads, posts and the member list. */
  canRead: z.boolean(),
  /** May join at once (open community, not yet a member). */
  canJoin: z.boolean(),
  /** May ask to join (request community). */
  canRequest: z.boolean(),
  /** May start threads and reply (active member who accepted the current rules). */
  canPost: z.boolean(),
  /** May pin, lock, delete others' posts, approve requests, invite, change roles and edit the community. */
  canModerate: z.boolean(),
  /** May post announcements (pinned, moderators only). */
  canAnnounce: z.boolean(),
  /** May leave (members other than the last owner). */
  canLeave: z.boolean(),
});
export type CommunityAbilities = z.infer<typeof CommunityAbilities>;

/** A topic tag, lower-cased. */
export const Topic = z
  .string()
  .trim()
  .min(1)
  .max(COMMUNITY_LIMITS.topic)
  .transform((s) => s.toLowerCase());

/** One community in lists and the directory. */
export const CommunitySummary = z.object({
  /** Community id. */
  id: Id,
  /** URL-friendly name, unique in the organization. */
  slug: z.string(),
  /** Display name. */
  name: z.string(),
  /** One or two sentences about the community. */
  description: z.string(),
  /** What the community is for. */
  kind: CommunityKind,
  /** Who can see and join. */
  visibility: CommunityVisibility,
  /** Topics (lower case), used for search and recommendations. */
  topics: z.array(z.string()),
  /** Active members. */
  memberCount: z.number().int(),
  /** Threads that are not deleted. */
  threadCount: z.number().int(),
  /** Last thread or reply, ISO time; null when nothing was posted yet. */
  lastActivityAt: z.string().nullable(),
  /** The actor's membership, or null. */
  membership: Membership.nullable(),
  /** Why this community is recommended to the actor (only in recommendations). */
  reasons: z.array(z.string()).optional(),
});
export type CommunitySummary = z.infer<typeof CommunitySummary>;

/** A community page header: summary plus rules and abilities. */
export const Community = CommunitySummary.extend({
  /** Code of conduct as Markdown source (members accept it on joining). */
  rules: z.string(),
  /** Code of conduct rendered to sanitized HTML. */
  rulesHtml: z.string(),
  /** Incremented whenever the rules change. */
  rulesVersion: z.number().int(),
  /** Who created it. */
  createdBy: PersonRef.nullable(),
  /** Creation time (ISO). */
  createdAt: z.string(),
  /** Experts endorsed by members, most endorsed first. */
  experts: z.array(PersonRef.extend({ endorsements: z.number().int() })),
  /** What the actor may do. */
  abilities: CommunityAbilities,
});
export type Community = z.infer<typeof Community>;

/** Body of `POST /api/communities`. */
export const CreateCommunityRequest = z.object({
  /** Display name. */
  name: text(COMMUNITY_LIMITS.name),
  /** What the community is about. */
  description: z.string().trim().max(COMMUNITY_LIMITS.description).default(''),
  /** What it is for (cohort spaces are made by programs, not here). */
  kind: CommunityKind.exclude(['cohort']).default('practice'),
  /** Who can see and join. */
  visibility: CommunityVisibility.default('open'),
  /** Code of conduct in Markdown (members accept it when joining); empty = a sensible default. */
  rules: z.string().trim().max(COMMUNITY_LIMITS.rules).default(''),
  /** Topics for search and recommendations. */
  topics: z.array(Topic).max(COMMUNITY_LIMITS.topics).default([]),
}).strict();
export type CreateCommunityRequest = z.input<typeof CreateCommunityRequest>;

/** Body of `PATCH /api/communities/:id` (moderators). Changing `rules` asks every member to accept them again. */
export const UpdateCommunityRequest = z
  .object({
    /** Display name. */
    name: text(COMMUNITY_LIMITS.name),
    /** Description. */
    description: z.string().trim().max(COMMUNITY_LIMITS.description),
    /** Who can see and join. */
    visibility: CommunityVisibility,
    /** Code of conduct in Markdown. */
    rules: z.string().trim().min(1).max(COMMUNITY_LIMITS.rules),
    /** Topics. */
    topics: z.array(Topic).max(COMMUNITY_LIMITS.topics),
  })
  .partial()
  .strict();
export type UpdateCommunityRequest = z.input<typeof UpdateCommunityRequest>;

/** Query of `GET /api/communities`. */
export const FindCommunitiesQuery = z
  .object({
    /** Text in name, description or topics. */
    q: z.string().trim().max(LIMITS.shortText).optional(),
    /** Only communities the actor belongs to. */
    mine: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
    /** Only this kind. */
    kind: CommunityKind.optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type FindCommunitiesQuery = z.infer<typeof FindCommunitiesQuery>;

/** A page of communities. */
export const CommunityPage = page(CommunitySummary);
export type CommunityPage = z.infer<typeof CommunityPage>;

/** `GET /api/communities/recommended`: communities the actor is not in, with reasons. */
export const CommunityRecommendations = z.object({
  /** Best first. */
  items: z.array(CommunitySummary),
});
export type CommunityRecommendations = z.infer<typeof CommunityRecommendations>;

/** Body of `POST /api/communities/:id/join` (join an open community, request to join, or accept an invitation). */
export const JoinCommunityRequest = z
  .object({
    /** The rules version the person read and accepts; must be the current one. */
    acceptRulesVersion: z.number().int().min(1),
  })
  .strict();
export type JoinCommunityRequest = z.infer<typeof JoinCommunityRequest>;

/** Body of `POST /api/communities/:id/accept-rules` (re-accept after a change). */
export const AcceptRulesRequest = JoinCommunityRequest;

/** One member in a community's member list. */
export const CommunityMember = PersonRef.extend({
  /** Department. */
  department: z.string().nullable(),
  /** Avatar image URL. */
  avatarUrl: z.string().nullable(),
  /** Role in the community. */
  role: CommunityRole,
  /** active, requested (waiting for approval) or invited. */
  status: z.enum(['active', 'requested', 'invited']),
  /** Members endorsing this person as an expert here. */
  endorsements: z.number().int(),
  /** True when the actor endorsed this person. */
  endorsedByMe: z.boolean(),
  /** When they joined (or asked, or were invited), ISO. */
  since: z.string(),
});
export type CommunityMember = z.infer<typeof CommunityMember>;

/** Query of the member list. */
export const FindMembersQuery = z
  .object({
    /** active (default), requested or invited (the last two for moderators). */
    status: z.enum(['active', 'requested', 'invited']).default('active'),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type FindMembersQuery = z.infer<typeof FindMembersQuery>;

/** A page of members. */
export const MemberPage = page(CommunityMember);
export type MemberPage = z.infer<typeof MemberPage>;

/** Body of `POST /api/communities/:id/members` (moderators invite people). */
export const InviteMembersRequest = z.object({ personIds: z.array(Id).min(1).max(100) }).strict();
export type InviteMembersRequest = z.infer<typeof InviteMembersRequest>;

/** Body of `PATCH /api/communities/:id/members/:personId` (moderators): approve a request or change a role. */
export const UpdateMemberRequest = z
  .object({
    /** Set to active to approve a join request. */
    status: z.literal('active').optional(),
    /** New role (owners only may make owners). */
    role: CommunityRole.optional(),
  })
  .strict();
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

/** Result of join/leave/accept-rules: the actor's membership now. */
export const MembershipResponse = z.object({ membership: Membership.nullable() });
export type MembershipResponse = z.infer<typeof MembershipResponse>;

// ---------------------------------------------------------------- discussions

/** discussion = open conversation; question = Q&A with an accepted answer; announcement = moderators, pinned. */
export const ThreadKind = z.enum(['discussion', 'question', 'announcement']);
export type ThreadKind = z.infer<typeof ThreadKind>;

/** Reactions a person can add to a post. */
export const ReactionKind = z.enum(['like', 'love', 'celebrate', 'insightful', 'thanks', 'funny']);
export type ReactionKind = z.infer<typeof ReactionKind>;

/** A thread in a list. */
export const ThreadSummary = z.object({
  /** Thread id. */
  id: Id,
  /** Community it belongs to. */
  communityId: Id,
  /** discussion, question or announcement. */
  kind: ThreadKind,
  /** Title. */
  title: z.string(),
  /** Who started it. */
  author: PersonRef,
  /** Pinned to the top by a moderator. */
  isPinned: z.boolean(),
  /** Locked: no more replies. */
  isLocked: z.boolean(),
  /** For questions: an answer was accepted. */
  isSolved: z.boolean(),
  /** Replies (not counting the first post, not counting deleted ones). */
  replyCount: z.number().int(),
  /** Creation time, ISO. */
  createdAt: z.string(),
  /** Last post time, ISO. */
  lastActivityAt: z.string(),
  /** First ~200 characters of the first post as plain text. */
  excerpt: z.string(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

/** Query of `GET /api/communities/:id/threads`. */
export const FindThreadsQuery = z
  .object({
    /** all (default); questions; unanswered = questions nobody replied to; unsolved = questions without an accepted answer. */
    filter: z.enum(['all', 'questions', 'unanswered', 'unsolved']).default('all'),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(30),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type FindThreadsQuery = z.infer<typeof FindThreadsQuery>;

/** A page of threads (pinned first on the first page). */
export const ThreadPage = page(ThreadSummary);
export type ThreadPage = z.infer<typeof ThreadPage>;

/** Counts of one reaction on a post. */
export const ReactionCount = z.object({
  /** Which reaction. */
  kind: ReactionKind,
  /** How many people reacted so. */
  count: z.number().int(),
  /** True when the actor is one of them. */
  mine: z.boolean(),
});

/** One post of a thread. */
export const Post = z.object({
  /** Post id. */
  id: Id,
  /** Thread id. */
  threadId: Id,
  /** Author; null when the post is deleted and the actor is not a moderator. */
  author: PersonRef.extend({ isExpert: z.boolean() }).nullable(),
  /** Markdown source (empty when deleted and hidden). Authors use it to edit. */
  body: z.string(),
  /** Sanitized HTML rendered from the Markdown. */
  html: z.string(),
  /** The first post of the thread. */
  isFirst: z.boolean(),
  /** Accepted answer of a question. */
  isAccepted: z.boolean(),
  /** The post this one replies to, if any. */
  replyToId: Id.nullable(),
  /** Creation time, ISO. */
  createdAt: z.string(),
  /** Last edit time, ISO, or null. */
  editedAt: z.string().nullable(),
  /** Deleted (moderators still see the content, others see a placeholder). */
  isDeleted: z.boolean(),
  /** Reactions with counts. */
  reactions: z.array(ReactionCount),
  /** What the actor may do with the post. */
  abilities: z.object({
    canEdit: z.boolean(),
    canDelete: z.boolean(),
    canAccept: z.boolean(),
    canReact: z.boolean(),
    canSeeHistory: z.boolean(),
  }),
});
export type Post = z.infer<typeof Post>;

/** A thread page: header, posts in order, and what the actor may do. */
export const Thread = ThreadSummary.extend({
  /** Community name and slug, for breadcrumbs. */
  community: z.object({ id: Id, name: z.string(), slug: z.string() }),
  /** Accepted answer post id. */
  acceptedPostId: Id.nullable(),
  /** The accepted answer itself, always included (also when it is not on this page of posts), or null. */
  acceptedPost: Post.nullable(),
  /** Posts in order (first post first), keyset-paged. */
  posts: z.array(Post),
  /** Cursor for more posts, or null. */
  nextCursor: z.string().nullable(),
  /** Experts of the community, shown on questions. */
  experts: z.array(PersonRef),
  /** What the actor may do. */
  abilities: z.object({
    canReply: z.boolean(),
    canModerate: z.boolean(),
    /** Why replying is not possible, for the UI (e.g. "This thread is locked."). */
    replyBlockedReason: z.string().nullable(),
  }),
});
export type Thread = z.infer<typeof Thread>;

/** Query of `GET /api/threads/:id`. */
export const GetThreadQuery = z
  .object({
    /** Posts per page. */
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(50),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict();
export type GetThreadQuery = z.infer<typeof GetThreadQuery>;

/** Body of `POST /api/communities/:id/threads`. */
export const CreateThreadRequest = z
  .object({
    /** discussion, question or announcement (moderators only). */
    kind: ThreadKind.default('discussion'),
    /** Title. */
    title: text(COMMUNITY_LIMITS.threadTitle),
    /** First post, Markdown. Mention people with [@Name](/people/<id>). */
    body: text(COMMUNITY_LIMITS.postBody),
  })
  .strict();
export type CreateThreadRequest = z.input<typeof CreateThreadRequest>;

/** Body of `POST /api/threads/:id/posts`. */
export const CreateReplyRequest = z
  .object({
    /** Markdown. Mention people with [@Name](/people/<id>). */
    body: text(COMMUNITY_LIMITS.postBody),
    /** The post this replies to (quoted), in the same thread. */
    replyToId: Id.optional(),
  })
  .strict();
export type CreateReplyRequest = z.infer<typeof CreateReplyRequest>;

/** Body of `PATCH /api/posts/:id` (author or moderator): the new Markdown; the old one goes to the history. */
export const EditPostRequest = z.object({ body: text(COMMUNITY_LIMITS.postBody) }).strict();
export type EditPostRequest = z.infer<typeof EditPostRequest>;

/** Body of `PATCH /api/threads/:id` (moderators; the author may retitle). */
export const UpdateThreadRequest = z
  .object({
    /** New title. */
    title: text(COMMUNITY_LIMITS.threadTitle),
    /** Pin or unpin. */
    isPinned: z.boolean(),
    /** Lock or unlock. */
    isLocked: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateThreadRequest = z.infer<typeof UpdateThreadRequest>;

/** Body of `PUT /api/threads/:id/accepted` (asker or moderator): the accepted answer, or null to clear it. */
export const AcceptAnswerRequest = z.object({ postId: Id.nullable() }).strict();
export type AcceptAnswerRequest = z.infer<typeof AcceptAnswerRequest>;

/** Body of `POST /api/posts/:id/reactions` and `DELETE …/reactions/:kind`. */
export const ReactRequest = z.object({ kind: ReactionKind }).strict();
export type ReactRequest = z.infer<typeof ReactRequest>;

/** One earlier version of a post. */
export const PostRevision = z.object({
  /** The Markdown as it was. */
  body: z.string(),
  /** Who saved the version that replaced it. */
  editedBy: PersonRef,
  /** When it was replaced, ISO. */
  editedAt: z.string(),
});

/** `GET /api/posts/:id/revisions`: earlier versions, newest first. */
export const PostRevisions = z.object({ items: z.array(PostRevision) });
export type PostRevisions = z.infer<typeof PostRevisions>;

/** Body of `PUT /api/communities/:id/experts/:personId` — endorse (true) or withdraw (false). */
export const EndorseExpertRequest = z.object({ endorse: z.boolean() }).strict();
export type EndorseExpertRequest = z.infer<typeof EndorseExpertRequest>;

/** Organization settings for communities. */
export const CommunitySettings = z.object({
  /** Who may create communities: anyone in the organization, or org admins only. */
  whoCanCreate: z.enum(['anyone', 'admins']),
});
export type CommunitySettings = z.infer<typeof CommunitySettings>;
