var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// server/src/app.ts
import { existsSync as existsSync2 } from "node:fs";
import { join as join5, sep as sep2 } from "node:path";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import websocket from "@fastify/websocket";
import Fastify from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { randomUUID as randomUUID3 } from "node:crypto";

// server/src/kernel/http/problem.ts
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";

// server/src/kernel/errors.ts
var ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  RULES_OUTDATED: 409,
  RULES_NOT_ACCEPTED: 409,
  THREAD_LOCKED: 409,
  LAST_OWNER: 409,
  SESSION_FULL: 409,
  SESSION_ENDED: 409,
  STALE_STATE: 409,
  SEGMENT_CLOSED: 409,
  NOTES_CONFLICT: 409,
  ALREADY_VOTED: 409,
  POLL_CLOSED: 409,
  PAIR_PRIVATE: 409,
  MENTOR_FULL: 409,
  EVENT_CANCELLED: 409,
  EVENT_ENDED: 409,
  TOKEN_INVALID: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503
};
var AppError = class extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.code = code;
    this.extra = extra;
    this.status = ERROR_STATUS[code];
  }
  code;
  extra;
  status;
};
var notFound = (what = "That") => new AppError("NOT_FOUND", `${what} was not found.`);
function isDatabaseUnavailable(err, depth = 0) {
  const e = err;
  if (!e || depth > 3) return false;
  if (e.cause && isDatabaseUnavailable(e.cause, depth + 1)) return true;
  const code = e.code ?? "";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P02", "57P03", "53300"].includes(code)) return true;
  if (code.startsWith("08")) return true;
  const msg = e.message ?? "";
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed/i.test(msg);
}
function isUniqueViolation(err, constraint) {
  const e = err ?? {};
  if (e.code === "23505") return !constraint || e.constraint === constraint;
  return e.cause ? isUniqueViolation(e.cause, constraint) : false;
}

// server/src/kernel/http/problem.ts
var TITLES = {
  400: "Bad request",
  401: "Not signed in",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  413: "Too large",
  414: "Address too long",
  415: "Unsupported media type",
  422: "Unprocessable",
  429: "Too many requests",
  500: "Server error",
  503: "Service unavailable"
};
function sendProblem(reply, status, code, detail, extra = {}) {
  if (extra.retryAfterSeconds) reply.header("retry-after", String(Math.ceil(extra.retryAfterSeconds)));
  return reply.code(status).type("application/problem+json; charset=utf-8").serializer(JSON.stringify).send({ status, code, title: TITLES[status] ?? "Error", detail, errors: extra.errors, requestId: String(reply.request.id) });
}
function fieldName(path) {
  return path.replace(/^\//, "").replace(/\//g, ".") || "(body)";
}
function installErrorHandling(app) {
  app.setErrorHandler((err, request, reply) => {
    if (err instanceof AppError) return sendProblem(reply, err.status, err.code, err.message, err.extra);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const errors = err.validation.map((v) => {
        const keys = v.keyword === "unrecognized_keys" ? v.params.keys : void 0;
        const base = fieldName(v.instancePath);
        return keys?.length ? { field: keys.map((k) => base === "(body)" ? k : `${base}.${k}`).join(", "), message: "Unknown field" } : { field: base, message: v.message ?? "Invalid value" };
      });
      const where = err.validationContext === "querystring" ? "query" : err.validationContext ?? "request";
      return sendProblem(reply, 400, "VALIDATION_FAILED", `Some ${where} fields are not valid: ${errors.map((e) => e.field).join(", ")}.`, { errors });
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, "response failed its contract");
      return sendProblem(reply, 500, "INTERNAL", "Something went wrong on our side. Please try again.");
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err: { message: err.message, code: err.code } }, "database unavailable");
      return sendProblem(reply, 503, "DATABASE_UNAVAILABLE", "The database is not reachable right now. Please try again shortly.", { retryAfterSeconds: 5 });
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return sendProblem(reply, 429, "RATE_LIMITED", err.message || "Too many requests. Please wait and try again.");
    if (status === 413 || err.code === "FST_ERR_CTP_BODY_TOO_LARGE") return sendProblem(reply, 413, "PAYLOAD_TOO_LARGE", "The request body is too large.");
    if (status === 415 || err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return sendProblem(reply, 415, "UNSUPPORTED_MEDIA_TYPE", "Send JSON (Content-Type: application/json).");
    if (status >= 400 && status < 500) {
      const detail = err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError ? "The request body is not valid JSON." : err.message;
      return sendProblem(reply, status, status === 400 ? "MALFORMED_REQUEST" : "INVALID_REQUEST", detail);
    }
    request.log.error({ err }, "unhandled error");
    return sendProblem(reply, 500, "INTERNAL", "Something went wrong on our side. Please try again.");
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, 404, "NOT_FOUND", `No route ${request.method} ${request.url.split("?")[0]}.`));
}

// server/src/kernel/auth/sessions.ts
import { and, eq, sql as sql10 } from "drizzle-orm";

// server/db/schema/index.ts
var schema_exports = {};
__export(schema_exports, {
  activities: () => activities,
  auditLog: () => auditLog,
  authTokens: () => authTokens,
  cohortMembers: () => cohortMembers,
  cohorts: () => cohorts,
  collectionItems: () => collectionItems,
  collections: () => collections,
  communities: () => communities,
  communityExperts: () => communityExperts,
  communityMembers: () => communityMembers,
  communitySettings: () => communitySettings,
  conversationMembers: () => conversationMembers,
  conversations: () => conversations,
  domainEvents: () => domainEvents,
  eventAttendance: () => eventAttendance,
  eventHosts: () => eventHosts,
  eventQuestionVotes: () => eventQuestionVotes,
  eventQuestions: () => eventQuestions,
  eventResources: () => eventResources,
  eventRsvps: () => eventRsvps,
  events: () => events,
  expertAvailability: () => expertAvailability,
  expertQuestions: () => expertQuestions,
  expertRoutes: () => expertRoutes,
  follows: () => follows,
  liveAttendance: () => liveAttendance,
  liveBroadcasts: () => liveBroadcasts,
  liveGroupMembers: () => liveGroupMembers,
  liveGroupNotes: () => liveGroupNotes,
  liveGroups: () => liveGroups,
  liveMessages: () => liveMessages,
  liveParticipants: () => liveParticipants,
  livePollVotes: () => livePollVotes,
  liveSegments: () => liveSegments,
  liveSessionFacilitators: () => liveSessionFacilitators,
  liveSessions: () => liveSessions,
  media: () => media,
  menteeProfiles: () => menteeProfiles,
  mentorProfiles: () => mentorProfiles,
  mentoringCheckIns: () => mentoringCheckIns,
  mentoringClosings: () => mentoringClosings,
  mentoringGoals: () => mentoringGoals,
  mentoringMatchRuns: () => mentoringMatchRuns,
  mentoringMatches: () => mentoringMatches,
  mentoringMeetings: () => mentoringMeetings,
  mentoringNotes: () => mentoringNotes,
  mentoringRequests: () => mentoringRequests,
  messages: () => messages,
  notificationPrefs: () => notificationPrefs,
  notifications: () => notifications,
  organizations: () => organizations,
  pathwayEnrollments: () => pathwayEnrollments,
  pathwayProgress: () => pathwayProgress,
  pathwaySteps: () => pathwaySteps,
  pathways: () => pathways,
  people: () => people,
  personSkills: () => personSkills,
  postMentions: () => postMentions,
  postReactions: () => postReactions,
  postRevisions: () => postRevisions,
  posts: () => posts,
  presence: () => presence,
  programEnrollments: () => programEnrollments,
  programFacilitators: () => programFacilitators,
  programPlans: () => programPlans,
  programSessionProgress: () => programSessionProgress,
  programSessions: () => programSessions,
  programs: () => programs,
  resourceReviews: () => resourceReviews,
  resources: () => resources,
  sessions: () => sessions,
  threads: () => threads
});

// server/db/schema/orgs.ts
import { sql as sql2 } from "drizzle-orm";

// server/db/schema/columns.ts
import { sql } from "drizzle-orm";
import { customType, timestamp, uuid } from "drizzle-orm/pg-core";
var tsvector = customType({ dataType: () => "tsvector" });
var searchColumn = (parts) => tsvector("search").generatedAlwaysAs(
  sql.raw(
    Object.entries(parts).map(([weight, cols]) => `setweight(to_tsvector('english'::regconfig, ${cols.map((c) => `coalesce("${c}", '')`).join(" || ' ' || ")}), '${weight}')`).join(" || ")
  )
);
var createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
var orgIdColumn = () => uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" });
var personRef = (name) => uuid(name).notNull().references(() => people.id, { onDelete: "cascade" });

// server/db/schema/orgs.ts
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp as timestamp2, uniqueIndex, uuid as uuid2, bigserial } from "drizzle-orm/pg-core";
var createdAt2 = () => timestamp2("created_at", { withTimezone: true }).notNull().defaultNow();
var organizations = pgTable("organizations", {
  id: uuid2("id").primaryKey().default(sql2`gen_random_uuid()`),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: createdAt2()
});
var people = pgTable(
  "people",
  {
    id: uuid2("id").primaryKey().default(sql2`gen_random_uuid()`),
    orgId: uuid2("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    title: text("title"),
    department: text("department"),
    team: text("team"),
    location: text("location"),
    timeZone: text("time_zone"),
    managerId: uuid2("manager_id").references(() => people.id, { onDelete: "set null" }),
    bio: text("bio"),
    avatarUrl: text("avatar_url"),
    interests: text("interests").array().notNull().default(sql2`'{}'::text[]`),
    roles: text("roles").array().notNull().default(sql2`'{}'::text[]`),
    status: text("status").notNull().default("invited"),
    passwordHash: text("password_hash"),
    createdAt: createdAt2(),
    updatedAt: timestamp2("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: searchColumn({ A: ["name"], B: ["title", "department", "team"], C: ["bio"] })
  },
  (t) => [
    uniqueIndex("people_email_key").on(t.email),
    index("people_search_idx").using("gin", t.search),
    index("people_org_name_idx").on(t.orgId, t.name, t.id),
    index("people_org_department_idx").on(t.orgId, t.department),
    index("people_manager_idx").on(t.managerId)
  ]
);
var personSkills = pgTable(
  "person_skills",
  {
    orgId: uuid2("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    personId: uuid2("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** Lower-cased name for filtering. */
    key: text("key").notNull(),
    level: smallint("level").notNull()
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind, t.key] }), index("person_skills_org_key_idx").on(t.orgId, t.key)]
);
var sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: uuid2("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    orgId: uuid2("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt2(),
    lastSeenAt: timestamp2("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp2("expires_at", { withTimezone: true }).notNull()
  },
  (t) => [index("sessions_person_idx").on(t.personId)]
);
var authTokens = pgTable("auth_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  kind: text("kind").notNull(),
  personId: uuid2("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
  orgId: uuid2("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
  expiresAt: timestamp2("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp2("used_at", { withTimezone: true }),
  createdAt: createdAt2()
});
var presence = pgTable(
  "presence",
  {
    nodeId: text("node_id").notNull(),
    personId: uuid2("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    orgId: uuid2("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
    connections: integer("connections").notNull(),
    seenAt: timestamp2("seen_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.personId] }), index("presence_org_idx").on(t.orgId)]
);
var auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: uuid2("org_id").references(() => organizations.id, { onDelete: "cascade" }),
    actorId: uuid2("actor_id"),
    action: text("action").notNull(),
    target: text("target"),
    ip: text("ip"),
    requestId: text("request_id"),
    data: jsonb("data"),
    createdAt: createdAt2()
  },
  (t) => [index("audit_org_created_idx").on(t.orgId, t.createdAt)]
);
var domainEvents = pgTable("domain_events", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  orgId: uuid2("org_id"),
  type: text("type").notNull(),
  payload: jsonb("payload").notNull(),
  createdAt: createdAt2()
});

// server/db/schema/communities.ts
import { sql as sql3 } from "drizzle-orm";
import { boolean as boolean2, index as index2, integer as integer2, pgTable as pgTable2, primaryKey as primaryKey2, text as text2, timestamp as timestamp3, uniqueIndex as uniqueIndex2, uuid as uuid3 } from "drizzle-orm/pg-core";
var createdAt3 = () => timestamp3("created_at", { withTimezone: true }).notNull().defaultNow();
var orgId = () => uuid3("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" });
var communitySettings = pgTable2("community_settings", {
  orgId: uuid3("org_id").primaryKey().references(() => organizations.id, { onDelete: "cascade" }),
  /** anyone | admins */
  whoCanCreate: text2("who_can_create").notNull().default("anyone")
});
var communities = pgTable2(
  "communities",
  {
    id: uuid3("id").primaryKey().default(sql3`gen_random_uuid()`),
    orgId: orgId(),
    slug: text2("slug").notNull(),
    name: text2("name").notNull(),
    description: text2("description").notNull().default(""),
    kind: text2("kind").notNull(),
    visibility: text2("visibility").notNull(),
    topics: text2("topics").array().notNull().default(sql3`'{}'::text[]`),
    rules: text2("rules").notNull(),
    rulesHtml: text2("rules_html").notNull(),
    rulesVersion: integer2("rules_version").notNull().default(1),
    /** Denormalized counters, maintained in the same transaction as the change. */
    memberCount: integer2("member_count").notNull().default(0),
    threadCount: integer2("thread_count").notNull().default(0),
    lastActivityAt: timestamp3("last_activity_at", { withTimezone: true }),
    createdBy: uuid3("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt3(),
    updatedAt: timestamp3("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: searchColumn({ A: ["name"], B: ["description"] })
  },
  (t) => [
    uniqueIndex2("communities_org_slug_key").on(t.orgId, t.slug),
    index2("communities_org_name_idx").on(t.orgId, t.name, t.id),
    index2("communities_search_idx").using("gin", t.search)
  ]
);
var communityMembers = pgTable2(
  "community_members",
  {
    communityId: uuid3("community_id").notNull().references(() => communities.id, { onDelete: "cascade" }),
    personId: uuid3("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    orgId: orgId(),
    role: text2("role").notNull().default("member"),
    status: text2("status").notNull(),
    /** The rules version the member last accepted (0 = never). */
    rulesAccepted: integer2("rules_accepted").notNull().default(0),
    since: createdAt3()
  },
  (t) => [primaryKey2({ columns: [t.communityId, t.personId] }), index2("community_members_person_idx").on(t.personId, t.status)]
);
var communityExperts = pgTable2(
  "community_experts",
  {
    communityId: uuid3("community_id").notNull().references(() => communities.id, { onDelete: "cascade" }),
    personId: uuid3("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    endorsedBy: uuid3("endorsed_by").notNull().references(() => people.id, { onDelete: "cascade" }),
    orgId: orgId(),
    createdAt: createdAt3()
  },
  (t) => [primaryKey2({ columns: [t.communityId, t.personId, t.endorsedBy] })]
);
var threads = pgTable2(
  "threads",
  {
    id: uuid3("id").primaryKey().default(sql3`gen_random_uuid()`),
    orgId: orgId(),
    communityId: uuid3("community_id").notNull().references(() => communities.id, { onDelete: "cascade" }),
    authorId: uuid3("author_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    kind: text2("kind").notNull(),
    title: text2("title").notNull(),
    isPinned: boolean2("is_pinned").notNull().default(false),
    isLocked: boolean2("is_locked").notNull().default(false),
    acceptedPostId: uuid3("accepted_post_id").references(() => posts.id, { onDelete: "set null" }),
    replyCount: integer2("reply_count").notNull().default(0),
    /** Replies by someone other than the asker (for the "unanswered" view). */
    answerCount: integer2("answer_count").notNull().default(0),
    excerpt: text2("excerpt").notNull().default(""),
    createdAt: createdAt3(),
    lastActivityAt: timestamp3("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp3("deleted_at", { withTimezone: true }),
    deletedBy: uuid3("deleted_by"),
    search: searchColumn({ A: ["title"] })
  },
  (t) => [index2("threads_community_activity_idx").on(t.communityId, t.isPinned, t.lastActivityAt, t.id), index2("threads_search_idx").using("gin", t.search)]
);
var posts = pgTable2(
  "posts",
  {
    id: uuid3("id").primaryKey().default(sql3`gen_random_uuid()`),
    orgId: orgId(),
    threadId: uuid3("thread_id").notNull().references(() => threads.id, { onDelete: "cascade" }),
    communityId: uuid3("community_id").notNull().references(() => communities.id, { onDelete: "cascade" }),
    authorId: uuid3("author_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    body: text2("body").notNull(),
    html: text2("html").notNull(),
    isFirst: boolean2("is_first").notNull().default(false),
    replyToId: uuid3("reply_to_id").references(() => posts.id, { onDelete: "set null" }),
    createdAt: createdAt3(),
    editedAt: timestamp3("edited_at", { withTimezone: true }),
    deletedAt: timestamp3("deleted_at", { withTimezone: true }),
    deletedBy: uuid3("deleted_by"),
    search: searchColumn({ B: ["body"] })
  },
  (t) => [
    index2("posts_thread_created_idx").on(t.threadId, t.createdAt, t.id),
    index2("posts_author_idx").on(t.authorId),
    index2("posts_search_idx").using("gin", t.search),
    /** Newest posts of an organization first: lets search rank only the most recent matches of a very common word. */
    index2("posts_org_created_idx").on(t.orgId, t.createdAt)
  ]
);
var postRevisions = pgTable2(
  "post_revisions",
  {
    id: uuid3("id").primaryKey().default(sql3`gen_random_uuid()`),
    orgId: orgId(),
    postId: uuid3("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    body: text2("body").notNull(),
    editedBy: uuid3("edited_by").notNull().references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt3()
  },
  (t) => [index2("post_revisions_post_idx").on(t.postId, t.createdAt)]
);
var postReactions = pgTable2(
  "post_reactions",
  {
    postId: uuid3("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    personId: uuid3("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    kind: text2("kind").notNull(),
    orgId: orgId(),
    createdAt: createdAt3()
  },
  (t) => [primaryKey2({ columns: [t.postId, t.personId, t.kind] })]
);
var postMentions = pgTable2(
  "post_mentions",
  {
    postId: uuid3("post_id").notNull().references(() => posts.id, { onDelete: "cascade" }),
    personId: uuid3("person_id").notNull().references(() => people.id, { onDelete: "cascade" }),
    orgId: orgId()
  },
  (t) => [primaryKey2({ columns: [t.postId, t.personId] }), index2("post_mentions_person_idx").on(t.personId)]
);

// server/db/schema/learning.ts
import { sql as sql4 } from "drizzle-orm";
import { bigint, boolean as boolean3, date, index as index3, integer as integer3, pgTable as pgTable3, primaryKey as primaryKey3, smallint as smallint2, text as text3, timestamp as timestamp4, uuid as uuid4 } from "drizzle-orm/pg-core";
var updatedAt = () => timestamp4("updated_at", { withTimezone: true }).notNull().defaultNow();
var communityRef = () => uuid4("community_id").references(() => communities.id, { onDelete: "cascade" });
var media = pgTable3(
  "media",
  {
    id: uuid4("id").primaryKey().default(sql4`gen_random_uuid()`),
    orgId: orgIdColumn(),
    ownerId: personRef("owner_id"),
    /** The community it was uploaded into (null = only the owner and what it gets attached to). */
    communityId: communityRef(),
    /** image | audio | video | pdf */
    kind: text3("kind").notNull(),
    /** MIME type detected from the content (not the name). */
    mime: text3("mime").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    /** Path relative to the media root. */
    storageKey: text3("storage_key").notNull(),
    originalName: text3("original_name").notNull(),
    sha256: text3("sha256").notNull(),
    createdAt: createdAt()
  },
  (t) => [index3("media_owner_idx").on(t.ownerId)]
);
var resources = pgTable3(
  "resources",
  {
    id: uuid4("id").primaryKey().default(sql4`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** Community it was shared in; null = the organization's open library. */
    communityId: communityRef(),
    authorId: personRef("author_id"),
    type: text3("type").notNull(),
    title: text3("title").notNull(),
    summary: text3("summary").notNull().default(""),
    url: text3("url"),
    mediaId: uuid4("media_id").references(() => media.id, { onDelete: "set null" }),
    durationMinutes: integer3("duration_minutes"),
    tags: text3("tags").array().notNull().default(sql4`'{}'::text[]`),
    ratingSum: integer3("rating_sum").notNull().default(0),
    ratingCount: integer3("rating_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp4("deleted_at", { withTimezone: true }),
    search: searchColumn({ A: ["title"], B: ["summary"] })
  },
  (t) => [
    index3("resources_community_created_idx").on(t.communityId, t.createdAt, t.id),
    index3("resources_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index3("resources_tags_idx").using("gin", t.tags),
    index3("resources_search_idx").using("gin", t.search)
  ]
);
var resourceReviews = pgTable3(
  "resource_reviews",
  {
    resourceId: uuid4("resource_id").notNull().references(() => resources.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    rating: smallint2("rating").notNull(),
    review: text3("review").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [primaryKey3({ columns: [t.resourceId, t.personId] })]
);
var collections = pgTable3(
  "collections",
  {
    id: uuid4("id").primaryKey().default(sql4`gen_random_uuid()`),
    orgId: orgIdColumn(),
    communityId: communityRef(),
    ownerId: personRef("owner_id"),
    title: text3("title").notNull(),
    description: text3("description").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt()
  },
  (t) => [index3("collections_community_idx").on(t.communityId), index3("collections_owner_idx").on(t.ownerId)]
);
var collectionItems = pgTable3(
  "collection_items",
  {
    collectionId: uuid4("collection_id").notNull().references(() => collections.id, { onDelete: "cascade" }),
    resourceId: uuid4("resource_id").notNull().references(() => resources.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    position: integer3("position").notNull(),
    note: text3("note").notNull().default("")
  },
  (t) => [primaryKey3({ columns: [t.collectionId, t.resourceId] })]
);
var pathways = pgTable3(
  "pathways",
  {
    id: uuid4("id").primaryKey().default(sql4`gen_random_uuid()`),
    orgId: orgIdColumn(),
    communityId: communityRef(),
    authorId: personRef("author_id"),
    title: text3("title").notNull(),
    description: text3("description").notNull().default(""),
    /** draft | published */
    status: text3("status").notNull().default("draft"),
    isFeatured: boolean3("is_featured").notNull().default(false),
    featuredBy: uuid4("featured_by"),
    enrolledCount: integer3("enrolled_count").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp4("deleted_at", { withTimezone: true }),
    search: searchColumn({ A: ["title"], B: ["description"] })
  },
  (t) => [index3("pathways_org_idx").on(t.orgId, t.isFeatured, t.createdAt), index3("pathways_community_idx").on(t.communityId), index3("pathways_search_idx").using("gin", t.search)]
);
var pathwaySteps = pgTable3(
  "pathway_steps",
  {
    id: uuid4("id").primaryKey().default(sql4`gen_random_uuid()`),
    pathwayId: uuid4("pathway_id").notNull().references(() => pathways.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    position: integer3("position").notNull(),
    /** resource | discussion | task */
    kind: text3("kind").notNull(),
    title: text3("title").notNull(),
    instructions: text3("instructions").notNull().default(""),
    resourceId: uuid4("resource_id").references(() => resources.id, { onDelete: "set null" }),
    threadId: uuid4("thread_id").references(() => threads.id, { onDelete: "set null" }),
    dueDate: date("due_date"),
    createdAt: createdAt()
  },
  (t) => [index3("pathway_steps_pathway_idx").on(t.pathwayId, t.position)]
);
var pathwayEnrollments = pgTable3(
  "pathway_enrollments",
  {
    pathwayId: uuid4("pathway_id").notNull().references(() => pathways.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    hideProgress: boolean3("hide_progress").notNull().default(false),
    enrolledAt: createdAt(),
    completedAt: timestamp4("completed_at", { withTimezone: true })
  },
  (t) => [primaryKey3({ columns: [t.pathwayId, t.personId] }), index3("pathway_enrollments_person_idx").on(t.personId)]
);
var pathwayProgress = pgTable3(
  "pathway_progress",
  {
    stepId: uuid4("step_id").notNull().references(() => pathwaySteps.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    pathwayId: uuid4("pathway_id").notNull().references(() => pathways.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    doneAt: createdAt()
  },
  (t) => [primaryKey3({ columns: [t.stepId, t.personId] }), index3("pathway_progress_pathway_person_idx").on(t.pathwayId, t.personId)]
);

// server/db/schema/social.ts
import { sql as sql5 } from "drizzle-orm";
import { bigserial as bigserial2, boolean as boolean4, index as index4, pgTable as pgTable4, primaryKey as primaryKey4, text as text4, timestamp as timestamp5, uniqueIndex as uniqueIndex3, uuid as uuid5, jsonb as jsonb2 } from "drizzle-orm/pg-core";
var notifications = pgTable4(
  "notifications",
  {
    id: uuid5("id").primaryKey().default(sql5`gen_random_uuid()`),
    orgId: orgIdColumn(),
    personId: personRef("person_id"),
    /** mention | reply | answer | accepted | join_request | invited | message | … */
    kind: text4("kind").notNull(),
    actorId: uuid5("actor_id").references(() => people.id, { onDelete: "set null" }),
    /** What it is about (ids only), for links and de-duplication. */
    subject: jsonb2("subject").notNull().default(sql5`'{}'::jsonb`),
    title: text4("title").notNull(),
    url: text4("url").notNull(),
    createdAt: createdAt(),
    readAt: timestamp5("read_at", { withTimezone: true }),
    emailedAt: timestamp5("emailed_at", { withTimezone: true })
  },
  (t) => [index4("notifications_person_created_idx").on(t.personId, t.createdAt, t.id)]
);
var notificationPrefs = pgTable4(
  "notification_prefs",
  {
    personId: uuid5("person_id").primaryKey().references(() => people.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    emailMentions: boolean4("email_mentions").notNull().default(true),
    emailAnswers: boolean4("email_answers").notNull().default(true),
    emailMessages: boolean4("email_messages").notNull().default(false),
    /** off | daily */
    digest: text4("digest").notNull().default("daily"),
    /** Kinds the person does not want in-app. */
    muted: text4("muted").array().notNull().default(sql5`'{}'::text[]`),
    unsubscribeTokenHash: text4("unsubscribe_token_hash"),
    lastDigestAt: timestamp5("last_digest_at", { withTimezone: true })
  },
  (t) => [uniqueIndex3("notification_prefs_unsub_key").on(t.unsubscribeTokenHash)]
);
var conversations = pgTable4(
  "conversations",
  {
    id: uuid5("id").primaryKey().default(sql5`gen_random_uuid()`),
    orgId: orgIdColumn(),
    isGroup: boolean4("is_group").notNull().default(false),
    title: text4("title"),
    /** For one-to-one conversations: "<smaller id>:<larger id>", unique, so a pair has one conversation. */
    pairKey: text4("pair_key"),
    createdBy: personRef("created_by"),
    createdAt: createdAt(),
    lastMessageAt: timestamp5("last_message_at", { withTimezone: true })
  },
  (t) => [uniqueIndex3("conversations_pair_key").on(t.orgId, t.pairKey)]
);
var conversationMembers = pgTable4(
  "conversation_members",
  {
    conversationId: uuid5("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    lastReadAt: timestamp5("last_read_at", { withTimezone: true }),
    joinedAt: createdAt(),
    leftAt: timestamp5("left_at", { withTimezone: true })
  },
  (t) => [primaryKey4({ columns: [t.conversationId, t.personId] }), index4("conversation_members_person_idx").on(t.personId)]
);
var messages = pgTable4(
  "messages",
  {
    id: uuid5("id").primaryKey().default(sql5`gen_random_uuid()`),
    orgId: orgIdColumn(),
    conversationId: uuid5("conversation_id").notNull().references(() => conversations.id, { onDelete: "cascade" }),
    authorId: personRef("author_id"),
    body: text4("body").notNull(),
    html: text4("html").notNull(),
    createdAt: createdAt(),
    editedAt: timestamp5("edited_at", { withTimezone: true }),
    deletedAt: timestamp5("deleted_at", { withTimezone: true })
  },
  (t) => [index4("messages_conversation_created_idx").on(t.conversationId, t.createdAt, t.id)]
);
var follows = pgTable4(
  "follows",
  {
    followerId: personRef("follower_id"),
    orgId: orgIdColumn(),
    /** person | tag */
    targetKind: text4("target_kind").notNull(),
    /** A person id or a lower-case tag. */
    target: text4("target").notNull(),
    createdAt: createdAt()
  },
  (t) => [primaryKey4({ columns: [t.followerId, t.targetKind, t.target] }), index4("follows_target_idx").on(t.targetKind, t.target)]
);
var activities = pgTable4(
  "activities",
  {
    id: bigserial2("id", { mode: "number" }).primaryKey(),
    orgId: orgIdColumn(),
    /** Community it happened in; null = organization-wide (e.g. a library resource). */
    communityId: uuid5("community_id").references(() => communities.id, { onDelete: "cascade" }),
    actorId: personRef("actor_id"),
    /** thread_created | reply_posted | answer_accepted | resource_shared | pathway_published | member_joined | … */
    verb: text4("verb").notNull(),
    /** thread | post | resource | pathway | community */
    subjectKind: text4("subject_kind").notNull(),
    subjectId: uuid5("subject_id").notNull(),
    /** Title to show, captured when it happened. */
    title: text4("title").notNull(),
    tags: text4("tags").array().notNull().default(sql5`'{}'::text[]`),
    createdAt: createdAt()
  },
  (t) => [
    index4("activities_org_id_idx").on(t.orgId, t.id),
    index4("activities_community_id_idx").on(t.communityId, t.id),
    index4("activities_actor_id_idx").on(t.actorId, t.id),
    index4("activities_tags_idx").using("gin", t.tags)
  ]
);

// server/db/schema/programs.ts
import { sql as sql6 } from "drizzle-orm";
import { boolean as boolean5, date as date2, index as index5, integer as integer4, jsonb as jsonb3, pgTable as pgTable5, primaryKey as primaryKey5, text as text5, timestamp as timestamp6, uuid as uuid6 } from "drizzle-orm/pg-core";
var programRef = () => uuid6("program_id").notNull().references(() => programs.id, { onDelete: "cascade" });
var programs = pgTable5(
  "programs",
  {
    id: uuid6("id").primaryKey().default(sql6`gen_random_uuid()`),
    orgId: orgIdColumn(),
    title: text5("title").notNull(),
    description: text5("description").notNull().default(""),
    /** Goals as Markdown source and sanitized HTML. */
    goals: text5("goals").notNull().default(""),
    goalsHtml: text5("goals_html").notNull().default(""),
    /** draft | open (enrolment open) | running | closed */
    status: text5("status").notNull().default("draft"),
    /** self (people enrol themselves) | assigned (facilitators enrol people) | both */
    enrollment: text5("enrollment").notNull().default("both"),
    /** Most enrolled people; further enrolments go to the waitlist. Null = no limit. */
    capacity: integer4("capacity"),
    startsOn: date2("starts_on"),
    endsOn: date2("ends_on"),
    /** Defaults for forming cohorts, rotations and partners. */
    cohortSize: integer4("cohort_size").notNull().default(20),
    groupSize: integer4("group_size").notNull().default(4),
    rounds: integer4("rounds").notNull().default(4),
    minSharedHours: integer4("min_shared_hours").notNull().default(0),
    enrolledCount: integer4("enrolled_count").notNull().default(0),
    createdBy: uuid6("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp6("updated_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [index5("programs_org_idx").on(t.orgId, t.createdAt, t.id)]
);
var programFacilitators = pgTable5(
  "program_facilitators",
  { programId: programRef(), personId: personRef("person_id"), orgId: orgIdColumn() },
  (t) => [primaryKey5({ columns: [t.programId, t.personId] })]
);
var programSessions = pgTable5(
  "program_sessions",
  {
    id: uuid6("id").primaryKey().default(sql6`gen_random_uuid()`),
    programId: programRef(),
    orgId: orgIdColumn(),
    title: text5("title").notNull(),
    startsAt: timestamp6("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer4("duration_minutes").notNull().default(60)
  },
  (t) => [index5("program_sessions_program_idx").on(t.programId, t.startsAt)]
);
var programEnrollments = pgTable5(
  "program_enrollments",
  {
    programId: programRef(),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    /** enrolled | waitlisted */
    status: text5("status").notNull(),
    /** self | assigned */
    source: text5("source").notNull(),
    hideProgress: boolean5("hide_progress").notNull().default(false),
    enrolledAt: timestamp6("enrolled_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [primaryKey5({ columns: [t.programId, t.personId] }), index5("program_enrollments_person_idx").on(t.personId), index5("program_enrollments_wait_idx").on(t.programId, t.status, t.enrolledAt)]
);
var programSessionProgress = pgTable5(
  "program_session_progress",
  {
    sessionId: uuid6("session_id").notNull().references(() => programSessions.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    programId: programRef(),
    orgId: orgIdColumn(),
    doneAt: timestamp6("done_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [primaryKey5({ columns: [t.sessionId, t.personId] }), index5("program_session_progress_program_idx").on(t.programId, t.personId)]
);
var programPlans = pgTable5(
  "program_plans",
  {
    id: uuid6("id").primaryKey().default(sql6`gen_random_uuid()`),
    programId: programRef(),
    orgId: orgIdColumn(),
    /** cohorts | rotation | partners */
    kind: text5("kind").notNull(),
    /** draft | published | superseded */
    status: text5("status").notNull().default("draft"),
    /** The parameters it was formed with (sizes, rounds, seed, …). */
    params: jsonb3("params").notNull(),
    /** The assignment: cohorts = string[][]; rotation = { cohort?, rounds: string[][][] }[]; partners = [a, b | null][]. */
    result: jsonb3("result").notNull(),
    /** Quality figures of the result, and of a random assignment of the same people for comparison. */
    metrics: jsonb3("metrics").notNull(),
    baseline: jsonb3("baseline").notNull(),
    method: text5("method").notNull().default(""),
    createdBy: uuid6("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    publishedAt: timestamp6("published_at", { withTimezone: true })
  },
  (t) => [index5("program_plans_program_kind_idx").on(t.programId, t.kind, t.status)]
);
var cohorts = pgTable5(
  "cohorts",
  {
    id: uuid6("id").primaryKey().default(sql6`gen_random_uuid()`),
    programId: programRef(),
    orgId: orgIdColumn(),
    planId: uuid6("plan_id").notNull().references(() => programPlans.id, { onDelete: "cascade" }),
    position: integer4("position").notNull(),
    name: text5("name").notNull(),
    communityId: uuid6("community_id").references(() => communities.id, { onDelete: "set null" })
  },
  (t) => [index5("cohorts_program_idx").on(t.programId)]
);
var cohortMembers = pgTable5(
  "cohort_members",
  {
    cohortId: uuid6("cohort_id").notNull().references(() => cohorts.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    programId: programRef(),
    orgId: orgIdColumn()
  },
  (t) => [primaryKey5({ columns: [t.cohortId, t.personId] }), index5("cohort_members_person_idx").on(t.programId, t.personId)]
);

// server/db/schema/mentoring.ts
import { sql as sql7 } from "drizzle-orm";
import { boolean as boolean6, check, index as index6, integer as integer5, jsonb as jsonb4, pgTable as pgTable6, primaryKey as primaryKey6, smallint as smallint3, text as text6, timestamp as timestamp7, uniqueIndex as uniqueIndex4, uuid as uuid7 } from "drizzle-orm/pg-core";
var mentorProfiles = pgTable6("mentor_profiles", {
  personId: personRef("person_id").primaryKey(),
  orgId: orgIdColumn(),
  /** [{ skill, level 1–5 }] */
  skills: jsonb4("skills").notNull().default(sql7`'[]'::jsonb`),
  /** Topics the mentor can support, e.g. "leadership". */
  topics: jsonb4("topics").notNull().default(sql7`'[]'::jsonb`),
  /** Most mentees at once (active matches count against it). */
  capacity: integer5("capacity").notNull().default(1),
  availabilityHours: integer5("availability_hours").notNull().default(1),
  /** Seniority level 1–8, when the person states it. */
  seniority: smallint3("seniority"),
  /** { otherDepartment, sameLocation, seniorityGap: [min, max] } */
  preferences: jsonb4("preferences").notNull().default(sql7`'{}'::jsonb`),
  active: boolean6("active").notNull().default(true),
  updatedAt: timestamp7("updated_at", { withTimezone: true }).notNull().defaultNow()
});
var menteeProfiles = pgTable6("mentee_profiles", {
  personId: personRef("person_id").primaryKey(),
  orgId: orgIdColumn(),
  goals: jsonb4("goals").notNull().default(sql7`'[]'::jsonb`),
  /** [{ skill, level 1–5 }] */
  skills: jsonb4("skills").notNull().default(sql7`'[]'::jsonb`),
  seniority: smallint3("seniority"),
  /** { otherDepartment, sameLocation, seniorityGap: [min, max] } */
  preferences: jsonb4("preferences").notNull().default(sql7`'{}'::jsonb`),
  active: boolean6("active").notNull().default(true),
  updatedAt: timestamp7("updated_at", { withTimezone: true }).notNull().defaultNow()
});
var mentoringMatchRuns = pgTable6(
  "mentoring_match_runs",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** optimal | fair | participation */
    mode: text6("mode").notNull(),
    /** preview | published */
    status: text6("status").notNull().default("preview"),
    /** The preview as returned to the admin (assignments with explanations, unmatched, total, worst-off). */
    result: jsonb4("result").notNull(),
    createdBy: uuid7("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    publishedAt: timestamp7("published_at", { withTimezone: true })
  },
  (t) => [index6("mentoring_match_runs_org_idx").on(t.orgId, t.createdAt)]
);
var mentoringMatches = pgTable6(
  "mentoring_matches",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    mentorId: personRef("mentor_id"),
    menteeId: personRef("mentee_id"),
    score: integer5("score").notNull(),
    /** Top contributing factors: [{ factor, points, reason }]. */
    explanation: jsonb4("explanation").notNull().default(sql7`'[]'::jsonb`),
    /** proposed | active | ended */
    status: text6("status").notNull(),
    /** program | request */
    source: text6("source").notNull(),
    runId: uuid7("run_id").references(() => mentoringMatchRuns.id, { onDelete: "set null" }),
    /** mentoring | coaching */
    kind: text6("kind").notNull().default("mentoring"),
    createdAt: createdAt(),
    endedAt: timestamp7("ended_at", { withTimezone: true }),
    endedBy: uuid7("ended_by").references(() => people.id, { onDelete: "set null" })
  },
  (t) => [
    index6("mentoring_matches_mentor_idx").on(t.mentorId, t.status),
    index6("mentoring_matches_mentee_idx").on(t.menteeId, t.status),
    uniqueIndex4("mentoring_matches_open_pair_key").on(t.mentorId, t.menteeId).where(sql7`status in ('proposed', 'active')`),
    check("mentoring_matches_status_check", sql7`status in ('proposed', 'active', 'ended')`),
    check("mentoring_matches_source_check", sql7`source in ('program', 'request')`),
    check("mentoring_matches_kind_check", sql7`kind in ('mentoring', 'coaching')`)
  ]
);
var mentoringRequests = pgTable6(
  "mentoring_requests",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    menteeId: personRef("mentee_id"),
    mentorId: personRef("mentor_id"),
    /** mentoring | coaching */
    kind: text6("kind").notNull().default("mentoring"),
    message: text6("message").notNull().default(""),
    /** open | accepted | declined | withdrawn */
    status: text6("status").notNull().default("open"),
    responseMessage: text6("response_message"),
    matchId: uuid7("match_id").references(() => mentoringMatches.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    respondedAt: timestamp7("responded_at", { withTimezone: true })
  },
  (t) => [
    uniqueIndex4("mentoring_requests_open_pair_key").on(t.menteeId, t.mentorId).where(sql7`status = 'open'`),
    index6("mentoring_requests_mentor_idx").on(t.mentorId, t.status),
    index6("mentoring_requests_mentee_idx").on(t.menteeId, t.status),
    check("mentoring_requests_status_check", sql7`status in ('open', 'accepted', 'declined', 'withdrawn')`),
    check("mentoring_requests_kind_check", sql7`kind in ('mentoring', 'coaching')`)
  ]
);
var mentoringGoals = pgTable6(
  "mentoring_goals",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid7("match_id").notNull().references(() => mentoringMatches.id, { onDelete: "cascade" }),
    title: text6("title").notNull(),
    progress: smallint3("progress").notNull().default(0),
    /** open | in_progress | done | dropped */
    status: text6("status").notNull().default("open"),
    createdBy: uuid7("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp7("updated_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [
    index6("mentoring_goals_match_idx").on(t.matchId, t.createdAt),
    check("mentoring_goals_progress_check", sql7`progress between 0 and 100`),
    check("mentoring_goals_status_check", sql7`status in ('open', 'in_progress', 'done', 'dropped')`)
  ]
);
var mentoringMeetings = pgTable6(
  "mentoring_meetings",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid7("match_id").notNull().references(() => mentoringMatches.id, { onDelete: "cascade" }),
    startsAt: timestamp7("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer5("duration_minutes").notNull(),
    agenda: text6("agenda").notNull().default(""),
    createdBy: uuid7("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt()
  },
  (t) => [index6("mentoring_meetings_match_idx").on(t.matchId, t.startsAt)]
);
var mentoringNotes = pgTable6(
  "mentoring_notes",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid7("match_id").notNull().references(() => mentoringMatches.id, { onDelete: "cascade" }),
    authorId: uuid7("author_id").references(() => people.id, { onDelete: "set null" }),
    body: text6("body").notNull(),
    html: text6("html").notNull(),
    createdAt: createdAt()
  },
  (t) => [index6("mentoring_notes_match_idx").on(t.matchId, t.createdAt)]
);
var mentoringCheckIns = pgTable6(
  "mentoring_check_ins",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    matchId: uuid7("match_id").notNull().references(() => mentoringMatches.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    rating: smallint3("rating").notNull(),
    text: text6("text"),
    createdAt: createdAt()
  },
  (t) => [index6("mentoring_check_ins_match_idx").on(t.matchId, t.createdAt), check("mentoring_check_ins_rating_check", sql7`rating between 1 and 5`)]
);
var mentoringClosings = pgTable6(
  "mentoring_closings",
  {
    matchId: uuid7("match_id").notNull().references(() => mentoringMatches.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    rating: smallint3("rating").notNull(),
    text: text6("text").notNull().default(""),
    createdAt: createdAt()
  },
  (t) => [primaryKey6({ columns: [t.matchId, t.personId] }), check("mentoring_closings_rating_check", sql7`rating between 1 and 5`)]
);
var expertAvailability = pgTable6("expert_availability", {
  personId: personRef("person_id").primaryKey(),
  orgId: orgIdColumn(),
  available: boolean6("available").notNull().default(true),
  updatedAt: timestamp7("updated_at", { withTimezone: true }).notNull().defaultNow()
});
var expertQuestions = pgTable6(
  "expert_questions",
  {
    id: uuid7("id").primaryKey().default(sql7`gen_random_uuid()`),
    orgId: orgIdColumn(),
    askerId: personRef("asker_id"),
    /** Lower-cased skill key and the name as the organization spells it. */
    skillKey: text6("skill_key").notNull(),
    skillName: text6("skill_name").notNull(),
    question: text6("question").notNull(),
    /** open | answered | posted | unanswered */
    status: text6("status").notNull().default("open"),
    round: integer5("round").notNull().default(1),
    windowEndsAt: timestamp7("window_ends_at", { withTimezone: true }),
    threadId: uuid7("thread_id"),
    createdAt: createdAt(),
    resolvedAt: timestamp7("resolved_at", { withTimezone: true })
  },
  (t) => [
    index6("expert_questions_asker_idx").on(t.askerId, t.createdAt),
    index6("expert_questions_due_idx").on(t.status, t.windowEndsAt),
    check("expert_questions_status_check", sql7`status in ('open', 'answered', 'posted', 'unanswered')`)
  ]
);
var expertRoutes = pgTable6(
  "expert_routes",
  {
    questionId: uuid7("question_id").notNull().references(() => expertQuestions.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    round: integer5("round").notNull(),
    /** routed | seen | answered | declined | expired */
    status: text6("status").notNull().default("routed"),
    /** Why picked, e.g. "3 accepted answers, mentored 1, level 5". */
    why: text6("why").notNull().default(""),
    answer: text6("answer"),
    routedAt: timestamp7("routed_at", { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp7("seen_at", { withTimezone: true }),
    respondedAt: timestamp7("responded_at", { withTimezone: true })
  },
  (t) => [
    primaryKey6({ columns: [t.questionId, t.personId] }),
    index6("expert_routes_person_idx").on(t.personId, t.routedAt),
    check("expert_routes_status_check", sql7`status in ('routed', 'seen', 'answered', 'declined', 'expired')`)
  ]
);

// server/db/schema/live-sessions.ts
import { sql as sql8 } from "drizzle-orm";
import { boolean as boolean7, index as index7, integer as integer6, jsonb as jsonb5, pgTable as pgTable7, primaryKey as primaryKey7, text as text7, timestamp as timestamp8, uniqueIndex as uniqueIndex5, uuid as uuid8 } from "drizzle-orm/pg-core";
var sessionRef = () => uuid8("session_id").notNull().references(() => liveSessions.id, { onDelete: "cascade" });
var liveSessions = pgTable7(
  "live_sessions",
  {
    id: uuid8("id").primaryKey().default(sql8`gen_random_uuid()`),
    orgId: orgIdColumn(),
    title: text7("title").notNull(),
    description: text7("description").notNull().default(""),
    programId: uuid8("program_id").references(() => programs.id, { onDelete: "cascade" }),
    communityId: uuid8("community_id").references(() => communities.id, { onDelete: "cascade" }),
    /** Most present participants (facilitators never count); null = no limit. */
    capacity: integer6("capacity"),
    startsAt: timestamp8("starts_at", { withTimezone: true }).notNull(),
    /** scheduled | live | ended */
    status: text7("status").notNull().default("scheduled"),
    /** The active segment; null while live means the main room. */
    currentSegmentId: uuid8("current_segment_id"),
    /** When the active segment's timer runs out. */
    segmentEndsAt: timestamp8("segment_ends_at", { withTimezone: true }),
    createdBy: uuid8("created_by").references(() => people.id, { onDelete: "set null" }),
    startedAt: timestamp8("started_at", { withTimezone: true }),
    endedAt: timestamp8("ended_at", { withTimezone: true }),
    /** Bumped on every run-state change. */
    version: integer6("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: timestamp8("updated_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [
    index7("live_sessions_org_idx").on(t.orgId, t.status, t.startsAt),
    index7("live_sessions_program_idx").on(t.programId),
    index7("live_sessions_community_idx").on(t.communityId)
  ]
);
var liveSessionFacilitators = pgTable7(
  "live_session_facilitators",
  { sessionId: sessionRef(), personId: personRef("person_id"), orgId: orgIdColumn() },
  (t) => [primaryKey7({ columns: [t.sessionId, t.personId] }), index7("live_session_facilitators_person_idx").on(t.personId)]
);
var liveSegments = pgTable7(
  "live_segments",
  {
    id: uuid8("id").primaryKey().default(sql8`gen_random_uuid()`),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    position: integer6("position").notNull(),
    /** plenary | icebreaker | poll | chat | groups | pairs | reflection | debrief */
    kind: text7("kind").notNull(),
    title: text7("title").notNull(),
    prompt: text7("prompt").notNull().default(""),
    durationMinutes: integer6("duration_minutes").notNull(),
    config: jsonb5("config").notNull().default({}),
    /** pending | active | done */
    status: text7("status").notNull().default("pending"),
    startedAt: timestamp8("started_at", { withTimezone: true }),
    endedAt: timestamp8("ended_at", { withTimezone: true })
  },
  (t) => [index7("live_segments_session_idx").on(t.sessionId, t.position)]
);
var liveParticipants = pgTable7(
  "live_participants",
  {
    sessionId: sessionRef(),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    joinedAt: timestamp8("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp8("left_at", { withTimezone: true })
  },
  (t) => [primaryKey7({ columns: [t.sessionId, t.personId] }), index7("live_participants_person_idx").on(t.personId)]
);
var liveAttendance = pgTable7(
  "live_attendance",
  {
    id: uuid8("id").primaryKey().default(sql8`gen_random_uuid()`),
    sessionId: sessionRef(),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    fromAt: timestamp8("from_at", { withTimezone: true }).notNull(),
    toAt: timestamp8("to_at", { withTimezone: true })
  },
  (t) => [index7("live_attendance_session_idx").on(t.sessionId, t.personId), index7("live_attendance_person_idx").on(t.personId)]
);
var liveGroups = pgTable7(
  "live_groups",
  {
    id: uuid8("id").primaryKey().default(sql8`gen_random_uuid()`),
    sessionId: sessionRef(),
    segmentId: uuid8("segment_id").notNull().references(() => liveSegments.id, { onDelete: "cascade" }),
    orgId: orgIdColumn(),
    /** group | pair */
    kind: text7("kind").notNull(),
    position: integer6("position").notNull(),
    /** Last chat message or notes edit (the facilitator overview shows the time, never the content). */
    lastActivityAt: timestamp8("last_activity_at", { withTimezone: true }),
    createdAt: createdAt()
  },
  (t) => [index7("live_groups_segment_idx").on(t.segmentId, t.position), index7("live_groups_session_idx").on(t.sessionId)]
);
var liveGroupMembers = pgTable7(
  "live_group_members",
  {
    groupId: uuid8("group_id").notNull().references(() => liveGroups.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    /** Pairs: keep chat and notes after the session. */
    keep: boolean7("keep").notNull().default(false),
    /** Groups: consent to share the notes in the debrief; null = not answered. */
    debriefConsent: boolean7("debrief_consent"),
    joinedAt: timestamp8("joined_at", { withTimezone: true }).notNull().defaultNow()
  },
  (t) => [primaryKey7({ columns: [t.groupId, t.personId] }), index7("live_group_members_person_idx").on(t.personId), index7("live_group_members_session_idx").on(t.sessionId, t.personId)]
);
var liveGroupNotes = pgTable7("live_group_notes", {
  groupId: uuid8("group_id").primaryKey().references(() => liveGroups.id, { onDelete: "cascade" }),
  orgId: orgIdColumn(),
  body: text7("body").notNull().default(""),
  version: integer6("version").notNull().default(0),
  updatedBy: uuid8("updated_by").references(() => people.id, { onDelete: "set null" }),
  updatedAt: timestamp8("updated_at", { withTimezone: true }).notNull().defaultNow()
});
var liveMessages = pgTable7(
  "live_messages",
  {
    id: uuid8("id").primaryKey().default(sql8`gen_random_uuid()`),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    segmentId: uuid8("segment_id").references(() => liveSegments.id, { onDelete: "set null" }),
    groupId: uuid8("group_id").references(() => liveGroups.id, { onDelete: "cascade" }),
    authorId: personRef("author_id"),
    body: text7("body").notNull(),
    clientId: uuid8("client_id").notNull(),
    createdAt: createdAt()
  },
  (t) => [
    uniqueIndex5("live_messages_client_uq").on(t.sessionId, t.authorId, t.clientId),
    index7("live_messages_room_idx").on(t.sessionId, t.groupId, t.createdAt, t.id),
    index7("live_messages_group_idx").on(t.groupId)
  ]
);
var livePollVotes = pgTable7(
  "live_poll_votes",
  {
    segmentId: uuid8("segment_id").notNull().references(() => liveSegments.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    /** {choices} | {rating} | {words} */
    choice: jsonb5("choice").notNull(),
    createdAt: createdAt()
  },
  (t) => [primaryKey7({ columns: [t.segmentId, t.personId] }), index7("live_poll_votes_session_idx").on(t.sessionId, t.personId)]
);
var liveBroadcasts = pgTable7(
  "live_broadcasts",
  {
    id: uuid8("id").primaryKey().default(sql8`gen_random_uuid()`),
    sessionId: sessionRef(),
    orgId: orgIdColumn(),
    authorId: uuid8("author_id").references(() => people.id, { onDelete: "set null" }),
    text: text7("text").notNull(),
    createdAt: createdAt()
  },
  (t) => [index7("live_broadcasts_session_idx").on(t.sessionId, t.createdAt)]
);

// server/db/schema/events.ts
import { sql as sql9 } from "drizzle-orm";
import { index as index8, integer as integer7, jsonb as jsonb6, pgTable as pgTable8, primaryKey as primaryKey8, text as text8, timestamp as timestamp9, uuid as uuid9 } from "drizzle-orm/pg-core";
var eventRef = () => uuid9("event_id").notNull().references(() => events.id, { onDelete: "cascade" });
var events = pgTable8(
  "events",
  {
    id: uuid9("id").primaryKey().default(sql9`gen_random_uuid()`),
    orgId: orgIdColumn(),
    /** The community whose calendar holds it (only its readers see it); null = the organization's calendar. */
    communityId: uuid9("community_id").references(() => communities.id, { onDelete: "cascade" }),
    programId: uuid9("program_id").references(() => programs.id, { onDelete: "set null" }),
    /** The live session to join (owned by live-sessions; stored as given, no foreign key). */
    liveSessionId: uuid9("live_session_id"),
    /** workshop | webinar | cohort_session */
    kind: text8("kind").notNull(),
    title: text8("title").notNull(),
    description: text8("description").notNull().default(""),
    descriptionHtml: text8("description_html").notNull().default(""),
    startsAt: timestamp9("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp9("ends_at", { withTimezone: true }).notNull(),
    /** IANA zone the event is planned in. */
    timeZone: text8("time_zone").notNull(),
    location: text8("location"),
    joinUrl: text8("join_url"),
    /** Seats; null = unlimited. */
    capacity: integer7("capacity"),
    /** scheduled | cancelled */
    status: text8("status").notNull().default("scheduled"),
    recordingUrl: text8("recording_url"),
    /** [{ name, title }] of guest speakers from outside. */
    guestSpeakers: jsonb6("guest_speakers").notNull().default(sql9`'[]'::jsonb`),
    /** iCalendar SEQUENCE: +1 on every change of time, place or status. */
    sequence: integer7("sequence").notNull().default(0),
    goingCount: integer7("going_count").notNull().default(0),
    waitlistCount: integer7("waitlist_count").notNull().default(0),
    createdBy: uuid9("created_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp9("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp9("cancelled_at", { withTimezone: true })
  },
  (t) => [
    index8("events_org_start_idx").on(t.orgId, t.startsAt, t.id),
    index8("events_community_start_idx").on(t.communityId, t.startsAt),
    index8("events_program_idx").on(t.programId),
    // The reminder run scans scheduled events starting soon, across organizations.
    index8("events_reminder_idx").on(t.startsAt).where(sql9`status = 'scheduled'`)
  ]
);
var eventHosts = pgTable8(
  "event_hosts",
  { eventId: eventRef(), personId: personRef("person_id"), orgId: orgIdColumn() },
  (t) => [primaryKey8({ columns: [t.eventId, t.personId] }), index8("event_hosts_person_idx").on(t.personId)]
);
var eventRsvps = pgTable8(
  "event_rsvps",
  {
    eventId: eventRef(),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    /** going | waitlisted | not_going */
    status: text8("status").notNull(),
    /** When the current status was entered (the waitlist's order). */
    respondedAt: timestamp9("responded_at", { withTimezone: true }).notNull().defaultNow(),
    /** Claimed by the reminder run (24 hours before / 15 minutes before); null = not yet sent. */
    remindedDayAt: timestamp9("reminded_day_at", { withTimezone: true }),
    remindedSoonAt: timestamp9("reminded_soon_at", { withTimezone: true })
  },
  (t) => [primaryKey8({ columns: [t.eventId, t.personId] }), index8("event_rsvps_status_idx").on(t.eventId, t.status, t.respondedAt), index8("event_rsvps_person_idx").on(t.personId)]
);
var eventAttendance = pgTable8(
  "event_attendance",
  {
    eventId: eventRef(),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    attendedAt: timestamp9("attended_at", { withTimezone: true }).notNull().defaultNow(),
    /** The host who marked it, or null when the person joined. */
    markedBy: uuid9("marked_by").references(() => people.id, { onDelete: "set null" })
  },
  (t) => [primaryKey8({ columns: [t.eventId, t.personId] })]
);
var eventResources = pgTable8(
  "event_resources",
  {
    id: uuid9("id").primaryKey().default(sql9`gen_random_uuid()`),
    eventId: eventRef(),
    orgId: orgIdColumn(),
    position: integer7("position").notNull(),
    /** A Hearth resource, or null for a plain link (title + url). */
    resourceId: uuid9("resource_id").references(() => resources.id, { onDelete: "cascade" }),
    title: text8("title"),
    url: text8("url")
  },
  (t) => [index8("event_resources_event_idx").on(t.eventId, t.position)]
);
var eventQuestions = pgTable8(
  "event_questions",
  {
    id: uuid9("id").primaryKey().default(sql9`gen_random_uuid()`),
    eventId: eventRef(),
    orgId: orgIdColumn(),
    authorId: personRef("author_id"),
    body: text8("body").notNull(),
    upvoteCount: integer7("upvote_count").notNull().default(0),
    answeredAt: timestamp9("answered_at", { withTimezone: true }),
    hiddenAt: timestamp9("hidden_at", { withTimezone: true }),
    createdAt: createdAt()
  },
  (t) => [index8("event_questions_event_idx").on(t.eventId, t.upvoteCount, t.createdAt)]
);
var eventQuestionVotes = pgTable8(
  "event_question_votes",
  {
    questionId: uuid9("question_id").notNull().references(() => eventQuestions.id, { onDelete: "cascade" }),
    personId: personRef("person_id"),
    orgId: orgIdColumn(),
    createdAt: createdAt()
  },
  (t) => [primaryKey8({ columns: [t.questionId, t.personId] })]
);

// server/src/kernel/cache.ts
import { randomUUID } from "node:crypto";
var ScopedCache = class {
  constructor(bus, name, opts) {
    this.bus = bus;
    this.opts = opts;
    this.channel = `cache:${name}`;
    bus.subscribe(({ channel, message }) => {
      if (channel !== this.channel) return;
      if (typeof message.scope === "string") this.drop(message.scope);
      const echoed = typeof message.id === "string" ? this.echoes.get(message.id) : void 0;
      echoed?.();
    });
  }
  bus;
  opts;
  entries = /* @__PURE__ */ new Map();
  scopes = /* @__PURE__ */ new Map();
  // Loads in flight by key: concurrent misses of one key share a single load (no stampede when an entry expires
  // under load).
  loading = /* @__PURE__ */ new Map();
  // Bumped by every invalidation: a load that started before one must not store what it read.
  epoch = 0;
  // Our own invalidations awaiting their echo from the bus, by message id.
  echoes = /* @__PURE__ */ new Map();
  channel;
  /** The live value for `key`, or undefined. */
  get(key, now = Date.now()) {
    const e = this.entries.get(key);
    if (!e) return void 0;
    if (e.expiresAt > now) return e.value;
    this.delete(key);
    return void 0;
  }
  /**
   * The cached value, or `load()`'s; concurrent callers for one key share one load. A loaded value is kept only when
   * no invalidation happened while it loaded (it may predate the write that caused it), and a caller that arrives
   * after an invalidation does not join a load that started before it. `load` returns null for "nothing to keep".
   */
  getOrLoad(key, load2, now = Date.now()) {
    const hit = this.get(key, now);
    if (hit !== void 0) return Promise.resolve(hit);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const epoch = this.epoch;
    const promise = load2().then(
      (loaded) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        if (!loaded) return void 0;
        if (epoch === this.epoch) this.set(key, loaded.scope, loaded.value, now);
        return loaded.value;
      },
      (err) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        throw err;
      }
    );
    this.loading.set(key, promise);
    return promise;
  }
  /** Stores a value (evicting the oldest entry when full). */
  set(key, scope, value, now = Date.now()) {
    this.delete(key);
    if (this.entries.size >= this.opts.max) this.delete(this.entries.keys().next().value);
    this.entries.set(key, { value, scope, expiresAt: now + this.opts.ttlMs });
    let keys = this.scopes.get(scope);
    if (!keys) this.scopes.set(scope, keys = /* @__PURE__ */ new Set());
    keys.add(key);
  }
  /** Forgets one key on this node only. */
  delete(key) {
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    const keys = this.scopes.get(e.scope);
    keys?.delete(key);
    if (keys && !keys.size) this.scopes.delete(e.scope);
  }
  /** Drops a scope on this node only (what a bus message does). */
  drop(scope) {
    this.epoch++;
    this.loading.clear();
    for (const key of this.scopes.get(scope) ?? []) this.entries.delete(key);
    this.scopes.delete(scope);
  }
  /**
   * Drops a scope on this node now (synchronously) and on every other node via the bus; call it after the write
   * committed. The promise settles once this node has received its own message back (PostgreSQL hands a NOTIFY to
   * every listening node at once, so the others have it by then too), or after a second. It never rejects: a lost
   * message is logged, and the TTL bounds how long another node may serve the old value.
   */
  async invalidate(scope) {
    this.drop(scope);
    const id = randomUUID();
    let timer;
    const echoed = new Promise((resolve2) => {
      this.echoes.set(id, resolve2);
      timer = setTimeout(resolve2, 1e3);
    });
    try {
      await this.bus.publish(this.channel, { scope, id });
      await echoed;
    } catch (err) {
      this.opts.log?.(`${this.channel}: invalidation not sent`, err);
    } finally {
      clearTimeout(timer);
      this.echoes.delete(id);
    }
  }
  /** Number of entries on this node. */
  get size() {
    return this.entries.size;
  }
};

// server/src/kernel/auth/tokens.ts
import { createHash, randomBytes } from "node:crypto";
function newToken() {
  return randomBytes(32).toString("base64url");
}
function hashToken(token) {
  return createHash("sha256").update(token).digest("base64url");
}

// server/src/kernel/auth/sessions.ts
async function createSession(db, personId, orgId2, policy) {
  const token = newToken();
  const csrfToken = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    personId,
    orgId: orgId2,
    csrfToken,
    expiresAt: new Date(Date.now() + policy.absoluteHours * 36e5)
  });
  return { token, csrfToken };
}
function createSessionCache(bus, log) {
  return new ScopedCache(bus, "sessions", { ttlMs: 15e3, max: 2e4, log });
}
function selectSession(db, tokenHash) {
  return db.select({
    personId: sessions.personId,
    orgId: sessions.orgId,
    csrfToken: sessions.csrfToken,
    lastSeenAt: sessions.lastSeenAt,
    expiresAt: sessions.expiresAt,
    roles: people.roles,
    status: people.status
  }).from(sessions).innerJoin(people, eq(people.id, sessions.personId)).where(eq(sessions.tokenHash, tokenHash)).limit(1);
}
var isLive = (row, policy, now) => row.status === "active" && row.expiresAt > now && row.lastSeenAt.getTime() + policy.idleMinutes * 6e4 > now.getTime();
async function loadSession(db, token, policy, now = /* @__PURE__ */ new Date(), cache2) {
  const tokenHash = hashToken(token);
  let row = cache2?.get(tokenHash, now.getTime());
  if (row && !isLive(row, policy, now)) {
    cache2?.delete(tokenHash);
    row = void 0;
  }
  if (!row) {
    const load2 = async () => {
      const [r] = await selectSession(db, tokenHash);
      return r ? { value: r, scope: r.personId } : null;
    };
    row = cache2 ? await cache2.getOrLoad(tokenHash, load2, now.getTime()) : (await load2())?.value;
    if (!row) return null;
    if (!isLive(row, policy, now)) {
      cache2?.delete(tokenHash);
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return null;
    }
  }
  if (now.getTime() - row.lastSeenAt.getTime() > 6e4) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    row.lastSeenAt = now;
  }
  return {
    personId: row.personId,
    orgId: row.orgId,
    roles: row.roles,
    isAdmin: row.roles.includes("admin"),
    csrfToken: row.csrfToken,
    sessionHash: tokenHash
  };
}
async function destroySession(db, sessionHash) {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
}
async function destroySessionsOf(db, personId, keepHash) {
  await db.delete(sessions).where(keepHash ? and(eq(sessions.personId, personId), sql10`${sessions.tokenHash} <> ${keepHash}`) : eq(sessions.personId, personId));
}

// server/src/kernel/http/security.ts
var sessionCookieName = (config) => config.NODE_ENV === "production" ? "__Host-hearth_session" : "hearth_session";
function allowedOrigins(config) {
  const list = config.ALLOWED_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean);
  if (config.PUBLIC_URL) list.push(new URL(config.PUBLIC_URL).origin);
  return new Set(list);
}
function isSameOrigin(request, allowed) {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed.has(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
var SAFE = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
function installSessionAndCsrf(app, db, config, cache2) {
  const policy = { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS };
  const cookie2 = sessionCookieName(config);
  const origins = allowedOrigins(config);
  app.decorateRequest("actor", null);
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[cookie2];
    if (token && token.length < 200) request.actor = await loadSession(db, token, policy, /* @__PURE__ */ new Date(), cache2);
    if (SAFE.has(request.method)) return;
    if (request.headers["sec-fetch-site"] === "cross-site" || !isSameOrigin(request, origins)) {
      throw new AppError("CSRF_FAILED", "This request came from another site and was refused.");
    }
    if (request.actor && request.headers["x-csrf-token"] !== request.actor.csrfToken) {
      throw new AppError("CSRF_FAILED", "Missing or wrong X-CSRF-Token header. Reload the page and try again.");
    }
  });
}
function requireActor(request) {
  if (!request.actor) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  return request.actor;
}

// server/src/kernel/paths.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findRoot(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}
var repoRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
var migrationsFolder = join(repoRoot, "server/db/migrations");
var webDist = join(repoRoot, "web/dist");

// server/src/kernel/http/security-headers.ts
import helmet from "helmet";
function helmetOptions(config) {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:"],
        connectSrc: ["'self'", "ws:", "wss:"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.NODE_ENV === "production" ? [] : null
      }
    },
    hsts: config.NODE_ENV === "production",
    referrerPolicy: { policy: "strict-origin-when-cross-origin" }
  };
}
function helmetHeaders(options) {
  const headers = {};
  const recorder = { setHeader: (name, value) => void (headers[name.toLowerCase()] = String(value)), removeHeader: () => {
  } };
  helmet(options)({}, recorder, (err) => {
    if (err) throw err;
  });
  return headers;
}
function installSecurityHeaders(app, config) {
  const documentHeaders = helmetHeaders(helmetOptions(config));
  const api = apiHeaders(documentHeaders);
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(isApiData(request.url) ? api : documentHeaders);
    done();
  });
}
var isApiData = (url) => url.startsWith("/api/") && !url.startsWith("/api/docs");
function apiHeaders(documentHeaders) {
  const headers = {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-resource-policy": "same-origin",
    "referrer-policy": documentHeaders["referrer-policy"] ?? "strict-origin-when-cross-origin",
    "cache-control": "no-store"
  };
  if (documentHeaders["strict-transport-security"]) headers["strict-transport-security"] = documentHeaders["strict-transport-security"];
  return headers;
}

// contracts/common.ts
import { z } from "zod";
var LIMITS = {
  name: 120,
  email: 254,
  shortText: 120,
  bio: 2e3,
  password: { min: 10, max: 200 },
  skills: 50,
  interests: 30,
  pageSize: { default: 50, max: 100 },
  importBytes: 5 * 1024 * 1024
};
var Cursor = z.string().max(500);
var page = (item) => z.object({
  /** The items on this page, in the list's order. */
  items: z.array(item),
  /** Cursor for the following page, null when this is the last page. */
  nextCursor: z.string().nullable()
});
var ProblemResponse = z.object({
  /** HTTP status code repeated for convenience. */
  status: z.number().int(),
  /** Stable machine-readable code, e.g. VALIDATION_FAILED, NOT_FOUND. */
  code: z.string(),
  /** Short human title. */
  title: z.string(),
  /** A sentence a person understands. */
  detail: z.string(),
  /** For validation errors, the fields that were wrong. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** Request id to quote when reporting a server error. */
  requestId: z.string().optional()
});
var HealthResponse = z.object({
  /** "ok" when the database answers. */
  status: z.literal("ok"),
  /** Which database this node runs on. */
  database: z.enum(["pglite", "postgres"])
});
var text9 = (max) => z.string().trim().min(1).max(max);
var Email = z.string().trim().max(LIMITS.email).email().transform((s) => s.toLowerCase());
var Id = z.string().uuid();
var TimeZone = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "Unknown time zone (use an IANA name such as Europe/Berlin)");

// contracts/people.ts
import { z as z2 } from "zod";
var AssignableRole = z2.enum(["facilitator", "moderator", "admin"]);
var Role = z2.enum(["member", "manager", "facilitator", "moderator", "admin"]);
var Skill = z2.object({
  /** Skill name, e.g. "Negotiation". */
  name: text9(60),
  /** have = can share it, want = wants to learn it. */
  kind: z2.enum(["have", "want"]),
  /** 1 (beginner) … 5 (expert); for "want" skills, the level aimed at. */
  level: z2.number().int().min(1).max(5)
});
var PersonRef = z2.object({
  /** Person id. */
  id: Id,
  /** Display name. */
  name: z2.string(),
  /** Job title. */
  title: z2.string().nullable()
});
var PersonSummary = z2.object({
  /** Person id. */
  id: Id,
  /** Display name. */
  name: z2.string(),
  /** Job title. */
  title: z2.string().nullable(),
  /** Department. */
  department: z2.string().nullable(),
  /** Office or city. */
  location: z2.string().nullable(),
  /** IANA time zone. */
  timeZone: z2.string().nullable(),
  /** Avatar image URL, or null to show initials. */
  avatarUrl: z2.string().nullable(),
  /** Up to a few skills the person has, for the directory card. */
  topSkills: z2.array(z2.string())
});
var PersonAbilities = z2.object({
  /** May edit the profile fields. */
  canEdit: z2.boolean(),
  /** May change name, email, department, manager, roles and status (org admins). */
  canAdminister: z2.boolean()
});
var Person = PersonSummary.extend({
  /** Work email (sign-in name). */
  email: z2.string(),
  /** Team within the department. */
  team: z2.string().nullable(),
  /** Free-text introduction. */
  bio: z2.string().nullable(),
  /** Interests (free tags). */
  interests: z2.array(z2.string()),
  /** Skills had and wanted. */
  skills: z2.array(Skill),
  /** The person's manager, if any. */
  manager: PersonRef.nullable(),
  /** Direct reports. */
  reports: z2.array(PersonRef),
  /** Every role the person holds, derived ones included. */
  roles: z2.array(Role),
  /** invited = has not set a password yet. */
  status: z2.enum(["active", "invited", "deactivated"]),
  /** What the viewer may do. */
  abilities: PersonAbilities
});
var FindPeopleQuery = z2.object({
  /** Free text over name, title, email, team. */
  q: z2.string().trim().max(100).optional(),
  /** Exact department. */
  department: z2.string().max(LIMITS.shortText).optional(),
  /** Exact location. */
  location: z2.string().max(LIMITS.shortText).optional(),
  /** A skill the person has (case-insensitive). */
  skill: z2.string().max(60).optional(),
  /** Page size. */
  limit: z2.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
});
var PeoplePage = page(PersonSummary);
var PeopleFacets = z2.object({
  /** Departments with head-counts. */
  departments: z2.array(z2.object({ value: z2.string(), count: z2.number().int() })),
  /** Locations with head-counts. */
  locations: z2.array(z2.object({ value: z2.string(), count: z2.number().int() })),
  /** Most common skills people have. */
  skills: z2.array(z2.object({ value: z2.string(), count: z2.number().int() }))
});
var profileFields = {
  /** Job title. */
  title: z2.string().trim().max(LIMITS.shortText).nullable(),
  /** Team within the department. */
  team: z2.string().trim().max(LIMITS.shortText).nullable(),
  /** Office or city. */
  location: z2.string().trim().max(LIMITS.shortText).nullable(),
  /** IANA time zone. */
  timeZone: TimeZone.nullable(),
  /** Free-text introduction. */
  bio: z2.string().trim().max(LIMITS.bio).nullable(),
  /** Interests (free tags). */
  interests: z2.array(text9(40)).max(LIMITS.interests),
  /** Skills had and wanted. */
  skills: z2.array(Skill).max(LIMITS.skills),
  /** Avatar image URL (https only). */
  avatarUrl: z2.string().url().max(500).startsWith("https://").nullable()
};
var UpdateProfileRequest = z2.object(profileFields).partial().strict();
var AdminUpdatePersonRequest = z2.object({
  ...profileFields,
  /** Display name. */
  name: text9(LIMITS.name),
  /** Work email. */
  email: Email,
  /** Department. */
  department: z2.string().trim().max(LIMITS.shortText).nullable(),
  /** Manager's id, or null. */
  managerId: Id.nullable(),
  /** Explicit roles. */
  roles: z2.array(AssignableRole).max(3),
  /** Deactivate or reactivate. */
  status: z2.enum(["active", "deactivated"])
}).partial().strict();
var ImportPeopleRequest = z2.object({
  /** CSV with a header row: name,email,department,title,manager_email,location,time_zone (team optional). */
  csv: z2.string().min(1).max(LIMITS.importBytes),
  /** true = report only, change nothing. */
  dryRun: z2.boolean().default(true)
}).strict();
var ImportIssue = z2.object({
  /** 1-based line number in the file (the header is line 1). */
  row: z2.number().int(),
  /** Column name the problem is in. */
  field: z2.string(),
  /** Stable code: INVALID_EMAIL, UNKNOWN_MANAGER, MANAGER_CYCLE, DUPLICATE_EMAIL, REQUIRED, TOO_LONG, UNKNOWN_TIME_ZONE, UNKNOWN_COLUMN. */
  code: z2.string(),
  /** What is wrong, in words. */
  message: z2.string()
});
var ImportReport = z2.object({
  /** Data rows read. */
  rows: z2.number().int(),
  /** People that would be / were created. */
  created: z2.number().int(),
  /** Existing people (matched by email) that would be / were changed. */
  updated: z2.number().int(),
  /** Existing people with no change. */
  unchanged: z2.number().int(),
  /** Problems; the import applies nothing while there are any. */
  issues: z2.array(ImportIssue),
  /** Whether the changes were written. */
  applied: z2.boolean()
});
var InvitePersonRequest = z2.object({
  /** Display name. */
  name: text9(LIMITS.name),
  /** Work email. */
  email: Email,
  /** Department. */
  department: z2.string().trim().max(LIMITS.shortText).nullable().optional(),
  /** Job title. */
  title: z2.string().trim().max(LIMITS.shortText).nullable().optional(),
  /** Manager's id. */
  managerId: Id.nullable().optional()
}).strict();
var PresenceResponse = z2.object({
  /** Ids of people with at least one live connection. */
  online: z2.array(Id)
});

// contracts/auth.ts
import { z as z3 } from "zod";
var SignInRequest = z3.object({
  /** Work email. */
  email: Email,
  /** Password. */
  password: z3.string().min(1).max(LIMITS.password.max)
}).strict();
var NewPassword = z3.string().min(LIMITS.password.min, `Use at least ${LIMITS.password.min} characters`).max(LIMITS.password.max);
var MeResponse = z3.object({
  /** The signed-in person's profile. */
  person: Person,
  /** The organization. */
  organization: z3.object({ id: Id, name: z3.string() }),
  /** Send this in the X-CSRF-Token header on every state-changing request. */
  csrfToken: z3.string()
});
var AcceptInviteRequest = z3.object({
  /** Token from the invitation link. */
  token: z3.string().min(20).max(200),
  /** The password the person chooses. */
  password: NewPassword
}).strict();
var RequestPasswordResetRequest = z3.object({
  /** Work email. */
  email: Email
}).strict();
var ResetPasswordRequest = z3.object({
  /** Token from the emailed link. */
  token: z3.string().min(20).max(200),
  /** The new password. */
  password: NewPassword
}).strict();
var ChangePasswordRequest = z3.object({
  /** Current password. */
  currentPassword: z3.string().min(1).max(LIMITS.password.max),
  /** The new password. */
  newPassword: NewPassword
}).strict();
var MessageResponse = z3.object({
  /** What happened. */
  message: text9(500)
});
var InvitationResponse = z3.object({
  /** The invited person's id. */
  personId: Id,
  /** Link the person opens to set a password. */
  inviteUrl: z3.string()
});

// contracts/realtime.ts
import { z as z4 } from "zod";
var SIGNAL_MAX_BYTES = 7e3;
var SignalData = z4.record(z4.string(), z4.unknown()).refine((d) => new TextEncoder().encode(JSON.stringify(d)).length <= SIGNAL_MAX_BYTES, { message: `Signal data is larger than ${SIGNAL_MAX_BYTES} bytes.` });
var ServerMessage = z4.discriminatedUnion("type", [
  /** Sent once after connecting: who is online now. */
  z4.object({ type: z4.literal("hello"), online: z4.array(Id) }),
  /** People who came online or went offline in the last moment (announced in batches per organization and node). */
  z4.object({ type: z4.literal("presence"), online: z4.array(Id), offline: z4.array(Id) }),
  /** Reply to a client ping. */
  z4.object({ type: z4.literal("pong") }),
  /** Something in a subscribed channel changed (e.g. a reply in `thread:<id>`): refetch it. Carries ids, never content. */
  z4.object({ type: z4.literal("changed"), channel: z4.string(), what: z4.string(), id: Id.optional() }),
  /** Answer to subscribe: ok = false when the channel does not exist or the person may not see it. */
  z4.object({ type: z4.literal("subscribed"), channel: z4.string(), ok: z4.boolean() }),
  /** A peer signal from another member of `channel` (e.g. `live-group:<id>`); `from` is set by the server, never by the sender. */
  z4.object({ type: z4.literal("signal"), channel: z4.string(), from: Id, data: SignalData }),
  /** The connection did something wrong (SIGNAL_REFUSED carries the channel and recipient of the refused signal). */
  z4.object({ type: z4.literal("error"), code: z4.string(), message: z4.string(), channel: z4.string().optional(), to: Id.optional() })
]);
var ClientMessage = z4.discriminatedUnion("type", [
  z4.object({ type: z4.literal("ping") }),
  /** Follow live changes of a channel such as `thread:<id>` or `community:<id>` (checked against what the person may see). */
  z4.object({ type: z4.literal("subscribe"), channel: z4.string().max(100) }),
  /** Stop following a channel. */
  z4.object({ type: z4.literal("unsubscribe"), channel: z4.string().max(100) }),
  /**
   * Relay a WebRTC signal to one person within a subscribed channel that allows signals (e.g. `live-group:<id>`).
   * Never stored; refused with error SIGNAL_REFUSED when the sender or recipient may not signal there.
   */
  z4.object({ type: z4.literal("signal"), channel: z4.string().max(100), to: Id, data: SignalData })
]);

// contracts/communities.ts
import { z as z5 } from "zod";
var COMMUNITY_LIMITS = {
  name: 80,
  description: 600,
  rules: 8e3,
  topics: 12,
  topic: 40,
  threadTitle: 160,
  postBody: 2e4,
  /** Posts (threads + replies) a person may write per minute before 429. */
  postsPerMinute: 12
};
var CommunityKind = z5.enum(["practice", "interest", "team", "cohort"]);
var CommunityVisibility = z5.enum(["open", "request", "private", "secret"]);
var CommunityRole = z5.enum(["owner", "moderator", "member"]);
var Membership = z5.object({
  /** active = member; requested = waiting for approval; invited = may accept an invitation. */
  status: z5.enum(["active", "requested", "invited"]),
  /** Role when active. */
  role: CommunityRole,
  /** True when the community's rules changed since the member accepted them (must re-accept to post). */
  mustAcceptRules: z5.boolean()
});
var CommunityAbilities = z5.object({
  /** May read threads, posts and the member list. */
  canRead: z5.boolean(),
  /** May join at once (open community, not yet a member). */
  canJoin: z5.boolean(),
  /** May ask to join (request community). */
  canRequest: z5.boolean(),
  /** May start threads and reply (active member who accepted the current rules). */
  canPost: z5.boolean(),
  /** May pin, lock, delete others' posts, approve requests, invite, change roles and edit the community. */
  canModerate: z5.boolean(),
  /** May post announcements (pinned, moderators only). */
  canAnnounce: z5.boolean(),
  /** May leave (members other than the last owner). */
  canLeave: z5.boolean()
});
var Topic = z5.string().trim().min(1).max(COMMUNITY_LIMITS.topic).transform((s) => s.toLowerCase());
var CommunitySummary = z5.object({
  /** Community id. */
  id: Id,
  /** URL-friendly name, unique in the organization. */
  slug: z5.string(),
  /** Display name. */
  name: z5.string(),
  /** One or two sentences about the community. */
  description: z5.string(),
  /** What the community is for. */
  kind: CommunityKind,
  /** Who can see and join. */
  visibility: CommunityVisibility,
  /** Topics (lower case), used for search and recommendations. */
  topics: z5.array(z5.string()),
  /** Active members. */
  memberCount: z5.number().int(),
  /** Threads that are not deleted. */
  threadCount: z5.number().int(),
  /** Last thread or reply, ISO time; null when nothing was posted yet. */
  lastActivityAt: z5.string().nullable(),
  /** The actor's membership, or null. */
  membership: Membership.nullable(),
  /** Why this community is recommended to the actor (only in recommendations). */
  reasons: z5.array(z5.string()).optional()
});
var Community = CommunitySummary.extend({
  /** Code of conduct as Markdown source (members accept it on joining). */
  rules: z5.string(),
  /** Code of conduct rendered to sanitized HTML. */
  rulesHtml: z5.string(),
  /** Incremented whenever the rules change. */
  rulesVersion: z5.number().int(),
  /** Who created it. */
  createdBy: PersonRef.nullable(),
  /** Creation time (ISO). */
  createdAt: z5.string(),
  /** Experts endorsed by members, most endorsed first. */
  experts: z5.array(PersonRef.extend({ endorsements: z5.number().int() })),
  /** What the actor may do. */
  abilities: CommunityAbilities
});
var CreateCommunityRequest = z5.object({
  /** Display name. */
  name: text9(COMMUNITY_LIMITS.name),
  /** What the community is about. */
  description: z5.string().trim().max(COMMUNITY_LIMITS.description).default(""),
  /** What it is for (cohort spaces are made by programs, not here). */
  kind: CommunityKind.exclude(["cohort"]).default("practice"),
  /** Who can see and join. */
  visibility: CommunityVisibility.default("open"),
  /** Code of conduct in Markdown (members accept it when joining); empty = a sensible default. */
  rules: z5.string().trim().max(COMMUNITY_LIMITS.rules).default(""),
  /** Topics for search and recommendations. */
  topics: z5.array(Topic).max(COMMUNITY_LIMITS.topics).default([])
}).strict();
var UpdateCommunityRequest = z5.object({
  /** Display name. */
  name: text9(COMMUNITY_LIMITS.name),
  /** Description. */
  description: z5.string().trim().max(COMMUNITY_LIMITS.description),
  /** Who can see and join. */
  visibility: CommunityVisibility,
  /** Code of conduct in Markdown. */
  rules: z5.string().trim().min(1).max(COMMUNITY_LIMITS.rules),
  /** Topics. */
  topics: z5.array(Topic).max(COMMUNITY_LIMITS.topics)
}).partial().strict();
var FindCommunitiesQuery = z5.object({
  /** Text in name, description or topics. */
  q: z5.string().trim().max(LIMITS.shortText).optional(),
  /** Only communities the actor belongs to. */
  mine: z5.enum(["true", "false"]).optional().transform((v) => v === "true"),
  /** Only this kind. */
  kind: CommunityKind.optional(),
  /** Page size. */
  limit: z5.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var CommunityPage = page(CommunitySummary);
var CommunityRecommendations = z5.object({
  /** Best first. */
  items: z5.array(CommunitySummary)
});
var JoinCommunityRequest = z5.object({
  /** The rules version the person read and accepts; must be the current one. */
  acceptRulesVersion: z5.number().int().min(1)
}).strict();
var CommunityMember = PersonRef.extend({
  /** Department. */
  department: z5.string().nullable(),
  /** Avatar image URL. */
  avatarUrl: z5.string().nullable(),
  /** Role in the community. */
  role: CommunityRole,
  /** active, requested (waiting for approval) or invited. */
  status: z5.enum(["active", "requested", "invited"]),
  /** Members endorsing this person as an expert here. */
  endorsements: z5.number().int(),
  /** True when the actor endorsed this person. */
  endorsedByMe: z5.boolean(),
  /** When they joined (or asked, or were invited), ISO. */
  since: z5.string()
});
var FindMembersQuery = z5.object({
  /** active (default), requested or invited (the last two for moderators). */
  status: z5.enum(["active", "requested", "invited"]).default("active"),
  /** Page size. */
  limit: z5.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var MemberPage = page(CommunityMember);
var InviteMembersRequest = z5.object({ personIds: z5.array(Id).min(1).max(100) }).strict();
var UpdateMemberRequest = z5.object({
  /** Set to active to approve a join request. */
  status: z5.literal("active").optional(),
  /** New role (owners only may make owners). */
  role: CommunityRole.optional()
}).strict();
var MembershipResponse = z5.object({ membership: Membership.nullable() });
var ThreadKind = z5.enum(["discussion", "question", "announcement"]);
var ReactionKind = z5.enum(["like", "love", "celebrate", "insightful", "thanks", "funny"]);
var ThreadSummary = z5.object({
  /** Thread id. */
  id: Id,
  /** Community it belongs to. */
  communityId: Id,
  /** discussion, question or announcement. */
  kind: ThreadKind,
  /** Title. */
  title: z5.string(),
  /** Who started it. */
  author: PersonRef,
  /** Pinned to the top by a moderator. */
  isPinned: z5.boolean(),
  /** Locked: no more replies. */
  isLocked: z5.boolean(),
  /** For questions: an answer was accepted. */
  isSolved: z5.boolean(),
  /** Replies (not counting the first post, not counting deleted ones). */
  replyCount: z5.number().int(),
  /** Creation time, ISO. */
  createdAt: z5.string(),
  /** Last post time, ISO. */
  lastActivityAt: z5.string(),
  /** First ~200 characters of the first post as plain text. */
  excerpt: z5.string()
});
var FindThreadsQuery = z5.object({
  /** all (default); questions; unanswered = questions nobody replied to; unsolved = questions without an accepted answer. */
  filter: z5.enum(["all", "questions", "unanswered", "unsolved"]).default("all"),
  /** Page size. */
  limit: z5.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(30),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var ThreadPage = page(ThreadSummary);
var ReactionCount = z5.object({
  /** Which reaction. */
  kind: ReactionKind,
  /** How many people reacted so. */
  count: z5.number().int(),
  /** True when the actor is one of them. */
  mine: z5.boolean()
});
var Post = z5.object({
  /** Post id. */
  id: Id,
  /** Thread id. */
  threadId: Id,
  /** Author; null when the post is deleted and the actor is not a moderator. */
  author: PersonRef.extend({ isExpert: z5.boolean() }).nullable(),
  /** Markdown source (empty when deleted and hidden). Authors use it to edit. */
  body: z5.string(),
  /** Sanitized HTML rendered from the Markdown. */
  html: z5.string(),
  /** The first post of the thread. */
  isFirst: z5.boolean(),
  /** Accepted answer of a question. */
  isAccepted: z5.boolean(),
  /** The post this one replies to, if any. */
  replyToId: Id.nullable(),
  /** Creation time, ISO. */
  createdAt: z5.string(),
  /** Last edit time, ISO, or null. */
  editedAt: z5.string().nullable(),
  /** Deleted (moderators still see the content, others see a placeholder). */
  isDeleted: z5.boolean(),
  /** Reactions with counts. */
  reactions: z5.array(ReactionCount),
  /** What the actor may do with the post. */
  abilities: z5.object({
    canEdit: z5.boolean(),
    canDelete: z5.boolean(),
    canAccept: z5.boolean(),
    canReact: z5.boolean(),
    canSeeHistory: z5.boolean()
  })
});
var Thread = ThreadSummary.extend({
  /** Community name and slug, for breadcrumbs. */
  community: z5.object({ id: Id, name: z5.string(), slug: z5.string() }),
  /** Accepted answer post id. */
  acceptedPostId: Id.nullable(),
  /** The accepted answer itself, always included (also when it is not on this page of posts), or null. */
  acceptedPost: Post.nullable(),
  /** Posts in order (first post first), keyset-paged. */
  posts: z5.array(Post),
  /** Cursor for more posts, or null. */
  nextCursor: z5.string().nullable(),
  /** Experts of the community, shown on questions. */
  experts: z5.array(PersonRef),
  /** What the actor may do. */
  abilities: z5.object({
    canReply: z5.boolean(),
    canModerate: z5.boolean(),
    /** Why replying is not possible, for the UI (e.g. "This thread is locked."). */
    replyBlockedReason: z5.string().nullable()
  })
});
var GetThreadQuery = z5.object({
  /** Posts per page. */
  limit: z5.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(50),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var CreateThreadRequest = z5.object({
  /** discussion, question or announcement (moderators only). */
  kind: ThreadKind.default("discussion"),
  /** Title. */
  title: text9(COMMUNITY_LIMITS.threadTitle),
  /** First post, Markdown. Mention people with [@Name](/people/<id>). */
  body: text9(COMMUNITY_LIMITS.postBody)
}).strict();
var CreateReplyRequest = z5.object({
  /** Markdown. Mention people with [@Name](/people/<id>). */
  body: text9(COMMUNITY_LIMITS.postBody),
  /** The post this replies to (quoted), in the same thread. */
  replyToId: Id.optional()
}).strict();
var EditPostRequest = z5.object({ body: text9(COMMUNITY_LIMITS.postBody) }).strict();
var UpdateThreadRequest = z5.object({
  /** New title. */
  title: text9(COMMUNITY_LIMITS.threadTitle),
  /** Pin or unpin. */
  isPinned: z5.boolean(),
  /** Lock or unlock. */
  isLocked: z5.boolean()
}).partial().strict();
var AcceptAnswerRequest = z5.object({ postId: Id.nullable() }).strict();
var ReactRequest = z5.object({ kind: ReactionKind }).strict();
var PostRevision = z5.object({
  /** The Markdown as it was. */
  body: z5.string(),
  /** Who saved the version that replaced it. */
  editedBy: PersonRef,
  /** When it was replaced, ISO. */
  editedAt: z5.string()
});
var PostRevisions = z5.object({ items: z5.array(PostRevision) });
var EndorseExpertRequest = z5.object({ endorse: z5.boolean() }).strict();
var CommunitySettings = z5.object({
  /** Who may create communities: anyone in the organization, or org admins only. */
  whoCanCreate: z5.enum(["anyone", "admins"])
});

// contracts/resources.ts
import { z as z6 } from "zod";
var RESOURCE_LIMITS = {
  title: 200,
  summary: 2e3,
  url: 2e3,
  tags: 10,
  tag: 40,
  durationMinutes: 1e5,
  review: 2e3,
  collectionTitle: 120,
  collectionDescription: 1e3,
  collectionItems: 100,
  itemNote: 500,
  /** Upload size limits in bytes per kind of media (413 past them). */
  mediaBytes: { image: 10 * 1024 * 1024, audio: 50 * 1024 * 1024, video: 200 * 1024 * 1024, pdf: 25 * 1024 * 1024 }
};
var ResourceType = z6.enum(["article", "video", "podcast", "webinar", "course", "book", "other"]);
var MediaKind = z6.enum(["image", "audio", "video", "pdf"]);
var ResourceTag = z6.string().trim().min(1).max(RESOURCE_LIMITS.tag).transform((s) => s.toLowerCase()).refine((s) => /^[\p{L}\p{N}][\p{L}\p{N} .+#-]*$/u.test(s), "Tags use letters, digits, spaces, dots, dashes, + and #");
var HttpUrl = z6.string().trim().max(RESOURCE_LIMITS.url).url().refine((u) => /^https?:\/\//i.test(u), "Only http and https links can be shared");
var Media = z6.object({
  /** Media id. */
  id: Id,
  /** image, audio, video or pdf. */
  kind: MediaKind,
  /** MIME type detected from the content. */
  mime: z6.string(),
  /** Size in bytes. */
  sizeBytes: z6.number().int(),
  /** The file name as uploaded (display only). */
  originalName: z6.string(),
  /** Where the bytes are served (to people allowed to see them). */
  url: z6.string()
});
var UploadMediaQuery = z6.object({
  /** Community the file is uploaded into (its readers may see it); omit for a personal upload. */
  communityId: Id.optional()
}).strict();
var ResourceAbilities = z6.object({
  /** May edit title, summary, link, duration and tags (author or community moderator). */
  canEdit: z6.boolean(),
  /** May delete it (author or community moderator). */
  canDelete: z6.boolean(),
  /** May rate and review it (anyone who sees it except its author). */
  canReview: z6.boolean()
});
var ResourceSummary = z6.object({
  /** Resource id. */
  id: Id,
  /** Community it was shared in (null = the organization's library). */
  community: z6.object({ id: Id, name: z6.string(), slug: z6.string() }).nullable(),
  /** Who shared it. */
  author: PersonRef,
  /** article, video, podcast, webinar, course, book or other. */
  type: ResourceType,
  /** Title. */
  title: z6.string(),
  /** Plain-text summary. */
  summary: z6.string(),
  /** The shared link (null when it is an uploaded file). */
  url: z6.string().nullable(),
  /** The uploaded file (null for links). */
  media: Media.nullable(),
  /** Length in minutes (reading, watching or listening time). */
  durationMinutes: z6.number().int().nullable(),
  /** Lower-case tags. */
  tags: z6.array(z6.string()),
  /** Average rating 1–5 (null when nobody rated it). */
  ratingAverage: z6.number().nullable(),
  /** Number of ratings. */
  ratingCount: z6.number().int(),
  /** When it was shared. */
  createdAt: z6.string(),
  /** What the actor may do. */
  abilities: ResourceAbilities
});
var ResourceReview = z6.object({
  /** Reviewer. */
  person: PersonRef,
  /** 1 to 5 stars. */
  rating: z6.number().int().min(1).max(5),
  /** Plain-text review (may be empty). */
  review: z6.string(),
  /** When it was first written. */
  createdAt: z6.string(),
  /** When it was last changed. */
  updatedAt: z6.string()
});
var Resource = ResourceSummary.extend({
  /** Reviews, most recently changed first (up to 100). */
  reviews: z6.array(ResourceReview),
  /** The actor's own rating and review, if any. */
  myReview: ResourceReview.nullable()
});
var resourceFields = {
  /** article, video, podcast, webinar, course, book or other. */
  type: ResourceType,
  /** Title. */
  title: text9(RESOURCE_LIMITS.title),
  /** Plain-text summary (optional). */
  summary: z6.string().trim().max(RESOURCE_LIMITS.summary).default(""),
  /** Length in minutes (optional). */
  durationMinutes: z6.number().int().min(1).max(RESOURCE_LIMITS.durationMinutes).nullable().default(null),
  /** Tags, lower-cased and de-duplicated. */
  tags: z6.array(ResourceTag).max(RESOURCE_LIMITS.tags).default([]).transform((t) => [...new Set(t)])
};
var CreateResourceRequest = z6.object({
  /** Community to share into (needs posting rights there); null or omitted = the organization's library. */
  communityId: Id.nullable().default(null),
  ...resourceFields,
  /** The link (http or https). */
  url: HttpUrl.nullable().default(null),
  /** An uploaded file of the actor's (from `POST /api/media`). */
  mediaId: Id.nullable().default(null)
}).strict().superRefine((v, ctx) => {
  if (v.url === null === (v.mediaId === null)) ctx.addIssue({ code: "custom", path: ["url"], message: "Give either a link or an uploaded file" });
});
var UpdateResourceRequest = z6.object({
  /** New type. */
  type: ResourceType,
  /** New title. */
  title: text9(RESOURCE_LIMITS.title),
  /** New summary. */
  summary: z6.string().trim().max(RESOURCE_LIMITS.summary),
  /** New duration in minutes (null clears it). */
  durationMinutes: z6.number().int().min(1).max(RESOURCE_LIMITS.durationMinutes).nullable(),
  /** New tags. */
  tags: resourceFields.tags,
  /** New link (only for link resources). */
  url: HttpUrl
}).partial().strict();
var FindResourcesQuery = z6.object({
  /** Only this community's resources. */
  communityId: Id.optional(),
  /** Only the organization's library (resources outside communities). */
  library: z6.enum(["true", "false"]).optional().transform((v) => v === "true"),
  /** Only resources the actor shared. */
  mine: z6.enum(["true", "false"]).optional().transform((v) => v === "true"),
  /** Only resources with this tag. */
  tag: ResourceTag.optional(),
  /** Only this type. */
  type: ResourceType.optional(),
  /** Page size. */
  limit: z6.coerce.number().int().min(1).max(100).default(30),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var ResourcePage = z6.object({
  /** Resources on this page. */
  items: z6.array(ResourceSummary),
  /** Cursor of the next page (null at the end). */
  nextCursor: z6.string().nullable()
});
var ReviewResourceRequest = z6.object({
  /** 1 to 5 stars. */
  rating: z6.number().int().min(1).max(5),
  /** Plain text, no Markdown (shown as typed). */
  review: z6.string().trim().max(RESOURCE_LIMITS.review).default("")
}).strict();
var CollectionAbilities = z6.object({
  /** May rename it and add, remove, reorder and annotate items (owner or community moderator). */
  canEdit: z6.boolean(),
  /** May delete it (owner or community moderator). */
  canDelete: z6.boolean()
});
var CollectionSummary = z6.object({
  /** Collection id. */
  id: Id,
  /** Community it belongs to (null = organization-wide, made by a person). */
  communityId: Id.nullable(),
  /** Who made it. */
  owner: PersonRef,
  /** Title ("Top 5 podcasts for new leaders"). */
  title: z6.string(),
  /** Plain-text description. */
  description: z6.string(),
  /** Number of items the actor can see. */
  itemCount: z6.number().int(),
  /** Last change. */
  updatedAt: z6.string(),
  /** What the actor may do. */
  abilities: CollectionAbilities
});
var CollectionItem = z6.object({
  /** The resource. */
  resource: ResourceSummary,
  /** The curator's note about it. */
  note: z6.string()
});
var Collection = CollectionSummary.extend({
  /** Items in the curator's order (resources the actor cannot see are left out). */
  items: z6.array(CollectionItem)
});
var FindCollectionsQuery = z6.object({
  /** Only this community's collections; omitted = organization-wide ones. */
  communityId: Id.optional(),
  /** Only collections the actor made. */
  mine: z6.enum(["true", "false"]).optional().transform((v) => v === "true")
}).strict();
var CollectionList = z6.object({
  /** Collections. */
  items: z6.array(CollectionSummary)
});
var CreateCollectionRequest = z6.object({
  /** Community (any member who may post there); null = organization-wide. */
  communityId: Id.nullable().default(null),
  /** Title. */
  title: text9(RESOURCE_LIMITS.collectionTitle),
  /** Plain-text description. */
  description: z6.string().trim().max(RESOURCE_LIMITS.collectionDescription).default("")
}).strict();
var UpdateCollectionRequest = z6.object({
  /** New title. */
  title: text9(RESOURCE_LIMITS.collectionTitle),
  /** New description. */
  description: z6.string().trim().max(RESOURCE_LIMITS.collectionDescription)
}).partial().strict();
var PutCollectionItemRequest = z6.object({
  /** The curator's note (plain text). */
  note: z6.string().trim().max(RESOURCE_LIMITS.itemNote).default("")
}).strict();
var ReorderCollectionRequest = z6.object({
  /** Resource ids in the new order; must be exactly the collection's items. */
  resourceIds: z6.array(Id).max(RESOURCE_LIMITS.collectionItems)
}).strict();

// contracts/pathways.ts
import { z as z7 } from "zod";
var PATHWAY_LIMITS = { title: 120, description: 2e3, steps: 50, stepTitle: 160, instructions: 2e3 };
var StepKind = z7.enum(["resource", "discussion", "task"]);
var DateOnly = z7.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real date");
var PathwayStep = z7.object({
  /** Step id. */
  id: Id,
  /** 1-based position. */
  position: z7.number().int(),
  /** resource, discussion or task. */
  kind: StepKind,
  /** What to do. */
  title: z7.string(),
  /** Optional guidance (plain text). */
  instructions: z7.string(),
  /** For resource steps: the resource (null when it was deleted or the viewer may not see it). */
  resource: z7.object({ id: Id, title: z7.string(), type: z7.string(), url: z7.string().nullable() }).nullable(),
  /** For discussion steps: the thread (null when deleted or not visible). */
  thread: z7.object({ id: Id, title: z7.string() }).nullable(),
  /** For tasks: due date (YYYY-MM-DD) or null. */
  dueDate: z7.string().nullable(),
  /** The viewer marked it done. */
  isDone: z7.boolean()
});
var PathwaySummary = z7.object({
  /** Pathway id. */
  id: Id,
  /** Title. */
  title: z7.string(),
  /** What it is for. */
  description: z7.string(),
  /** Who made it. */
  author: PersonRef,
  /** Community it belongs to, or null for the organization. */
  community: z7.object({ id: Id, name: z7.string(), slug: z7.string() }).nullable(),
  /** draft (only the author sees it) or published. */
  status: z7.enum(["draft", "published"]),
  /** Featured by a moderator. */
  isFeatured: z7.boolean(),
  /** Number of steps. */
  stepCount: z7.number().int(),
  /** People enrolled. */
  enrolledCount: z7.number().int(),
  /** The viewer's progress, or null when not enrolled. */
  myProgress: z7.object({ done: z7.number().int(), total: z7.number().int(), completedAt: z7.string().nullable() }).nullable(),
  /** Creation time, ISO. */
  createdAt: z7.string()
});
var Pathway = PathwaySummary.extend({
  /** Steps in order. */
  steps: z7.array(PathwayStep),
  /** The viewer hides their progress from peers. */
  hideMyProgress: z7.boolean(),
  /** What the viewer may do. */
  abilities: z7.object({
    canEdit: z7.boolean(),
    canPublish: z7.boolean(),
    canFeature: z7.boolean(),
    canEnroll: z7.boolean(),
    canDelete: z7.boolean()
  })
});
var FindPathwaysQuery = z7.object({
  /** Only this community's pathways. */
  communityId: Id.optional(),
  /** enrolled = the viewer's; authored = made by the viewer (drafts included); featured; all (default). */
  filter: z7.enum(["all", "featured", "enrolled", "authored"]).default("all"),
  /** Page size. */
  limit: z7.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(30),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var PathwayPage = page(PathwaySummary);
var StepFields = z7.object({
  /** resource, discussion or task. */
  kind: StepKind,
  /** What to do. */
  title: text9(PATHWAY_LIMITS.stepTitle),
  /** Optional guidance. */
  instructions: z7.string().trim().max(PATHWAY_LIMITS.instructions).default(""),
  /** Required for resource steps. */
  resourceId: Id.optional(),
  /** Required for discussion steps. */
  threadId: Id.optional(),
  /** Optional for tasks. */
  dueDate: DateOnly.optional()
}).strict();
function stepTargets(s, ctx) {
  if (s.kind === "resource" && !s.resourceId) ctx.addIssue({ code: "custom", path: ["resourceId"], message: "Choose a resource for this step" });
  if (s.kind === "discussion" && !s.threadId) ctx.addIssue({ code: "custom", path: ["threadId"], message: "Choose a discussion for this step" });
}
var StepInput = StepFields.superRefine(stepTargets);
var StepUpdate = StepFields.extend({ id: Id.optional() }).superRefine(stepTargets);
var CreatePathwayRequest = z7.object({
  /** Title. */
  title: text9(PATHWAY_LIMITS.title),
  /** What learners get out of it. */
  description: z7.string().trim().max(PATHWAY_LIMITS.description).default(""),
  /** Community it belongs to; omit for the whole organization. */
  communityId: Id.optional(),
  /** Steps in order. */
  steps: z7.array(StepInput).max(PATHWAY_LIMITS.steps).default([])
}).strict();
var UpdatePathwayRequest = z7.object({
  /** Title. */
  title: text9(PATHWAY_LIMITS.title),
  /** Description. */
  description: z7.string().trim().max(PATHWAY_LIMITS.description),
  /** The whole ordered list; give `id` to keep an existing step (and everyone's progress on it). */
  steps: z7.array(StepUpdate).max(PATHWAY_LIMITS.steps),
  /** Publish (draft → published); a published pathway cannot go back to draft. */
  status: z7.literal("published")
}).partial().strict();
var FeaturePathwayRequest = z7.object({ isFeatured: z7.boolean() }).strict();
var MarkStepRequest = z7.object({ done: z7.boolean() }).strict();
var EnrollRequest = z7.object({ enrolled: z7.boolean(), hideProgress: z7.boolean().optional() }).strict();
var PeerProgress = PersonRef.extend({
  /** Steps done, or null when the person hides their progress. */
  done: z7.number().int().nullable(),
  /** Total steps. */
  total: z7.number().int(),
  /** Completion time, ISO, or null (also null when hidden). */
  completedAt: z7.string().nullable(),
  /** Enrolment time, ISO. */
  enrolledAt: z7.string()
});
var PathwayProgress = z7.object({ items: z7.array(PeerProgress), hiddenCount: z7.number().int() });

// contracts/notifications.ts
import { z as z8 } from "zod";
var NOTIFICATION_LIMITS = {
  /** Unread notifications must be this old before a daily digest mails them (hours). */
  digestDelayHours: 3,
  /** At most one digest per person per this many hours. */
  digestEveryHours: 24,
  /** Notifications listed in one digest mail. */
  digestItems: 20
};
var NotificationKind = z8.enum(["mention", "reply", "answer", "accepted", "join_request", "invited", "review", "mentoring", "event_reminder"]);
var Notification = z8.object({
  /** Notification id. */
  id: Id,
  /** What it is about. */
  kind: NotificationKind,
  /** Plain-text sentence built by the server, e.g. “Sam Okafor mentioned you in “How do I…””. */
  title: z8.string(),
  /** Where it leads inside the app (a path such as /threads/<id>#post-<id>). */
  url: z8.string(),
  /** Who caused it, or null when that person was removed. */
  actor: PersonRef.nullable(),
  /** When it happened (ISO). */
  createdAt: z8.string(),
  /** When the person read it (ISO), or null while unread. */
  readAt: z8.string().nullable()
});
var NotificationPage = z8.object({
  /** Notifications on this page, newest first. */
  items: z8.array(Notification),
  /** Cursor of the following page, null at the end. */
  nextCursor: z8.string().nullable()
});
var FindNotificationsQuery = z8.object({
  /** Only unread notifications. */
  unread: z8.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** Cursor from the previous page. */
  cursor: Cursor.optional(),
  /** Page size. */
  limit: z8.coerce.number().int().min(1).max(100).default(30)
}).strict();
var UnreadCountResponse = z8.object({
  /** Unread items. */
  count: z8.number().int()
});
var NotificationPrefs = z8.object({
  /** Email me at once when someone mentions me. */
  emailMentions: z8.boolean(),
  /** Email me at once when someone answers my question. */
  emailAnswers: z8.boolean(),
  /** Email me when someone sends me a direct message. */
  emailMessages: z8.boolean(),
  /** daily = one mail a day with unread notifications; off = none. */
  digest: z8.enum(["off", "daily"]),
  /** Kinds I do not want to be notified about at all. */
  muted: z8.array(NotificationKind)
});
var UpdateNotificationPrefsRequest = NotificationPrefs.partial().extend({
  /** Muted kinds (replaces the list; duplicates are dropped). */
  muted: z8.array(NotificationKind).max(NotificationKind.options.length).optional()
}).strict();
var UnsubscribeRequest = z8.object({
  /** The token from the unsubscribe link of a mail. */
  token: z8.string().min(20).max(100)
}).strict();
var UnsubscribeResponse = z8.object({
  /** A sentence for the person. */
  message: z8.string()
});

// contracts/messages.ts
import { z as z9 } from "zod";
var MESSAGE_LIMITS = {
  /** Characters of Markdown in one message. */
  body: 4e3,
  /** Title of a group conversation. */
  title: 80,
  /** Other people in a group conversation (besides its creator). */
  groupMin: 2,
  groupMax: 8
};
var ConversationSummary = z9.object({
  /** Conversation id. */
  id: Id,
  /** True for a group conversation, false for one-to-one. */
  isGroup: z9.boolean(),
  /** Group title; null for one-to-one conversations (show the other person's name). */
  title: z9.string().nullable(),
  /** The other people currently in the conversation (not the actor). */
  members: z9.array(PersonRef),
  /** Time of the last message (ISO), or null when none was sent yet. */
  lastMessageAt: z9.string().nullable(),
  /** Plain-text start of the last message, or null. */
  lastMessagePreview: z9.string().nullable(),
  /** Messages from others the actor has not read. */
  unreadCount: z9.number().int(),
  /** The actor may leave (groups only). */
  canLeave: z9.boolean()
});
var ConversationPage = z9.object({
  /** Conversations on this page. */
  items: z9.array(ConversationSummary),
  /** Cursor of the following page, null at the end. */
  nextCursor: z9.string().nullable()
});
var FindConversationsQuery = z9.object({
  /** Cursor from the previous page. */
  cursor: Cursor.optional(),
  /** Page size. */
  limit: z9.coerce.number().int().min(1).max(100).default(30)
}).strict();
var CreateConversationRequest = z9.object({
  /** The other people (active, same organization). */
  personIds: z9.array(Id).min(1).max(MESSAGE_LIMITS.groupMax),
  /** Title, required for groups and not allowed for one-to-one conversations. */
  title: text9(MESSAGE_LIMITS.title).optional()
}).strict();
var Message = z9.object({
  /** Message id. */
  id: Id,
  /** Conversation it belongs to. */
  conversationId: Id,
  /** Who wrote it. */
  author: PersonRef,
  /** Markdown source. */
  body: z9.string(),
  /** Sanitized HTML rendered from the Markdown on the server (same rules as posts). */
  html: z9.string(),
  /** When it was sent (ISO). */
  createdAt: z9.string(),
  /** True when the actor wrote it. */
  mine: z9.boolean()
});
var MessagePage = z9.object({
  /** Messages on this page, newest first. */
  items: z9.array(Message),
  /** Cursor of the page of older messages, null at the beginning of the conversation. */
  nextCursor: z9.string().nullable()
});
var FindMessagesQuery = z9.object({
  /** Cursor from the previous (newer) page. */
  cursor: Cursor.optional(),
  /** Page size. */
  limit: z9.coerce.number().int().min(1).max(100).default(50)
}).strict();
var SendMessageRequest = z9.object({
  /** Markdown text. */
  body: text9(MESSAGE_LIMITS.body)
}).strict();

// contracts/search.ts
import { z as z10 } from "zod";
var SEARCH_LIMITS = {
  /** Longest query accepted (400 beyond). */
  query: 200,
  /** Default and largest page size. */
  pageSize: { default: 20, max: 50 },
  /** Deepest result reachable by paging (offset paging: deeper pages are refused as an invalid cursor). */
  maxOffset: 500,
  /** Per-type counts stop here (the chips show "500+"), so a very common word stays fast. */
  countCap: 200
};
var SearchType = z10.enum(["all", "people", "communities", "threads", "resources", "pathways"]);
var SearchQuery = z10.object({
  /** Words to look for (web-search syntax: "quoted phrase", -exclude, or). */
  q: z10.string().trim().max(SEARCH_LIMITS.query),
  /** Which kind of result (default all). */
  type: SearchType.default("all"),
  /** Only content of this community (threads, resources, pathways); people and communities are then left out. */
  communityId: Id.optional(),
  /** Page size. */
  limit: z10.coerce.number().int().min(1).max(SEARCH_LIMITS.pageSize.max).default(SEARCH_LIMITS.pageSize.default),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var SearchHitKind = z10.enum(["person", "community", "thread", "resource", "pathway"]);
var SearchHit = z10.object({
  /** What was found. */
  kind: SearchHitKind,
  /** Id of the person, community, thread, resource or pathway. */
  id: Id,
  /** Plain-text title (name for people). */
  title: z10.string(),
  /**
   * The title as safe HTML: every character is HTML-escaped by the server and the only tags are `<mark>…</mark>`
   * around matched words. Render it as HTML; never build it from other input.
   */
  titleHtml: z10.string(),
  /** A short excerpt around the matches, safe HTML with the same guarantee as titleHtml (may be empty). */
  snippetHtml: z10.string(),
  /** For threads: the post that matched best when the match was in a post rather than the title. */
  postId: Id.nullable(),
  /** The community it lives in (threads, community resources and pathways), null otherwise. */
  community: z10.object({ id: Id, name: z10.string(), slug: z10.string() }).nullable(),
  /** Secondary line: job title and department for people, kind/type for others. */
  meta: z10.string().nullable(),
  /** Where the web app opens it. */
  url: z10.string(),
  /** Creation (or, for threads, last activity) time, the tie-break after rank. */
  at: z10.string()
});
var SearchCounts = z10.object({
  /** Every kind added up. */
  all: z10.number().int(),
  /** People. */
  people: z10.number().int(),
  /** Communities. */
  communities: z10.number().int(),
  /** Threads (a thread matching in its title and several posts counts once). */
  threads: z10.number().int(),
  /** Resources. */
  resources: z10.number().int(),
  /** Pathways. */
  pathways: z10.number().int()
});
var SearchResponse = z10.object({
  /** Best first (rank, then most recent). */
  items: z10.array(SearchHit),
  /** Cursor of the following page, null at the end. */
  nextCursor: z10.string().nullable(),
  /** Matches per kind (for the whole query, not only this page). */
  counts: SearchCounts,
  /**
   * True when a very common word matched more than the SEARCH_LIMITS.countCap newest items of some kind: only those
   * were ranked, and the counts are lower bounds (show them as "500+").
   */
  countsAreLowerBounds: z10.boolean(),
  /** A hint for the searcher when the query could not be used (e.g. only very common words), otherwise null. */
  message: z10.string().nullable()
});

// contracts/feeds.ts
import { z as z11 } from "zod";
var FEED_LIMITS = {
  /** Longest tag one can follow. */
  tag: 40,
  /** Most people plus tags one person may follow (409 beyond). */
  follows: 500,
  /** Default and largest feed page. */
  pageSize: { default: 20, max: 50 }
};
var FollowKind = z11.enum(["person", "tag"]);
var FollowTag = z11.string().trim().min(1).max(FEED_LIMITS.tag).regex(/^[\p{L}\p{N} _.+#-]+$/u, "Letters, digits, spaces and - _ . + # only").transform((s) => s.toLowerCase());
var FollowRequest = z11.discriminatedUnion("kind", [
  z11.object({
    /** Follow a person of the organization. */
    kind: z11.literal("person"),
    /** The person's id. */
    target: Id
  }).strict(),
  z11.object({
    /** Follow a tag (resource tags and community topics). */
    kind: z11.literal("tag"),
    /** The tag. */
    target: FollowTag
  }).strict()
]);
var UnfollowParams = z11.object({
  /** person | tag. */
  kind: FollowKind,
  /** Person id or tag (compared lower-cased). */
  target: z11.string().trim().min(1).max(FEED_LIMITS.tag)
}).strict();
var Follow = z11.object({
  /** person | tag. */
  kind: FollowKind,
  /** Person id or lower-case tag. */
  target: z11.string(),
  /** The person, for person follows (null for tags). */
  person: PersonRef.nullable(),
  /** When the follow started. */
  since: z11.string()
});
var FollowsResponse = z11.object({
  /** Followed people and tags. */
  items: z11.array(Follow)
});
var FeedVerb = z11.enum(["thread_created", "reply_posted", "answer_accepted", "community_created", "member_joined", "resource_shared", "pathway_published"]);
var FeedItem = z11.object({
  /** Activity id (feeds are keyset-paged by it, newest first). */
  id: z11.number().int(),
  /** Who did it. */
  actor: PersonRef,
  /** What they did. */
  verb: FeedVerb,
  /** What it is about. */
  subject: z11.object({
    /** thread | post | resource | pathway | community. */
    kind: z11.enum(["thread", "post", "resource", "pathway", "community"]),
    /** Its id. */
    id: Id,
    /** Title captured when it happened (thread title for posts, community name for communities). */
    title: z11.string()
  }),
  /** Where it happened; null for organization-wide items (library resources, pathways outside communities). */
  community: z11.object({ id: Id, name: z11.string(), slug: z11.string() }).nullable(),
  /** Tags of the subject (resource tags, or the community's topics for discussions). */
  tags: z11.array(z11.string()),
  /** When it happened (ISO 8601). */
  at: z11.string(),
  /** Where the web app opens it. */
  url: z11.string()
});
var FeedQuery = z11.object({
  /** Page size. */
  limit: z11.coerce.number().int().min(1).max(FEED_LIMITS.pageSize.max).default(FEED_LIMITS.pageSize.default),
  /** Cursor from the previous page. */
  cursor: Cursor.optional()
}).strict();
var FeedPage = page(FeedItem);

// contracts/programs.ts
import { z as z12 } from "zod";
var PROGRAM_LIMITS = { title: 120, description: 2e3, goals: 8e3, sessions: 50, planPeople: 5e3 };
var ProgramStatus = z12.enum(["draft", "open", "running", "closed"]);
var EnrollmentMode = z12.enum(["self", "assigned", "both"]);
var Day = z12.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
var ProgramSession = z12.object({
  /** Session id (omit when creating). */
  id: Id.optional(),
  /** What happens in it. */
  title: text9(120),
  /** Start time, ISO 8601 with offset. */
  startsAt: z12.string().datetime({ offset: true }),
  /** Length in minutes. */
  durationMinutes: z12.number().int().min(5).max(24 * 60).default(60)
});
var GroupingSettings = z12.object({
  /** People per cohort. */
  cohortSize: z12.number().int().min(2).max(500),
  /** People per breakout group (3–4 recommended). */
  groupSize: z12.number().int().min(2).max(12),
  /** Breakout rounds to plan. */
  rounds: z12.number().int().min(1).max(30),
  /** Working hours (9–17 local) every cohort or pair must share; 0 = no rule. */
  minSharedHours: z12.number().int().min(0).max(8)
});
var ProgramSummary = z12.object({
  /** Program id. */
  id: Id,
  /** Title. */
  title: z12.string(),
  /** What it is about. */
  description: z12.string(),
  /** Lifecycle state. */
  status: ProgramStatus,
  /** Who enrols people. */
  enrollment: EnrollmentMode,
  /** Seats, or null when unlimited. */
  capacity: z12.number().int().nullable(),
  /** People enrolled. */
  enrolledCount: z12.number().int(),
  /** First and last day, or null. */
  startsOn: z12.string().nullable(),
  endsOn: z12.string().nullable(),
  /** Facilitators. */
  facilitators: z12.array(PersonRef),
  /** The viewer's enrolment: enrolled, or waitlisted with their place in line; null when not enrolled. */
  myEnrollment: z12.object({ status: z12.enum(["enrolled", "waitlisted"]), waitlistPosition: z12.number().int().nullable() }).nullable()
});
var MyPlacement = z12.object({
  /** The viewer's cohort and its space, or null. */
  cohort: z12.object({ id: Id, name: z12.string(), communitySlug: z12.string().nullable(), members: z12.array(PersonRef) }).nullable(),
  /** The viewer's breakout group in each round (people other than the viewer). */
  groups: z12.array(z12.object({ round: z12.number().int(), members: z12.array(PersonRef) })),
  /** The viewer's learning partner(s) for the whole program (two in a trio). */
  partners: z12.array(PersonRef)
});
var Program = ProgramSummary.extend({
  /** Goals as Markdown and as sanitized HTML. */
  goals: z12.string(),
  goalsHtml: z12.string(),
  /** The schedule. */
  sessions: z12.array(ProgramSession.extend({ id: Id })),
  /** Grouping defaults. */
  settings: GroupingSettings,
  /** Waitlisted people. */
  waitlistCount: z12.number().int(),
  /** Where the viewer was placed (empty until plans are published). */
  myPlacement: MyPlacement,
  /** What the viewer may do. */
  abilities: z12.object({ canEdit: z12.boolean(), canEnroll: z12.boolean(), canFacilitate: z12.boolean() })
});
var CreateProgramRequest = z12.object({
  /** Title. */
  title: text9(PROGRAM_LIMITS.title),
  /** Short description. */
  description: z12.string().trim().max(PROGRAM_LIMITS.description).default(""),
  /** Goals, Markdown. */
  goals: z12.string().trim().max(PROGRAM_LIMITS.goals).default(""),
  /** Who enrols people. */
  enrollment: EnrollmentMode.default("both"),
  /** Seats; omit for unlimited. */
  capacity: z12.number().int().min(1).max(1e5).nullable().default(null),
  /** First and last day. */
  startsOn: Day.nullable().default(null),
  endsOn: Day.nullable().default(null),
  /** Schedule. */
  sessions: z12.array(ProgramSession).max(PROGRAM_LIMITS.sessions).default([]),
  /** Facilitators besides the creator. */
  facilitatorIds: z12.array(Id).max(20).default([]),
  /** Grouping defaults. */
  settings: GroupingSettings.partial().default({})
}).strict();
var UpdateProgramRequest = z12.object({
  title: text9(PROGRAM_LIMITS.title),
  description: z12.string().trim().max(PROGRAM_LIMITS.description),
  goals: z12.string().trim().max(PROGRAM_LIMITS.goals),
  status: ProgramStatus,
  enrollment: EnrollmentMode,
  capacity: z12.number().int().min(1).max(1e5).nullable(),
  startsOn: Day.nullable(),
  endsOn: Day.nullable(),
  sessions: z12.array(ProgramSession).max(PROGRAM_LIMITS.sessions),
  settings: GroupingSettings.partial()
}).partial().strict();
var FindProgramsQuery = z12.object({
  /** mine = enrolled or facilitating; open = open for enrolment; all (default). */
  filter: z12.enum(["all", "mine", "open"]).default("all"),
  limit: z12.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(30),
  cursor: Cursor.optional()
}).strict();
var ProgramPage = page(ProgramSummary);
var SelfEnrollRequest = z12.object({ enrolled: z12.boolean() }).strict();
var AssignPeopleRequest = z12.object({ personIds: z12.array(Id).min(1).max(1e3) }).strict();
var ProgramEnrollee = PersonRef.extend({
  department: z12.string().nullable(),
  location: z12.string().nullable(),
  timeZone: z12.string().nullable(),
  status: z12.enum(["enrolled", "waitlisted"]),
  source: z12.enum(["self", "assigned"]),
  enrolledAt: z12.string()
});
var ProgramEnrollees = z12.object({ items: z12.array(ProgramEnrollee) });
var PlanKind = z12.enum(["cohorts", "rotation", "partners"]);
var FormPlanRequest = z12.object({
  kind: PlanKind,
  /** Cohort size (cohorts) or group size (rotation). */
  size: z12.number().int().min(2).max(500).optional(),
  /** Rounds (rotation). */
  rounds: z12.number().int().min(1).max(30).optional(),
  /** Shared working hours rule (cohorts, partners). */
  minSharedHours: z12.number().int().min(0).max(8).optional(),
  /** Seed for a different but reproducible result. */
  seed: z12.number().int().min(1).max(1e6).optional()
}).strict();
var PlanMember = z12.object({ id: Id, name: z12.string(), department: z12.string().nullable(), location: z12.string().nullable(), timeZone: z12.string().nullable() });
var PlanMetrics = z12.object({
  /** Mean distinct departments per group (cohort, breakout group or pair). */
  avgDepartments: z12.number(),
  /** Lowest distinct departments in any group. */
  minDepartments: z12.number().int(),
  /** Pairs of people meeting for the first time (not sharing a manager, team or reporting line). */
  newTies: z12.number().int(),
  /** Meetings of people who already work closely. */
  knownPairMeetings: z12.number().int(),
  /** Pairs meeting more than once (rotation). */
  repeats: z12.number().int(),
  /** Broken hard rules (time zones, sizes). */
  hardViolations: z12.number().int()
});
var Plan = z12.object({
  id: Id,
  kind: PlanKind,
  status: z12.enum(["draft", "published", "superseded"]),
  /** What it was formed with. */
  params: z12.object({ size: z12.number().int(), rounds: z12.number().int(), minSharedHours: z12.number().int(), seed: z12.number().int() }),
  /** Rounds of groups. */
  rounds: z12.array(z12.object({ label: z12.string(), groups: z12.array(z12.object({ label: z12.string(), members: z12.array(PlanMember) })) })),
  /** Figures of this plan and of random assignment. */
  metrics: PlanMetrics,
  baseline: PlanMetrics,
  /** Sentences explaining the result, e.g. "Each group mixes 3.8 departments on average (random: 2.9)". */
  explanation: z12.array(z12.string()),
  /** Notes from the engine (e.g. more rounds than possible without repeats). */
  warnings: z12.array(z12.string()),
  /** How it was made. */
  method: z12.string(),
  createdAt: z12.string(),
  publishedAt: z12.string().nullable()
});
var AdjustPlanRequest = z12.object({ rounds: z12.array(z12.array(z12.array(Id))) }).strict();
var ProgramPlans = z12.object({ items: z12.array(Plan) });
var MarkSessionDoneRequest = z12.object({
  /** Done (true) or not done (false). */
  done: z12.boolean()
}).strict();
var ProgressVisibilityRequest = z12.object({
  /** Hide my progress from other members. */
  hidden: z12.boolean()
}).strict();
var CohortProgram = z12.object({
  /** The program the cohort belongs to. */
  program: z12.object({
    id: Id,
    title: z12.string(),
    /** Goals as sanitized HTML. */
    goalsHtml: z12.string()
  }),
  /** The cohort's name, e.g. "Cohort 1". */
  cohortName: z12.string(),
  /** The schedule (deadlines), in order, with whether the viewer marked each one done. */
  sessions: z12.array(z12.object({ id: Id, title: z12.string(), startsAt: z12.string(), durationMinutes: z12.number().int(), isDone: z12.boolean() })),
  /** Cohort members by name with sessions done out of total; done is null when the person hides it (never for the viewer). */
  members: z12.array(PersonRef.extend({ done: z12.number().int().nullable(), total: z12.number().int() })),
  /** Whether the viewer hides their progress; null when the viewer is not enrolled (e.g. a facilitator). */
  hideMyProgress: z12.boolean().nullable()
});

// contracts/mentoring.ts
import { z as z13 } from "zod";
var MENTORING_LIMITS = {
  skills: 20,
  topics: 20,
  goals: 20,
  capacity: 10,
  hoursPerWeek: 40,
  /** Open requests one mentee may have at once. */
  openRequestsPerMentee: 3,
  /** Suggestions shown to one mentee. */
  suggestionsPerMentee: 5,
  /** A mentor with c free seats is suggested to at most exposurePerSeat × c mentees at a time. */
  exposurePerSeat: 3,
  /** Edits in one PATCH of a matching run. */
  runEdits: 100,
  /** Characters of a request or response message. */
  message: 1e3,
  /** Characters of a note, agenda, feedback or answer. */
  longText: 1e4,
  /** Goals per relationship. */
  relationshipGoals: 30,
  /** Longest meeting in minutes. */
  meetingMinutes: 480,
  /** People an expert question is routed to per round. */
  expertsPerRound: 3,
  /** Routing rounds before the question is posted in a community. */
  expertRounds: 2
};
var MentoringSkill = z13.object({
  /** Skill name. */
  skill: text9(60),
  /** Level 1–5. */
  level: z13.number().int().min(1).max(5)
});
var MentoringPreferences = z13.object({
  /** Prefer a partner from another department (mentee: scored; mentor: only mentees of other departments). */
  otherDepartment: z13.boolean().optional(),
  /** Only partners at the same location (hard, when both locations are known). */
  sameLocation: z13.boolean().optional(),
  /** Seniority gap [min, max] in levels between mentor and mentee (mentee: scored; mentor: hard, when both levels are known). */
  seniorityGap: z13.tuple([z13.number().int().min(0).max(7), z13.number().int().min(0).max(7)]).refine(([a, b]) => a <= b, "min must not exceed max").optional()
}).strict();
var MentorProfile = z13.object({
  /** Skills offered, with level. */
  skills: z13.array(MentoringSkill).max(MENTORING_LIMITS.skills),
  /** Topics the mentor can support, e.g. "leadership". */
  topics: z13.array(text9(60)).max(MENTORING_LIMITS.topics),
  /** Most mentees at once; active matches count against it. */
  capacity: z13.number().int().min(0).max(MENTORING_LIMITS.capacity),
  /** Hours per week available for mentoring. */
  availabilityHours: z13.number().int().min(0).max(MENTORING_LIMITS.hoursPerWeek),
  /** Seniority level 1 (junior) … 8 (executive), if stated. */
  seniority: z13.number().int().min(1).max(8).nullable(),
  /** Preferences. */
  preferences: MentoringPreferences,
  /** Whether the person takes part in matching now. */
  active: z13.boolean()
});
var MenteeProfile = z13.object({
  /** Goals, e.g. "career-change". */
  goals: z13.array(text9(60)).max(MENTORING_LIMITS.goals),
  /** Skills wanted, with the level aimed for. */
  skills: z13.array(MentoringSkill).max(MENTORING_LIMITS.skills),
  /** Seniority level 1 (junior) … 8 (executive), if stated. */
  seniority: z13.number().int().min(1).max(8).nullable(),
  /** Preferences. */
  preferences: MentoringPreferences,
  /** Whether the person takes part in matching now. */
  active: z13.boolean()
});
var MentoringProfileResponse = z13.object({
  /** Mentor profile. */
  mentor: MentorProfile.nullable(),
  /** Mentee profile. */
  mentee: MenteeProfile.nullable(),
  /** Whether expert questions may be routed to me (false = marked unavailable). */
  expertAvailable: z13.boolean()
});
var UpdateMentoringProfileRequest = z13.object({
  /** Mentor profile, or null to remove it. */
  mentor: MentorProfile.nullable().optional(),
  /** Mentee profile, or null to remove it. */
  mentee: MenteeProfile.nullable().optional(),
  /** Whether expert questions may be routed to me; omitted = unchanged. */
  expertAvailable: z13.boolean().optional()
}).strict();
var MentoringMatchMode = z13.enum(["optimal", "fair", "participation"]);
var CreateMatchRunRequest = z13.object({
  /** optimal = best total; fair = best worst-off score first; participation = most people matched. */
  mode: MentoringMatchMode.default("optimal")
}).strict();
var MatchFactor = z13.object({
  /** skills | goals | department | seniority | timezone | availability */
  factor: z13.string(),
  /** Points on the 0–1000 score scale. */
  points: z13.number(),
  /** Human-readable reason. */
  reason: z13.string()
});
var MatchRunAssignment = z13.object({
  /** The mentor. */
  mentor: PersonRef,
  /** The mentee. */
  mentee: PersonRef,
  /** Compatibility 0–1000. */
  score: z13.number(),
  /** Top contributing factors, best first. */
  explanation: z13.array(MatchFactor),
  /** True when an admin placed this pair by editing the preview (score and explanation recomputed). */
  edited: z13.boolean()
});
var MatchRunUnmatched = z13.object({
  /** The mentee. */
  person: PersonRef,
  /** NO_FEASIBLE_MENTOR | NO_CAPACITY | NOT_BENEFICIAL | INVALID_PROFILE | UNASSIGNED (an admin took the mentee out of the preview) */
  reason: z13.string(),
  /** Which constraints excluded the mentors, when known. */
  detail: z13.string().nullable()
});
var MatchRun = z13.object({
  /** Run id. */
  id: Id,
  /** Objective used. */
  mode: MentoringMatchMode,
  /** preview | published */
  status: z13.enum(["preview", "published"]),
  /** Proposed pairs. */
  assignments: z13.array(MatchRunAssignment),
  /** Mentees left without a mentor, with the reason. */
  unmatched: z13.array(MatchRunUnmatched),
  /** Sum of the pair scores. */
  total: z13.number(),
  /** Lowest pair score (null when nobody is matched). */
  worstOffScore: z13.number().nullable(),
  /** When the run was made. */
  createdAt: z13.string(),
  /** When it was published. */
  publishedAt: z13.string().nullable(),
  /** Who made the run (null when that person was removed). */
  createdBy: PersonRef.nullable(),
  /** What the caller may do with it. */
  abilities: z13.object({
    /** The preview can still be edited (PATCH). */
    canEdit: z13.boolean(),
    /** The preview can be published. */
    canPublish: z13.boolean()
  })
});
var MatchRunSummary = z13.object({
  /** Run id. */
  id: Id,
  /** Objective used. */
  mode: MentoringMatchMode,
  /** preview | published */
  status: z13.enum(["preview", "published"]),
  /** Number of proposed pairs. */
  pairs: z13.number().int(),
  /** Number of mentees left without a mentor. */
  unmatched: z13.number().int(),
  /** Sum of the pair scores. */
  total: z13.number(),
  /** Lowest pair score (null when nobody is matched). */
  worstOffScore: z13.number().nullable(),
  /** Who made the run. */
  createdBy: PersonRef.nullable(),
  /** When the run was made. */
  createdAt: z13.string(),
  /** When it was published. */
  publishedAt: z13.string().nullable()
});
var MatchRunList = z13.object({
  /** The runs. */
  items: z13.array(MatchRunSummary)
});
var MatchRunEdit = z13.object({
  /** A mentee of the run (matched or unmatched). */
  menteeId: Id,
  /** The mentor to assign (must have a free seat, be allowed and share the minimum working hours), or null to unassign. */
  mentorId: Id.nullable()
}).strict();
var EditMatchRunRequest = z13.object({
  /** The edits, applied in order. */
  edits: z13.array(MatchRunEdit).min(1).max(MENTORING_LIMITS.runEdits)
}).strict();
var RelationshipKind = z13.enum(["mentoring", "coaching"]);
var MentoringMatch = z13.object({
  /** Match id. */
  id: Id,
  /** My side of it. */
  role: z13.enum(["mentor", "mentee"]),
  /** The mentor. */
  mentor: PersonRef,
  /** The mentee. */
  mentee: PersonRef,
  /** Compatibility 0–1000. */
  score: z13.number(),
  /** Why this pair: top contributing factors. */
  explanation: z13.array(MatchFactor),
  /** proposed | active | ended */
  status: z13.enum(["proposed", "active", "ended"]),
  /** program (a matching run) | request */
  source: z13.enum(["program", "request"]),
  /** mentoring | coaching */
  kind: RelationshipKind,
  /** When it was made. */
  createdAt: z13.string()
});
var MentoringMatchList = z13.object({
  /** The matches. */
  items: z13.array(MentoringMatch)
});
var MentorSuggestion = z13.object({
  /** The mentor. */
  mentor: PersonRef,
  /** Compatibility 0–1000 from the matching engine. */
  score: z13.number(),
  /** Why: top contributing factors, best first. */
  explanation: z13.array(MatchFactor),
  /** Seats the mentor has free now. */
  freeSeats: z13.number().int(),
  /** Whether I already have an open request to this mentor. */
  requested: z13.boolean()
});
var MentorSuggestionList = z13.object({
  /** Suggestions, best first (at most suggestionsPerMentee). */
  items: z13.array(MentorSuggestion),
  /** False when I have no active mentee profile (then items is empty). */
  hasMenteeProfile: z13.boolean(),
  /** My open requests now. */
  openRequests: z13.number().int(),
  /** Most open requests allowed at once. */
  maxOpenRequests: z13.number().int()
});
var CreateMentorRequestRequest = z13.object({
  /** The mentor asked. */
  mentorId: Id,
  /** A note to the mentor (plain text). */
  message: z13.string().trim().max(MENTORING_LIMITS.message).default(""),
  /** mentoring (default) or coaching. */
  kind: RelationshipKind.default("mentoring")
}).strict();
var RespondToMentorRequestRequest = z13.object({
  /** An optional note back to the mentee (plain text). */
  message: z13.string().trim().max(MENTORING_LIMITS.message).optional()
}).strict();
var MentorRequest = z13.object({
  /** Request id. */
  id: Id,
  /** My side: mentee (I asked) or mentor (I was asked). */
  role: z13.enum(["mentor", "mentee"]),
  /** The mentor asked. */
  mentor: PersonRef,
  /** The mentee asking. */
  mentee: PersonRef,
  /** mentoring | coaching */
  kind: RelationshipKind,
  /** The mentee's note. */
  message: z13.string(),
  /** open | accepted | declined | withdrawn */
  status: z13.enum(["open", "accepted", "declined", "withdrawn"]),
  /** The mentor's note when answering. */
  responseMessage: z13.string().nullable(),
  /** The relationship an accepted request created. */
  relationshipId: Id.nullable(),
  /** When it was sent. */
  createdAt: z13.string(),
  /** When it was answered or withdrawn. */
  respondedAt: z13.string().nullable(),
  /** What I may do. */
  abilities: z13.object({
    /** Mentor, while open. */
    canAccept: z13.boolean(),
    /** Mentor, while open. */
    canDecline: z13.boolean(),
    /** Mentee, while open. */
    canWithdraw: z13.boolean()
  })
});
var MentorRequestList = z13.object({
  /** Requests I sent (as mentee). */
  sent: z13.array(MentorRequest),
  /** Requests I received (as mentor). */
  received: z13.array(MentorRequest)
});
var GoalStatus = z13.enum(["open", "in_progress", "done", "dropped"]);
var RelationshipGoal = z13.object({
  /** Goal id. */
  id: Id,
  /** What the pair agreed on. */
  title: z13.string(),
  /** Progress 0–100. */
  progress: z13.number().int(),
  /** Status. */
  status: GoalStatus,
  /** Last change (ISO). */
  updatedAt: z13.string()
});
var CreateGoalRequest = z13.object({
  /** What the pair agreed on. */
  title: text9(200),
  /** Progress 0–100 (default 0). */
  progress: z13.number().int().min(0).max(100).default(0),
  /** Status (default open). */
  status: GoalStatus.default("open")
}).strict();
var UpdateGoalRequest = z13.object({
  /** New title. */
  title: text9(200).optional(),
  /** Progress 0–100. */
  progress: z13.number().int().min(0).max(100).optional(),
  /** Status. */
  status: GoalStatus.optional()
}).strict();
var RelationshipMeeting = z13.object({
  /** Meeting id. */
  id: Id,
  /** Start (ISO). */
  startsAt: z13.string(),
  /** Length in minutes. */
  durationMinutes: z13.number().int(),
  /** Agenda (plain text). */
  agenda: z13.string(),
  /** Who booked it. */
  createdBy: PersonRef.nullable(),
  /** Download path of the calendar invite (.ics). */
  icsUrl: z13.string()
});
var CreateMeetingRequest = z13.object({
  /** Start (ISO 8601 with offset). */
  startsAt: z13.string().datetime({ offset: true }),
  /** Length in minutes. */
  durationMinutes: z13.number().int().min(5).max(MENTORING_LIMITS.meetingMinutes),
  /** Agenda (plain text). */
  agenda: z13.string().trim().max(MENTORING_LIMITS.longText).default(""),
  /** Mail the calendar invite to both partners (default true). */
  emailInvite: z13.boolean().default(true)
}).strict();
var RelationshipNote = z13.object({
  /** Note id. */
  id: Id,
  /** Who wrote it. */
  author: PersonRef.nullable(),
  /** Markdown source. */
  body: z13.string(),
  /** Sanitized HTML. */
  html: z13.string(),
  /** When (ISO). */
  createdAt: z13.string(),
  /** Author only. */
  canDelete: z13.boolean()
});
var RelationshipNoteList = z13.object({
  /** The notes. */
  items: z13.array(RelationshipNote)
});
var CreateNoteRequest = z13.object({
  /** Markdown. */
  body: text9(MENTORING_LIMITS.longText)
}).strict();
var CreateCheckInRequest = z13.object({
  /** 1 (badly) … 5 (very well). */
  rating: z13.number().int().min(1).max(5),
  /** Private text: only its author ever reads it. */
  text: z13.string().trim().max(MENTORING_LIMITS.longText).optional()
}).strict();
var CheckIn = z13.object({
  /** Check-in id. */
  id: Id,
  /** 1–5. */
  rating: z13.number().int(),
  /** My private text. */
  text: z13.string().nullable(),
  /** When (ISO). */
  createdAt: z13.string()
});
var CheckInList = z13.object({
  /** My check-ins. */
  items: z13.array(CheckIn)
});
var RatingPoint = z13.object({
  /** mentor | mentee: whose rating. */
  by: z13.enum(["mentor", "mentee"]),
  /** 1–5. */
  rating: z13.number().int(),
  /** When (ISO). */
  at: z13.string()
});
var CloseRelationshipRequest = z13.object({
  /** 1 (poor) … 5 (excellent). */
  rating: z13.number().int().min(1).max(5),
  /** Feedback for the partner (plain text). */
  text: z13.string().trim().max(MENTORING_LIMITS.longText).default("")
}).strict();
var ClosingFeedback = z13.object({
  /** mentor | mentee */
  by: z13.enum(["mentor", "mentee"]),
  /** 1–5. */
  rating: z13.number().int(),
  /** The feedback text (partners only; null for admins). */
  text: z13.string().nullable(),
  /** When (ISO). */
  at: z13.string()
});
var RelationshipSummary = z13.object({
  /** Relationship id. */
  id: Id,
  /** mentoring | coaching */
  kind: RelationshipKind,
  /** My side; admin when I see it as a program admin/facilitator. */
  role: z13.enum(["mentor", "mentee", "admin"]),
  /** The mentor or coach. */
  mentor: PersonRef,
  /** The mentee or coachee. */
  mentee: PersonRef,
  /** active | ended */
  status: z13.enum(["proposed", "active", "ended"]),
  /** program | request */
  source: z13.enum(["program", "request"]),
  /** Compatibility 0–1000. */
  score: z13.number(),
  /** Why this pair: top factors (visible to both partners and program admins). */
  explanation: z13.array(MatchFactor),
  /** Average goal progress 0–100 (null without goals). */
  goalProgress: z13.number().int().nullable(),
  /** When it started (ISO). */
  createdAt: z13.string(),
  /** When it was closed (ISO). */
  endedAt: z13.string().nullable()
});
var FindRelationshipsQuery = z13.object({
  /** mine | program */
  scope: z13.enum(["mine", "program"]).default("mine")
}).strict();
var RelationshipList = z13.object({
  /** The relationships. */
  items: z13.array(RelationshipSummary)
});
var RelationshipDetail = RelationshipSummary.extend({
  /** Agreed goals. */
  goals: z13.array(RelationshipGoal),
  /** Meetings, soonest first (empty for admins). */
  meetings: z13.array(RelationshipMeeting),
  /** Number of meetings logged. */
  meetingCount: z13.number().int(),
  /** Check-in ratings over time, oldest first (never the text). */
  ratingTrend: z13.array(RatingPoint),
  /** Closing feedback given so far. */
  closing: z13.array(ClosingFeedback),
  /** What I may do. */
  abilities: z13.object({
    /** Partner and active: goals, meetings, check-ins. */
    canEdit: z13.boolean(),
    /** Partner: read and write notes. */
    canSeeNotes: z13.boolean(),
    /** Partner who has not given closing feedback yet. */
    canClose: z13.boolean(),
    /** The other partner closed and my feedback is still asked for. */
    closingAsked: z13.boolean()
  })
});
var CreateExpertQuestionRequest = z13.object({
  /** A skill name known in the organization (case-insensitive). */
  skill: text9(60),
  /** The question (plain text). */
  question: text9(MENTORING_LIMITS.longText)
}).strict();
var ExpertRouteStatus = z13.enum(["routed", "seen", "answered", "declined", "expired"]);
var ExpertRoute = z13.object({
  /** The expert. */
  person: PersonRef,
  /** 1 = first round, 2 = fallback round. */
  round: z13.number().int(),
  /** Where it stands. */
  status: ExpertRouteStatus,
  /** Their answer (when answered). */
  answer: z13.string().nullable(),
  /** Why they were picked, e.g. "4 accepted answers, mentored 1, level 5". */
  why: z13.string(),
  /** When it was routed (ISO). */
  routedAt: z13.string(),
  /** When they answered or declined (ISO). */
  respondedAt: z13.string().nullable()
});
var ExpertQuestion = z13.object({
  /** Question id. */
  id: Id,
  /** asker | expert: my side. */
  role: z13.enum(["asker", "expert"]),
  /** Who asked. */
  asker: PersonRef,
  /** The skill, as the organization spells it. */
  skill: z13.string(),
  /** The question. */
  question: z13.string(),
  /** open (waiting for experts) | answered | posted (to a community as a Q&A question) | unanswered (nobody found). */
  status: z13.enum(["open", "answered", "posted", "unanswered"]),
  /** Current routing round. */
  round: z13.number().int(),
  /** When the current round falls back if nobody answers (ISO). */
  windowEndsAt: z13.string().nullable(),
  /** The Q&A thread it was posted as (status posted). */
  threadUrl: z13.string().nullable(),
  /** Routes: all for the asker; only my own for an expert. */
  routes: z13.array(ExpertRoute),
  /** When asked (ISO). */
  createdAt: z13.string(),
  /** What I may do. */
  abilities: z13.object({
    /** Expert whose route is routed/seen. */
    canAnswer: z13.boolean(),
    /** Same. */
    canDecline: z13.boolean()
  })
});
var ExpertQuestionList = z13.object({
  /** Asked by me. */
  asked: z13.array(ExpertQuestion),
  /** Routed to me. */
  routedToMe: z13.array(ExpertQuestion)
});
var AnswerExpertQuestionRequest = z13.object({
  /** The answer (plain text). */
  answer: text9(MENTORING_LIMITS.longText)
}).strict();

// contracts/live-sessions.ts
import { z as z14 } from "zod";
var LIVE_LIMITS = {
  title: 120,
  description: 2e3,
  segmentTitle: 120,
  prompt: 1e3,
  segments: 30,
  message: 2e3,
  notes: 1e4,
  broadcast: 500,
  pollOptions: { min: 2, max: 8 },
  pollOption: 120,
  pollQuestion: 300,
  words: 3,
  wordLength: 30,
  extendMinutes: { min: 1, max: 30 },
  durationMinutes: { min: 1, max: 240 },
  capacity: 1e4,
  messagesPage: 200
};
var LiveSessionStatus = z14.enum(["scheduled", "live", "ended"]);
var SegmentKind = z14.enum(["plenary", "icebreaker", "poll", "chat", "groups", "pairs", "reflection", "debrief"]);
var SegmentStatus = z14.enum(["pending", "active", "done"]);
var PollType = z14.enum(["single", "multiple", "rating", "wordcloud"]);
var AgendaTemplate = z14.enum(["graduated", "blank"]);
var GROUP_SEGMENT_KINDS = ["icebreaker", "groups", "pairs"];
var SegmentConfig = z14.object({
  /** plenary: an external meeting link (https) instead of the built-in room. */
  meetingUrl: z14.string().url().max(500).refine((u) => u.startsWith("https://"), "Use an https:// link").optional(),
  /** icebreaker/groups: people per group (3 or 4). */
  groupSize: z14.union([z14.literal(3), z14.literal(4)]).optional(),
  /** poll: the question. */
  question: z14.string().trim().min(1).max(LIVE_LIMITS.pollQuestion).optional(),
  /** poll: the type. */
  type: PollType.optional(),
  /** poll (single/multiple): 2..8 options. */
  options: z14.array(z14.string().trim().min(1).max(LIVE_LIMITS.pollOption)).max(LIVE_LIMITS.pollOptions.max).optional(),
  /** poll (rating): the top of the scale (default 5). */
  scale: z14.number().int().min(2).max(10).optional()
}).strict();
var SegmentInput = z14.object({
  /** Id of an existing segment to keep (omit for a new one). */
  id: Id.optional(),
  /** What happens. */
  kind: SegmentKind,
  /** Short title shown to everyone. */
  title: text9(LIVE_LIMITS.segmentTitle),
  /** Prompt or instructions, plain text. */
  prompt: z14.string().trim().max(LIVE_LIMITS.prompt).default(""),
  /** Planned length; the timer runs from the segment's start. */
  durationMinutes: z14.number().int().min(LIVE_LIMITS.durationMinutes.min).max(LIVE_LIMITS.durationMinutes.max),
  /** Per-kind settings. */
  config: SegmentConfig.default({})
}).strict().superRefine((s, ctx) => {
  const c = s.config;
  const bad = (path, message) => ctx.addIssue({ code: "custom", path: ["config", path], message });
  if (c.meetingUrl !== void 0 && s.kind !== "plenary") bad("meetingUrl", "Only a plenary has a meeting link");
  if (c.groupSize !== void 0 && s.kind !== "icebreaker" && s.kind !== "groups") bad("groupSize", "Only icebreakers and group discussions have a group size");
  if (s.kind !== "poll") {
    for (const k of ["question", "type", "options", "scale"]) if (c[k] !== void 0) bad(k, "Only a poll has this");
    return;
  }
  if (!c.question) bad("question", "A poll needs a question");
  if (!c.type) bad("type", "A poll needs a type");
  if (c.type === "single" || c.type === "multiple") {
    const n = c.options?.length ?? 0;
    if (n < LIVE_LIMITS.pollOptions.min) bad("options", `Give ${LIVE_LIMITS.pollOptions.min} to ${LIVE_LIMITS.pollOptions.max} options`);
  } else if (c.options?.length) bad("options", "Only choice polls have options");
  if (c.scale !== void 0 && c.type !== "rating") bad("scale", "Only rating polls have a scale");
});
var Segment = z14.object({
  /** Segment id. */
  id: Id,
  /** Order in the agenda, from 0. */
  position: z14.number().int(),
  /** What happens. */
  kind: SegmentKind,
  /** Title. */
  title: z14.string(),
  /** Prompt, plain text. */
  prompt: z14.string(),
  /** Planned minutes. */
  durationMinutes: z14.number().int(),
  /** Per-kind settings. */
  config: SegmentConfig,
  /** pending, active or done. */
  status: SegmentStatus,
  /** When it started and ended (null until then). */
  startedAt: z14.string().nullable(),
  endedAt: z14.string().nullable()
});
var LivePerson = z14.object({
  /** Person id. */
  id: Id,
  /** Display name. */
  name: z14.string(),
  /** Department, or null. */
  department: z14.string().nullable()
});
var LiveSessionAbilities = z14.object({
  /** Run it: start, advance, extend, broadcast, recall, end; see the group overview, analytics and export. */
  facilitate: z14.boolean(),
  /** Join it as a participant now (in the audience, not ended, not a facilitator). */
  join: z14.boolean(),
  /** Edit the agenda and details (facilitators, while not ended). */
  edit: z14.boolean()
});
var LiveSessionSummary = z14.object({
  /** Session id. */
  id: Id,
  /** Title. */
  title: z14.string(),
  /** Description, plain text. */
  description: z14.string(),
  /** scheduled, live or ended. */
  status: LiveSessionStatus,
  /** Planned start, ISO 8601. */
  startsAt: z14.string(),
  /** Most present participants, or null when unlimited (facilitators never count). */
  capacity: z14.number().int().nullable(),
  /** The program it belongs to (audience: enrollees and program facilitators), or null. */
  program: z14.object({ id: Id, title: z14.string() }).nullable(),
  /** The community it belongs to (audience: readers), or null. */
  community: z14.object({ id: Id, name: z14.string(), slug: z14.string() }).nullable(),
  /** Facilitators (creator, named ones, and the program's). */
  facilitators: z14.array(LivePerson),
  /** Participants present now. */
  presentCount: z14.number().int(),
  /** The viewer as a participant: present, left, or null when never joined. */
  myParticipation: z14.enum(["present", "left"]).nullable(),
  /** What the viewer may do. */
  abilities: LiveSessionAbilities
});
var LiveSession = LiveSessionSummary.extend({
  /** The agenda in order. */
  segments: z14.array(Segment),
  /** The active segment, or null (before start, in the main room between segments, after the end). */
  currentSegmentId: Id.nullable(),
  /** When the active segment's timer runs out, or null. */
  segmentEndsAt: z14.string().nullable(),
  /** Run times. */
  startedAt: z14.string().nullable(),
  endedAt: z14.string().nullable(),
  /** Bumped on every run-state change. */
  version: z14.number().int()
});
var FindLiveSessionsQuery = z14.object({
  /** Only this program's sessions. */
  programId: Id.optional(),
  /** Only this community's sessions. */
  communityId: Id.optional(),
  /** Only sessions in this state; default: all. */
  status: LiveSessionStatus.optional()
});
var LiveSessionList = z14.object({
  /** The sessions. */
  items: z14.array(LiveSessionSummary)
});
var CreateLiveSessionRequest = z14.object({
  /** Title. */
  title: text9(LIVE_LIMITS.title),
  /** Description, plain text. */
  description: z14.string().trim().max(LIVE_LIMITS.description).default(""),
  /** Planned start, ISO 8601 with offset. */
  startsAt: z14.string().datetime({ offset: true }),
  /** A program's session (creator must facilitate the program or be an org admin). */
  programId: Id.nullable().default(null),
  /** A community's session (creator must own/moderate it or be an org admin). */
  communityId: Id.nullable().default(null),
  /** Seats for participants; omit for unlimited. */
  capacity: z14.number().int().min(1).max(LIVE_LIMITS.capacity).nullable().default(null),
  /** Start from the graduated sequence or a single plenary. */
  template: AgendaTemplate.default("graduated"),
  /** Co-facilitators besides the creator. */
  facilitatorIds: z14.array(Id).max(10).default([])
}).strict().refine((b) => !(b.programId && b.communityId), { message: "Choose a program or a community, not both", path: ["communityId"] });
var UpdateLiveSessionRequest = z14.object({
  /** Title. */
  title: text9(LIVE_LIMITS.title).optional(),
  /** Description. */
  description: z14.string().trim().max(LIVE_LIMITS.description).optional(),
  /** Planned start. */
  startsAt: z14.string().datetime({ offset: true }).optional(),
  /** Seats, null for unlimited. */
  capacity: z14.number().int().min(1).max(LIVE_LIMITS.capacity).nullable().optional()
}).strict();
var UpdateAgendaRequest = z14.object({
  /** Segments in order. */
  segments: z14.array(SegmentInput).min(1).max(LIVE_LIMITS.segments)
}).strict();
var Agenda = z14.object({
  /** Segments in order. */
  segments: z14.array(Segment),
  /** Session version after the change. */
  version: z14.number().int()
});
var AdvanceRequest = z14.object({
  /** The current segment as the facilitator saw it, or null when in the main room. */
  fromSegmentId: Id.nullable()
}).strict();
var ExtendRequest = z14.object({
  /** Minutes to add to the active segment's timer. */
  minutes: z14.number().int().min(LIVE_LIMITS.extendMinutes.min).max(LIVE_LIMITS.extendMinutes.max)
}).strict();
var BroadcastRequest = z14.object({
  /** Text shown to everyone as a banner, plain text. */
  text: text9(LIVE_LIMITS.broadcast)
}).strict();
var Broadcast = z14.object({
  /** Broadcast id. */
  id: Id,
  /** Plain text. */
  text: z14.string(),
  /** Who sent it. */
  author: LivePerson,
  /** When. */
  createdAt: z14.string()
});
var PollResults = z14.object({
  /** Poll segment. */
  segmentId: Id,
  /** Poll type. */
  type: PollType,
  /** People who voted. */
  voters: z14.number().int(),
  /** single/multiple: votes per option, in option order. */
  options: z14.array(z14.object({ label: z14.string(), count: z14.number().int() })),
  /** rating: votes per value 1..scale. */
  histogram: z14.array(z14.object({ value: z14.number().int(), count: z14.number().int() })),
  /** rating: mean, or null without votes. */
  mean: z14.number().nullable(),
  /** wordcloud: words (lower-cased) by count, most frequent first (top 100). */
  words: z14.array(z14.object({ word: z14.string(), count: z14.number().int() }))
});
var PollVote = z14.object({
  /** Chosen option indexes (single/multiple). */
  choices: z14.array(z14.number().int()).optional(),
  /** Rating 1..scale. */
  rating: z14.number().int().optional(),
  /** Up to 3 words. */
  words: z14.array(z14.string()).optional()
});
var VoteRequest = z14.object({
  /** single: one option index; multiple: one or more distinct indexes. */
  choices: z14.array(z14.number().int().min(0).max(LIVE_LIMITS.pollOptions.max - 1)).min(1).max(LIVE_LIMITS.pollOptions.max).optional(),
  /** rating: 1..scale. */
  rating: z14.number().int().min(1).max(10).optional(),
  /** wordcloud: 1..3 words of at most 30 characters. */
  words: z14.array(z14.string().trim().min(1).max(LIVE_LIMITS.wordLength)).min(1).max(LIVE_LIMITS.words).optional()
}).strict();
var PollView = z14.object({
  /** Poll segment. */
  segmentId: Id,
  /** Question. */
  question: z14.string(),
  /** Type. */
  type: PollType,
  /** Options (single/multiple), else empty. */
  options: z14.array(z14.string()),
  /** Top of the rating scale (rating), else null. */
  scale: z14.number().int().nullable(),
  /** Whether the poll takes votes now (its segment is active). */
  open: z14.boolean(),
  /** The viewer's vote, or null. */
  myVote: PollVote.nullable(),
  /** Results: for facilitators always; for participants after voting or once closed; else null. */
  results: PollResults.nullable()
});
var MyGroup = z14.object({
  /** Group id (channel `live-group:<id>`). */
  id: Id,
  /** group (3–4) or pair (learning partners; a trio when odd). */
  kind: z14.enum(["group", "pair"]),
  /** Segment that formed it. */
  segmentId: Id,
  /** Whether that segment is active (chat, notes and calls are open). */
  active: z14.boolean(),
  /** Everyone in it, the viewer included. */
  members: z14.array(LivePerson),
  /** The segment's prompt. */
  prompt: z14.string(),
  /** Pairs: whether the viewer chose to keep the pair's chat and notes after the session, and whether all partners did. */
  keep: z14.object({ mine: z14.boolean(), all: z14.boolean() }).nullable(),
  /** Groups during a debrief: consent of the viewer, how many consented, and whether the notes are shared. */
  debrief: z14.object({ mine: z14.boolean().nullable(), consented: z14.number().int(), members: z14.number().int(), shared: z14.boolean() }).nullable()
});
var GroupOverview = z14.object({
  /** Group id. */
  id: Id,
  /** group or pair. */
  kind: z14.enum(["group", "pair"]),
  /** Members present in it. */
  memberCount: z14.number().int(),
  /** Members' names. */
  members: z14.array(z14.object({ id: Id, name: z14.string() })),
  /** Chat messages posted in it (a count). */
  messageCount: z14.number().int(),
  /** Time of the last message or notes edit, or null. */
  lastActivityAt: z14.string().nullable()
});
var CurrentSegment = Segment.extend({
  /** When the timer runs out (may be past: facilitators advance by hand). */
  timerEndsAt: z14.string().nullable()
});
var LiveState = z14.object({
  /** The session with agenda and abilities. */
  session: LiveSession,
  /** The viewer's role: facilitator, participant (joined), or audience (may join, not joined or left). */
  role: z14.enum(["facilitator", "participant", "audience"]),
  /** Whether the viewer is present as a participant. */
  present: z14.boolean(),
  /** The active segment, or null in the main room. */
  segment: CurrentSegment.nullable(),
  /** The viewer's group or partner (participants), or null. */
  myGroup: MyGroup.nullable(),
  /** The poll of the active poll segment, or null. */
  poll: PollView.nullable(),
  /** The last 5 broadcasts, newest first. */
  broadcasts: z14.array(Broadcast),
  /** Facilitators only: the groups of the current (or most recent) group segment, without content; else null. */
  groups: z14.array(GroupOverview).nullable(),
  /** Session version (same as session.version). */
  version: z14.number().int()
});
var IceServer = z14.object({
  urls: z14.union([z14.string().regex(/^(stun|stuns|turn|turns):/i, "must start with stun:, stuns:, turn: or turns:"), z14.array(z14.string().regex(/^(stun|stuns|turn|turns):/i, "must start with stun:, stuns:, turn: or turns:")).min(1)]),
  username: z14.string().optional(),
  credential: z14.string().optional()
}).strict();
var IceServers = z14.object({ iceServers: z14.array(IceServer) });
var LiveMessage = z14.object({
  /** Message id; stable, used as `after` cursor. */
  id: Id,
  /** Segment it was posted in. */
  segmentId: Id.nullable(),
  /** Group or pair, or null for plenary chat. */
  groupId: Id.nullable(),
  /** Author. */
  author: LivePerson,
  /** Text. */
  body: z14.string(),
  /** The client's id for this message (retries return the same message). */
  clientId: Id,
  /** When. */
  createdAt: z14.string()
});
var LiveMessagesQuery = z14.object({
  /** A group or pair the viewer is in; omit for plenary chat. */
  groupId: Id.optional(),
  /** Only messages after this one (reconnect catch-up); omit for the latest. */
  after: Id.optional(),
  /** At most this many (oldest first after `after`, else the newest). */
  limit: z14.coerce.number().int().min(1).max(LIVE_LIMITS.messagesPage).default(100)
});
var LiveMessageList = z14.object({
  /** Messages, oldest first. */
  items: z14.array(LiveMessage)
});
var PostLiveMessageRequest = z14.object({
  /** A group or pair the poster is in; omit for plenary chat (chat/plenary segments). */
  groupId: Id.nullable().optional(),
  /** Plain text. */
  body: text9(LIVE_LIMITS.message),
  /** A uuid the client makes per message; a retry with the same one returns the first message. */
  clientId: Id
}).strict();
var GroupNotes = z14.object({
  /** Group id. */
  groupId: Id,
  /** Plain text. */
  body: z14.string(),
  /** Version to send back with an edit (0 before the first edit). */
  version: z14.number().int(),
  /** Last editor, or null. */
  updatedBy: LivePerson.nullable(),
  /** Last edit, or null. */
  updatedAt: z14.string().nullable()
});
var PutGroupNotesRequest = z14.object({
  /** Plain text. */
  body: z14.string().max(LIVE_LIMITS.notes),
  /** The version the edit is based on. */
  version: z14.number().int().min(0)
}).strict();
var DebriefConsentRequest = z14.object({
  /** Share the group's notes with the session (only when every member agrees). */
  share: z14.boolean()
}).strict();
var DebriefConsent = z14.object({
  /** Group id. */
  groupId: Id,
  /** The viewer's choice. */
  mine: z14.boolean(),
  /** Members who agreed. */
  consented: z14.number().int(),
  /** Members. */
  members: z14.number().int(),
  /** True when every member agreed: the notes are visible to the session. */
  shared: z14.boolean()
});
var DebriefList = z14.object({
  /** Shared group notes. */
  items: z14.array(z14.object({ groupId: Id, segmentTitle: z14.string(), members: z14.array(LivePerson), notes: z14.string(), updatedAt: z14.string().nullable() }))
});
var KeepPairRequest = z14.object({
  /** Keep (true) or let them be deleted at the end (false, the default). */
  keep: z14.boolean()
}).strict();
var KeepPair = z14.object({
  /** Pair id. */
  groupId: Id,
  /** The viewer's choice. */
  mine: z14.boolean(),
  /** True when every partner chose to keep. */
  all: z14.boolean()
});
var TalkTimeFigures = z14.object({
  /** Minutes present during plenary-like segments (plenary, poll, chat, reflection, debrief); time in the main room between segments is not counted. */
  plenaryMinutes: z14.number(),
  /** Minutes present in a small group (icebreaker, groups). */
  groupMinutes: z14.number(),
  /** Minutes present with a learning partner. */
  pairMinutes: z14.number(),
  /** Chat messages posted (plenary, group and pair; a count). */
  chatMessages: z14.number().int(),
  /** Polls voted in. */
  pollVotes: z14.number().int(),
  /** People first met in a group or pair of this session (not met in earlier live groups). */
  newPeopleMet: z14.number().int()
});
var AnalyticsRow = TalkTimeFigures.extend({
  /** Person id. */
  personId: Id,
  /** Display name. */
  name: z14.string()
});
var SessionAnalytics = z14.object({
  /** Session id. */
  sessionId: Id,
  /** One row per participant who ever joined, by name. */
  rows: z14.array(AnalyticsRow),
  /** Sums over rows, and participants counted. */
  totals: TalkTimeFigures.extend({ participants: z14.number().int() }),
  /** Minutes each segment was active, in agenda order. */
  segments: z14.array(z14.object({ id: Id, kind: SegmentKind, title: z14.string(), minutes: z14.number() }))
});
var MyTalkTime = z14.object({
  /** Sessions the viewer joined, newest first. */
  sessions: z14.array(TalkTimeFigures.extend({ sessionId: Id, title: z14.string(), startsAt: z14.string(), status: LiveSessionStatus })),
  /** Sums over sessions. */
  totals: TalkTimeFigures
});
var LiveChange = z14.enum(["session", "segment", "groups", "poll", "broadcast", "chat", "notes", "debrief"]);
var liveChannel = (sessionId) => `live:${sessionId}`;
var liveConsoleChannel = (sessionId) => `live-console:${sessionId}`;
var liveGroupChannel = (groupId) => `live-group:${groupId}`;

// contracts/events.ts
import { z as z15 } from "zod";
var EVENT_LIMITS = {
  title: 160,
  description: 2e4,
  location: 300,
  url: 2e3,
  hosts: 20,
  guestSpeakers: 20,
  resources: 30,
  question: 500,
  capacity: 1e5,
  /** Longest calendar range one request may ask for, in days. */
  rangeDays: 400,
  /** Most events one calendar range answers (`truncated` says when there were more). */
  perRange: 500,
  /** Longest event, in hours. */
  durationHours: 24 * 14
};
var EventKind = z15.enum(["workshop", "webinar", "cohort_session"]);
var EventStatus = z15.enum(["scheduled", "cancelled"]);
var RsvpStatus = z15.enum(["going", "waitlisted", "not_going"]);
var HttpsUrl = z15.string().trim().max(EVENT_LIMITS.url).url("Enter a full URL").refine((u) => /^https:\/\//i.test(u), "Use an https:// link");
var Instant = z15.string().datetime({ offset: true });
var GuestSpeaker = z15.object({
  /** Name. */
  name: text9(120),
  /** Title or affiliation, e.g. "Professor of Design, TU Delft". */
  title: z15.string().trim().max(160).nullable().default(null)
});
var EventResource = z15.object({
  /** Attachment id. */
  id: Id,
  /** The Hearth resource it points to, or null for a plain link. */
  resourceId: Id.nullable(),
  /** Title shown. */
  title: z15.string(),
  /** Link (external URL of a link, or the resource's URL when it has one; null for uploads: open /resources/:id). */
  url: z15.string().nullable()
});
var AttachEventResource = z15.union([
  z15.object({
    /** A Hearth resource. */
    resourceId: Id
  }).strict(),
  z15.object({
    /** Link title. */
    title: text9(160),
    /** https link. */
    url: HttpsUrl
  }).strict()
]);
var EventAbilities = z15.object({
  /** Edit details, hosts, recording and resources. */
  canEdit: z15.boolean(),
  /** Cancel the event. */
  canCancel: z15.boolean(),
  /** Answer going / not going (scheduled and not ended). */
  canRsvp: z15.boolean(),
  /** Join now (going attendees and hosts of a scheduled event that has not ended). */
  canJoin: z15.boolean(),
  /** Post a question (going attendees and hosts, until the event ends). */
  canAsk: z15.boolean(),
  /** Mark questions answered or hidden, see hidden ones (hosts and editors). */
  canModerateQuestions: z15.boolean(),
  /** See the attendee list and mark attendance (hosts and editors). */
  canManageAttendees: z15.boolean()
});
var MyRsvp = z15.object({
  /** going, waitlisted or not_going. */
  status: RsvpStatus,
  /** 1-based place on the waitlist, null unless waitlisted. */
  waitlistPosition: z15.number().int().nullable(),
  /** When the viewer's attendance was recorded, or null. */
  attendedAt: z15.string().nullable()
});
var EventCommunityRef = z15.object({ id: Id, name: z15.string(), slug: z15.string() });
var EventSummary = z15.object({
  /** Event id. */
  id: Id,
  /** Title. */
  title: z15.string(),
  /** workshop, webinar or cohort_session. */
  kind: EventKind,
  /** scheduled or cancelled. */
  status: EventStatus,
  /** Start, ISO 8601 UTC. */
  startsAt: z15.string(),
  /** End, ISO 8601 UTC. */
  endsAt: z15.string(),
  /** IANA time zone the event is planned in (show times in it and in the viewer's zone). */
  timeZone: z15.string(),
  /** Where it happens (room, address), or null. */
  location: z15.string().nullable(),
  /** Whether there is an online join link (the link itself only for going attendees and hosts). */
  isOnline: z15.boolean(),
  /** The community whose calendar holds it, or null for the organization's calendar. */
  community: EventCommunityRef.nullable(),
  /** Program it belongs to, or null. */
  programId: Id.nullable(),
  /** Internal hosts and speakers. */
  hosts: z15.array(PersonRef),
  /** Guest speakers from outside. */
  guestSpeakers: z15.array(GuestSpeaker),
  /** Seats, or null when unlimited. */
  capacity: z15.number().int().nullable(),
  /** People going. */
  goingCount: z15.number().int(),
  /** People on the waitlist. */
  waitlistCount: z15.number().int(),
  /** Whether a recording is attached. */
  hasRecording: z15.boolean(),
  /** The viewer's RSVP, or null when they never answered. */
  myRsvp: MyRsvp.nullable(),
  /** Whether the viewer hosts it. */
  isHost: z15.boolean(),
  /** What the viewer may do. */
  abilities: EventAbilities
});
var EventDetail = EventSummary.extend({
  /** Description as Markdown (for editing). */
  description: z15.string(),
  /** Description as sanitized HTML. */
  descriptionHtml: z15.string(),
  /** Online join link: only for going attendees and hosts (and editors), else null. */
  joinUrl: z15.string().nullable(),
  /** The live session to join (live-sessions module), or null. */
  liveSessionId: Id.nullable(),
  /** Recording link, or null. */
  recordingUrl: z15.string().nullable(),
  /** Resources and links attached (usually afterwards). */
  resources: z15.array(EventResource),
  /** Calendar revision: +1 on every change of time, place or status (the .ics SEQUENCE). */
  sequence: z15.number().int(),
  /** Who created it. */
  createdBy: PersonRef.nullable(),
  /** Created, ISO 8601. */
  createdAt: z15.string(),
  /** Last changed, ISO 8601. */
  updatedAt: z15.string()
});
var eventFields = {
  /** Title. */
  title: text9(EVENT_LIMITS.title),
  /** Description, Markdown. */
  description: z15.string().trim().max(EVENT_LIMITS.description),
  /** workshop, webinar or cohort_session. */
  kind: EventKind,
  /** Start, ISO 8601 with offset. */
  startsAt: Instant,
  /** End, ISO 8601 with offset; after the start. */
  endsAt: Instant,
  /** IANA time zone the event is planned in. */
  timeZone: TimeZone,
  /** Room or address, or null. */
  location: z15.string().trim().max(EVENT_LIMITS.location).nullable(),
  /** https join link, or null. */
  joinUrl: HttpsUrl.nullable(),
  /** Live session to join (stored as given), or null. */
  liveSessionId: Id.nullable(),
  /** Seats (at least 1), or null for unlimited. */
  capacity: z15.number().int().min(1).max(EVENT_LIMITS.capacity).nullable(),
  /** Internal hosts and speakers (active people of the organization). */
  hostIds: z15.array(Id).max(EVENT_LIMITS.hosts),
  /** Guest speakers. */
  guestSpeakers: z15.array(GuestSpeaker).max(EVENT_LIMITS.guestSpeakers)
};
var endsAfterStart = (v, ctx) => {
  if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The end must be after the start" });
  }
};
var CreateEventRequest = z15.object({
  ...eventFields,
  description: eventFields.description.default(""),
  location: eventFields.location.default(null),
  joinUrl: eventFields.joinUrl.default(null),
  liveSessionId: eventFields.liveSessionId.default(null),
  capacity: eventFields.capacity.default(null),
  hostIds: eventFields.hostIds.default([]),
  guestSpeakers: eventFields.guestSpeakers.default([]),
  /** The community whose calendar holds it (only its readers see it), or null for the organization's calendar. */
  communityId: Id.nullable().default(null),
  /** Program it belongs to, or null. */
  programId: Id.nullable().default(null)
}).strict().superRefine(endsAfterStart);
var UpdateEventRequest = z15.object({
  ...eventFields,
  /** Recording link, or null. */
  recordingUrl: HttpsUrl.nullable(),
  /** Attachments (replaces the list). */
  resources: z15.array(AttachEventResource).max(EVENT_LIMITS.resources)
}).partial().strict().superRefine(endsAfterStart);
var FindEventsQuery = z15.object({
  /** Range start, ISO 8601 (default: now − 1 day). */
  from: Instant.optional(),
  /** Range end, ISO 8601 (default: from + 60 days; at most 400 days after from). */
  to: Instant.optional(),
  /** Only this community's calendar. */
  communityId: Id.optional(),
  /** Only this program's events. */
  programId: Id.optional(),
  /** Only events I host or answered going / waitlisted. */
  mine: z15.enum(["true", "false"]).transform((v) => v === "true").optional(),
  /** Only this kind. */
  kind: EventKind.optional()
}).strict();
var EventCalendar = z15.object({
  /** Events by start time, then id. */
  items: z15.array(EventSummary),
  /** The range answered. */
  from: z15.string(),
  to: z15.string(),
  /** True when the range held more than 500 events: ask for a narrower range (from the last item's start). */
  truncated: z15.boolean()
});
var RsvpRequest = z15.object({
  /** going or not_going. */
  status: z15.enum(["going", "not_going"])
}).strict();
var JoinEventResponse = z15.object({
  /** The online link to open, or null. */
  joinUrl: z15.string().nullable(),
  /** The live session to open, or null. */
  liveSessionId: Id.nullable(),
  /** When attendance was recorded (the first join). */
  attendedAt: z15.string()
});
var EventAttendee = PersonRef.extend({
  /** Email (for the host's follow-up). */
  email: z15.string(),
  /** Their answer, or null for someone marked attended without an RSVP. */
  status: RsvpStatus.nullable(),
  /** 1-based waitlist place, null unless waitlisted. */
  waitlistPosition: z15.number().int().nullable(),
  /** When they answered, or null. */
  respondedAt: z15.string().nullable(),
  /** When attendance was recorded, or null. */
  attendedAt: z15.string().nullable()
});
var EventAttendees = z15.object({ items: z15.array(EventAttendee) });
var EventAttendeesQuery = z15.object({
  /** json (default) or csv. */
  format: z15.enum(["json", "csv"]).default("json")
}).strict();
var MarkAttendanceRequest = z15.object({
  /** Attended or not. */
  attended: z15.boolean()
}).strict();
var EventQuestion = z15.object({
  /** Question id. */
  id: Id,
  /** Plain text (React escapes it). */
  body: z15.string(),
  /** Who asked. */
  author: PersonRef,
  /** Asked at, ISO 8601. */
  createdAt: z15.string(),
  /** Upvotes (the author cannot upvote their own question). */
  upvotes: z15.number().int(),
  /** Whether the viewer upvoted it. */
  upvotedByMe: z15.boolean(),
  /** When a host marked it answered, or null. */
  answeredAt: z15.string().nullable(),
  /** Hidden by a host (only hosts and the author see hidden questions). */
  hidden: z15.boolean(),
  /** What the viewer may do with it. */
  abilities: z15.object({ canUpvote: z15.boolean(), canModerate: z15.boolean() })
});
var EventQuestions = z15.object({ items: z15.array(EventQuestion) });
var AskQuestionRequest = z15.object({
  /** Plain text. */
  body: text9(EVENT_LIMITS.question)
}).strict();
var UpvoteQuestionRequest = z15.object({
  /** true to upvote, false to take it back. */
  upvoted: z15.boolean()
}).strict();
var ModerateQuestionRequest = z15.object({
  /** Mark answered or not. */
  answered: z15.boolean(),
  /** Hide or show. */
  hidden: z15.boolean()
}).partial().strict();

// server/src/kernel/http/base-url.ts
function baseUrl(config, request) {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, "");
  return `${request.protocol}://${request.host}`;
}

// server/src/kernel/audit.ts
async function audit(db, request, entry) {
  await db.insert(auditLog).values({
    orgId: entry.orgId,
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target,
    data: entry.data,
    ip: request?.ip,
    requestId: request ? String(request.id) : null
  });
}

// server/src/kernel/auth/failure-limiter.ts
var FailureLimiter = class {
  constructor(limit, windowMs, now = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }
  limit;
  windowMs;
  now;
  failures = /* @__PURE__ */ new Map();
  /** Seconds to wait before another attempt, or 0 when allowed. */
  retryAfter(key) {
    const list = this.prune(key);
    if (list.length < this.limit) return 0;
    return Math.max(1, Math.ceil((list[0] + this.windowMs - this.now()) / 1e3));
  }
  /** Records one failure. */
  fail(key) {
    const list = this.prune(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 1e5) this.failures.delete(this.failures.keys().next().value);
  }
  /** Forgets failures after a successful sign-in. */
  reset(key) {
    this.failures.delete(key);
  }
  prune(key) {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }
};

// server/src/kernel/auth/one-time-tokens.ts
import { and as and2, eq as eq2, gt, isNull } from "drizzle-orm";
var TOKEN_TTL_HOURS = { invite: 7 * 24, password_reset: 1 };
async function issueToken(db, kind, personId, orgId2) {
  const token = newToken();
  await db.insert(authTokens).values({
    tokenHash: hashToken(token),
    kind,
    personId,
    orgId: orgId2,
    expiresAt: new Date(Date.now() + TOKEN_TTL_HOURS[kind] * 36e5)
  });
  return token;
}
async function consumeToken(db, kind, token) {
  const [row] = await db.update(authTokens).set({ usedAt: /* @__PURE__ */ new Date() }).where(and2(eq2(authTokens.tokenHash, hashToken(token)), eq2(authTokens.kind, kind), isNull(authTokens.usedAt), gt(authTokens.expiresAt, /* @__PURE__ */ new Date()))).returning({ personId: authTokens.personId, orgId: authTokens.orgId });
  return row ?? null;
}

// server/src/kernel/auth/passwords.ts
import { hash, verify } from "@node-rs/argon2";
var OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
function hashPassword(password) {
  return hash(password, OPTIONS);
}
async function verifyPassword(stored, password) {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
var dummy;
async function burnPasswordCheck(password) {
  dummy ??= hashPassword("hearth-timing-equalizer");
  await verifyPassword(await dummy, password);
}

// server/src/kernel/mail.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
var transport = (options) => import("nodemailer").then((m) => m.default.createTransport(options));
function createMailer(smtpUrl, from, outboxDir, log) {
  if (!smtpUrl) {
    let files;
    return {
      async send(mail) {
        files ??= transport({ streamTransport: true, buffer: true });
        const info = await (await files).sendMail({ from, ...mail });
        mkdirSync(outboxDir, { recursive: true });
        const file = join2(outboxDir, `${Date.now()}-${info.messageId.replace(/[^a-z0-9]/gi, "")}.eml`);
        writeFileSync(file, info.message);
        log(`No SMTP_URL set: mail "${mail.subject}" saved to ${file}`);
      }
    };
  }
  let smtp;
  return {
    async send(mail) {
      smtp ??= transport(smtpUrl);
      await (await smtp).sendMail({ from, ...mail });
    }
  };
}
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// server/src/modules/organizations/index.ts
import { eq as eq3 } from "drizzle-orm";
async function getOrganization(db, id) {
  const [org] = await db.select().from(organizations).where(eq3(organizations.id, id));
  if (!org) throw notFound("The organization");
  return org;
}

// server/src/modules/people/people.routes.ts
import { z as z16 } from "zod";

// server/src/kernel/http/json.ts
function sendJson(reply, json) {
  return reply.type("application/json; charset=utf-8").send(json);
}

// server/src/kernel/csv.ts
function toCsv(rows) {
  return `${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r
`;
}
function csvCell(value) {
  if (value === null || value === void 0) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

// server/src/modules/people/people.policy.ts
var SELF_EDITABLE = /* @__PURE__ */ new Set(["title", "team", "location", "timeZone", "bio", "interests", "skills", "avatarUrl"]);
var canView = (actor, subject) => actor.orgId === subject.orgId;
var canEdit = (actor, subject) => canView(actor, subject) && (actor.personId === subject.id || actor.isAdmin);
var canAdminister = (actor, subject) => canView(actor, subject) && actor.isAdmin;
var canManagePeople = (actor) => actor.isAdmin;
var canSeeDeactivated = (actor) => actor.isAdmin;

// server/src/modules/people/people.repo.ts
import { and as and3, eq as eq4, inArray, sql as sql11 } from "drizzle-orm";

// server/src/kernel/db/rows.ts
async function selectRows(db, query) {
  const res = await db.execute(query);
  return res.rows;
}
async function selectRow(db, query) {
  return (await selectRows(db, query))[0];
}
var likeEscape = (s) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// server/src/modules/people/people.repo.ts
async function selectDirectoryPage(db, orgId2, f) {
  const where = [sql11`p.org_id = ${orgId2}`];
  if (!f.includeDeactivated) where.push(sql11`p.status <> 'deactivated'`);
  if (f.department) where.push(sql11`p.department = ${f.department}`);
  if (f.location) where.push(sql11`p.location = ${f.location}`);
  if (f.skill) where.push(sql11`exists (select 1 from person_skills s where s.person_id = p.id and s.kind = 'have' and s.key = ${f.skill.toLowerCase()})`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    where.push(sql11`(p.name ilike ${like} or p.title ilike ${like} or p.email ilike ${like} or p.team ilike ${like} or p.department ilike ${like})`);
  }
  if (f.after) where.push(sql11`(p.name, p.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql11`select p.id, p.name, p.title, p.department, p.location, p.time_zone as "timeZone", p.avatar_url as "avatarUrl",
          coalesce((select array_agg(t.name order by t.level desc, t.name) from
             (select s.name, s.level from person_skills s where s.person_id = p.id and s.kind = 'have' order by s.level desc, s.name limit 3) t), '{}') as "topSkills"
        from people p where ${sql11.join(where, sql11` and `)}
        order by p.name, p.id limit ${f.limit}`
  );
}
async function selectFacets(db, orgId2) {
  const [departments, locations, skills] = await Promise.all([
    selectRows(db, sql11`select department as value, count(*)::int as count from people where org_id = ${orgId2} and status <> 'deactivated' and department is not null group by department order by department`),
    selectRows(db, sql11`select location as value, count(*)::int as count from people where org_id = ${orgId2} and status <> 'deactivated' and location is not null group by location order by location`),
    selectRows(db, sql11`select min(name) as value, count(*)::int as count from person_skills where org_id = ${orgId2} and kind = 'have' group by key order by count(*) desc, min(name) limit 60`)
  ]);
  return { departments, locations, skills };
}
async function selectPerson(db, orgId2, id) {
  const [row] = await db.select().from(people).where(and3(eq4(people.orgId, orgId2), eq4(people.id, id)));
  return row;
}
async function selectPersonByEmail(db, email) {
  const [row] = await db.select().from(people).where(eq4(people.email, email.toLowerCase()));
  return row;
}
function selectAllPeople(db, orgId2) {
  return db.select().from(people).where(eq4(people.orgId, orgId2));
}
function selectSkills(db, personId) {
  return db.select({ name: personSkills.name, kind: personSkills.kind, level: personSkills.level }).from(personSkills).where(eq4(personSkills.personId, personId)).orderBy(personSkills.kind, sql11`${personSkills.level} desc`, personSkills.name);
}
function selectRefs(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: people.id, name: people.name, title: people.title }).from(people).where(and3(eq4(people.orgId, orgId2), inArray(people.id, ids)));
}
function selectReports(db, orgId2, managerId) {
  return db.select({ id: people.id, name: people.name, title: people.title }).from(people).where(and3(eq4(people.orgId, orgId2), eq4(people.managerId, managerId), sql11`${people.status} <> 'deactivated'`)).orderBy(people.name);
}
function insertPeople(db, values) {
  return db.insert(people).values(values).returning();
}
async function updatePersonRow(db, orgId2, id, values) {
  const [row] = await db.update(people).set({ ...values, updatedAt: /* @__PURE__ */ new Date() }).where(and3(eq4(people.orgId, orgId2), eq4(people.id, id))).returning();
  return row;
}
async function replaceSkills(db, orgId2, personId, skills) {
  await db.delete(personSkills).where(eq4(personSkills.personId, personId));
  const unique = new Map(skills.map((s) => [`${s.kind}:${s.name.toLowerCase()}`, s]));
  if (unique.size) {
    await db.insert(personSkills).values([...unique.values()].map((s) => ({ orgId: orgId2, personId, kind: s.kind, name: s.name, key: s.name.toLowerCase(), level: s.level })));
  }
}

// server/src/modules/people/people.export.ts
async function exportPeopleCsv(db, actor) {
  if (!canManagePeople(actor)) throw new AppError("FORBIDDEN", "Only an org admin can export people.");
  const all = await selectAllPeople(db, actor.orgId);
  const emailOf = new Map(all.map((p) => [p.id, p.email]));
  all.sort((a, b) => a.name.localeCompare(b.name));
  return toCsv([
    ["name", "email", "department", "title", "manager_email", "location", "time_zone", "team"],
    ...all.map((p) => [p.name, p.email, p.department, p.title, p.managerId ? emailOf.get(p.managerId) : "", p.location, p.timeZone, p.team])
  ]);
}

// server/src/modules/people/people.import.ts
import { parse } from "csv-parse/sync";

// server/src/modules/people/reporting-lines.ts
function wouldCreateCycle(managerOf, personId, managerId) {
  let cur = managerId;
  const seen = /* @__PURE__ */ new Set();
  while (cur) {
    if (cur === personId) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
    cur = managerOf.get(cur) ?? null;
  }
  return false;
}
function findCycles(managerOf) {
  const onCycle = /* @__PURE__ */ new Set();
  const state = /* @__PURE__ */ new Map();
  for (const start2 of managerOf.keys()) {
    if (state.has(start2)) continue;
    const path = [];
    let cur = start2;
    while (cur && !state.has(cur)) {
      state.set(cur, 1);
      path.push(cur);
      cur = managerOf.get(cur) ?? null;
    }
    if (cur && state.get(cur) === 1) {
      for (let i = path.indexOf(cur); i < path.length; i++) onCycle.add(path[i]);
    }
    for (const p of path) state.set(p, 2);
  }
  return onCycle;
}

// server/src/modules/people/people.import.ts
var HEADER_ALIASES = {
  name: "name",
  full_name: "name",
  fullname: "name",
  employee_name: "name",
  email: "email",
  work_email: "email",
  email_address: "email",
  department: "department",
  dept: "department",
  title: "title",
  job_title: "title",
  manager_email: "manager_email",
  manager: "manager_email",
  managers_email: "manager_email",
  manager_email_address: "manager_email",
  location: "location",
  office: "location",
  city: "location",
  time_zone: "time_zone",
  timezone: "time_zone",
  tz: "time_zone",
  team: "team"
};
var normHeader = (h) => h.trim().toLowerCase().replace(/['’]/g, "").replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
var optional = (v) => v && v.trim() ? v.trim() : null;
function checkCsv(csv) {
  const issues = [];
  let records;
  try {
    records = parse(csv, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const e = err;
    return { rows: [], dataRows: 0, issues: [{ row: e.lines ?? 1, field: "(file)", code: "MALFORMED_CSV", message: `The file is not valid CSV: ${e.message}` }] };
  }
  if (!records.length) return { rows: [], dataRows: 0, issues: [{ row: 1, field: "(file)", code: "EMPTY_FILE", message: "The file has no header row." }] };
  const header = records[0].record.map((h) => HEADER_ALIASES[normHeader(h)] ?? null);
  for (const required of ["name", "email"]) {
    if (!header.includes(required)) issues.push({ row: 1, field: required, code: "MISSING_COLUMN", message: `The header has no "${required}" column.` });
  }
  if (issues.length) return { rows: [], issues, dataRows: records.length - 1 };
  const rows = [];
  const firstLineOfEmail = /* @__PURE__ */ new Map();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const get = (f) => {
      const i = header.indexOf(f);
      return i >= 0 ? record[i] : void 0;
    };
    const problem = (field, code, message) => issues.push({ row: line, field, code, message });
    const name = optional(get("name"));
    if (!name) problem("name", "REQUIRED", "Name is empty.");
    else if (name.length > LIMITS.name) problem("name", "TOO_LONG", `Name is longer than ${LIMITS.name} characters.`);
    const rawEmail = optional(get("email"));
    const email = rawEmail ? Email.safeParse(rawEmail) : null;
    if (!rawEmail) problem("email", "REQUIRED", "Email is empty.");
    else if (!email?.success) problem("email", "INVALID_EMAIL", `"${rawEmail.slice(0, 80)}" is not a valid email address.`);
    else if (firstLineOfEmail.has(email.data)) problem("email", "DUPLICATE_EMAIL", `${email.data} already appears on line ${firstLineOfEmail.get(email.data)}.`);
    else firstLineOfEmail.set(email.data, line);
    const rawManager = optional(get("manager_email"));
    const manager = rawManager ? Email.safeParse(rawManager) : null;
    if (rawManager && !manager?.success) problem("manager_email", "INVALID_EMAIL", `"${rawManager.slice(0, 80)}" is not a valid email address.`);
    const tz = optional(get("time_zone"));
    if (tz && !TimeZone.safeParse(tz).success) problem("time_zone", "UNKNOWN_TIME_ZONE", `"${tz.slice(0, 64)}" is not a time zone (use a name such as Europe/Berlin).`);
    for (const f of ["department", "title", "location", "team"]) {
      const v = optional(get(f));
      if (v && v.length > LIMITS.shortText) problem(f, "TOO_LONG", `${f} is longer than ${LIMITS.shortText} characters.`);
    }
    if (name && email?.success) {
      rows.push({
        line,
        name,
        email: email.data,
        department: optional(get("department")),
        title: optional(get("title")),
        managerEmail: manager?.success ? manager.data : null,
        location: optional(get("location")),
        timeZone: tz,
        team: optional(get("team"))
      });
    }
  }
  return { rows, issues, dataRows: records.length - 1 };
}
var FIELDS = ["name", "department", "title", "location", "timeZone", "team"];
async function importPeople(deps, actor, csv, dryRun) {
  if (!canManagePeople(actor)) throw new AppError("FORBIDDEN", "Only an org admin can import people.");
  const checked = checkCsv(csv);
  return deps.events.transaction(deps.db, async (tx, emit) => {
    const issues = [...checked.issues];
    const existing = await selectAllPeople(tx, actor.orgId);
    const byEmail = new Map(existing.map((p) => [p.email, p]));
    const fileEmails = new Map(checked.rows.map((r) => [r.email, r]));
    for (const r of checked.rows) {
      if (!byEmail.has(r.email) && await selectPersonByEmail(tx, r.email)) {
        issues.push({ row: r.line, field: "email", code: "EMAIL_TAKEN", message: `${r.email} belongs to an account in another organization.` });
      }
    }
    const managerOf = new Map(existing.map((p) => [p.email, existing.find((m) => m.id === p.managerId)?.email ?? null]));
    for (const r of checked.rows) {
      if (r.managerEmail && !fileEmails.has(r.managerEmail) && !byEmail.has(r.managerEmail)) {
        issues.push({ row: r.line, field: "manager_email", code: "UNKNOWN_MANAGER", message: `No one with email ${r.managerEmail} is in the file or the organization.` });
      } else if (r.managerEmail === r.email) {
        issues.push({ row: r.line, field: "manager_email", code: "MANAGER_CYCLE", message: "A person cannot be their own manager." });
      }
      managerOf.set(r.email, r.managerEmail && r.managerEmail !== r.email ? r.managerEmail : null);
    }
    const cycle = findCycles(managerOf);
    for (const r of checked.rows) {
      if (cycle.has(r.email) && r.managerEmail !== r.email) {
        issues.push({ row: r.line, field: "manager_email", code: "MANAGER_CYCLE", message: `Reporting lines loop back to ${r.email} (${[...cycle].slice(0, 4).join(" \u2192 ")}\u2026).` });
      }
    }
    issues.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const r of checked.rows) {
      const p = byEmail.get(r.email);
      if (!p) created++;
      else if (FIELDS.some((f) => (p[f] ?? null) !== r[f]) || (managerOf.get(r.email) ?? null) !== (existing.find((m) => m.id === p.managerId)?.email ?? null)) updated++;
      else unchanged++;
    }
    const report = { rows: checked.dataRows, created, updated, unchanged, issues, applied: false };
    if (dryRun || issues.length) return report;
    const newRows = checked.rows.filter((r) => !byEmail.has(r.email));
    const inserted = newRows.length ? await insertPeople(tx, newRows.map((r) => ({ orgId: actor.orgId, email: r.email, name: r.name, department: r.department, title: r.title, location: r.location, timeZone: r.timeZone, team: r.team, status: "invited" }))) : [];
    const idOf = new Map([...existing, ...inserted].map((p) => [p.email, p.id]));
    for (const r of checked.rows) {
      const managerId = r.managerEmail ? idOf.get(r.managerEmail) ?? null : null;
      const p = byEmail.get(r.email);
      if (p) {
        const changed = FIELDS.some((f) => (p[f] ?? null) !== r[f]) || p.managerId !== managerId;
        if (changed) await updatePersonRow(tx, actor.orgId, p.id, { name: r.name, department: r.department, title: r.title, location: r.location, timeZone: r.timeZone, team: r.team, managerId });
      } else if (managerId) {
        await updatePersonRow(tx, actor.orgId, idOf.get(r.email), { managerId });
      }
    }
    emit({ type: "people.imported", orgId: actor.orgId, payload: { by: actor.personId, created, updated } });
    return { ...report, applied: true };
  });
}

// server/src/kernel/pagination.ts
function encodeCursor(values) {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}
function decodeCursor(cursor, arity) {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === "string" || typeof x === "number")) return v;
  } catch {
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not valid; start again from the first page.", {
    errors: [{ field: "cursor", message: "Invalid cursor" }]
  });
}
function toPage(rows, limit, present5, keyOf) {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return { items: kept.map(present5), nextCursor: rows.length > limit && last !== void 0 ? encodeCursor(keyOf(last)) : null };
}

// server/src/modules/people/people.service.ts
async function findPeople(db, actor, q2) {
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectDirectoryPage(db, actor.orgId, {
    ...q2,
    includeDeactivated: canSeeDeactivated(actor),
    after,
    limit: q2.limit + 1
  });
  const items = rows.slice(0, q2.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > q2.limit && last ? encodeCursor([last.name, last.id]) : null };
}
function createDirectoryCache(deps, log) {
  return new ScopedCache(deps.hub.bus, "directory", { ttlMs: 3e4, max: 2e3, log });
}
async function findPeopleJson(deps, cache2, actor, q2) {
  const key = `${actor.orgId}:${canSeeDeactivated(actor) ? "all" : "active"}:${JSON.stringify(q2)}`;
  const load2 = async () => ({ scope: actor.orgId, value: Buffer.from(JSON.stringify(PeoplePage.encode(await findPeople(deps.db, actor, q2)))) });
  return await cache2.getOrLoad(key, load2);
}
function getFacets(db, actor) {
  return selectFacets(db, actor.orgId);
}
async function getPerson(db, actor, id) {
  const row = await selectPerson(db, actor.orgId, id);
  if (!row || !canView(actor, row) || row.status === "deactivated" && !canSeeDeactivated(actor)) throw notFound("That person");
  return presentPerson(db, actor, row);
}
async function presentPerson(db, actor, row) {
  const skills = await selectSkills(db, row.id);
  const reports = await selectReports(db, row.orgId, row.id);
  const managerRefs = await selectRefs(db, row.orgId, row.managerId ? [row.managerId] : []);
  const roles = ["member"];
  if (reports.length) roles.push("manager");
  for (const r of ["facilitator", "moderator", "admin"]) if (row.roles.includes(r)) roles.push(r);
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    title: row.title,
    department: row.department,
    team: row.team,
    location: row.location,
    timeZone: row.timeZone,
    avatarUrl: row.avatarUrl,
    bio: row.bio,
    interests: row.interests,
    skills: skills.map((s) => ({ name: s.name, kind: s.kind, level: s.level })),
    topSkills: skills.filter((s) => s.kind === "have").slice(0, 3).map((s) => s.name),
    manager: managerRefs[0] ?? null,
    reports,
    roles,
    status: row.status,
    abilities: { canEdit: canEdit(actor, row), canAdminister: canAdminister(actor, row) }
  };
}
async function updatePerson(deps, actor, id, input) {
  return deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await selectPerson(tx, actor.orgId, id);
    if (!row || !canView(actor, row)) throw notFound("That person");
    if (!canEdit(actor, row)) throw new AppError("FORBIDDEN", "You can only edit your own profile.");
    const adminFields = Object.keys(input).filter((k) => !SELF_EDITABLE.has(k));
    if (adminFields.length && !canAdminister(actor, row)) {
      throw new AppError("FORBIDDEN", `Only an org admin can change: ${adminFields.join(", ")}.`, {
        errors: adminFields.map((field) => ({ field, message: "Only an org admin can change this" }))
      });
    }
    if (input.managerId !== void 0 && input.managerId !== null) {
      const manager = await selectPerson(tx, actor.orgId, input.managerId);
      if (!manager) throw new AppError("VALIDATION_FAILED", "That manager is not in your organization.", { errors: [{ field: "managerId", message: "Unknown person" }] });
      const all = await selectAllPeople(tx, actor.orgId);
      if (wouldCreateCycle(new Map(all.map((p) => [p.id, p.managerId])), id, input.managerId)) {
        throw new AppError("VALIDATION_FAILED", "That manager would create a loop in reporting lines.", { errors: [{ field: "managerId", message: "Reporting-line cycle" }] });
      }
    }
    if (actor.personId === id && input.roles && !input.roles.includes("admin") && row.roles.includes("admin")) {
      throw new AppError("CONFLICT", "You cannot remove your own admin role; ask another admin.");
    }
    const { skills, ...columns3 } = input;
    try {
      if (Object.keys(columns3).length) await updatePersonRow(tx, actor.orgId, id, columns3);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError("EMAIL_TAKEN", "Another person already uses that email.", { errors: [{ field: "email", message: "Already in use" }] });
      throw err;
    }
    if (skills) await replaceSkills(tx, actor.orgId, id, skills);
    emit({ type: "people.person_updated", orgId: actor.orgId, payload: { personId: id, by: actor.personId, fields: Object.keys(input) } });
    const updated = await selectPerson(tx, actor.orgId, id);
    return presentPerson(tx, actor, updated);
  });
}
async function invitePerson(deps, actor, input, baseUrl3) {
  if (!canManagePeople(actor)) throw new AppError("FORBIDDEN", "Only an org admin can invite people.");
  const { personId, token } = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.managerId && !await selectPerson(tx, actor.orgId, input.managerId)) {
      throw new AppError("VALIDATION_FAILED", "That manager is not in your organization.", { errors: [{ field: "managerId", message: "Unknown person" }] });
    }
    if (await selectPersonByEmail(tx, input.email)) {
      throw new AppError("EMAIL_TAKEN", "Someone with that email already has an account.", { errors: [{ field: "email", message: "Already in use" }] });
    }
    const [person] = await insertPeople(tx, [{ orgId: actor.orgId, name: input.name, email: input.email, department: input.department ?? null, title: input.title ?? null, managerId: input.managerId ?? null, status: "invited" }]);
    const token2 = await issueToken(tx, "invite", person.id, actor.orgId);
    emit({ type: "people.person_invited", orgId: actor.orgId, payload: { personId: person.id, by: actor.personId } });
    return { personId: person.id, token: token2 };
  });
  const inviteUrl = `${baseUrl3}/accept-invite?token=${token}`;
  await deps.mailer.send({
    to: input.email,
    subject: "You are invited to Hearth",
    text: `Hello ${input.name},

You have been invited to Hearth, where colleagues learn from each other.
Set your password here (the link works once, for 7 days):
${inviteUrl}
`,
    html: `<p>Hello ${escapeHtml(input.name)},</p><p>You have been invited to Hearth, where colleagues learn from each other.</p><p><a href="${escapeHtml(inviteUrl)}">Set your password</a> (the link works once, for 7 days).</p>`
  });
  return { personId, inviteUrl };
}

// server/src/modules/people/people.routes.ts
var IdParams = z16.object({ id: Id });
function peopleRoutes(app, deps, directory) {
  const r = app.withTypeProvider();
  const tags = ["people"];
  r.get(
    "/api/people",
    { schema: { tags, querystring: FindPeopleQuery, response: { 200: PeoplePage } } },
    async (req, reply) => sendJson(reply, await findPeopleJson(deps, directory, requireActor(req), req.query))
  );
  r.get("/api/people/facets", { schema: { tags, response: { 200: PeopleFacets } } }, (req) => getFacets(deps.db, requireActor(req)));
  r.get("/api/people/export.csv", { schema: { tags } }, async (req, reply) => {
    const csv = await exportPeopleCsv(deps.db, requireActor(req));
    return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="people.csv"').send(csv);
  });
  r.get(
    "/api/people/:id",
    { schema: { tags, params: IdParams, response: { 200: Person } } },
    (req) => getPerson(deps.db, requireActor(req), req.params.id)
  );
  r.patch(
    "/api/people/:id",
    { schema: { tags, params: IdParams, body: AdminUpdatePersonRequest, response: { 200: Person } } },
    (req) => updatePerson(deps, requireActor(req), req.params.id, req.body)
  );
  r.post("/api/people", { schema: { tags, body: InvitePersonRequest, response: { 201: InvitationResponse } } }, async (req, reply) => {
    const result = await invitePerson(deps, requireActor(req), req.body, baseUrl(deps.config, req));
    return reply.code(201).send(result);
  });
  r.post(
    "/api/people/import",
    { schema: { tags, body: ImportPeopleRequest, response: { 200: ImportReport } }, config: { rateLimit: { max: 20, timeWindow: "1 minute" } } },
    (req) => importPeople(deps, requireActor(req), req.body.csv, req.body.dryRun)
  );
}

// server/src/modules/people/index.ts
async function register(app, deps) {
  const directory = createDirectoryCache(deps, (msg, err) => app.log.warn({ err }, msg));
  for (const type of ["people.person_updated", "people.person_invited", "people.imported"]) {
    deps.events.on(type, (e) => void (e.orgId && directory.invalidate(e.orgId)));
  }
  peopleRoutes(app, deps, directory);
}

// server/src/modules/auth/auth.service.ts
var INVALID = "That email and password do not match an account. Check them and try again.";
function createAuthService(deps) {
  const failures = new FailureLimiter(deps.config.SIGNIN_FAILURES_PER_ACCOUNT, 15 * 6e4);
  const policy = { idleMinutes: deps.config.SESSION_IDLE_MINUTES, absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS };
  async function me(actor) {
    const [person, org] = await Promise.all([getPerson(deps.db, actor, actor.personId), getOrganization(deps.db, actor.orgId)]);
    return { person, organization: { id: org.id, name: org.name }, csrfToken: actor.csrfToken };
  }
  async function startSession(request, personId, orgId2, roles) {
    const { token, csrfToken } = await createSession(deps.db, personId, orgId2, policy);
    const actor = { personId, orgId: orgId2, roles, isAdmin: roles.includes("admin"), csrfToken, sessionHash: "" };
    return { token, me: await me(actor) };
  }
  return {
    me,
    /** Checks email + password; the same message for unknown accounts and wrong passwords. */
    async signIn(request, email, password) {
      const wait = failures.retryAfter(email);
      if (wait) throw new AppError("RATE_LIMITED", `Too many failed sign-ins for this account. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
      const person = await selectPersonByEmail(deps.db, email);
      const ok = person?.passwordHash && person.status === "active" ? await verifyPassword(person.passwordHash, password) : (await burnPasswordCheck(password), false);
      if (!person || !ok) {
        failures.fail(email);
        await audit(deps.db, request, { orgId: person?.orgId ?? null, actorId: person?.id ?? null, action: "auth.sign_in_failed" });
        throw new AppError("INVALID_CREDENTIALS", INVALID);
      }
      failures.reset(email);
      await audit(deps.db, request, { orgId: person.orgId, actorId: person.id, action: "auth.signed_in" });
      return startSession(request, person.id, person.orgId, person.roles);
    },
    /** Ends this session server-side. */
    async signOut(request, actor) {
      await destroySession(deps.db, actor.sessionHash);
      await deps.sessions.invalidate(actor.personId);
      await audit(deps.db, request, { orgId: actor.orgId, actorId: actor.personId, action: "auth.signed_out" });
    },
    /** Sets the first password from an invitation link and signs the person in. */
    async acceptInvite(request, token, password) {
      const passwordHash = await hashPassword(password);
      const result = await deps.db.transaction(async (tx) => {
        const owner = await consumeToken(tx, "invite", token);
        if (!owner) throw new AppError("TOKEN_INVALID", "This invitation link has expired or was already used. Ask your admin for a new one.");
        const person = await updatePersonRow(tx, owner.orgId, owner.personId, { passwordHash, status: "active" });
        await audit(tx, request, { orgId: owner.orgId, actorId: owner.personId, action: "auth.invite_accepted" });
        return person;
      });
      return startSession(request, result.id, result.orgId, result.roles);
    },
    /** Emails a reset link when the account exists; answers the same either way. */
    async requestPasswordReset(request, email, baseUrl3) {
      const person = await selectPersonByEmail(deps.db, email);
      if (!person || person.status !== "active") return;
      const token = await issueToken(deps.db, "password_reset", person.id, person.orgId);
      await audit(deps.db, request, { orgId: person.orgId, actorId: person.id, action: "auth.password_reset_requested" });
      const url = `${baseUrl3}/reset-password?token=${token}`;
      await deps.mailer.send({
        to: person.email,
        subject: "Reset your Hearth password",
        text: `Hello ${person.name},

Someone asked to reset your Hearth password. If it was you, open this link within an hour (it works once):
${url}

If it was not you, ignore this mail; your password stays as it is.
`,
        html: `<p>Hello ${escapeHtml(person.name)},</p><p>Someone asked to reset your Hearth password. If it was you, <a href="${escapeHtml(url)}">choose a new password</a> within an hour (the link works once).</p><p>If it was not you, ignore this mail.</p>`
      });
    },
    /** Sets a new password from a reset token and ends every existing session of that person. */
    async resetPassword(request, token, password) {
      const passwordHash = await hashPassword(password);
      const personId = await deps.db.transaction(async (tx) => {
        const owner = await consumeToken(tx, "password_reset", token);
        if (!owner) throw new AppError("TOKEN_INVALID", "This reset link has expired or was already used. Ask for a new one.");
        await updatePersonRow(tx, owner.orgId, owner.personId, { passwordHash });
        await destroySessionsOf(tx, owner.personId);
        await audit(tx, request, { orgId: owner.orgId, actorId: owner.personId, action: "auth.password_reset" });
        return owner.personId;
      });
      await deps.sessions.invalidate(personId);
    },
    /** Changes the password of the signed-in person; other sessions end. */
    async changePassword(request, actor, current, next) {
      const person = await selectPersonByEmail(deps.db, (await getPerson(deps.db, actor, actor.personId)).email);
      if (!person?.passwordHash || !await verifyPassword(person.passwordHash, current)) {
        throw new AppError("VALIDATION_FAILED", "Your current password is not right.", { errors: [{ field: "currentPassword", message: "Wrong password" }] });
      }
      await updatePersonRow(deps.db, actor.orgId, actor.personId, { passwordHash: await hashPassword(next) });
      await destroySessionsOf(deps.db, actor.personId, actor.sessionHash);
      await deps.sessions.invalidate(actor.personId);
      await audit(deps.db, request, { orgId: actor.orgId, actorId: actor.personId, action: "auth.password_changed" });
    }
  };
}

// server/src/modules/auth/auth.routes.ts
function authRoutes(app, deps) {
  const r = app.withTypeProvider();
  const service = createAuthService(deps);
  const tags = ["auth"];
  const cookieName = sessionCookieName(deps.config);
  const perIp = { rateLimit: { max: deps.config.SIGNIN_PER_IP_PER_MINUTE, timeWindow: "1 minute", keyGenerator: (req) => req.ip } };
  const setCookie = (reply, token) => reply.setCookie(cookieName, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.NODE_ENV === "production",
    path: "/",
    maxAge: deps.config.SESSION_ABSOLUTE_HOURS * 3600
  });
  r.post("/api/auth/sign-in", { schema: { tags, body: SignInRequest, response: { 200: MeResponse } }, config: perIp }, async (req, reply) => {
    const { token, me } = await service.signIn(req, req.body.email, req.body.password);
    setCookie(reply, token);
    return me;
  });
  r.post("/api/auth/sign-out", { schema: { tags } }, async (req, reply) => {
    if (req.actor) await service.signOut(req, req.actor);
    reply.clearCookie(cookieName, { path: "/" });
    return reply.code(204).send();
  });
  r.get("/api/me", { schema: { tags, response: { 200: MeResponse } } }, (req) => service.me(requireActor(req)));
  r.post("/api/auth/accept-invite", { schema: { tags, body: AcceptInviteRequest, response: { 200: MeResponse } }, config: perIp }, async (req, reply) => {
    const { token, me } = await service.acceptInvite(req, req.body.token, req.body.password);
    setCookie(reply, token);
    return me;
  });
  r.post("/api/auth/password-reset", { schema: { tags, body: RequestPasswordResetRequest, response: { 202: MessageResponse } }, config: perIp }, async (req, reply) => {
    await service.requestPasswordReset(req, req.body.email, baseUrl(deps.config, req));
    return reply.code(202).send({ message: "If an account uses that email, a reset link is on its way." });
  });
  r.post("/api/auth/password-reset/confirm", { schema: { tags, body: ResetPasswordRequest, response: { 200: MessageResponse } }, config: perIp }, async (req) => {
    await service.resetPassword(req, req.body.token, req.body.password);
    return { message: "Your password was changed. Sign in with the new one." };
  });
  r.post("/api/auth/change-password", { schema: { tags, body: ChangePasswordRequest, response: { 200: MessageResponse } }, config: perIp }, async (req) => {
    await service.changePassword(req, requireActor(req), req.body.currentPassword, req.body.newPassword);
    return { message: "Your password was changed. Other sessions were signed out." };
  });
}

// server/src/modules/auth/index.ts
async function register2(app, deps) {
  authRoutes(app, deps);
  deps.events.on("people.person_updated", (e) => {
    const fields = e.payload.fields;
    if (fields.includes("status") || fields.includes("roles")) void deps.sessions.invalidate(e.payload.personId);
  });
}

// server/src/modules/communities/communities.routes.ts
import { z as z17 } from "zod";

// server/src/kernel/content/markdown.ts
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
var md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url) => /^(https?:|mailto:|\/(?!\/)|#)/i.test(url.trim());
var MENTION_HREF = /^\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
var SANITIZE = {
  allowedTags: ["p", "br", "hr", "strong", "em", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "img"],
  allowedAttributes: { a: ["href", "rel", "target", "class", "title"], img: ["src", "alt", "title"], ol: ["start"], th: ["style"], td: ["style"] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      let out = { href, rel: "nofollow ugc noopener noreferrer", target: "_blank" };
      if (MENTION_HREF.test(href)) out = { href, class: "mention" };
      else if (href.startsWith("/") || href.startsWith("#")) out = { href };
      return { tagName, attribs: out };
    }
  }
};
function renderMarkdown(source) {
  return sanitizeHtml(md.render(source), SANITIZE);
}
function extractMentions(source) {
  const ids = /* @__PURE__ */ new Set();
  for (const m of source.matchAll(/\[@[^\]]{1,120}\]\(\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi)) {
    ids.add(m[1].toLowerCase());
  }
  return [...ids];
}
function plainExcerpt(source, max = 200) {
  const text10 = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} }).replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, " ").trim();
  if (text10.length <= max) return text10;
  const cut = text10.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}

// server/src/kernel/time.ts
var toIso = (v) => (v instanceof Date ? v : new Date(v)).toISOString();

// server/src/modules/communities/communities.policy.ts
var isActive = (m) => m?.status === "active";
var canSee = (actor, c, m) => actor.orgId === c.orgId && (c.visibility !== "secret" || m !== null || actor.isAdmin);
var canRead = (actor, c, m) => actor.orgId === c.orgId && (c.visibility === "open" || isActive(m));
var canModerate = (actor, c, m) => actor.orgId === c.orgId && (isActive(m) && (m.role === "owner" || m.role === "moderator") || actor.isAdmin && canRead(actor, c, m));
var canPost = (actor, c, m) => actor.orgId === c.orgId && isActive(m) && m.rulesAccepted >= c.rulesVersion;
var mustAcceptRules = (c, m) => isActive(m) && m.rulesAccepted < c.rulesVersion;
var canCreate = (actor, whoCanCreate) => whoCanCreate === "anyone" || actor.isAdmin;
var canChangeSettings = (actor) => actor.isAdmin;
function abilities(actor, c, m, ownerCount) {
  const moderate = canModerate(actor, c, m);
  const post = canPost(actor, c, m);
  return {
    canRead: canRead(actor, c, m),
    canJoin: canSee(actor, c, m) && (c.visibility === "open" && !isActive(m) || m?.status === "invited"),
    canRequest: c.visibility === "request" && m === null && actor.orgId === c.orgId,
    canPost: post,
    canModerate: moderate,
    canAnnounce: post && moderate,
    canLeave: m !== null && !(isActive(m) && m.role === "owner" && ownerCount <= 1)
  };
}

// server/src/modules/communities/communities.repo.ts
import { and as and4, eq as eq5, inArray as inArray2, sql as sql12 } from "drizzle-orm";
var listColumns = sql12`c.id, c.slug, c.name, c.description, c.kind, c.visibility, c.topics, c.member_count as "memberCount",
  c.thread_count as "threadCount", c.last_activity_at as "lastActivityAt", c.rules_version as "rulesVersion", c.org_id as "orgId",
  m.status as "mStatus", m.role as "mRole", m.rules_accepted as "mRules"`;
function selectCommunityPage(db, actor, f) {
  const where = [sql12`c.org_id = ${actor.orgId}`];
  if (!actor.isAdmin) where.push(sql12`(c.visibility <> 'secret' or m.status is not null)`);
  if (f.mine) where.push(sql12`m.status = 'active'`);
  if (f.kind) where.push(sql12`c.kind = ${f.kind}`);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    where.push(sql12`(c.name ilike ${like} or c.description ilike ${like} or ${f.q.toLowerCase()} = any(c.topics))`);
  }
  if (f.after) where.push(sql12`(c.name, c.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql12`select ${listColumns} from communities c
        left join community_members m on m.community_id = c.id and m.person_id = ${actor.personId}
        where ${sql12.join(where, sql12` and `)} order by c.name, c.id limit ${f.limit}`
  );
}
function selectRecommendationCandidates(db, actor, department) {
  return selectRows(
    db,
    sql12`select ${listColumns},
          (select count(*)::int from community_members dm join people p on p.id = dm.person_id
            where dm.community_id = c.id and dm.status = 'active' and p.department = ${department}) as "deptMembers"
        from communities c
        left join community_members m on m.community_id = c.id and m.person_id = ${actor.personId}
        where c.org_id = ${actor.orgId} and c.kind <> 'cohort' and (m.status is null or m.status = 'invited')
          and (c.visibility <> 'secret' or m.status = 'invited')
        order by c.member_count desc, c.id limit 300`
  );
}
async function selectPersonTopics(db, personId) {
  const row = await selectRow(
    db,
    sql12`select p.department,
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'have'), '{}') as have,
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'want'), '{}') as want,
          p.interests
        from people p where p.id = ${personId}`
  );
  return row ?? { department: null, have: [], want: [], interests: [] };
}
async function selectCommunity(db, orgId2, ref2, personId) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref2);
  const [row] = await db.select({ c: communities, m: communityMembers }).from(communities).leftJoin(communityMembers, and4(eq5(communityMembers.communityId, communities.id), eq5(communityMembers.personId, personId))).where(and4(eq5(communities.orgId, orgId2), isId ? eq5(communities.id, ref2) : eq5(communities.slug, ref2.toLowerCase()))).limit(1);
  return row;
}
async function lockCommunity(db, id) {
  await db.execute(sql12`select 1 from communities where id = ${id} for update`);
}
async function insertCommunity(db, values) {
  const [row] = await db.insert(communities).values(values).returning();
  return row;
}
async function updateCommunityRow(db, id, values) {
  const [row] = await db.update(communities).set({ ...values, updatedAt: /* @__PURE__ */ new Date() }).where(eq5(communities.id, id)).returning();
  return row;
}
async function bumpMemberCount(db, id, delta) {
  await db.execute(sql12`update communities set member_count = member_count + ${delta} where id = ${id}`);
}
async function upsertMember(db, values) {
  const [row] = await db.insert(communityMembers).values(values).onConflictDoUpdate({
    target: [communityMembers.communityId, communityMembers.personId],
    set: { status: values.status, role: values.role ?? "member", rulesAccepted: values.rulesAccepted ?? 0, since: /* @__PURE__ */ new Date() }
  }).returning();
  return row;
}
async function updateMember(db, communityId, personId, values) {
  const [row] = await db.update(communityMembers).set(values).where(and4(eq5(communityMembers.communityId, communityId), eq5(communityMembers.personId, personId))).returning();
  return row;
}
async function deleteMember(db, communityId, personId) {
  const [row] = await db.delete(communityMembers).where(and4(eq5(communityMembers.communityId, communityId), eq5(communityMembers.personId, personId))).returning();
  return row;
}
async function countOwners(db, communityId) {
  const row = await selectRow(db, sql12`select count(*)::int as n from community_members where community_id = ${communityId} and status = 'active' and role = 'owner'`);
  return row?.n ?? 0;
}
function selectMemberPage(db, communityId, actorId, f) {
  const where = [sql12`m.community_id = ${communityId}`, sql12`m.status = ${f.status}`];
  if (f.after) where.push(sql12`(p.name, p.id) > (${f.after[0]}, ${f.after[1]}::uuid)`);
  if (f.personId) where.push(sql12`p.id = ${f.personId}`);
  return selectRows(
    db,
    sql12`select p.id, p.name, p.title, p.department, p.avatar_url as "avatarUrl", m.role, m.status, m.created_at as since,
          (select count(*)::int from community_experts e where e.community_id = m.community_id and e.person_id = p.id) as endorsements,
          exists (select 1 from community_experts e where e.community_id = m.community_id and e.person_id = p.id and e.endorsed_by = ${actorId}) as "endorsedByMe"
        from community_members m join people p on p.id = m.person_id
        where ${sql12.join(where, sql12` and `)} and p.status <> 'deactivated'
        order by p.name, p.id limit ${f.limit}`
  );
}
function selectExperts(db, communityId, limit = 8) {
  return selectRows(
    db,
    sql12`select p.id, p.name, p.title, count(*)::int as endorsements
        from community_experts e
        join community_members m on m.community_id = e.community_id and m.person_id = e.person_id and m.status = 'active'
        join people p on p.id = e.person_id
        where e.community_id = ${communityId} and p.status <> 'deactivated'
        group by p.id, p.name, p.title order by count(*) desc, p.name limit ${limit}`
  );
}
async function setEndorsement(db, v, endorse) {
  if (endorse) await db.insert(communityExperts).values(v).onConflictDoNothing();
  else
    await db.delete(communityExperts).where(and4(eq5(communityExperts.communityId, v.communityId), eq5(communityExperts.personId, v.personId), eq5(communityExperts.endorsedBy, v.endorsedBy)));
}
async function selectSettings(db, orgId2) {
  const [row] = await db.select().from(communitySettings).where(eq5(communitySettings.orgId, orgId2));
  return { whoCanCreate: row?.whoCanCreate ?? "anyone" };
}
async function upsertSettings(db, orgId2, whoCanCreate) {
  await db.insert(communitySettings).values({ orgId: orgId2, whoCanCreate }).onConflictDoUpdate({ target: communitySettings.orgId, set: { whoCanCreate } });
}
function selectActivePeople(db, orgId2, ids) {
  return db.select({ id: people.id }).from(people).where(and4(eq5(people.orgId, orgId2), eq5(people.status, "active"), inArray2(people.id, ids)));
}
async function selectSlugsLike(db, orgId2, base) {
  const list = await selectRows(db, sql12`select slug from communities where org_id = ${orgId2} and slug like ${`${likeEscape(base)}%`}`);
  return new Set(list.map((r) => r.slug));
}
function selectPersonRefs(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: people.id, name: people.name, title: people.title }).from(people).where(and4(eq5(people.orgId, orgId2), inArray2(people.id, ids)));
}

// server/src/modules/communities/community-access-cache.ts
var caches = /* @__PURE__ */ new WeakMap();
function createAccessCache(deps, log) {
  const cache2 = new ScopedCache(deps.hub.bus, "community-access", { ttlMs: 15e3, max: 5e4, log });
  caches.set(deps.db, cache2);
  return cache2;
}
var accessCacheFor = (db) => caches.get(db);
var communityScope = (id) => `community:${id}`;
function invalidateCommunity(deps, id) {
  void accessCacheFor(deps.db)?.invalidate(communityScope(id));
}

// server/src/modules/communities/community-defaults.ts
var DEFAULT_RULES = `**How we work together here**

1. **Be kind and assume good intent.** Everyone is learning, including the experts.
2. **What is shared here stays here.** Do not forward screenshots or quotes outside the community without asking.
3. **Share generously.** Answer questions, credit others' ideas, link your sources.
4. **Disagree with ideas, not people.** Keep criticism specific and constructive.
5. **No confidential customer or personal data**, and nothing you would not say in a meeting.

Moderators may edit or remove posts that break these rules.`;
function slugify(name) {
  const slug = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/g, "");
  return slug || "community";
}

// server/src/modules/communities/communities.service.ts
var communityChannel = (id) => `community:${id}`;
function membershipOf(c, m) {
  if (!m) return null;
  return { status: m.status, role: m.role, mustAcceptRules: mustAcceptRules(c, m) };
}
function memberFromList(row) {
  return row.mStatus ? { status: row.mStatus, role: row.mRole ?? "member", rulesAccepted: row.mRules ?? 0 } : null;
}
function summaryOf(c, m) {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    kind: c.kind,
    visibility: c.visibility,
    topics: c.topics,
    memberCount: c.memberCount,
    threadCount: c.threadCount,
    lastActivityAt: c.lastActivityAt ? toIso(c.lastActivityAt) : null,
    membership: membershipOf(c, m)
  };
}
var presentSummary = (row) => summaryOf(row, memberFromList(row));
async function loadCommunityAccess(db, actor, ref2, opts = {}) {
  const cache2 = opts.cached ? accessCacheFor(db) : void 0;
  const found = cache2 ? await cache2.getOrLoad(`${actor.orgId}:${ref2}:${actor.personId}`, async () => {
    const rows = await selectCommunity(db, actor.orgId, ref2, actor.personId);
    return rows ? { scope: communityScope(rows.c.id), value: rows } : null;
  }) : await selectCommunity(db, actor.orgId, ref2, actor.personId);
  if (!found || !canSee(actor, found.c, found.m)) throw notFound("That community");
  const community = found.c;
  const member = found.m;
  return {
    community,
    member,
    canRead: canRead(actor, community, member),
    canPost: canPost(actor, community, member),
    canModerate: canModerate(actor, community, member),
    mustAcceptRules: mustAcceptRules(community, member)
  };
}
function assertCanPost(access2) {
  if (access2.canPost) return;
  if (!access2.canRead) throw notFound("That community");
  if (access2.mustAcceptRules) throw new AppError("RULES_NOT_ACCEPTED", "The community rules changed. Read and accept them to post again.");
  throw new AppError("FORBIDDEN", "Join the community to post here.");
}
async function presentCommunity(db, actor, c, m) {
  const owners = await countOwners(db, c.id);
  const experts = canRead(actor, c, m) ? await selectExperts(db, c.id) : [];
  const [creatorRef] = c.createdBy ? await selectPersonRefs(db, c.orgId, [c.createdBy]) : [];
  return {
    ...summaryOf(c, m),
    rules: c.rules,
    rulesHtml: c.rulesHtml,
    rulesVersion: c.rulesVersion,
    createdBy: creatorRef ?? null,
    createdAt: toIso(c.createdAt),
    experts,
    abilities: abilities(actor, c, m, owners)
  };
}
function getCommunitySettings(db, _actor) {
  return selectSettings(db, _actor.orgId);
}
async function updateCommunitySettings(deps, actor, input) {
  if (!canChangeSettings(actor)) throw new AppError("FORBIDDEN", "Only organization admins can change community settings.");
  await upsertSettings(deps.db, actor.orgId, input.whoCanCreate);
  return selectSettings(deps.db, actor.orgId);
}
async function findCommunities(db, actor, q2) {
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectCommunityPage(db, actor, { q: q2.q || void 0, mine: q2.mine, kind: q2.kind, after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentSummary, (r) => [r.name, r.id]);
}
async function findRecommendedCommunities(db, actor, limit = 6) {
  const me = await selectPersonTopics(db, actor.personId);
  const candidates = await selectRecommendationCandidates(db, actor, me.department);
  const have = new Set(me.have);
  const want = new Set(me.want);
  const interests = new Set(me.interests.map((i) => i.toLowerCase()));
  const scored = candidates.map((row) => {
    const reasons = [];
    let score = Math.log2(1 + row.memberCount) / 4;
    const wanted = row.topics.filter((t) => want.has(t));
    const had = row.topics.filter((t) => have.has(t));
    const liked = row.topics.filter((t) => interests.has(t) && !want.has(t) && !have.has(t));
    if (wanted.length) reasons.push(`Helps you learn ${wanted.slice(0, 2).join(" and ")}`);
    if (had.length) reasons.push(`Your skills in ${had.slice(0, 2).join(" and ")} are welcome here`);
    if (liked.length) reasons.push(`Matches your interest in ${liked.slice(0, 2).join(" and ")}`);
    if (row.deptMembers > 0 && me.department) reasons.push(`${row.deptMembers} ${row.deptMembers === 1 ? "person" : "people"} from ${me.department}`);
    if (row.mStatus === "invited") reasons.unshift("You are invited");
    score += 3 * wanted.length + 2 * had.length + 2 * liked.length + Math.min(3, row.deptMembers / 2) + (row.mStatus === "invited" ? 10 : 0);
    return { row, score, reasons };
  });
  const items = scored.filter((s) => s.reasons.length > 0).sort((a, b) => b.score - a.score || a.row.name.localeCompare(b.row.name)).slice(0, limit).map((s) => ({ ...presentSummary(s.row), reasons: s.reasons }));
  return { items };
}
async function createCommunity(deps, actor, raw) {
  const input = CreateCommunityRequest.parse(raw);
  const settings = await selectSettings(deps.db, actor.orgId);
  if (!canCreate(actor, settings.whoCanCreate)) throw new AppError("FORBIDDEN", "In this organization only admins can create communities.");
  const rules = input.rules || DEFAULT_RULES;
  const base = slugify(input.name);
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await deps.events.transaction(deps.db, async (tx, emit) => {
        const taken = await selectSlugsLike(tx, actor.orgId, base);
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        const c = await insertCommunity(tx, {
          orgId: actor.orgId,
          slug,
          name: input.name,
          description: input.description,
          kind: input.kind,
          visibility: input.visibility,
          topics: [...new Set(input.topics)],
          rules,
          rulesHtml: renderMarkdown(rules),
          createdBy: actor.personId,
          memberCount: 1
        });
        await upsertMember(tx, { communityId: c.id, personId: actor.personId, orgId: actor.orgId, role: "owner", status: "active", rulesAccepted: c.rulesVersion });
        emit({ type: "communities.created", orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
        return c.id;
      });
      return getCommunity(deps.db, actor, id);
    } catch (err) {
      if (attempt < 3 && isUniqueViolation(err, "communities_org_slug_key")) continue;
      throw err;
    }
  }
}
async function getCommunity(db, actor, ref2) {
  const access2 = await loadCommunityAccess(db, actor, ref2);
  return presentCommunity(db, actor, access2.community, access2.member);
}
async function updateCommunity(deps, actor, id, input) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const access2 = await loadCommunityAccess(tx, actor, id);
    if (!access2.canModerate) throw access2.canRead ? new AppError("FORBIDDEN", "Only the community\u2019s moderators can change it.") : notFound("That community");
    const c = access2.community;
    const rulesChanged = input.rules !== void 0 && input.rules !== c.rules;
    const topics = input.topics ? [...new Set(input.topics.map((t) => t.toLowerCase()))] : void 0;
    const updated = await updateCommunityRow(tx, c.id, {
      ...input.name !== void 0 ? { name: input.name } : {},
      ...input.description !== void 0 ? { description: input.description } : {},
      ...input.visibility !== void 0 ? { visibility: input.visibility } : {},
      ...topics ? { topics } : {},
      ...rulesChanged ? { rules: input.rules, rulesHtml: renderMarkdown(input.rules), rulesVersion: c.rulesVersion + 1 } : {}
    });
    if (rulesChanged && access2.member?.status === "active") await updateMember(tx, c.id, actor.personId, { rulesAccepted: updated.rulesVersion });
    emit({ type: rulesChanged ? "communities.rules_changed" : "communities.updated", orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
  });
  invalidateCommunity(deps, id);
  void deps.hub.publish(communityChannel(id), { type: "changed", channel: communityChannel(id), what: "community", id });
  return getCommunity(deps.db, actor, id);
}
async function joinCommunity(deps, actor, id, acceptRulesVersion) {
  const result = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockCommunity(tx, id);
    const access2 = await loadCommunityAccess(tx, actor, id);
    const { community: c, member: m } = access2;
    if (m?.status === "active" || m?.status === "requested") return membershipOf(c, m);
    if (acceptRulesVersion !== c.rulesVersion) throw new AppError("RULES_OUTDATED", "The rules changed while you were reading them. Please read the new version.");
    let status;
    if (m?.status === "invited" || c.visibility === "open") status = "active";
    else if (c.visibility === "request") status = "requested";
    else throw new AppError("FORBIDDEN", "This community is by invitation only. Ask one of its moderators to invite you.");
    const row = await upsertMember(tx, { communityId: c.id, personId: actor.personId, orgId: actor.orgId, role: m?.role ?? "member", status, rulesAccepted: acceptRulesVersion });
    if (status === "active") {
      await bumpMemberCount(tx, c.id, 1);
      emit({ type: "communities.member_joined", orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
    } else emit({ type: "communities.join_requested", orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
    return membershipOf(c, row);
  });
  invalidateCommunity(deps, id);
  void deps.hub.publish(communityChannel(id), { type: "changed", channel: communityChannel(id), what: "members", id: actor.personId });
  return { membership: result };
}
async function acceptRules(deps, actor, id, version) {
  const access2 = await loadCommunityAccess(deps.db, actor, id);
  if (access2.member?.status !== "active") throw new AppError("FORBIDDEN", "Join the community first.");
  if (version !== access2.community.rulesVersion) throw new AppError("RULES_OUTDATED", "The rules changed while you were reading them. Please read the new version.");
  const row = await updateMember(deps.db, access2.community.id, actor.personId, { rulesAccepted: version });
  invalidateCommunity(deps, access2.community.id);
  return { membership: membershipOf(access2.community, row) };
}
async function leaveCommunity(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockCommunity(tx, id);
    const access2 = await loadCommunityAccess(tx, actor, id);
    const m = access2.member;
    if (!m) return;
    if (m.status === "active" && m.role === "owner" && await countOwners(tx, m.communityId) <= 1) {
      throw new AppError("LAST_OWNER", "You are the only owner. Make someone else an owner before you leave.");
    }
    await deleteMember(tx, m.communityId, actor.personId);
    if (m.status === "active") {
      await bumpMemberCount(tx, m.communityId, -1);
      emit({ type: "communities.member_left", orgId: actor.orgId, payload: { communityId: m.communityId, personId: actor.personId } });
    }
  });
  invalidateCommunity(deps, id);
  void deps.hub.publish(communityChannel(id), { type: "changed", channel: communityChannel(id), what: "members", id: actor.personId });
  return { membership: null };
}
function presentMember(r) {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    department: r.department,
    avatarUrl: r.avatarUrl,
    role: r.role,
    status: r.status,
    endorsements: r.endorsements,
    endorsedByMe: r.endorsedByMe,
    since: toIso(r.since)
  };
}
async function findMembers(db, actor, id, q2) {
  const access2 = await loadCommunityAccess(db, actor, id);
  if (!access2.canRead) throw new AppError("FORBIDDEN", "Only members can see who is in this community.");
  if (q2.status !== "active" && !access2.canModerate) throw new AppError("FORBIDDEN", "Only moderators can see requests and invitations.");
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectMemberPage(db, access2.community.id, actor.personId, { status: q2.status, after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentMember, (r) => [r.name, r.id]);
}
async function getMember(db, actor, communityId, personId, status) {
  const [row] = await selectMemberPage(db, communityId, actor.personId, { status, limit: 1, personId });
  if (!row) throw notFound("That member");
  return presentMember(row);
}
async function moderatorAccess(db, actor, id) {
  const access2 = await loadCommunityAccess(db, actor, id);
  if (!access2.canModerate) throw access2.canRead ? new AppError("FORBIDDEN", "Only the community\u2019s moderators can do that.") : notFound("That community");
  return access2;
}
async function inviteMembers(deps, actor, id, personIds) {
  const invited = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { community: c } = await moderatorAccess(tx, actor, id);
    const found = await selectActivePeople(tx, actor.orgId, [...new Set(personIds)]);
    if (found.length !== new Set(personIds).size) throw new AppError("VALIDATION_FAILED", "Some of these people are not active in your organization.", { errors: [{ field: "personIds", message: "Unknown person" }] });
    let n = 0;
    for (const p of found) {
      const existing = await selectCommunity(tx, actor.orgId, c.id, p.id);
      if (existing?.m) continue;
      await upsertMember(tx, { communityId: c.id, personId: p.id, orgId: actor.orgId, status: "invited", role: "member", rulesAccepted: 0 });
      emit({ type: "communities.member_invited", orgId: actor.orgId, payload: { communityId: c.id, personId: p.id, invitedBy: actor.personId } });
      n++;
    }
    return n;
  });
  invalidateCommunity(deps, id);
  return { invited };
}
async function updateMember2(deps, actor, id, personId, input) {
  const status = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockCommunity(tx, id);
    const { community: c, member: me } = await moderatorAccess(tx, actor, id);
    const target = (await selectCommunity(tx, actor.orgId, c.id, personId))?.m;
    if (!target) throw notFound("That member");
    const actorIsOwner = me?.status === "active" && me.role === "owner";
    if ((input.role === "owner" || target.role === "owner") && input.role && input.role !== target.role && !actorIsOwner && !actor.isAdmin) {
      throw new AppError("FORBIDDEN", "Only owners can make or remove owners.");
    }
    if (target.role === "owner" && input.role && input.role !== "owner" && await countOwners(tx, c.id) <= 1) {
      throw new AppError("LAST_OWNER", "A community needs at least one owner.");
    }
    const values = {};
    if (input.role) values.role = input.role;
    if (input.status === "active" && target.status === "requested") {
      values.status = "active";
      await bumpMemberCount(tx, c.id, 1);
      emit({ type: "communities.member_joined", orgId: actor.orgId, payload: { communityId: c.id, personId, approvedBy: actor.personId } });
    } else if (input.status === "active" && target.status !== "active") {
      throw new AppError("CONFLICT", "An invitation is accepted by the invited person, not by a moderator.");
    }
    if (Object.keys(values).length) await updateMember(tx, c.id, personId, values);
    return values.status ?? target.status;
  });
  invalidateCommunity(deps, id);
  void deps.hub.publish(communityChannel(id), { type: "changed", channel: communityChannel(id), what: "members", id: personId });
  return getMember(deps.db, actor, id, personId, status);
}
async function removeMember(deps, actor, id, personId) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockCommunity(tx, id);
    const { community: c } = await moderatorAccess(tx, actor, id);
    const target = (await selectCommunity(tx, actor.orgId, c.id, personId))?.m;
    if (!target) throw notFound("That member");
    if (target.status === "active" && target.role === "owner" && await countOwners(tx, c.id) <= 1) throw new AppError("LAST_OWNER", "A community needs at least one owner.");
    await deleteMember(tx, c.id, personId);
    if (target.status === "active") {
      await bumpMemberCount(tx, c.id, -1);
      emit({ type: "communities.member_removed", orgId: actor.orgId, payload: { communityId: c.id, personId, removedBy: actor.personId } });
    }
  });
  invalidateCommunity(deps, id);
  void deps.hub.publish(communityChannel(id), { type: "changed", channel: communityChannel(id), what: "members", id: personId });
}
async function endorseExpert(deps, actor, id, personId, endorse) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const access2 = await loadCommunityAccess(tx, actor, id);
    if (access2.member?.status !== "active") throw access2.canRead ? new AppError("FORBIDDEN", "Only members can endorse experts.") : notFound("That community");
    if (personId === actor.personId) throw new AppError("CONFLICT", "You cannot endorse yourself.");
    const target = (await selectCommunity(tx, actor.orgId, access2.community.id, personId))?.m;
    if (target?.status !== "active") throw notFound("That member");
    await setEndorsement(tx, { communityId: access2.community.id, personId, endorsedBy: actor.personId, orgId: actor.orgId }, endorse);
    emit({ type: endorse ? "communities.expert_endorsed" : "communities.endorsement_withdrawn", orgId: actor.orgId, payload: { communityId: access2.community.id, personId, endorsedBy: actor.personId } });
  });
  invalidateCommunity(deps, id);
  return getMember(deps.db, actor, id, personId, "active");
}
async function createCohortSpace(tx, orgId2, space) {
  const base = slugify(space.name);
  const taken = await selectSlugsLike(tx, orgId2, base);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const owners = [...new Set(space.ownerIds)];
  const members = [...new Set(space.memberIds)].filter((id) => !owners.includes(id));
  const c = await insertCommunity(tx, {
    orgId: orgId2,
    slug,
    name: space.name,
    description: space.description,
    kind: "cohort",
    visibility: "private",
    rules: DEFAULT_RULES,
    rulesHtml: renderMarkdown(DEFAULT_RULES),
    createdBy: space.createdBy,
    memberCount: owners.length + members.length
  });
  for (const id of owners) await upsertMember(tx, { communityId: c.id, personId: id, orgId: orgId2, role: "owner", status: "active", rulesAccepted: c.rulesVersion });
  for (const id of members) await upsertMember(tx, { communityId: c.id, personId: id, orgId: orgId2, role: "member", status: "active", rulesAccepted: 0 });
  return { id: c.id, slug: c.slug };
}

// server/src/modules/communities/communities.routes.ts
var IdParams2 = z17.object({ id: Id });
var RefParams = z17.object({ ref: z17.string().min(1).max(100) });
var MemberParams = z17.object({ id: Id, personId: Id });
function communitiesRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["communities"];
  r.get("/api/settings/communities", { schema: { tags, response: { 200: CommunitySettings } } }, (req) => getCommunitySettings(deps.db, requireActor(req)));
  r.put(
    "/api/settings/communities",
    { schema: { tags, body: CommunitySettings.strict(), response: { 200: CommunitySettings } } },
    (req) => updateCommunitySettings(deps, requireActor(req), req.body)
  );
  r.get(
    "/api/communities",
    { schema: { tags, querystring: FindCommunitiesQuery, response: { 200: CommunityPage } } },
    (req) => findCommunities(deps.db, requireActor(req), req.query)
  );
  r.get(
    "/api/communities/recommended",
    { schema: { tags, response: { 200: CommunityRecommendations } } },
    (req) => findRecommendedCommunities(deps.db, requireActor(req))
  );
  r.post(
    "/api/communities",
    { schema: { tags, body: CreateCommunityRequest, response: { 201: Community } } },
    async (req, reply) => reply.code(201).send(await createCommunity(deps, requireActor(req), req.body))
  );
  r.get(
    "/api/communities/:ref",
    { schema: { tags, params: RefParams, response: { 200: Community } } },
    (req) => getCommunity(deps.db, requireActor(req), req.params.ref)
  );
  r.patch(
    "/api/communities/:id",
    { schema: { tags, params: IdParams2, body: UpdateCommunityRequest, response: { 200: Community } } },
    (req) => updateCommunity(deps, requireActor(req), req.params.id, req.body)
  );
  r.post(
    "/api/communities/:id/join",
    { schema: { tags, params: IdParams2, body: JoinCommunityRequest, response: { 200: MembershipResponse } } },
    (req) => joinCommunity(deps, requireActor(req), req.params.id, req.body.acceptRulesVersion)
  );
  r.post(
    "/api/communities/:id/accept-rules",
    { schema: { tags, params: IdParams2, body: JoinCommunityRequest, response: { 200: MembershipResponse } } },
    (req) => acceptRules(deps, requireActor(req), req.params.id, req.body.acceptRulesVersion)
  );
  r.post(
    "/api/communities/:id/leave",
    { schema: { tags, params: IdParams2, response: { 200: MembershipResponse } } },
    (req) => leaveCommunity(deps, requireActor(req), req.params.id)
  );
  r.get(
    "/api/communities/:id/members",
    { schema: { tags, params: IdParams2, querystring: FindMembersQuery, response: { 200: MemberPage } } },
    (req) => findMembers(deps.db, requireActor(req), req.params.id, req.query)
  );
  r.post(
    "/api/communities/:id/members",
    { schema: { tags, params: IdParams2, body: InviteMembersRequest, response: { 200: z17.object({ invited: z17.number().int() }) } } },
    (req) => inviteMembers(deps, requireActor(req), req.params.id, req.body.personIds)
  );
  r.patch(
    "/api/communities/:id/members/:personId",
    { schema: { tags, params: MemberParams, body: UpdateMemberRequest, response: { 200: CommunityMember } } },
    (req) => updateMember2(deps, requireActor(req), req.params.id, req.params.personId, req.body)
  );
  r.delete("/api/communities/:id/members/:personId", { schema: { tags, params: MemberParams } }, async (req, reply) => {
    await removeMember(deps, requireActor(req), req.params.id, req.params.personId);
    return reply.code(204).send();
  });
  r.put(
    "/api/communities/:id/experts/:personId",
    { schema: { tags, params: MemberParams, body: EndorseExpertRequest, response: { 200: CommunityMember } } },
    (req) => endorseExpert(deps, requireActor(req), req.params.id, req.params.personId, req.body.endorse)
  );
}

// server/src/modules/communities/index.ts
async function register3(app, deps) {
  createAccessCache(deps, (msg, err) => app.log.warn({ err }, msg));
  communitiesRoutes(app, deps);
  deps.hub.allow("community", async (actor, id) => (await loadCommunityAccess(deps.db, actor, id)).canRead);
}

// server/src/modules/discussions/discussions.routes.ts
import { z as z18 } from "zod";

// server/src/modules/discussions/discussions.policy.ts
var canSeeDeleted = (access2) => access2.canModerate;
var canEdit2 = (actor, access2, p) => !p.deletedAt && (access2.canModerate || access2.canPost && p.authorId === actor.personId);
var canDelete = (actor, access2, p) => !p.deletedAt && (access2.canModerate || access2.canRead && p.authorId === actor.personId);
var canAccept = (actor, access2, thread) => thread.kind === "question" && (access2.canModerate || access2.canPost && thread.authorId === actor.personId);
var canReact = (access2, p) => access2.canPost && !p.deletedAt;
var canSeeHistory = (actor, access2, p) => access2.canModerate || p.authorId === actor.personId;
var canAnnounce = (access2) => access2.canModerate && access2.canPost;

// server/src/modules/discussions/discussions.repo.ts
import { and as and5, eq as eq6, sql as sql13 } from "drizzle-orm";
var threadColumns = sql13`t.id, t.community_id as "communityId", t.kind, t.title, t.author_id as "authorId", a.name as "authorName",
  a.title as "authorTitle", t.is_pinned as "isPinned", t.is_locked as "isLocked", t.accepted_post_id as "acceptedPostId",
  t.reply_count as "replyCount", t.created_at as "createdAt", t.last_activity_at as "lastActivityAt", t.excerpt,
  t.last_activity_at::text as k`;
function selectThreadPage(db, communityId, f) {
  const where = [sql13`t.community_id = ${communityId}`, sql13`t.deleted_at is null`];
  if (f.filter !== "all") where.push(sql13`t.kind = 'question'`);
  if (f.filter === "unanswered") where.push(sql13`t.answer_count = 0`);
  if (f.filter === "unsolved") where.push(sql13`t.accepted_post_id is null`);
  if (f.after) where.push(sql13`(t.is_pinned, t.last_activity_at, t.id) < (${f.after[0] === 1}, ${f.after[1]}::timestamptz, ${f.after[2]}::uuid)`);
  return selectRows(
    db,
    sql13`select ${threadColumns} from threads t join people a on a.id = t.author_id
        where ${sql13.join(where, sql13` and `)}
        order by t.is_pinned desc, t.last_activity_at desc, t.id desc limit ${f.limit}`
  );
}
function selectThread(db, orgId2, id) {
  return selectRow(
    db,
    sql13`select ${threadColumns}, t.deleted_at as "deletedAt", t.org_id as "orgId"
        from threads t join people a on a.id = t.author_id where t.org_id = ${orgId2} and t.id = ${id}`
  );
}
var REACTORS_KEPT = 50;
function selectPostPage(db, threadId, actorId, f) {
  const where = [sql13`p.thread_id = ${threadId}`];
  if (f.after) where.push(sql13`(p.created_at, p.id) > (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  if (f.postId) where.push(sql13`p.id = ${f.postId}`);
  return selectRows(
    db,
    sql13`select p.id, p.thread_id as "threadId", p.community_id as "communityId", p.author_id as "authorId", a.name as "authorName",
          a.title as "authorTitle", p.body, p.html, p.is_first as "isFirst", p.reply_to_id as "replyToId", p.created_at as "createdAt",
          p.edited_at as "editedAt", p.deleted_at as "deletedAt", p.created_at::text as k,
          coalesce((select json_agg(json_build_object('kind', r.kind, 'count', r.n, 'mine', r.mine, 'who', r.who) order by r.kind)
                    from (select kind, count(*)::int as n, bool_or(person_id = ${actorId}) as mine,
                                 case when count(*) <= ${REACTORS_KEPT} then array_agg(person_id) end as who
                          from post_reactions where post_id = p.id group by kind) r), '[]'::json) as reactions,
          exists (select 1 from community_experts e where e.community_id = p.community_id and e.person_id = p.author_id) as "isExpert"
        from posts p join people a on a.id = p.author_id
        where ${sql13.join(where, sql13` and `)}
        order by p.created_at, p.id limit ${f.limit}`
  );
}
async function selectPost(db, orgId2, id) {
  const [row] = await db.select().from(posts).where(and5(eq6(posts.orgId, orgId2), eq6(posts.id, id)));
  return row;
}
async function lockThread(db, id) {
  await db.execute(sql13`select 1 from threads where id = ${id} for update`);
}
async function insertThread(db, values) {
  const [row] = await db.insert(threads).values(values).returning();
  return row;
}
async function insertPost(db, values) {
  const [row] = await db.insert(posts).values(values).returning();
  return row;
}
async function insertMentions(db, orgId2, postId, personIds) {
  if (personIds.length) await db.insert(postMentions).values(personIds.map((personId) => ({ postId, personId, orgId: orgId2 }))).onConflictDoNothing();
}
async function updateThreadRow(db, id, values) {
  const [row] = await db.update(threads).set(values).where(eq6(threads.id, id)).returning();
  return row;
}
async function countReply(db, threadId, communityId, byOther, at) {
  await db.execute(
    sql13`update threads set reply_count = reply_count + 1, answer_count = answer_count + ${byOther ? 1 : 0}, last_activity_at = ${at}
        where id = ${threadId}`
  );
  await db.execute(sql13`update communities set last_activity_at = ${at} where id = ${communityId}`);
}
async function uncountReply(db, threadId, byOther) {
  await db.execute(
    sql13`update threads set reply_count = greatest(0, reply_count - 1), answer_count = greatest(0, answer_count - ${byOther ? 1 : 0}) where id = ${threadId}`
  );
}
async function countThread(db, communityId, delta, at) {
  await db.execute(
    at ? sql13`update communities set thread_count = thread_count + ${delta}, last_activity_at = ${at} where id = ${communityId}` : sql13`update communities set thread_count = greatest(0, thread_count + ${delta}) where id = ${communityId}`
  );
}
async function updatePostRow(db, id, values) {
  const [row] = await db.update(posts).set(values).where(eq6(posts.id, id)).returning();
  return row;
}
async function insertRevision(db, values) {
  await db.insert(postRevisions).values(values);
}
function selectRevisions(db, postId) {
  return selectRows(
    db,
    sql13`select r.body, r.edited_by as "editedById", p.name as "editedByName", p.title as "editedByTitle", r.created_at as "createdAt"
        from post_revisions r join people p on p.id = r.edited_by where r.post_id = ${postId} order by r.created_at desc`
  );
}
async function setReaction(db, v, on) {
  if (on) {
    const rows2 = await db.insert(postReactions).values(v).onConflictDoNothing().returning();
    return rows2.length > 0;
  }
  const rows = await db.delete(postReactions).where(and5(eq6(postReactions.postId, v.postId), eq6(postReactions.personId, v.personId), eq6(postReactions.kind, v.kind))).returning();
  return rows.length > 0;
}
function selectMentionable(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(db, sql13`select id from people where org_id = ${orgId2} and status = 'active' and id in ${ids}`);
}
async function selectMyReactions(db, personId, postIds) {
  if (!postIds.length) return /* @__PURE__ */ new Set();
  const rows = await selectRows(
    db,
    sql13`select post_id as "postId", kind from post_reactions where person_id = ${personId} and post_id in ${postIds}`
  );
  return new Set(rows.map((r) => `${r.postId}:${r.kind}`));
}
async function countAcceptedAnswers(db, orgId2, personIds) {
  if (personIds.length === 0) return /* @__PURE__ */ new Map();
  const rows = await selectRows(
    db,
    sql13`select p.author_id as "personId", count(*)::int as n from threads t join posts p on p.id = t.accepted_post_id
        where t.org_id = ${orgId2} and t.deleted_at is null and p.deleted_at is null and p.author_id <> t.author_id and p.author_id in ${personIds}
        group by p.author_id`
  );
  return new Map(rows.map((r) => [r.personId, Number(r.n)]));
}

// server/src/modules/discussions/discussions.service.ts
var threadChannel = (id) => `thread:${id}`;
function notifyThread(deps, threadId, communityId, what, id, opts = {}) {
  invalidateThreadPages(deps, communityId);
  void deps.hub.publish(threadChannel(threadId), { type: "changed", channel: threadChannel(threadId), what, id });
  if (opts.list === false) return;
  void deps.hub.publish(communityChannel(communityId), { type: "changed", channel: communityChannel(communityId), what: "threads", id: threadId });
}
function presentSummary2(t) {
  return {
    id: t.id,
    communityId: t.communityId,
    kind: t.kind,
    title: t.title,
    author: { id: t.authorId, name: t.authorName, title: t.authorTitle },
    isPinned: t.isPinned,
    isLocked: t.isLocked,
    isSolved: t.acceptedPostId !== null,
    replyCount: t.replyCount,
    createdAt: toIso(t.createdAt),
    lastActivityAt: toIso(t.lastActivityAt),
    excerpt: t.excerpt
  };
}
function postView(actor, access2, thread, p, isMine) {
  const hidden = p.deletedAt !== null && !canSeeDeleted(access2);
  const subject = { authorId: p.authorId, deletedAt: p.deletedAt };
  return {
    hidden,
    mine: hidden ? [] : p.reactions.map(isMine),
    abilities: {
      canEdit: canEdit2(actor, access2, subject),
      canDelete: canDelete(actor, access2, subject),
      canAccept: !p.isFirst && !p.deletedAt && canAccept(actor, access2, thread),
      canReact: canReact(access2, subject),
      canSeeHistory: !hidden && p.editedAt !== null && canSeeHistory(actor, access2, subject)
    }
  };
}
function viewKey(v) {
  const a = v.abilities;
  let key = v.hidden ? "h" : "v";
  key += `${+a.canEdit}${+a.canDelete}${+a.canAccept}${+a.canReact}${+a.canSeeHistory}`;
  for (const m of v.mine) key += m ? "1" : "0";
  return key;
}
function presentPost(actor, access2, thread, p, view = postView(actor, access2, thread, p, (x) => x.mine)) {
  const { hidden } = view;
  return {
    id: p.id,
    threadId: p.threadId,
    author: hidden ? null : { id: p.authorId, name: p.authorName, title: p.authorTitle, isExpert: p.isExpert },
    body: hidden ? "" : p.body,
    html: hidden ? "" : p.html,
    isFirst: p.isFirst,
    isAccepted: thread.acceptedPostId === p.id,
    replyToId: p.replyToId,
    createdAt: toIso(p.createdAt),
    editedAt: p.editedAt ? toIso(p.editedAt) : null,
    isDeleted: p.deletedAt !== null,
    reactions: hidden ? [] : p.reactions.map((r, i) => ({ kind: r.kind, count: r.count, mine: view.mine[i] })),
    abilities: view.abilities
  };
}
async function loadThread(db, actor, id) {
  const thread = await selectThread(db, actor.orgId, id);
  if (!thread) throw notFound("That thread");
  let access2;
  try {
    access2 = await loadCommunityAccess(db, actor, thread.communityId);
  } catch {
    throw notFound("That thread");
  }
  if (!access2.canRead || thread.deletedAt && !canSeeDeleted(access2)) throw notFound("That thread");
  return { thread, access: access2 };
}
async function loadPost(db, actor, id) {
  const post = await selectPost(db, actor.orgId, id);
  if (!post) throw notFound("That post");
  const { thread, access: access2 } = await loadThread(db, actor, post.threadId).catch(() => {
    throw notFound("That post");
  });
  return { post, thread, access: access2 };
}
async function mentionsIn(db, orgId2, body, authorId) {
  const ids = extractMentions(body).filter((id) => id !== authorId);
  return (await selectMentionable(db, orgId2, ids)).map((r) => r.id);
}
async function findThreads(db, actor, communityId, q2) {
  const access2 = await loadCommunityAccess(db, actor, communityId);
  if (!access2.canRead) throw new AppError("FORBIDDEN", "Only members can read this community\u2019s discussions.");
  const after = q2.cursor ? decodeCursor(q2.cursor, 3) : void 0;
  const rows = await selectThreadPage(db, access2.community.id, { filter: q2.filter, after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentSummary2, (r) => [r.isPinned ? 1 : 0, r.k, r.id]);
}
async function loadThreadPageRows(db, orgId2, id, after, limit) {
  const thread = await selectThread(db, orgId2, id);
  if (!thread) return null;
  const rows = await selectPostPage(db, thread.id, NO_VIEWER, { after, limit: limit + 1 });
  const experts = thread.kind === "question" ? (await selectExperts(db, thread.communityId, 5)).map(({ id: id2, name, title }) => ({ id: id2, name, title })) : [];
  const acceptedId = thread.acceptedPostId;
  const accepted = acceptedId && !rows.slice(0, limit).some((r) => r.id === acceptedId) ? (await selectPostPage(db, thread.id, NO_VIEWER, { limit: 1, postId: acceptedId }))[0] ?? null : null;
  return { thread, rows, experts, accepted };
}
var NO_VIEWER = "00000000-0000-0000-0000-000000000000";
var threadPageCaches = /* @__PURE__ */ new WeakMap();
function invalidateThreadPages(deps, communityId) {
  void threadPageCaches.get(deps.db)?.invalidate(communityScope(communityId));
}
function createThreadPageCache(deps, log) {
  threadPageCaches.set(deps.db, new ScopedCache(deps.hub.bus, "thread-pages", { ttlMs: 3e4, max: 5e3, log }));
}
async function getThread(db, actor, id, q2) {
  const ctx = await loadThreadContext(db, actor, id, q2);
  return presentThread(actor, ctx, q2, viewsOf(actor, ctx, q2));
}
async function loadThreadContext(db, actor, id, q2) {
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const cache2 = threadPageCaches.get(db);
  const loaded = cache2 ? await cache2.getOrLoad(`${actor.orgId}:${id}:${q2.limit}:${q2.cursor ?? ""}`, async () => {
    const v = await loadThreadPageRows(db, actor.orgId, id, after, q2.limit);
    return v ? { scope: communityScope(v.thread.communityId), value: v } : null;
  }) : await loadThreadPageRows(db, actor.orgId, id, after, q2.limit);
  if (!loaded) throw notFound("That thread");
  const { thread } = loaded;
  const access2 = await loadCommunityAccess(db, actor, thread.communityId, { cached: true }).catch(() => {
    throw notFound("That thread");
  });
  if (!access2.canRead || thread.deletedAt && !canSeeDeleted(access2)) throw notFound("That thread");
  const all = loaded.accepted ? [...loaded.rows, loaded.accepted] : loaded.rows;
  const needQuery = all.some((r) => r.reactions.some((x) => !x.who));
  const reacted = needQuery ? await selectMyReactions(db, actor.personId, all.map((r) => r.id)) : null;
  const isMine = (postId, x) => reacted ? reacted.has(`${postId}:${x.kind}`) : (x.who ?? []).includes(actor.personId);
  return { loaded, access: access2, isMine, cached: !!cache2 };
}
function viewsOf(actor, { loaded, access: access2, isMine }, q2) {
  const view = (r) => postView(actor, access2, loaded.thread, r, (x) => isMine(r.id, x));
  return { posts: loaded.rows.slice(0, q2.limit).map(view), accepted: loaded.accepted ? view(loaded.accepted) : null };
}
function replyBlockedReason(thread, access2) {
  if (thread.deletedAt) return "This thread was deleted.";
  if (thread.isLocked) return "This thread is locked: no new replies.";
  if (access2.mustAcceptRules) return "The community rules changed. Accept them to reply.";
  if (!access2.canPost) return "Join the community to reply.";
  return null;
}
function presentThread(actor, { loaded, access: access2 }, q2, views) {
  const { thread, experts } = loaded;
  const page2 = toPage(loaded.rows, q2.limit, (p) => p, (r) => [r.k, r.id]);
  const posts2 = page2.items.map((p, i) => presentPost(actor, access2, thread, p, views.posts[i]));
  const blocked = replyBlockedReason(thread, access2);
  return {
    ...presentSummary2(thread),
    community: { id: access2.community.id, name: access2.community.name, slug: access2.community.slug },
    acceptedPostId: thread.acceptedPostId,
    acceptedPost: loaded.accepted && views.accepted ? presentPost(actor, access2, thread, loaded.accepted, views.accepted) : posts2.find((p) => p.id === thread.acceptedPostId) ?? null,
    posts: posts2,
    nextCursor: page2.nextCursor,
    experts,
    abilities: { canReply: blocked === null, canModerate: access2.canModerate, replyBlockedReason: blocked }
  };
}
var checkedBases = /* @__PURE__ */ new WeakSet();
var pageJsonByBase = /* @__PURE__ */ new WeakMap();
var postJsonByView = /* @__PURE__ */ new WeakMap();
function memo(store, owner, key, max, make) {
  let views = store.get(owner);
  if (!views) store.set(owner, views = /* @__PURE__ */ new Map());
  let value = views.get(key);
  if (value === void 0) {
    value = make();
    if (views.size < max) views.set(key, value);
  }
  return value;
}
async function getThreadJson(db, actor, id, q2) {
  const ctx = await loadThreadContext(db, actor, id, q2);
  const views = viewsOf(actor, ctx, q2);
  if (!ctx.cached) return JSON.stringify(presentThread(actor, ctx, q2, views));
  const { loaded, access: access2 } = ctx;
  const postKeys = views.posts.map(viewKey);
  const acceptedKey = views.accepted ? viewKey(views.accepted) : "";
  const pageKey = `${+access2.canModerate}\0${replyBlockedReason(loaded.thread, access2) ?? ""}\0${access2.community.name}\0${access2.community.slug}\0${acceptedKey}\0${postKeys.join(",")}`;
  return memo(pageJsonByBase, loaded, pageKey, 16, () => {
    const thread = presentThread(actor, ctx, q2, views);
    if (!checkedBases.has(loaded)) {
      Thread.parse(thread);
      checkedBases.add(loaded);
    }
    const { posts: posts2, acceptedPost, ...head } = thread;
    const postsJson = posts2.map((p, i) => memo(postJsonByView, loaded.rows[i], postKeys[i], 16, () => JSON.stringify(p)));
    const acceptedAt = acceptedPost ? posts2.indexOf(acceptedPost) : -1;
    const acceptedJson = !acceptedPost ? "null" : acceptedAt >= 0 ? postsJson[acceptedAt] : loaded.accepted ? memo(postJsonByView, loaded.accepted, acceptedKey, 16, () => JSON.stringify(acceptedPost)) : JSON.stringify(acceptedPost);
    const headJson = JSON.stringify(head);
    return Buffer.from(`${headJson.slice(0, -1)},"acceptedPost":${acceptedJson},"posts":[${postsJson.join(",")}]}`);
  });
}
async function createThread(deps, actor, communityId, raw) {
  const input = CreateThreadRequest.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    const access2 = await loadCommunityAccess(tx, actor, communityId);
    assertCanPost(access2);
    if (input.kind === "announcement" && !canAnnounce(access2)) throw new AppError("FORBIDDEN", "Only moderators can post announcements.");
    const c = access2.community;
    const now = /* @__PURE__ */ new Date();
    const thread = await insertThread(tx, {
      orgId: actor.orgId,
      communityId: c.id,
      authorId: actor.personId,
      kind: input.kind,
      title: input.title,
      isPinned: input.kind === "announcement",
      excerpt: plainExcerpt(input.body),
      createdAt: now,
      lastActivityAt: now
    });
    const post = await insertPost(tx, {
      orgId: actor.orgId,
      threadId: thread.id,
      communityId: c.id,
      authorId: actor.personId,
      body: input.body,
      html: renderMarkdown(input.body),
      isFirst: true,
      createdAt: now
    });
    await countThread(tx, c.id, 1, now);
    const mentioned = await mentionsIn(tx, actor.orgId, input.body, actor.personId);
    await insertMentions(tx, actor.orgId, post.id, mentioned);
    emit({ type: "discussions.thread_created", orgId: actor.orgId, payload: { threadId: thread.id, communityId: c.id, personId: actor.personId, kind: input.kind } });
    if (mentioned.length) emit({ type: "discussions.mentioned", orgId: actor.orgId, payload: { postId: post.id, threadId: thread.id, communityId: c.id, personIds: mentioned, by: actor.personId } });
    return thread.id;
  });
  notifyThread(deps, id, communityId, "thread", id);
  return getThread(deps.db, actor, id, { limit: 50 });
}
async function replyToThread(deps, actor, threadId, input) {
  const { postId, communityId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockThread(tx, threadId);
    const { thread, access: access2 } = await loadThread(tx, actor, threadId);
    if (thread.deletedAt) throw notFound("That thread");
    assertCanPost(access2);
    if (thread.isLocked) throw new AppError("THREAD_LOCKED", "This thread is locked: no new replies.");
    if (input.replyToId) {
      const quoted = await selectPost(tx, actor.orgId, input.replyToId);
      if (!quoted || quoted.threadId !== thread.id) {
        throw new AppError("VALIDATION_FAILED", "You can only quote a post of the same thread.", { errors: [{ field: "replyToId", message: "Not a post of this thread" }] });
      }
    }
    const now = /* @__PURE__ */ new Date();
    const post = await insertPost(tx, {
      orgId: actor.orgId,
      threadId: thread.id,
      communityId: thread.communityId,
      authorId: actor.personId,
      body: input.body,
      html: renderMarkdown(input.body),
      replyToId: input.replyToId ?? null,
      createdAt: now
    });
    await countReply(tx, thread.id, thread.communityId, actor.personId !== thread.authorId, now);
    const mentioned = await mentionsIn(tx, actor.orgId, input.body, actor.personId);
    await insertMentions(tx, actor.orgId, post.id, mentioned);
    const base = { postId: post.id, threadId: thread.id, communityId: thread.communityId };
    emit({ type: "discussions.reply_posted", orgId: actor.orgId, payload: { ...base, personId: actor.personId, threadAuthorId: thread.authorId, kind: thread.kind } });
    if (mentioned.length) emit({ type: "discussions.mentioned", orgId: actor.orgId, payload: { ...base, personIds: mentioned, by: actor.personId } });
    return { postId: post.id, communityId: thread.communityId };
  });
  notifyThread(deps, threadId, communityId, "post", postId);
  return getPost(deps.db, actor, postId);
}
async function getPost(db, actor, id) {
  const { post, thread, access: access2 } = await loadPost(db, actor, id);
  const [row] = await selectPostPage(db, post.threadId, actor.personId, { limit: 1, postId: post.id });
  return presentPost(actor, access2, thread, row);
}
async function editPost(deps, actor, id, body) {
  const { threadId, communityId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { post, thread, access: access2 } = await loadPost(tx, actor, id);
    if (!canEdit2(actor, access2, post)) throw new AppError("FORBIDDEN", "You can only edit your own posts.");
    if (thread.isLocked && !access2.canModerate) throw new AppError("THREAD_LOCKED", "This thread is locked.");
    if (body === post.body) return { threadId: thread.id, communityId: thread.communityId };
    await insertRevision(tx, { orgId: actor.orgId, postId: post.id, body: post.body, editedBy: actor.personId });
    await updatePostRow(tx, post.id, { body, html: renderMarkdown(body), editedAt: /* @__PURE__ */ new Date() });
    if (post.isFirst) await updateThreadRow(tx, thread.id, { excerpt: plainExcerpt(body) });
    const mentioned = await mentionsIn(tx, actor.orgId, body, post.authorId);
    await insertMentions(tx, actor.orgId, post.id, mentioned);
    emit({ type: "discussions.post_edited", orgId: actor.orgId, payload: { postId: post.id, threadId: thread.id, communityId: thread.communityId, by: actor.personId } });
    return { threadId: thread.id, communityId: thread.communityId };
  });
  notifyThread(deps, threadId, communityId, "post", id, { list: false });
  return getPost(deps.db, actor, id);
}
async function deletePost(deps, actor, id) {
  const { threadId, communityId } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { post, thread, access: access2 } = await loadPost(tx, actor, id);
    if (!canDelete(actor, access2, post)) throw new AppError("FORBIDDEN", "You can only delete your own posts.");
    await lockThread(tx, thread.id);
    const now = /* @__PURE__ */ new Date();
    await updatePostRow(tx, post.id, { deletedAt: now, deletedBy: actor.personId });
    if (post.isFirst) {
      await updateThreadRow(tx, thread.id, { deletedAt: now, deletedBy: actor.personId });
      await countThread(tx, thread.communityId, -1);
    } else {
      await uncountReply(tx, thread.id, post.authorId !== thread.authorId);
      if (thread.acceptedPostId === post.id) await updateThreadRow(tx, thread.id, { acceptedPostId: null });
    }
    emit({ type: "discussions.post_deleted", orgId: actor.orgId, payload: { postId: post.id, threadId: thread.id, communityId: thread.communityId, by: actor.personId, authorId: post.authorId } });
    return { threadId: thread.id, communityId: thread.communityId };
  });
  notifyThread(deps, threadId, communityId, "post", id);
  return getPost(deps.db, actor, id);
}
async function deleteThread(deps, actor, id) {
  const { thread } = await loadThread(deps.db, actor, id);
  const [first] = await selectPostPage(deps.db, thread.id, actor.personId, { limit: 1 });
  if (thread.deletedAt || !first) throw notFound("That thread");
  await deletePost(deps, actor, first.id);
}
async function updateThread(deps, actor, id, input) {
  const communityId = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { thread, access: access2 } = await loadThread(tx, actor, id);
    const isAuthor = thread.authorId === actor.personId && access2.canPost;
    if ((input.isPinned !== void 0 || input.isLocked !== void 0) && !access2.canModerate) throw new AppError("FORBIDDEN", "Only moderators can pin or lock threads.");
    if (input.title !== void 0 && !isAuthor && !access2.canModerate) throw new AppError("FORBIDDEN", "Only the author or a moderator can rename a thread.");
    await updateThreadRow(tx, thread.id, input);
    emit({ type: "discussions.thread_updated", orgId: actor.orgId, payload: { threadId: thread.id, communityId: thread.communityId, by: actor.personId, changes: Object.keys(input) } });
    return thread.communityId;
  });
  notifyThread(deps, id, communityId, "thread", id);
  return getThread(deps.db, actor, id, { limit: 50 });
}
async function acceptAnswer(deps, actor, id, postId) {
  const communityId = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockThread(tx, id);
    const { thread, access: access2 } = await loadThread(tx, actor, id);
    if (thread.kind !== "question") throw new AppError("CONFLICT", "Only questions have accepted answers.");
    if (!canAccept(actor, access2, thread)) throw new AppError("FORBIDDEN", "Only the person who asked, or a moderator, can accept an answer.");
    if (postId) {
      const post = await selectPost(tx, actor.orgId, postId);
      if (!post || post.threadId !== thread.id || post.isFirst || post.deletedAt) {
        throw new AppError("VALIDATION_FAILED", "Choose a reply of this question.", { errors: [{ field: "postId", message: "Not a reply of this question" }] });
      }
      emit({ type: "discussions.answer_accepted", orgId: actor.orgId, payload: { threadId: thread.id, postId, answererId: post.authorId, askerId: thread.authorId, communityId: thread.communityId, by: actor.personId } });
    }
    await updateThreadRow(tx, thread.id, { acceptedPostId: postId });
    return thread.communityId;
  });
  notifyThread(deps, id, communityId, "accepted", postId ?? void 0);
  return getThread(deps.db, actor, id, { limit: 50 });
}
async function reactToPost(deps, actor, id, kind, on) {
  const { post, access: access2 } = await loadPost(deps.db, actor, id);
  if (!canReact(access2, post)) throw new AppError("FORBIDDEN", "Join the community to react to posts.");
  const changed = await deps.events.transaction(deps.db, async (tx, emit) => {
    const did = await setReaction(tx, { postId: post.id, personId: actor.personId, kind, orgId: actor.orgId }, on);
    if (did && on) emit({ type: "discussions.reaction_added", orgId: actor.orgId, payload: { postId: post.id, threadId: post.threadId, authorId: post.authorId, personId: actor.personId, kind } });
    return did;
  });
  if (changed) notifyThread(deps, post.threadId, post.communityId, "reaction", id, { list: false });
  return getPost(deps.db, actor, id);
}
async function findPostRevisions(db, actor, id) {
  const { post, access: access2 } = await loadPost(db, actor, id);
  if (!canSeeHistory(actor, access2, post) || post.deletedAt && !canSeeDeleted(access2)) throw new AppError("FORBIDDEN", "Only the author and moderators can see earlier versions.");
  const rows = await selectRevisions(db, post.id);
  return { items: rows.map((r) => ({ body: r.body, editedBy: { id: r.editedById, name: r.editedByName, title: r.editedByTitle }, editedAt: toIso(r.createdAt) })) };
}
async function getThreadRef(db, actor, id) {
  const { thread } = await loadThread(db, actor, id);
  if (thread.deletedAt) throw notFound("That thread");
  return { id: thread.id, title: thread.title, communityId: thread.communityId };
}
async function canFollowThread(db, actor, id) {
  await loadThread(db, actor, id);
  return true;
}

// server/src/modules/discussions/discussions.routes.ts
var IdParams3 = z18.object({ id: Id });
function discussionsRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["discussions"];
  const posts2 = new FailureLimiter(deps.config.POSTS_PER_MINUTE, 6e4);
  const postingLimit = async (req) => {
    const actor = requireActor(req);
    const wait = posts2.retryAfter(actor.personId);
    if (wait) throw new AppError("RATE_LIMITED", `You are posting very fast. Please wait ${wait} seconds.`, { retryAfterSeconds: wait });
    posts2.fail(actor.personId);
  };
  r.get(
    "/api/communities/:id/threads",
    { schema: { tags, params: IdParams3, querystring: FindThreadsQuery, response: { 200: ThreadPage } } },
    (req) => findThreads(deps.db, requireActor(req), req.params.id, req.query)
  );
  r.post(
    "/api/communities/:id/threads",
    { schema: { tags, params: IdParams3, body: CreateThreadRequest, response: { 201: Thread } }, preHandler: postingLimit },
    async (req, reply) => reply.code(201).send(await createThread(deps, requireActor(req), req.params.id, req.body))
  );
  r.get(
    "/api/threads/:id",
    { schema: { tags, params: IdParams3, querystring: GetThreadQuery, response: { 200: Thread } } },
    async (req, reply) => sendJson(reply, await getThreadJson(deps.db, requireActor(req), req.params.id, req.query))
  );
  r.patch(
    "/api/threads/:id",
    { schema: { tags, params: IdParams3, body: UpdateThreadRequest, response: { 200: Thread } } },
    (req) => updateThread(deps, requireActor(req), req.params.id, req.body)
  );
  r.delete("/api/threads/:id", { schema: { tags, params: IdParams3 } }, async (req, reply) => {
    await deleteThread(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post(
    "/api/threads/:id/posts",
    { schema: { tags, params: IdParams3, body: CreateReplyRequest, response: { 201: Post } }, preHandler: postingLimit },
    async (req, reply) => reply.code(201).send(await replyToThread(deps, requireActor(req), req.params.id, req.body))
  );
  r.put(
    "/api/threads/:id/accepted",
    { schema: { tags, params: IdParams3, body: AcceptAnswerRequest, response: { 200: Thread } } },
    (req) => acceptAnswer(deps, requireActor(req), req.params.id, req.body.postId)
  );
  r.get("/api/posts/:id", { schema: { tags, params: IdParams3, response: { 200: Post } } }, (req) => getPost(deps.db, requireActor(req), req.params.id));
  r.patch(
    "/api/posts/:id",
    { schema: { tags, params: IdParams3, body: EditPostRequest, response: { 200: Post } } },
    (req) => editPost(deps, requireActor(req), req.params.id, req.body.body)
  );
  r.delete("/api/posts/:id", { schema: { tags, params: IdParams3, response: { 200: Post } } }, (req) => deletePost(deps, requireActor(req), req.params.id));
  r.post(
    "/api/posts/:id/reactions",
    { schema: { tags, params: IdParams3, body: ReactRequest, response: { 200: Post } } },
    (req) => reactToPost(deps, requireActor(req), req.params.id, req.body.kind, true)
  );
  r.delete(
    "/api/posts/:id/reactions/:kind",
    { schema: { tags, params: z18.object({ id: Id, kind: ReactionKind }), response: { 200: Post } } },
    (req) => reactToPost(deps, requireActor(req), req.params.id, req.params.kind, false)
  );
  r.get(
    "/api/posts/:id/revisions",
    { schema: { tags, params: IdParams3, response: { 200: PostRevisions } } },
    (req) => findPostRevisions(deps.db, requireActor(req), req.params.id)
  );
  r.post(
    "/api/markdown/preview",
    { schema: { tags, body: z18.object({ body: z18.string().max(COMMUNITY_LIMITS.postBody) }).strict(), response: { 200: z18.object({ html: z18.string() }) } } },
    async (req) => {
      requireActor(req);
      return { html: renderMarkdown(req.body.body) };
    }
  );
}

// server/src/modules/discussions/index.ts
async function register4(app, deps) {
  createThreadPageCache(deps, (msg, err) => app.log.warn({ err }, msg));
  discussionsRoutes(app, deps);
  for (const type of ["communities.expert_endorsed", "communities.endorsement_withdrawn"]) {
    deps.events.on(type, (e) => invalidateThreadPages(deps, String(e.payload.communityId)));
  }
  deps.hub.allow("thread", (actor, id) => canFollowThread(deps.db, actor, id));
}

// server/src/modules/events/events.policy.ts
var isOrganizer = (actor) => actor.isAdmin || actor.roles.includes("facilitator");
var canCreate2 = (actor, community) => community ? community.canModerate || isOrganizer(actor) && community.canRead : isOrganizer(actor);
var canSee2 = (actor, e, rel) => actor.orgId === e.orgId && (e.communityId === null || rel.canReadCommunity || rel.isHost);
var canEdit3 = (actor, e, rel) => canSee2(actor, e, rel) && (rel.isHost || isOrganizer(actor) || rel.canModerateCommunity);
var isOpen = (e, now) => e.status === "scheduled" && now.getTime() < e.endsAt.getTime();
var JOIN_OPENS_MS = 15 * 6e4;
var isJoinable = (e, now) => isOpen(e, now) && now.getTime() >= e.startsAt.getTime() - JOIN_OPENS_MS;
var canSeeJoinUrl = (actor, e, rel) => canSee2(actor, e, rel) && (rel.rsvp === "going" || canEdit3(actor, e, rel));
function abilities2(actor, e, rel, now) {
  const see = canSee2(actor, e, rel);
  const edit = canEdit3(actor, e, rel);
  const open = see && isOpen(e, now);
  const participant = canSeeJoinUrl(actor, e, rel);
  return {
    canEdit: edit,
    canCancel: edit && e.status === "scheduled",
    canRsvp: open,
    canJoin: open && participant && isJoinable(e, now),
    canAsk: open && participant,
    canModerateQuestions: edit,
    canManageAttendees: edit
  };
}
var canUpvote = (actor, authorId, hidden) => actor.personId !== authorId && !hidden;

// server/src/modules/events/events.repo.ts
import { and as and6, eq as eq7, sql as sql14 } from "drizzle-orm";
var columns = (viewerId) => sql14`e.id, e.org_id as "orgId", e.community_id as "communityId", e.program_id as "programId",
  e.live_session_id as "liveSessionId", e.kind, e.title, e.description, e.description_html as "descriptionHtml", e.starts_at as "startsAt",
  e.ends_at as "endsAt", e.time_zone as "timeZone", e.location, e.join_url as "joinUrl", e.capacity, e.status, e.recording_url as "recordingUrl",
  e.guest_speakers as "guestSpeakers", e.sequence, e.going_count as "goingCount", e.waitlist_count as "waitlistCount", e.created_by as "createdBy",
  e.created_at as "createdAt", e.updated_at as "updatedAt", c.name as "communityName", c.slug as "communitySlug",
  c.visibility as "communityVisibility", m.status as "memberStatus", m.role as "memberRole",
  exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${viewerId}) as "isHost", r.status as "myRsvp"`;
var joins = (viewerId) => sql14`from events e
  left join communities c on c.id = e.community_id
  left join community_members m on m.community_id = e.community_id and m.person_id = ${viewerId}
  left join event_rsvps r on r.event_id = e.id and r.person_id = ${viewerId}`;
function selectEvent(db, orgId2, viewerId, id) {
  return selectRow(db, sql14`select ${columns(viewerId)} ${joins(viewerId)} where e.org_id = ${orgId2} and e.id = ${id}`);
}
async function lockEvent(db, orgId2, id) {
  await db.execute(sql14`select 1 from events where org_id = ${orgId2} and id = ${id} for update`);
}
function selectCalendar(db, viewer, f) {
  const me = viewer.personId;
  const where = [
    sql14`e.org_id = ${viewer.orgId}`,
    sql14`e.starts_at < ${f.to}::timestamptz`,
    sql14`e.ends_at > ${f.from}::timestamptz`,
    sql14`(e.community_id is null or c.visibility = 'open' or m.status = 'active' or exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${me}))`
  ];
  if (f.communityId) where.push(sql14`e.community_id = ${f.communityId}`);
  if (f.programId) where.push(sql14`e.program_id = ${f.programId}`);
  if (f.kind) where.push(sql14`e.kind = ${f.kind}`);
  if (f.mine) where.push(sql14`(r.status in ('going', 'waitlisted') or exists (select 1 from event_hosts h where h.event_id = e.id and h.person_id = ${me}))`);
  return selectRows(db, sql14`select ${columns(me)} ${joins(me)} where ${sql14.join(where, sql14` and `)} order by e.starts_at, e.id limit ${f.limit}`);
}
function selectHosts(db, eventIds) {
  if (!eventIds.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql14`select h.event_id as "eventId", p.id, p.name, p.title from event_hosts h join people p on p.id = h.person_id
        where h.event_id in ${eventIds} order by p.name, p.id`
  );
}
function selectMyRsvps(db, personId, eventIds) {
  if (!eventIds.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql14`select r.event_id as "eventId", r.status,
          case when r.status = 'waitlisted' then (select count(*)::int from event_rsvps w where w.event_id = r.event_id and w.status = 'waitlisted'
            and (w.responded_at, w.person_id) <= (r.responded_at, r.person_id)) end as position,
          a.attended_at as "attendedAt"
        from event_rsvps r left join event_attendance a on a.event_id = r.event_id and a.person_id = r.person_id
        where r.person_id = ${personId} and r.event_id in ${eventIds}`
  );
}
async function selectAttendance(db, eventId, personId) {
  const [row] = await db.select().from(eventAttendance).where(and6(eq7(eventAttendance.eventId, eventId), eq7(eventAttendance.personId, personId)));
  return row;
}
function selectActivePeople2(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(db, sql14`select id from people where org_id = ${orgId2} and status = 'active' and id in ${ids}`);
}
async function programExists(db, orgId2, id) {
  return Boolean(await selectRow(db, sql14`select 1 as one from programs where org_id = ${orgId2} and id = ${id}`));
}
function selectRefs2(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(db, sql14`select id, name, title from people where org_id = ${orgId2} and id in ${ids}`);
}
async function insertEvent(db, values) {
  const [row] = await db.insert(events).values(values).returning({ id: events.id });
  return row;
}
async function updateEventRow(db, id, values) {
  await db.update(events).set({ ...values, updatedAt: /* @__PURE__ */ new Date() }).where(eq7(events.id, id));
}
async function setHosts(db, orgId2, eventId, personIds) {
  await db.delete(eventHosts).where(eq7(eventHosts.eventId, eventId));
  if (personIds.length) await db.insert(eventHosts).values([...new Set(personIds)].map((personId) => ({ eventId, personId, orgId: orgId2 })));
}
function selectResources(db, eventId) {
  return selectRows(
    db,
    sql14`select a.id, a.resource_id as "resourceId", coalesce(a.title, res.title, '') as title, coalesce(a.url, res.url) as url
        from event_resources a left join resources res on res.id = a.resource_id
        where a.event_id = ${eventId} and (a.resource_id is null or res.deleted_at is null) order by a.position`
  );
}
async function setResources(db, orgId2, eventId, items) {
  await db.delete(eventResources).where(eq7(eventResources.eventId, eventId));
  if (items.length) {
    await db.insert(eventResources).values(items.map((i, position) => ({ eventId, orgId: orgId2, position, resourceId: i.resourceId ?? null, title: i.resourceId ? null : i.title, url: i.resourceId ? null : i.url })));
  }
}
async function selectRsvp(db, eventId, personId) {
  const [row] = await db.select().from(eventRsvps).where(and6(eq7(eventRsvps.eventId, eventId), eq7(eventRsvps.personId, personId)));
  return row;
}
async function upsertRsvp(db, v) {
  const dayDone = sql14`case when ${v.status} = 'going' and (select starts_at from events where id = ${v.eventId}) <= now() + interval '24 hours' then now() end`;
  await db.execute(sql14`insert into event_rsvps (event_id, person_id, org_id, status, responded_at, reminded_day_at)
    values (${v.eventId}, ${v.personId}, ${v.orgId}, ${v.status}, clock_timestamp(), ${dayDone})
    on conflict (event_id, person_id) do update set status = excluded.status, responded_at = excluded.responded_at,
      reminded_day_at = excluded.reminded_day_at, reminded_soon_at = null`);
}
async function countGoing(db, eventId) {
  const row = await selectRow(db, sql14`select count(*)::int as n from event_rsvps where event_id = ${eventId} and status = 'going'`);
  return row?.n ?? 0;
}
async function firstWaitlisted(db, eventId) {
  const row = await selectRow(
    db,
    sql14`select person_id as "personId" from event_rsvps where event_id = ${eventId} and status = 'waitlisted' order by responded_at, person_id limit 1`
  );
  return row?.personId;
}
async function refreshCounts(db, eventId) {
  await db.execute(sql14`update events set
      going_count = (select count(*)::int from event_rsvps where event_id = ${eventId} and status = 'going'),
      waitlist_count = (select count(*)::int from event_rsvps where event_id = ${eventId} and status = 'waitlisted')
    where id = ${eventId}`);
}
function selectGoing(db, eventId) {
  return selectRows(
    db,
    sql14`select p.id, p.org_id as "orgId", p.name, p.email, p.time_zone as "timeZone" from event_rsvps r join people p on p.id = r.person_id
        where r.event_id = ${eventId} and r.status = 'going' and p.status = 'active'`
  );
}
function selectRecipients(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql14`select id, org_id as "orgId", name, email, time_zone as "timeZone" from people where org_id = ${orgId2} and status = 'active' and id in ${ids}`
  );
}
async function resetReminders(db, eventId) {
  await db.execute(sql14`update event_rsvps set
      reminded_day_at = case when (select starts_at from events where id = ${eventId}) <= now() + interval '24 hours' then now() end,
      reminded_soon_at = null
    where event_id = ${eventId}`);
}
async function recordAttendance(db, v) {
  await db.execute(sql14`insert into event_attendance (event_id, person_id, org_id, marked_by) values (${v.eventId}, ${v.personId}, ${v.orgId}, ${v.markedBy})
    on conflict (event_id, person_id) do nothing`);
  return selectAttendance(db, v.eventId, v.personId);
}
async function deleteAttendance(db, eventId, personId) {
  await db.delete(eventAttendance).where(and6(eq7(eventAttendance.eventId, eventId), eq7(eventAttendance.personId, personId)));
}
function selectAttendees(db, eventId) {
  return selectRows(
    db,
    sql14`with x as (
          select coalesce(r.person_id, a.person_id) as person_id, r.status, r.responded_at, a.attended_at
          from (select * from event_rsvps where event_id = ${eventId}) r
          full join (select * from event_attendance where event_id = ${eventId}) a on a.person_id = r.person_id
        )
        select p.id, p.name, p.title, p.email, x.status,
          case when x.status = 'waitlisted' then row_number() over (partition by x.status order by x.responded_at, x.person_id)::int end as position,
          x.responded_at as "respondedAt", x.attended_at as "attendedAt"
        from x join people p on p.id = x.person_id
        order by case x.status when 'going' then 0 when 'waitlisted' then 1 when 'not_going' then 2 else 3 end, x.responded_at nulls last, p.name, p.id`
  );
}
async function isHostOf(db, eventId, personId) {
  return Boolean(await selectRow(db, sql14`select 1 as one from event_hosts where event_id = ${eventId} and person_id = ${personId}`));
}

// server/src/modules/events/events.access.ts
var eventChannel = (id) => `event:${id}`;
function eventChanged(deps, id, what, itemId = id) {
  const channel = eventChannel(id);
  void deps.hub.publish(channel, { type: "changed", channel, what, id: itemId });
}
var subjectOf = (row) => ({
  orgId: row.orgId,
  communityId: row.communityId,
  status: row.status,
  startsAt: new Date(toIso(row.startsAt)),
  endsAt: new Date(toIso(row.endsAt))
});
function relationFromRow(actor, row) {
  const canRead2 = row.communityId === null || row.communityVisibility === "open" || row.memberStatus === "active";
  const moderates = row.communityId !== null && (row.memberStatus === "active" && (row.memberRole === "owner" || row.memberRole === "moderator") || actor.isAdmin && canRead2);
  return { isHost: row.isHost, canReadCommunity: canRead2, canModerateCommunity: moderates, rsvp: row.myRsvp };
}
async function loadEvent(db, actor, id) {
  const row = await selectEvent(db, actor.orgId, actor.personId, id);
  if (!row) throw notFound("That event");
  let rel = { isHost: row.isHost, canReadCommunity: true, canModerateCommunity: false, rsvp: row.myRsvp };
  if (row.communityId) {
    const access2 = await loadCommunityAccess(db, actor, row.communityId).catch(() => null);
    rel = { ...rel, canReadCommunity: access2?.canRead ?? false, canModerateCommunity: access2?.canModerate ?? false };
  }
  const subject = subjectOf(row);
  if (!canSee2(actor, subject, rel)) throw notFound("That event");
  return { row, rel, subject };
}
async function loadForEditor(db, actor, id) {
  const e = await loadEvent(db, actor, id);
  if (!canEdit3(actor, e.subject, e.rel)) throw new AppError("FORBIDDEN", "Only the event\u2019s hosts and organizers can do that.");
  return e;
}
function assertOpen(e, now) {
  if (e.subject.status === "cancelled") throw new AppError("EVENT_CANCELLED", "This event has been cancelled.");
  if (now.getTime() >= e.subject.endsAt.getTime()) throw new AppError("EVENT_ENDED", "This event has already ended.");
}
async function canSeeEvent(db, actor, id) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  return loadEvent(db, actor, id).then(
    () => true,
    () => false
  );
}

// server/src/modules/events/events.routes.ts
import { z as z20 } from "zod";

// server/src/modules/resources/resources.routes.ts
import multipart from "@fastify/multipart";
import { z as z19 } from "zod";

// server/src/modules/resources/resources.repo.ts
import { and as and7, eq as eq8, sql as sql15 } from "drizzle-orm";
function selectResourceForAccess(db, orgId2, id) {
  return selectRow(
    db,
    sql15`select id, org_id as "orgId", title, type, url, media_id as "mediaId", community_id as "communityId",
          author_id as "authorId", deleted_at as "deletedAt"
        from resources where org_id = ${orgId2} and id = ${id}`
  );
}
var resourceColumns = sql15`r.id, r.org_id as "orgId", r.title, r.type, r.url, r.media_id as "mediaId",
  r.community_id as "communityId", r.author_id as "authorId", r.deleted_at as "deletedAt", r.summary,
  r.duration_minutes as "durationMinutes", r.tags, r.rating_sum as "ratingSum", r.rating_count as "ratingCount",
  r.created_at as "createdAt", r.created_at::text as k, a.name as "authorName", a.title as "authorTitle",
  c.name as "communityName", c.slug as "communitySlug", md.kind as "mediaKind", md.mime as "mediaMime",
  md.size_bytes as "mediaSize", md.original_name as "mediaName",
  coalesce(m.status = 'active' and m.role in ('owner', 'moderator'), false) as "actorModerates"`;
var resourceJoins = (actorId) => sql15`from resources r join people a on a.id = r.author_id
  left join communities c on c.id = r.community_id
  left join community_members m on m.community_id = r.community_id and m.person_id = ${actorId}
  left join media md on md.id = r.media_id`;
var readable = sql15`(r.community_id is null or c.visibility = 'open' or m.status = 'active')`;
function selectResource(db, orgId2, actorId, id) {
  return selectRow(db, sql15`select ${resourceColumns} ${resourceJoins(actorId)} where r.org_id = ${orgId2} and r.id = ${id}`);
}
function selectResourcePage(db, orgId2, actorId, f) {
  const where = [sql15`r.org_id = ${orgId2}`, sql15`r.deleted_at is null`, readable];
  if (f.communityId) where.push(sql15`r.community_id = ${f.communityId}`);
  if (f.library) where.push(sql15`r.community_id is null`);
  if (f.authorId) where.push(sql15`r.author_id = ${f.authorId}`);
  if (f.tag) where.push(sql15`r.tags @> array[${f.tag}]::text[]`);
  if (f.type) where.push(sql15`r.type = ${f.type}`);
  if (f.after) where.push(sql15`(r.created_at, r.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql15`select ${resourceColumns} ${resourceJoins(actorId)} where ${sql15.join(where, sql15` and `)}
        order by r.created_at desc, r.id desc limit ${f.limit}`
  );
}
function selectReadableResources(db, orgId2, actorId, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql15`select ${resourceColumns} ${resourceJoins(actorId)}
        where r.org_id = ${orgId2} and r.deleted_at is null and ${readable} and r.id in (${sql15.join(
      ids.map((i) => sql15`${i}::uuid`),
      sql15`, `
    )})`
  );
}
async function insertResource(db, v) {
  const [row] = await db.insert(resources).values(v).returning({ id: resources.id });
  return row.id;
}
async function updateResource(db, id, v) {
  await db.update(resources).set({ ...v, updatedAt: sql15`now()` }).where(eq8(resources.id, id));
}
async function softDeleteResource(db, id) {
  await db.update(resources).set({ deletedAt: sql15`now()` }).where(eq8(resources.id, id));
}
function lockResource(db, id) {
  return selectRow(db, sql15`select id from resources where id = ${id} for update`);
}
function selectReviews(db, resourceId, limit) {
  return selectRows(
    db,
    sql15`select v.person_id as "personId", p.name as "personName", p.title as "personTitle", v.rating, v.review,
          v.created_at as "createdAt", v.updated_at as "updatedAt"
        from resource_reviews v join people p on p.id = v.person_id
        where v.resource_id = ${resourceId} order by v.updated_at desc, v.person_id limit ${limit}`
  );
}
function selectReview(db, resourceId, personId) {
  return selectRow(
    db,
    sql15`select v.person_id as "personId", p.name as "personName", p.title as "personTitle", v.rating, v.review,
          v.created_at as "createdAt", v.updated_at as "updatedAt"
        from resource_reviews v join people p on p.id = v.person_id where v.resource_id = ${resourceId} and v.person_id = ${personId}`
  );
}
async function upsertReview(db, v, previous) {
  await db.insert(resourceReviews).values(v).onConflictDoUpdate({ target: [resourceReviews.resourceId, resourceReviews.personId], set: { rating: v.rating, review: v.review, updatedAt: sql15`now()` } });
  await db.update(resources).set({ ratingSum: sql15`${resources.ratingSum} + ${v.rating - (previous ?? 0)}`, ratingCount: sql15`${resources.ratingCount} + ${previous === null ? 1 : 0}` }).where(eq8(resources.id, v.resourceId));
}
async function deleteReview(db, resourceId, personId, previous) {
  await db.delete(resourceReviews).where(and7(eq8(resourceReviews.resourceId, resourceId), eq8(resourceReviews.personId, personId)));
  await db.update(resources).set({ ratingSum: sql15`${resources.ratingSum} - ${previous}`, ratingCount: sql15`${resources.ratingCount} - 1` }).where(eq8(resources.id, resourceId));
}

// server/src/modules/resources/resources.access.ts
async function loadResourceAccess(db, actor, resourceId) {
  const row = /^[0-9a-f-]{36}$/i.test(resourceId) ? await selectResourceForAccess(db, actor.orgId, resourceId) : void 0;
  if (!row || row.deletedAt) throw notFound("That resource");
  if (row.communityId) {
    const access2 = await loadCommunityAccess(db, actor, row.communityId).catch(() => null);
    if (!access2?.canRead) throw notFound("That resource");
  }
  const { id, title, type, url, communityId, authorId } = row;
  return { resource: { id, title, type, url, communityId, authorId }, canRead: true };
}

// server/src/modules/resources/collections.repo.ts
import { and as and8, eq as eq9, sql as sql16 } from "drizzle-orm";
var columns2 = sql16`l.id, l.org_id as "orgId", l.community_id as "communityId", l.owner_id as "ownerId", o.name as "ownerName",
  o.title as "ownerTitle", l.title, l.description, l.updated_at as "updatedAt",
  coalesce((select array_agg(i.resource_id order by i.position) from collection_items i where i.collection_id = l.id), '{}') as "resourceIds"`;
function selectCollection(db, orgId2, id) {
  return selectRow(db, sql16`select ${columns2} from collections l join people o on o.id = l.owner_id where l.org_id = ${orgId2} and l.id = ${id}`);
}
function selectCollections(db, orgId2, f) {
  return selectRows(
    db,
    sql16`select ${columns2} from collections l join people o on o.id = l.owner_id
        where l.org_id = ${orgId2} and ${f.communityId ? sql16`l.community_id = ${f.communityId}` : sql16`l.community_id is null`}
          ${f.ownerId ? sql16`and l.owner_id = ${f.ownerId}` : sql16``}
        order by l.updated_at desc, l.id desc limit ${f.limit}`
  );
}
function selectItems(db, collectionId) {
  return selectRows(
    db,
    sql16`select resource_id as "resourceId", note, position from collection_items where collection_id = ${collectionId} order by position`
  );
}
async function insertCollection(db, v) {
  const [row] = await db.insert(collections).values(v).returning({ id: collections.id });
  return row.id;
}
async function touchCollection(db, id, v = {}) {
  await db.update(collections).set({ ...v, updatedAt: sql16`now()` }).where(eq9(collections.id, id));
}
function lockCollection(db, id) {
  return selectRow(db, sql16`select id from collections where id = ${id} for update`);
}
async function deleteCollection(db, id) {
  await db.delete(collections).where(eq9(collections.id, id));
}
async function upsertItem(db, v) {
  await db.execute(sql16`insert into collection_items (collection_id, resource_id, org_id, position, note)
    values (${v.collectionId}, ${v.resourceId}, ${v.orgId},
      (select coalesce(max(position), -1) + 1 from collection_items where collection_id = ${v.collectionId}), ${v.note})
    on conflict (collection_id, resource_id) do update set note = excluded.note`);
}
async function deleteItem(db, collectionId, resourceId) {
  const gone2 = await db.delete(collectionItems).where(and8(eq9(collectionItems.collectionId, collectionId), eq9(collectionItems.resourceId, resourceId))).returning({ id: collectionItems.resourceId });
  return gone2.length > 0;
}
async function setPositions(db, collectionId, resourceIds) {
  for (const [position, resourceId] of resourceIds.entries()) {
    await db.update(collectionItems).set({ position }).where(and8(eq9(collectionItems.collectionId, collectionId), eq9(collectionItems.resourceId, resourceId)));
  }
}

// server/src/modules/resources/resources.policy.ts
var canEditResource = (actor, place, r) => !r.deletedAt && (r.authorId === actor.personId || place.canModerate);
var canDeleteResource = canEditResource;
var canReview = (actor, r) => !r.deletedAt && r.authorId !== actor.personId;
var canEditCollection = (actor, place, c) => c.ownerId === actor.personId || place.canModerate;
var canAttachMedia = (actor, m) => m.ownerId === actor.personId;

// server/src/modules/resources/media.repo.ts
import { eq as eq10, sql as sql17 } from "drizzle-orm";
async function insertMedia(db, v) {
  const [row] = await db.insert(media).values(v).returning();
  return row;
}
async function selectMedia(db, orgId2, id) {
  return selectRow(
    db,
    sql17`select id, org_id as "orgId", owner_id as "ownerId", community_id as "communityId", kind, mime, size_bytes as "sizeBytes",
          storage_key as "storageKey", original_name as "originalName", sha256, created_at as "createdAt"
        from media where org_id = ${orgId2} and id = ${id}`
  );
}
function selectResourcesUsingMedia(db, mediaId) {
  return selectRows(db, sql17`select id from resources where media_id = ${mediaId} and deleted_at is null limit 20`);
}

// server/src/modules/resources/resources.service.ts
function notify(deps, actor, communityId, id) {
  const channel = communityId ? communityChannel(communityId) : `org:${actor.orgId}`;
  void deps.hub.publish(channel, { type: "changed", channel, what: "resources", id });
}
var placeOf = (actor, row) => ({ canModerate: row.actorModerates || actor.isAdmin });
function presentResource(actor, r) {
  const place = placeOf(actor, r);
  return {
    id: r.id,
    community: r.communityId ? { id: r.communityId, name: r.communityName ?? "", slug: r.communitySlug ?? "" } : null,
    author: { id: r.authorId, name: r.authorName, title: r.authorTitle },
    type: r.type,
    title: r.title,
    summary: r.summary,
    url: r.url,
    media: r.mediaId && r.mediaKind ? { id: r.mediaId, kind: r.mediaKind, mime: r.mediaMime ?? "", sizeBytes: Number(r.mediaSize), originalName: r.mediaName ?? "", url: `/api/media/${r.mediaId}` } : null,
    durationMinutes: r.durationMinutes,
    tags: r.tags,
    ratingAverage: r.ratingCount > 0 ? Math.round(r.ratingSum / r.ratingCount * 10) / 10 : null,
    ratingCount: r.ratingCount,
    createdAt: toIso(r.createdAt),
    abilities: {
      canEdit: canEditResource(actor, place, r),
      canDelete: canDeleteResource(actor, place, r),
      canReview: canReview(actor, r)
    }
  };
}
function presentReview(v) {
  return {
    person: { id: v.personId, name: v.personName, title: v.personTitle },
    rating: v.rating,
    review: v.review,
    createdAt: toIso(v.createdAt),
    updatedAt: toIso(v.updatedAt)
  };
}
async function loadResource(db, actor, id) {
  const row = await selectResource(db, actor.orgId, actor.personId, id);
  if (!row || row.deletedAt) throw notFound("That resource");
  if (row.communityId) {
    const access2 = await loadCommunityAccess(db, actor, row.communityId).catch(() => null);
    if (!access2?.canRead) throw notFound("That resource");
  }
  return row;
}
async function findResources(db, actor, q2) {
  if (q2.communityId) {
    const access2 = await loadCommunityAccess(db, actor, q2.communityId);
    if (!access2.canRead) throw new AppError("FORBIDDEN", "Only members can see this community\u2019s resources.");
  }
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectResourcePage(db, actor.orgId, actor.personId, {
    communityId: q2.communityId,
    library: q2.library,
    authorId: q2.mine ? actor.personId : void 0,
    tag: q2.tag,
    type: q2.type,
    after,
    limit: q2.limit + 1
  });
  return toPage(rows, q2.limit, (r) => presentResource(actor, r), (r) => [r.k, r.id]);
}
async function getResource(db, actor, id) {
  const row = await loadResource(db, actor, id);
  const reviews = await selectReviews(db, row.id, 100);
  const mine = reviews.find((v) => v.personId === actor.personId) ?? await selectReview(db, row.id, actor.personId);
  return { ...presentResource(actor, row), reviews: reviews.map(presentReview), myReview: mine ? presentReview(mine) : null };
}
async function createResource(deps, actor, raw) {
  const input = CreateResourceRequest.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.communityId) assertCanPost(await loadCommunityAccess(tx, actor, input.communityId));
    if (input.mediaId) {
      const m = await selectMedia(tx, actor.orgId, input.mediaId);
      if (!m || !canAttachMedia(actor, m)) {
        throw new AppError("VALIDATION_FAILED", "Attach a file you uploaded.", { errors: [{ field: "mediaId", message: "Not an upload of yours" }] });
      }
    }
    const resourceId = await insertResource(tx, {
      orgId: actor.orgId,
      communityId: input.communityId,
      authorId: actor.personId,
      type: input.type,
      title: input.title,
      summary: input.summary,
      url: input.url,
      mediaId: input.mediaId,
      durationMinutes: input.durationMinutes,
      tags: input.tags
    });
    emit({
      type: "resources.shared",
      orgId: actor.orgId,
      payload: { resourceId, communityId: input.communityId, personId: actor.personId, title: input.title, tags: input.tags }
    });
    return resourceId;
  });
  notify(deps, actor, input.communityId, id);
  return getResource(deps.db, actor, id);
}
async function updateResource2(deps, actor, id, raw) {
  const input = UpdateResourceRequest.parse(raw);
  const row = await deps.events.transaction(deps.db, async (tx) => {
    const r = await loadResource(tx, actor, id);
    if (!canEditResource(actor, placeOf(actor, r), r)) throw new AppError("FORBIDDEN", "Only the person who shared it or a moderator can edit it.");
    if (input.url !== void 0 && r.url === null) {
      throw new AppError("VALIDATION_FAILED", "An uploaded file has no link to change.", { errors: [{ field: "url", message: "This resource is an uploaded file" }] });
    }
    await updateResource(tx, r.id, input);
    return r;
  });
  notify(deps, actor, row.communityId, id);
  return getResource(deps.db, actor, id);
}
async function deleteResource(deps, actor, id) {
  const row = await deps.events.transaction(deps.db, async (tx) => {
    const r = await loadResource(tx, actor, id);
    if (!canDeleteResource(actor, placeOf(actor, r), r)) throw new AppError("FORBIDDEN", "Only the person who shared it or a moderator can delete it.");
    await softDeleteResource(tx, r.id);
    return r;
  });
  notify(deps, actor, row.communityId, id);
}
async function reviewResource(deps, actor, id, raw) {
  const input = ReviewResourceRequest.parse(raw);
  const row = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockResource(tx, id);
    const r = await loadResource(tx, actor, id);
    if (!canReview(actor, r)) throw new AppError("FORBIDDEN", "You cannot rate a resource you shared.");
    const previous = await selectReview(tx, r.id, actor.personId);
    await upsertReview(tx, { orgId: actor.orgId, resourceId: r.id, personId: actor.personId, rating: input.rating, review: input.review }, previous?.rating ?? null);
    emit({ type: "resources.reviewed", orgId: actor.orgId, payload: { resourceId: r.id, personId: actor.personId, authorId: r.authorId, rating: input.rating } });
    return r;
  });
  notify(deps, actor, row.communityId, id);
  return getResource(deps.db, actor, id);
}
async function deleteReview2(deps, actor, id) {
  const row = await deps.events.transaction(deps.db, async (tx) => {
    await lockResource(tx, id);
    const r = await loadResource(tx, actor, id);
    const previous = await selectReview(tx, r.id, actor.personId);
    if (!previous) throw notFound("Your review");
    await deleteReview(tx, r.id, actor.personId, previous.rating);
    return r;
  });
  notify(deps, actor, row.communityId, id);
  return getResource(deps.db, actor, id);
}
async function readableResources(db, actor, ids) {
  const rows = await selectReadableResources(db, actor.orgId, actor.personId, ids);
  return new Map(rows.map((r) => [r.id, presentResource(actor, r)]));
}
async function canSeeMediaThroughResources(db, actor, mediaId) {
  const ids = (await selectResourcesUsingMedia(db, mediaId)).map((r) => r.id);
  return (await readableResources(db, actor, ids)).size > 0;
}

// server/src/modules/resources/collections.service.ts
async function placeOf2(db, actor, communityId) {
  if (!communityId) return { canModerate: actor.isAdmin };
  const access2 = await loadCommunityAccess(db, actor, communityId).catch(() => null);
  if (!access2?.canRead) throw notFound("That collection");
  return { canModerate: access2.canModerate };
}
async function loadCollection(db, actor, id) {
  const c = await selectCollection(db, actor.orgId, id);
  if (!c) throw notFound("That collection");
  return { c, place: await placeOf2(db, actor, c.communityId) };
}
async function loadEditable(db, actor, id) {
  const loaded = await loadCollection(db, actor, id);
  if (!canEditCollection(actor, loaded.place, loaded.c)) throw new AppError("FORBIDDEN", "Only the curator or a moderator can change this collection.");
  return loaded;
}
function presentSummary3(actor, place, c, visible) {
  const canEdit6 = canEditCollection(actor, place, c);
  return {
    id: c.id,
    communityId: c.communityId,
    owner: { id: c.ownerId, name: c.ownerName, title: c.ownerTitle },
    title: c.title,
    description: c.description,
    itemCount: c.resourceIds.filter((r) => visible.has(r)).length,
    updatedAt: toIso(c.updatedAt),
    abilities: { canEdit: canEdit6, canDelete: canEdit6 }
  };
}
async function findCollections(db, actor, q2) {
  const communityId = q2.communityId ?? null;
  const place = await placeOf2(db, actor, communityId).catch(() => {
    throw notFound("That community");
  });
  const rows = await selectCollections(db, actor.orgId, { communityId, ownerId: q2.mine ? actor.personId : void 0, limit: 100 });
  const visible = await readableResources(db, actor, [...new Set(rows.flatMap((r) => r.resourceIds))]);
  return { items: rows.map((r) => presentSummary3(actor, place, r, visible)) };
}
async function getCollection(db, actor, id) {
  const { c, place } = await loadCollection(db, actor, id);
  const items = await selectItems(db, c.id);
  const visible = await readableResources(db, actor, items.map((i) => i.resourceId));
  return {
    ...presentSummary3(actor, place, c, visible),
    items: items.flatMap((i) => {
      const resource = visible.get(i.resourceId);
      return resource ? [{ resource, note: i.note }] : [];
    })
  };
}
async function createCollection(deps, actor, raw) {
  const input = CreateCollectionRequest.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx) => {
    if (input.communityId) assertCanPost(await loadCommunityAccess(tx, actor, input.communityId));
    return insertCollection(tx, { orgId: actor.orgId, communityId: input.communityId, ownerId: actor.personId, title: input.title, description: input.description });
  });
  return getCollection(deps.db, actor, id);
}
async function updateCollection(deps, actor, id, raw) {
  const input = UpdateCollectionRequest.parse(raw);
  await deps.events.transaction(deps.db, async (tx) => {
    await loadEditable(tx, actor, id);
    await touchCollection(tx, id, input);
  });
  return getCollection(deps.db, actor, id);
}
async function deleteCollection2(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx) => {
    await loadEditable(tx, actor, id);
    await deleteCollection(tx, id);
  });
}
async function putItem(deps, actor, id, resourceId, raw) {
  const input = PutCollectionItemRequest.parse(raw);
  await deps.events.transaction(deps.db, async (tx) => {
    await lockCollection(tx, id);
    await loadEditable(tx, actor, id);
    await loadResourceAccess(tx, actor, resourceId);
    const items = await selectItems(tx, id);
    if (!items.some((i) => i.resourceId === resourceId) && items.length >= RESOURCE_LIMITS.collectionItems) {
      throw new AppError("CONFLICT", `A collection holds at most ${RESOURCE_LIMITS.collectionItems} resources.`);
    }
    await upsertItem(tx, { orgId: actor.orgId, collectionId: id, resourceId, note: input.note });
    await touchCollection(tx, id);
  });
  return getCollection(deps.db, actor, id);
}
async function removeItem(deps, actor, id, resourceId) {
  await deps.events.transaction(deps.db, async (tx) => {
    await lockCollection(tx, id);
    await loadEditable(tx, actor, id);
    if (!await deleteItem(tx, id, resourceId)) throw notFound("That item");
    await touchCollection(tx, id);
  });
  return getCollection(deps.db, actor, id);
}
async function reorderItems(deps, actor, id, input) {
  await deps.events.transaction(deps.db, async (tx) => {
    await lockCollection(tx, id);
    await loadEditable(tx, actor, id);
    const current = (await selectItems(tx, id)).map((i) => i.resourceId);
    const listed = [...new Set(input.resourceIds)];
    if (listed.length !== input.resourceIds.length || listed.some((r) => !current.includes(r))) {
      throw new AppError("VALIDATION_FAILED", "List each item of the collection once.", { errors: [{ field: "resourceIds", message: "Unknown or repeated item" }] });
    }
    await setPositions(tx, id, [...listed, ...current.filter((r) => !listed.includes(r))]);
    await touchCollection(tx, id);
  });
  return getCollection(deps.db, actor, id);
}

// server/src/modules/resources/media.http.ts
import { createReadStream } from "node:fs";
function parseRange(header, size) {
  if (!header) return void 0;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || m[1] === "" && m[2] === "") return void 0;
  if (m[1] === "") {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return null;
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start2 = Number(m[1]);
  const end2 = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start2 >= size || end2 < start2) return null;
  return { start: start2, end: end2 };
}
var encodeRfc5987 = (s) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
var INLINE_KINDS = /* @__PURE__ */ new Set(["image", "audio", "video"]);
function sendMediaFile(reply, f, rangeHeader) {
  const { media: media2, path, size } = f;
  const disposition = INLINE_KINDS.has(media2.kind) ? "inline" : "attachment";
  const fallback = media2.originalName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  reply.header("Content-Type", media2.mime).header("X-Content-Type-Options", "nosniff").header("Content-Disposition", `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(media2.originalName)}`).header("Cache-Control", "private, max-age=3600").header("Accept-Ranges", "bytes").header("ETag", `"${media2.sha256}"`);
  const range = parseRange(rangeHeader, size);
  if (range === null) return reply.code(416).header("Content-Range", `bytes */${size}`).send();
  if (range) {
    reply.code(206).header("Content-Range", `bytes ${range.start}-${range.end}/${size}`).header("Content-Length", range.end - range.start + 1);
    return reply.send(createReadStream(path, { start: range.start, end: range.end }));
  }
  return reply.code(200).header("Content-Length", size).send(createReadStream(path));
}

// server/src/modules/resources/media.service.ts
import { createHash as createHash2, randomUUID as randomUUID2 } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { dirname as dirname2, join as join3, resolve, sep } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

// server/src/modules/resources/media.sniff.ts
var SNIFF_BYTES = 64;
var ascii = (b, at, s) => b.length >= at + s.length && b.toString("latin1", at, at + s.length) === s;
function sniff(head) {
  if (head.length >= 3 && head[0] === 255 && head[1] === 216 && head[2] === 255) return { image: "image/jpeg" };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return { image: "image/png" };
  if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) return { image: "image/gif" };
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) return { image: "image/webp" };
  if (ascii(head, 0, "RIFF") && ascii(head, 8, "WAVE")) return { audio: "audio/wav" };
  if (ascii(head, 0, "%PDF-")) return { pdf: "application/pdf" };
  if (ascii(head, 0, "ID3")) return { audio: "audio/mpeg" };
  if (head.length >= 2 && head[0] === 255 && (head[1] & 224) === 224 && (head[1] & 6) !== 0 && (head[1] & 24) !== 8) return { audio: "audio/mpeg" };
  if (ascii(head, 0, "OggS")) return head.includes("theora", 0, "latin1") ? { video: "video/ogg" } : { audio: "audio/ogg", video: "video/ogg" };
  if (ascii(head, 4, "ftyp")) {
    const brand = head.toString("latin1", 8, 12);
    if (brand === "M4A " || brand === "M4B " || brand === "M4P ") return { audio: "audio/mp4" };
    if (brand === "qt  ") return { video: "video/quicktime" };
    if (/^(hei|hev|mif|msf|avi)/.test(brand)) return null;
    return { video: "video/mp4", audio: "audio/mp4" };
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 440786851) {
    return head.includes("webm", 0, "latin1") ? { video: "video/webm", audio: "audio/webm" } : { video: "video/x-matroska" };
  }
  return null;
}
var EXTENSION_KIND = {
  jpg: "image",
  jpeg: "image",
  png: "image",
  gif: "image",
  webp: "image",
  mp3: "audio",
  m4a: "audio",
  m4b: "audio",
  wav: "audio",
  ogg: "audio",
  oga: "audio",
  opus: "audio",
  weba: "audio",
  mp4: "video",
  m4v: "video",
  mov: "video",
  webm: "video",
  mkv: "video",
  ogv: "video",
  pdf: "pdf"
};
function declaredMimeKind(mime) {
  const m = mime.toLowerCase().split(";")[0].trim();
  if (!m || m === "application/octet-stream") return void 0;
  if (m === "application/pdf") return "pdf";
  const top = m.split("/")[0];
  if ((top === "image" || top === "audio" || top === "video") && !m.includes("svg")) return top;
  return null;
}
function extensionKind(name) {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return void 0;
  return EXTENSION_KIND[name.slice(dot + 1).toLowerCase()] ?? null;
}
function resolveType(sniffed, declaredMime, fileName) {
  if (!sniffed) return null;
  const declared = [declaredMimeKind(declaredMime), extensionKind(fileName)];
  if (declared.some((k) => k === null)) return null;
  const wanted = declared.filter((k) => k !== void 0);
  const candidates = Object.keys(sniffed);
  if (wanted.some((k) => !candidates.includes(k))) return null;
  const kind = wanted[0] ?? candidates[0];
  return { kind, mime: sniffed[kind] };
}

// server/src/modules/resources/media.service.ts
var MAX_MEDIA_BYTES = Math.max(...Object.values(RESOURCE_LIMITS.mediaBytes));
var MULTIPART_OVERHEAD = 16 * 1024;
var MB = 1024 * 1024;
var tooLarge = (kind) => new AppError("PAYLOAD_TOO_LARGE", `This ${kind === "pdf" ? "PDF" : kind} is too large: the limit is ${RESOURCE_LIMITS.mediaBytes[kind] / MB} MB.`);
var unsupported = () => new AppError("UNSUPPORTED_MEDIA_TYPE", "This file type is not accepted. Upload a JPEG, PNG, GIF or WebP image, MP3, M4A, OGG or WAV audio, MP4, MOV or WebM video, or a PDF \u2014 with a name that matches its content.");
function presentMedia(m) {
  return { id: m.id, kind: m.kind, mime: m.mime, sizeBytes: Number(m.sizeBytes), originalName: m.originalName, url: `/api/media/${m.id}` };
}
function assertUploadLength(contentLength2) {
  if (contentLength2 !== void 0 && contentLength2 > MAX_MEDIA_BYTES + MULTIPART_OVERHEAD) {
    throw new AppError("PAYLOAD_TOO_LARGE", `This file is too large: the limit is ${MAX_MEDIA_BYTES / MB} MB for video and less for other kinds.`);
  }
}
function guard(part, contentLength2) {
  const hash2 = createHash2("sha256");
  let head = Buffer.alloc(0);
  let size = 0;
  const found = {};
  const decide = (self) => {
    const type = resolveType(sniff(head), part.mimetype, part.filename);
    if (!type) throw unsupported();
    Object.assign(found, type);
    if (contentLength2 !== void 0 && contentLength2 > RESOURCE_LIMITS.mediaBytes[type.kind] + MULTIPART_OVERHEAD) throw tooLarge(type.kind);
    self.push(head);
    head = null;
  };
  const stream = new Transform({
    transform(chunk, _enc, done) {
      try {
        size += chunk.length;
        hash2.update(chunk);
        if (head) {
          head = Buffer.concat([head, chunk]);
          if (head.length >= SNIFF_BYTES) decide(this);
        } else this.push(chunk);
        if (found.kind && size > RESOURCE_LIMITS.mediaBytes[found.kind]) throw tooLarge(found.kind);
        done();
      } catch (err) {
        done(err);
      }
    },
    flush(done) {
      try {
        if (head) decide(this);
        done();
      } catch (err) {
        done(err);
      }
    }
  });
  return { stream, result: () => ({ kind: found.kind, mime: found.mime, size, sha256: hash2.digest("hex") }) };
}
async function uploadMedia(deps, actor, q2, nextPart, contentLength2) {
  assertUploadLength(contentLength2);
  if (q2.communityId) assertCanPost(await loadCommunityAccess(deps.db, actor, q2.communityId));
  const part = await nextPart();
  if (!part) throw new AppError("VALIDATION_FAILED", "Choose a file to upload.", { errors: [{ field: "file", message: "Required" }] });
  const id = randomUUID2();
  const storageKey = [actor.orgId, String((/* @__PURE__ */ new Date()).getUTCFullYear()), id].join("/");
  const path = join3(deps.config.mediaDir, storageKey);
  await mkdir(dirname2(path), { recursive: true });
  const g = guard(part, contentLength2);
  const out = createWriteStream(path, { flags: "wx", mode: 416 });
  const closed = new Promise((resolve2) => out.once("close", () => resolve2()));
  try {
    await pipeline(part.file, g.stream, out);
    if (part.file.truncated) throw tooLarge("video");
    const r = g.result();
    const row = await insertMedia(deps.db, {
      id,
      orgId: actor.orgId,
      ownerId: actor.personId,
      communityId: q2.communityId ?? null,
      kind: r.kind,
      mime: r.mime,
      sizeBytes: r.size,
      storageKey,
      originalName: part.filename.slice(0, 200) || "upload",
      sha256: r.sha256
    });
    return presentMedia(row);
  } catch (err) {
    out.destroy();
    await closed;
    await rm(path, { force: true });
    throw err;
  }
}
async function getMediaFile(deps, actor, id) {
  const m = await selectMedia(deps.db, actor.orgId, id);
  if (!m || !await canSeeMedia(deps.db, actor, m)) throw notFound("That file");
  const root = resolve(deps.config.mediaDir);
  const path = resolve(root, m.storageKey);
  if (!path.startsWith(root + sep)) throw notFound("That file");
  const size = await stat(path).then(
    (s) => s.size,
    () => null
  );
  if (size === null) throw notFound("That file");
  return { media: m, path, size };
}
async function canSeeMedia(db, actor, m) {
  if (m.ownerId === actor.personId) return true;
  if (m.communityId) {
    const access2 = await loadCommunityAccess(db, actor, m.communityId).catch(() => null);
    if (access2?.canRead) return true;
  }
  return canSeeMediaThroughResources(db, actor, m.id);
}

// server/src/modules/resources/resources.routes.ts
var IdParams4 = z19.object({ id: Id });
var ItemParams = z19.object({ id: Id, resourceId: Id });
var contentLength = (req) => req.headers["content-length"] ? Number(req.headers["content-length"]) : void 0;
function resourcesRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["resources"];
  r.get(
    "/api/resources",
    { schema: { tags, querystring: FindResourcesQuery, response: { 200: ResourcePage } } },
    (req) => findResources(deps.db, requireActor(req), req.query)
  );
  r.post(
    "/api/resources",
    { schema: { tags, body: CreateResourceRequest, response: { 201: Resource } } },
    async (req, reply) => reply.code(201).send(await createResource(deps, requireActor(req), req.body))
  );
  r.get("/api/resources/:id", { schema: { tags, params: IdParams4, response: { 200: Resource } } }, (req) => getResource(deps.db, requireActor(req), req.params.id));
  r.patch(
    "/api/resources/:id",
    { schema: { tags, params: IdParams4, body: UpdateResourceRequest, response: { 200: Resource } } },
    (req) => updateResource2(deps, requireActor(req), req.params.id, req.body)
  );
  r.delete("/api/resources/:id", { schema: { tags, params: IdParams4 } }, async (req, reply) => {
    await deleteResource(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put(
    "/api/resources/:id/review",
    { schema: { tags, params: IdParams4, body: ReviewResourceRequest, response: { 200: Resource } } },
    (req) => reviewResource(deps, requireActor(req), req.params.id, req.body)
  );
  r.delete(
    "/api/resources/:id/review",
    { schema: { tags, params: IdParams4, response: { 200: Resource } } },
    (req) => deleteReview2(deps, requireActor(req), req.params.id)
  );
  r.get(
    "/api/collections",
    { schema: { tags, querystring: FindCollectionsQuery, response: { 200: CollectionList } } },
    (req) => findCollections(deps.db, requireActor(req), req.query)
  );
  r.post(
    "/api/collections",
    { schema: { tags, body: CreateCollectionRequest, response: { 201: Collection } } },
    async (req, reply) => reply.code(201).send(await createCollection(deps, requireActor(req), req.body))
  );
  r.get(
    "/api/collections/:id",
    { schema: { tags, params: IdParams4, response: { 200: Collection } } },
    (req) => getCollection(deps.db, requireActor(req), req.params.id)
  );
  r.patch(
    "/api/collections/:id",
    { schema: { tags, params: IdParams4, body: UpdateCollectionRequest, response: { 200: Collection } } },
    (req) => updateCollection(deps, requireActor(req), req.params.id, req.body)
  );
  r.delete("/api/collections/:id", { schema: { tags, params: IdParams4 } }, async (req, reply) => {
    await deleteCollection2(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put(
    "/api/collections/:id/items/:resourceId",
    { schema: { tags, params: ItemParams, body: PutCollectionItemRequest, response: { 200: Collection } } },
    (req) => putItem(deps, requireActor(req), req.params.id, req.params.resourceId, req.body)
  );
  r.delete(
    "/api/collections/:id/items/:resourceId",
    { schema: { tags, params: ItemParams, response: { 200: Collection } } },
    (req) => removeItem(deps, requireActor(req), req.params.id, req.params.resourceId)
  );
  r.put(
    "/api/collections/:id/order",
    { schema: { tags, params: IdParams4, body: ReorderCollectionRequest, response: { 200: Collection } } },
    (req) => reorderItems(deps, requireActor(req), req.params.id, req.body)
  );
  r.get(
    "/api/media/:id",
    {
      schema: { tags, params: IdParams4 },
      // Runs after the app-wide `no-store` of /api answers: a file's bytes never change, so the browser may keep them
      // privately (not shared caches), which lets videos seek without refetching.
      onSend: async (_req, reply, payload) => {
        if (reply.statusCode < 300) reply.header("cache-control", "private, max-age=3600");
        return payload;
      }
    },
    async (req, reply) => sendMediaFile(reply, await getMediaFile(deps, requireActor(req), req.params.id), req.headers.range)
  );
}
async function mediaUploadRoutes(app, deps) {
  const uploads = new FailureLimiter(deps.config.MEDIA_UPLOADS_PER_HOUR, 36e5);
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_MEDIA_BYTES + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 20 } });
    scope.withTypeProvider().post(
      "/api/media",
      {
        schema: { tags: ["resources"], querystring: UploadMediaQuery, response: { 201: Media } },
        onRequest: async (req) => assertUploadLength(contentLength(req)),
        preHandler: async (req) => {
          const actor = requireActor(req);
          if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE", 'Send the file as multipart/form-data with one "file" part.');
          const wait = uploads.retryAfter(actor.personId);
          if (wait) throw new AppError("RATE_LIMITED", `You are uploading very fast. Please wait ${wait} seconds.`, { retryAfterSeconds: wait });
          uploads.fail(actor.personId);
        }
      },
      async (req, reply) => {
        try {
          const uploaded = await uploadMedia(deps, requireActor(req), req.query, () => req.file(), contentLength(req));
          return reply.code(201).send(uploaded);
        } catch (err) {
          if (err instanceof AppError && err.status === 413) reply.header("Connection", "close");
          throw err;
        }
      }
    );
  });
}

// server/src/modules/resources/index.ts
async function register5(app, deps) {
  resourcesRoutes(app, deps);
  await mediaUploadRoutes(app, deps);
}

// server/src/modules/events/events.ics.ts
import { createEvent } from "ics";
var baseUrl2 = (deps) => (deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, "");
var icsUid = (eventId) => `event-${eventId}@hearth`;
function organizer(from) {
  const m = /^\s*"?([^"<]*)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1].trim() || "Hearth", email: m[2].trim() } : { name: "Hearth", email: from.trim() };
}
function buildIcs(deps, e, method, opts) {
  const url = `${baseUrl2(deps)}/events/${e.id}`;
  const join10 = opts.withJoinUrl && e.joinUrl ? e.joinUrl : null;
  const place = [e.location, join10].filter(Boolean).join(" \xB7 ");
  const attrs = {
    uid: icsUid(e.id),
    sequence: e.sequence,
    method,
    productId: "hearth/events",
    start: e.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: e.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: e.title,
    description: [e.description, join10 ? `Join: ${join10}` : "", `Details: ${url}`].filter(Boolean).join("\n\n"),
    ...place ? { location: place } : {},
    url,
    status: e.status === "cancelled" || method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    ...method === "PUBLISH" ? {} : { organizer: organizer(deps.config.MAIL_FROM) },
    ...opts.attendee ? { attendees: [{ name: opts.attendee.name, email: opts.attendee.email, rsvp: false, partstat: "ACCEPTED", role: "REQ-PARTICIPANT" }] } : {}
  };
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error("could not build the calendar entry");
  return value;
}
function formatIn(d, timeZone) {
  const s = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(d);
  return `${s} (${timeZone})`;
}
var SUBJECT = { PUBLISH: "Event", REQUEST: "Invitation", CANCEL: "Cancelled" };
async function sendCalendarMail(deps, e, method, to, kind) {
  const ics = buildIcs(deps, e, method, { withJoinUrl: method === "REQUEST", attendee: to });
  const when = formatIn(e.startsAt, e.timeZone);
  const local = to.timeZone && to.timeZone !== e.timeZone ? formatIn(e.startsAt, to.timeZone) : null;
  const intro = {
    invite: `You are going to \u201C${e.title}\u201D. The calendar invitation is attached.`,
    update: `\u201C${e.title}\u201D has changed. The updated calendar invitation is attached.`,
    cancel: `\u201C${e.title}\u201D has been cancelled. Open the attachment to remove it from your calendar.`
  }[kind];
  const url = `${baseUrl2(deps)}/events/${e.id}`;
  const lines = [`Hi ${to.name},`, "", intro, "", `When: ${when}`, ...local ? [`Your time: ${local}`] : [], ...e.location ? [`Where: ${e.location}`] : [], "", `Details: ${url}`];
  await deps.mailer.send({
    to: to.email,
    subject: `${kind === "update" ? "Updated invitation" : SUBJECT[method]}: ${e.title} \u2014 ${when}`,
    text: lines.join("\n"),
    html: lines.map((l) => l ? `<p>${escapeHtml(l)}</p>` : "").join(""),
    attachments: [{ filename: method === "CANCEL" ? "cancel.ics" : "invite.ics", content: ics, contentType: `text/calendar; charset=utf-8; method=${method}` }]
  });
}
var icsOf = (row) => ({
  id: row.id,
  title: row.title,
  description: row.description,
  startsAt: new Date(toIso(row.startsAt)),
  endsAt: new Date(toIso(row.endsAt)),
  timeZone: row.timeZone,
  location: row.location,
  joinUrl: row.joinUrl,
  status: row.status,
  sequence: row.sequence
});
function mailInBackground(deps, e, method, to, kind) {
  void (async () => {
    for (const r of to) await sendCalendarMail(deps, e, method, r, kind).catch(() => {
    });
  })();
}

// server/src/modules/events/waitlist.ts
async function fillFromWaitlist(tx, eventId, capacity) {
  const promoted = [];
  let going = await countGoing(tx, eventId);
  while (capacity === null || going < capacity) {
    const personId = await firstWaitlisted(tx, eventId);
    if (!personId) break;
    const row = await selectRsvp(tx, eventId, personId);
    await upsertRsvp(tx, { eventId, personId, orgId: row?.orgId, status: "going" });
    promoted.push(personId);
    going++;
  }
  return promoted;
}

// server/src/modules/events/events.service.ts
var invalid = (errors) => new AppError("VALIDATION_FAILED", `Some fields are not valid: ${errors.map((e) => e.field).join(", ")}.`, { errors });
async function summaries(db, actor, items, now) {
  const ids = items.map((i) => i.row.id);
  const hosts = await selectHosts(db, ids);
  const mine = new Map((await selectMyRsvps(db, actor.personId, ids)).map((r) => [r.eventId, r]));
  return items.map(({ row, rel }) => {
    const r = mine.get(row.id);
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      status: row.status,
      startsAt: toIso(row.startsAt),
      endsAt: toIso(row.endsAt),
      timeZone: row.timeZone,
      location: row.location,
      isOnline: row.joinUrl !== null || row.liveSessionId !== null,
      community: row.communityId && row.communityName && row.communitySlug ? { id: row.communityId, name: row.communityName, slug: row.communitySlug } : null,
      programId: row.programId,
      hosts: hosts.filter((h) => h.eventId === row.id).map(({ id, name, title }) => ({ id, name, title })),
      guestSpeakers: row.guestSpeakers,
      capacity: row.capacity,
      goingCount: row.goingCount,
      waitlistCount: row.waitlistCount,
      hasRecording: row.recordingUrl !== null,
      myRsvp: r ? { status: r.status, waitlistPosition: r.position, attendedAt: r.attendedAt ? toIso(r.attendedAt) : null } : null,
      isHost: row.isHost,
      abilities: abilities2(actor, subjectOf(row), rel, now)
    };
  });
}
async function findEvents(db, actor, q2) {
  const now = /* @__PURE__ */ new Date();
  const from = q2.from ? new Date(q2.from) : new Date(now.getTime() - 864e5);
  const to = q2.to ? new Date(q2.to) : new Date(from.getTime() + 60 * 864e5);
  if (to <= from) throw invalid([{ field: "to", message: "Must be after from" }]);
  if (to.getTime() - from.getTime() > EVENT_LIMITS.rangeDays * 864e5) throw invalid([{ field: "to", message: `At most ${EVENT_LIMITS.rangeDays} days after from` }]);
  const rows = await selectCalendar(db, actor, {
    from: from.toISOString(),
    to: to.toISOString(),
    communityId: q2.communityId,
    programId: q2.programId,
    mine: q2.mine,
    kind: q2.kind,
    limit: EVENT_LIMITS.perRange + 1
  });
  const kept = rows.slice(0, EVENT_LIMITS.perRange);
  const items = await summaries(db, actor, kept.map((row) => ({ row, rel: relationFromRow(actor, row) })), now);
  return { items, from: from.toISOString(), to: to.toISOString(), truncated: rows.length > EVENT_LIMITS.perRange };
}
async function presentEvent(db, actor, e) {
  const now = /* @__PURE__ */ new Date();
  const [summary] = await summaries(db, actor, [e], now);
  const { row } = e;
  const [creator] = row.createdBy ? await selectRefs2(db, row.orgId, [row.createdBy]) : [];
  return {
    ...summary,
    description: row.description,
    descriptionHtml: row.descriptionHtml,
    joinUrl: canSeeJoinUrl(actor, e.subject, e.rel) ? row.joinUrl : null,
    liveSessionId: row.liveSessionId,
    recordingUrl: row.recordingUrl,
    resources: await readableResources2(db, actor, row.id),
    sequence: row.sequence,
    createdBy: creator ?? null,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt)
  };
}
async function readableResources2(db, actor, eventId) {
  const items = await selectResources(db, eventId);
  const readable2 = await Promise.all(items.map((i) => i.resourceId ? loadResourceAccess(db, actor, i.resourceId).then(() => true, () => false) : true));
  return items.filter((_, i) => readable2[i]);
}
async function getEvent(db, actor, id) {
  return presentEvent(db, actor, await loadEvent(db, actor, id));
}
function checkDuration(startsAt, endsAt) {
  if (endsAt <= startsAt) throw invalid([{ field: "endsAt", message: "The end must be after the start" }]);
  if (endsAt.getTime() - startsAt.getTime() > EVENT_LIMITS.durationHours * 36e5) throw invalid([{ field: "endsAt", message: `At most ${EVENT_LIMITS.durationHours / 24} days long` }]);
}
async function checkHosts(tx, orgId2, ids) {
  const unique = [...new Set(ids)];
  if ((await selectActivePeople2(tx, orgId2, unique)).length !== unique.length) throw invalid([{ field: "hostIds", message: "Unknown person" }]);
  return unique;
}
async function checkResources(tx, actor, items) {
  for (const [i, item] of items.entries()) {
    if (!("resourceId" in item)) continue;
    await loadResourceAccess(tx, actor, item.resourceId).catch(() => {
      throw invalid([{ field: `resources.${i}.resourceId`, message: "Unknown resource" }]);
    });
  }
  return items;
}
async function createEvent2(deps, actor, raw) {
  const input = CreateEventRequest.parse(raw);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkDuration(startsAt, endsAt);
  let community = null;
  if (input.communityId) {
    community = await loadCommunityAccess(deps.db, actor, input.communityId).catch(() => null);
    if (!community?.canRead) throw invalid([{ field: "communityId", message: "Unknown community" }]);
  }
  if (!canCreate2(actor, community)) {
    throw new AppError("FORBIDDEN", community ? "Only the community\u2019s owners and moderators can add events to its calendar." : "Only facilitators and admins can create organization events.");
  }
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.programId && !await programExists(tx, actor.orgId, input.programId)) throw invalid([{ field: "programId", message: "Unknown program" }]);
    const hostIds = await checkHosts(tx, actor.orgId, input.hostIds.length ? input.hostIds : [actor.personId]);
    const e = await insertEvent(tx, {
      orgId: actor.orgId,
      communityId: input.communityId,
      programId: input.programId,
      liveSessionId: input.liveSessionId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      descriptionHtml: renderMarkdown(input.description),
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      location: input.location || null,
      joinUrl: input.joinUrl,
      capacity: input.capacity,
      guestSpeakers: input.guestSpeakers,
      createdBy: actor.personId
    });
    await setHosts(tx, actor.orgId, e.id, hostIds);
    emit({ type: "events.created", orgId: actor.orgId, payload: { eventId: e.id, personId: actor.personId, communityId: input.communityId } });
    return e.id;
  });
  return getEvent(deps.db, actor, id);
}
var same = (a, b) => a === null || b === null ? a === b : toIso(a) === toIso(b);
async function updateEvent(deps, actor, id, input) {
  const now = /* @__PURE__ */ new Date();
  const result = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockEvent(tx, actor.orgId, id);
    const { row } = await loadForEditor(tx, actor, id);
    const startsAt = input.startsAt !== void 0 ? new Date(input.startsAt) : new Date(toIso(row.startsAt));
    const endsAt = input.endsAt !== void 0 ? new Date(input.endsAt) : new Date(toIso(row.endsAt));
    if (input.startsAt !== void 0 || input.endsAt !== void 0) checkDuration(startsAt, endsAt);
    const { hostIds, resources: resources2, description, location, ...rest } = input;
    const timeChanged = !same(startsAt, row.startsAt) || !same(endsAt, row.endsAt) || input.timeZone !== void 0 && input.timeZone !== row.timeZone;
    const placeChanged = location !== void 0 && (location || null) !== row.location || input.joinUrl !== void 0 && input.joinUrl !== row.joinUrl;
    const textChanged = input.title !== void 0 && input.title !== row.title || description !== void 0 && description !== row.description;
    await updateEventRow(tx, row.id, {
      ...rest,
      startsAt,
      endsAt,
      ...location !== void 0 ? { location: location || null } : {},
      ...description !== void 0 ? { description, descriptionHtml: renderMarkdown(description) } : {},
      ...timeChanged || placeChanged || textChanged ? { sequence: row.sequence + 1 } : {}
    });
    if (hostIds) await setHosts(tx, actor.orgId, row.id, await checkHosts(tx, actor.orgId, hostIds));
    if (resources2) await setResources(tx, actor.orgId, row.id, await checkResources(tx, actor, resources2));
    if (timeChanged) await resetReminders(tx, row.id);
    const promoted = input.capacity !== void 0 && row.status === "scheduled" && now < endsAt ? await fillFromWaitlist(tx, row.id, input.capacity) : [];
    await refreshCounts(tx, row.id);
    for (const personId of promoted) emit({ type: "events.promoted", orgId: actor.orgId, payload: { eventId: row.id, personId } });
    emit({ type: "events.updated", orgId: actor.orgId, payload: { eventId: row.id, personId: actor.personId, timeChanged, placeChanged } });
    return { promoted, notify: (timeChanged || placeChanged) && row.status === "scheduled" && now < endsAt };
  });
  const fresh2 = await loadEvent(deps.db, actor, id);
  const ics = icsOf(fresh2.row);
  if (result.notify) {
    const going = (await selectGoing(deps.db, id)).filter((p) => !result.promoted.includes(p.id));
    mailInBackground(deps, ics, "REQUEST", going, "update");
  }
  if (result.promoted.length) mailInBackground(deps, ics, "REQUEST", await selectRecipients(deps.db, actor.orgId, result.promoted), "invite");
  eventChanged(deps, id, "event");
  return presentEvent(deps.db, actor, fresh2);
}
async function cancelEvent(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockEvent(tx, actor.orgId, id);
    const { row, subject } = await loadForEditor(tx, actor, id);
    if (row.status === "cancelled") throw new AppError("EVENT_CANCELLED", "This event is already cancelled.");
    if (Date.now() >= subject.endsAt.getTime()) throw new AppError("EVENT_ENDED", "This event has already ended.");
    await updateEventRow(tx, row.id, { status: "cancelled", cancelledAt: /* @__PURE__ */ new Date(), sequence: row.sequence + 1 });
    emit({ type: "events.cancelled", orgId: actor.orgId, payload: { eventId: row.id, personId: actor.personId } });
  });
  const fresh2 = await loadEvent(deps.db, actor, id);
  mailInBackground(deps, icsOf(fresh2.row), "CANCEL", await selectGoing(deps.db, id), "cancel");
  eventChanged(deps, id, "event");
  return presentEvent(deps.db, actor, fresh2);
}

// server/src/modules/events/questions.repo.ts
import { and as and9, eq as eq11, sql as sql18 } from "drizzle-orm";
var select = (viewerId) => sql18`select q.id, q.body, q.author_id as "authorId", p.name as "authorName", p.title as "authorTitle",
    q.created_at as "createdAt", q.upvote_count as "upvoteCount", q.answered_at as "answeredAt", q.hidden_at as "hiddenAt",
    exists (select 1 from event_question_votes v where v.question_id = q.id and v.person_id = ${viewerId}) as "upvotedByMe"
  from event_questions q join people p on p.id = q.author_id`;
function selectQuestions(db, eventId, viewerId, withHidden) {
  const hidden = withHidden ? sql18`true` : sql18`(q.hidden_at is null or q.author_id = ${viewerId})`;
  return selectRows(db, sql18`${select(viewerId)} where q.event_id = ${eventId} and ${hidden} order by q.upvote_count desc, q.created_at, q.id`);
}
function selectQuestion(db, eventId, id, viewerId) {
  return selectRow(db, sql18`${select(viewerId)} where q.event_id = ${eventId} and q.id = ${id}`);
}
async function insertQuestion(db, v) {
  const [row] = await db.insert(eventQuestions).values(v).returning({ id: eventQuestions.id });
  return row;
}
async function setVote(db, v, upvoted) {
  const changed = upvoted ? await db.insert(eventQuestionVotes).values(v).onConflictDoNothing().returning({ q: eventQuestionVotes.questionId }) : await db.delete(eventQuestionVotes).where(and9(eq11(eventQuestionVotes.questionId, v.questionId), eq11(eventQuestionVotes.personId, v.personId))).returning({ q: eventQuestionVotes.questionId });
  if (changed.length) await db.execute(sql18`update event_questions set upvote_count = upvote_count + ${upvoted ? 1 : -1} where id = ${v.questionId}`);
}
async function moderateQuestion(db, id, m) {
  await db.update(eventQuestions).set({
    ...m.answered !== void 0 ? { answeredAt: m.answered ? sql18`coalesce(answered_at, now())` : null } : {},
    ...m.hidden !== void 0 ? { hiddenAt: m.hidden ? sql18`coalesce(hidden_at, now())` : null } : {}
  }).where(eq11(eventQuestions.id, id));
}

// server/src/modules/events/questions.service.ts
function present(actor, e, q2) {
  const hidden = q2.hiddenAt !== null;
  return {
    id: q2.id,
    body: q2.body,
    author: { id: q2.authorId, name: q2.authorName, title: q2.authorTitle },
    createdAt: toIso(q2.createdAt),
    upvotes: q2.upvoteCount,
    upvotedByMe: q2.upvotedByMe,
    answeredAt: q2.answeredAt ? toIso(q2.answeredAt) : null,
    hidden,
    abilities: {
      canUpvote: canUpvote(actor, q2.authorId, hidden) && isOpen(e.subject, /* @__PURE__ */ new Date()),
      canModerate: canEdit3(actor, e.subject, e.rel)
    }
  };
}
async function findQuestions(db, actor, id) {
  const e = await loadEvent(db, actor, id);
  const rows = await selectQuestions(db, e.row.id, actor.personId, canEdit3(actor, e.subject, e.rel));
  return { items: rows.map((q2) => present(actor, e, q2)) };
}
async function askQuestion(deps, limiter, actor, id, body) {
  const e = await loadEvent(deps.db, actor, id);
  assertOpen(e, /* @__PURE__ */ new Date());
  if (!canSeeJoinUrl(actor, e.subject, e.rel)) throw new AppError("FORBIDDEN", "Answer \u201Cgoing\u201D to ask a question.");
  const wait = limiter.retryAfter(actor.personId);
  if (wait) throw new AppError("RATE_LIMITED", `You are asking questions very fast. Try again in ${wait} s.`, { retryAfterSeconds: wait });
  limiter.fail(actor.personId);
  const q2 = await insertQuestion(deps.db, { eventId: e.row.id, orgId: actor.orgId, authorId: actor.personId, body });
  eventChanged(deps, id, "questions", q2.id);
  return present(actor, e, await selectQuestion(deps.db, e.row.id, q2.id, actor.personId));
}
async function upvoteQuestion(deps, actor, id, questionId, upvoted) {
  const e = await loadEvent(deps.db, actor, id);
  const q2 = await selectQuestion(deps.db, e.row.id, questionId, actor.personId);
  if (!q2 || q2.hiddenAt !== null && q2.authorId !== actor.personId && !canEdit3(actor, e.subject, e.rel)) throw notFound("That question");
  assertOpen(e, /* @__PURE__ */ new Date());
  if (!canUpvote(actor, q2.authorId, q2.hiddenAt !== null)) {
    throw new AppError("FORBIDDEN", q2.authorId === actor.personId ? "You cannot upvote your own question." : "Hidden questions cannot be upvoted.");
  }
  await setVote(deps.db, { questionId, personId: actor.personId, orgId: actor.orgId }, upvoted);
  eventChanged(deps, id, "questions", questionId);
  return present(actor, e, await selectQuestion(deps.db, e.row.id, questionId, actor.personId));
}
async function moderateQuestion2(deps, actor, id, questionId, m) {
  const e = await loadForEditor(deps.db, actor, id);
  if (!await selectQuestion(deps.db, e.row.id, questionId, actor.personId)) throw notFound("That question");
  await moderateQuestion(deps.db, questionId, m);
  eventChanged(deps, id, "questions", questionId);
  return present(actor, e, await selectQuestion(deps.db, e.row.id, questionId, actor.personId));
}

// server/src/modules/events/rsvp.service.ts
async function setRsvp(deps, actor, id, status) {
  const now = /* @__PURE__ */ new Date();
  const result = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockEvent(tx, actor.orgId, id);
    const e = await loadEvent(tx, actor, id);
    assertOpen(e, now);
    const current = e.rel.rsvp;
    const invited = [];
    let leftSeat = false;
    if (status === "going") {
      if (current === "going" || current === "waitlisted") return { invited, leftSeat };
      const going = await countGoing(tx, e.row.id);
      const next = e.row.capacity === null || going < e.row.capacity ? "going" : "waitlisted";
      await upsertRsvp(tx, { eventId: e.row.id, personId: actor.personId, orgId: actor.orgId, status: next });
      if (next === "going") invited.push(actor.personId);
      emit({ type: "events.rsvped", orgId: actor.orgId, payload: { eventId: e.row.id, personId: actor.personId, status: next } });
    } else {
      if (current === "not_going") return { invited, leftSeat };
      await upsertRsvp(tx, { eventId: e.row.id, personId: actor.personId, orgId: actor.orgId, status: "not_going" });
      emit({ type: "events.rsvped", orgId: actor.orgId, payload: { eventId: e.row.id, personId: actor.personId, status: "not_going" } });
      if (current === "going") {
        leftSeat = true;
        for (const personId of await fillFromWaitlist(tx, e.row.id, e.row.capacity)) {
          invited.push(personId);
          emit({ type: "events.promoted", orgId: actor.orgId, payload: { eventId: e.row.id, personId } });
        }
      }
    }
    await refreshCounts(tx, e.row.id);
    return { invited, leftSeat };
  });
  if (result.invited.length || result.leftSeat) {
    const fresh2 = await selectEvent(deps.db, actor.orgId, actor.personId, id);
    if (fresh2) {
      mailInBackground(deps, icsOf(fresh2), "REQUEST", await selectRecipients(deps.db, actor.orgId, result.invited), "invite");
      if (result.leftSeat) mailInBackground(deps, icsOf(fresh2), "CANCEL", await selectRecipients(deps.db, actor.orgId, [actor.personId]), "cancel");
    }
  }
  eventChanged(deps, id, "rsvp");
  return getEvent(deps.db, actor, id);
}
async function joinEvent(deps, actor, id) {
  const now = /* @__PURE__ */ new Date();
  const e = await loadEvent(deps.db, actor, id);
  assertOpen(e, now);
  if (!canSeeJoinUrl(actor, e.subject, e.rel)) throw new AppError("FORBIDDEN", "Answer \u201Cgoing\u201D to join this event.");
  if (!isJoinable(e.subject, now)) throw new AppError("CONFLICT", "Joining opens 15 minutes before the event starts.");
  const row = await recordAttendance(deps.db, { eventId: e.row.id, personId: actor.personId, orgId: actor.orgId, markedBy: null });
  eventChanged(deps, id, "rsvp");
  return { joinUrl: e.row.joinUrl, liveSessionId: e.row.liveSessionId, attendedAt: toIso(row?.attendedAt ?? now) };
}
async function findAttendees(db, actor, id) {
  const e = await loadForEditor(db, actor, id);
  const rows = await selectAttendees(db, e.row.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      email: r.email,
      status: r.status,
      waitlistPosition: r.position,
      respondedAt: r.respondedAt ? toIso(r.respondedAt) : null,
      attendedAt: r.attendedAt ? toIso(r.attendedAt) : null
    }))
  };
}
function attendeesCsv(list) {
  return toCsv([
    ["name", "email", "title", "status", "waitlist_position", "responded_at", "attended_at"],
    ...list.items.map((a) => [a.name, a.email, a.title, a.status, a.waitlistPosition, a.respondedAt, a.attendedAt])
  ]);
}
async function markAttendance(deps, actor, id, personId, attended) {
  const e = await loadForEditor(deps.db, actor, id);
  if (!await selectRsvp(deps.db, e.row.id, personId) && !await isHostOf(deps.db, e.row.id, personId)) throw notFound("That attendee");
  if (attended) await recordAttendance(deps.db, { eventId: e.row.id, personId, orgId: actor.orgId, markedBy: actor.personId });
  else await deleteAttendance(deps.db, e.row.id, personId);
  eventChanged(deps, id, "rsvp");
}
async function getEventIcs(deps, actor, id) {
  const e = await loadEvent(deps.db, actor, id);
  const method = "PUBLISH";
  const ics = buildIcs(deps, icsOf(e.row), method, { withJoinUrl: canSeeJoinUrl(actor, e.subject, e.rel) });
  const slug = e.row.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "event";
  return { filename: `${slug}.ics`, ics };
}

// server/src/modules/events/events.routes.ts
var IdParams5 = z20.object({ id: Id });
var QuestionParams = z20.object({ id: Id, questionId: Id });
var QUESTIONS_PER_MINUTE = 5;
function eventsRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["events"];
  const askLimiter = new FailureLimiter(QUESTIONS_PER_MINUTE, 6e4);
  r.get("/api/events", { schema: { tags, querystring: FindEventsQuery, response: { 200: EventCalendar } } }, (req) => findEvents(deps.db, requireActor(req), req.query));
  r.post(
    "/api/events",
    { schema: { tags, body: CreateEventRequest, response: { 201: EventDetail } } },
    async (req, reply) => reply.code(201).send(await createEvent2(deps, requireActor(req), req.body))
  );
  r.get("/api/events/:id", { schema: { tags, params: IdParams5, response: { 200: EventDetail } } }, (req) => getEvent(deps.db, requireActor(req), req.params.id));
  r.patch(
    "/api/events/:id",
    { schema: { tags, params: IdParams5, body: UpdateEventRequest, response: { 200: EventDetail } } },
    (req) => updateEvent(deps, requireActor(req), req.params.id, req.body)
  );
  r.post("/api/events/:id/cancel", { schema: { tags, params: IdParams5, response: { 200: EventDetail } } }, (req) => cancelEvent(deps, requireActor(req), req.params.id));
  r.put(
    "/api/events/:id/rsvp",
    { schema: { tags, params: IdParams5, body: RsvpRequest, response: { 200: EventDetail } } },
    (req) => setRsvp(deps, requireActor(req), req.params.id, req.body.status)
  );
  r.get("/api/events/:id/ics", { schema: { tags, params: IdParams5 } }, async (req, reply) => {
    const { filename, ics } = await getEventIcs(deps, requireActor(req), req.params.id);
    return reply.type("text/calendar; charset=utf-8").header("content-disposition", `attachment; filename="${filename}"`).send(ics);
  });
  r.post("/api/events/:id/join", { schema: { tags, params: IdParams5, response: { 200: JoinEventResponse } } }, (req) => joinEvent(deps, requireActor(req), req.params.id));
  r.get("/api/events/:id/attendees", { schema: { tags, params: IdParams5, querystring: EventAttendeesQuery, response: { 200: EventAttendees } } }, async (req, reply) => {
    const list = await findAttendees(deps.db, requireActor(req), req.params.id);
    if (req.query.format === "json") return list;
    return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="attendees.csv"').serializer((s) => s).send(attendeesCsv(list));
  });
  r.put("/api/events/:id/attendance/:personId", { schema: { tags, params: z20.object({ id: Id, personId: Id }), body: MarkAttendanceRequest } }, async (req, reply) => {
    await markAttendance(deps, requireActor(req), req.params.id, req.params.personId, req.body.attended);
    return reply.code(204).send();
  });
  r.get("/api/events/:id/questions", { schema: { tags, params: IdParams5, response: { 200: EventQuestions } } }, (req) => findQuestions(deps.db, requireActor(req), req.params.id));
  r.post(
    "/api/events/:id/questions",
    { schema: { tags, params: IdParams5, body: AskQuestionRequest, response: { 201: EventQuestion } } },
    async (req, reply) => reply.code(201).send(await askQuestion(deps, askLimiter, requireActor(req), req.params.id, req.body.body))
  );
  r.put(
    "/api/events/:id/questions/:questionId/upvote",
    { schema: { tags, params: QuestionParams, body: UpvoteQuestionRequest, response: { 200: EventQuestion } } },
    (req) => upvoteQuestion(deps, requireActor(req), req.params.id, req.params.questionId, req.body.upvoted)
  );
  r.patch(
    "/api/events/:id/questions/:questionId",
    { schema: { tags, params: QuestionParams, body: ModerateQuestionRequest, response: { 200: EventQuestion } } },
    (req) => moderateQuestion2(deps, requireActor(req), req.params.id, req.params.questionId, req.body)
  );
}

// server/src/modules/events/reminders.ts
import { sql as sql19 } from "drizzle-orm";
function claim(tx, kind, now) {
  const at = sql19`${now.toISOString()}::timestamptz`;
  const window = kind === "soon" ? sql19`r.reminded_soon_at is null and e.starts_at > ${at} and e.starts_at <= ${at} + interval '15 minutes'` : sql19`r.reminded_day_at is null and e.starts_at > ${at} + interval '15 minutes' and e.starts_at <= ${at} + interval '24 hours'`;
  const set = kind === "soon" ? sql19`reminded_soon_at = ${at}, reminded_day_at = coalesce(r.reminded_day_at, ${at})` : sql19`reminded_day_at = ${at}`;
  return selectRows(
    tx,
    sql19`update event_rsvps r set ${set} from events e
        where e.id = r.event_id and e.status = 'scheduled' and r.status = 'going' and ${window}
        returning r.event_id as "eventId", r.person_id as "personId", e.org_id as "orgId", e.title, e.starts_at as "startsAt", e.time_zone as "timeZone"`
  );
}
async function runEventReminders(deps, now = /* @__PURE__ */ new Date()) {
  const claimed = await deps.events.transaction(deps.db, async (tx, emit) => {
    const all = [];
    for (const kind of ["soon", "day"]) {
      const rows = await claim(tx, kind, now);
      const byEvent = /* @__PURE__ */ new Map();
      for (const r of rows) byEvent.set(r.eventId, [...byEvent.get(r.eventId) ?? [], r]);
      for (const [eventId, list] of byEvent) {
        emit({ type: "events.reminder_due", orgId: list[0].orgId, payload: { eventId, kind, title: list[0].title, personIds: list.map((r) => r.personId) } });
      }
      all.push(...rows.map((r) => ({ ...r, kind })));
    }
    return all;
  });
  let mailed = 0;
  for (const c of claimed) {
    const [to] = await selectRecipients(deps.db, c.orgId, [c.personId]);
    if (!to) continue;
    const startsAt = new Date(toIso(c.startsAt));
    const when = formatIn(startsAt, c.timeZone);
    const local = to.timeZone && to.timeZone !== c.timeZone ? formatIn(startsAt, to.timeZone) : null;
    const url = `${baseUrl2(deps)}/events/${c.eventId}`;
    const lead = c.kind === "soon" ? `\u201C${c.title}\u201D starts in 15 minutes.` : `\u201C${c.title}\u201D starts within 24 hours.`;
    const lines = [`Hi ${to.name},`, "", lead, "", `When: ${when}`, ...local ? [`Your time: ${local}`] : [], "", `Join or see the details: ${url}`];
    await deps.mailer.send({ to: to.email, subject: `Reminder: ${c.title} \u2014 ${when}`, text: lines.join("\n"), html: lines.map((l) => l ? `<p>${escapeHtml(l)}</p>` : "").join("") }).then(() => mailed++).catch(() => {
    });
  }
  return { soon: claimed.filter((c) => c.kind === "soon").length, day: claimed.filter((c) => c.kind === "day").length, mailed };
}

// server/src/modules/events/index.ts
async function register6(app, deps) {
  eventsRoutes(app, deps);
  deps.hub.allow("event", (actor, id) => canSeeEvent(deps.db, actor, id));
  const every = deps.config.EVENT_REMINDER_INTERVAL_SECONDS;
  if (!every) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runEventReminders(deps).catch((err) => app.log.warn({ err }, "event reminder run failed")).finally(() => running = false);
  }, every * 1e3);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}

// server/src/modules/feeds/feeds.repo.ts
import { sql as sql20 } from "drizzle-orm";
async function insertActivity(db, a) {
  const [row] = await db.insert(activities).values(a).returning({ id: activities.id });
  return row?.id;
}
function selectThreadFacts(db, threadId) {
  return selectRow(
    db,
    sql20`select t.org_id as "orgId", t.community_id as "communityId", t.title, c.topics
        from threads t join communities c on c.id = t.community_id where t.id = ${threadId}`
  );
}
function selectCommunityFacts(db, communityId) {
  return selectRow(db, sql20`select org_id as "orgId", name, topics from communities where id = ${communityId}`);
}
function selectPerson2(db, orgId2, id) {
  return selectRow(db, sql20`select id, org_id as "orgId", status from people where org_id = ${orgId2} and id = ${id}`);
}
async function countFollows(db, personId) {
  return (await selectRow(db, sql20`select count(*)::int as n from follows where follower_id = ${personId}`))?.n ?? 0;
}
async function insertFollow(db, f) {
  const rows = await selectRows(
    db,
    sql20`insert into follows (follower_id, org_id, target_kind, target) values (${f.followerId}, ${f.orgId}, ${f.kind}, ${f.target})
        on conflict do nothing returning target`
  );
  return rows.length > 0;
}
async function deleteFollow(db, followerId, kind, target) {
  const rows = await selectRows(db, sql20`delete from follows where follower_id = ${followerId} and target_kind = ${kind} and target = ${target} returning target`);
  return rows.length > 0;
}
function selectFollows(db, personId) {
  return selectRows(
    db,
    sql20`select f.target_kind as kind, f.target, f.created_at as "createdAt", p.name as "personName", p.title as "personTitle"
        from follows f left join people p on f.target_kind = 'person' and p.id::text = f.target and p.org_id = f.org_id
        where f.follower_id = ${personId} and (f.target_kind <> 'person' or (p.id is not null and p.status <> 'deactivated'))
        order by f.created_at desc, f.target`
  );
}
function selectActivities(db, orgId2, personId, scope, f, ctes = sql20``) {
  return selectRows(
    db,
    sql20`${ctes} select a.id::text as id, a.verb, a.subject_kind as "subjectKind", a.subject_id as "subjectId", a.title, a.tags,
          a.created_at as "createdAt", a.actor_id as "actorId", ap.name as "actorName", ap.title as "actorTitle",
          c.id as "communityId", c.name as "communityName", c.slug as "communitySlug", coalesce(t.id, po.thread_id) as "threadId"
        from activities a
        join people ap on ap.id = a.actor_id
        left join communities c on c.id = a.community_id
        left join threads t on a.subject_kind = 'thread' and t.id = a.subject_id
        left join posts po on a.subject_kind = 'post' and po.id = a.subject_id
        left join threads pt on pt.id = po.thread_id
        left join resources rs on a.subject_kind = 'resource' and rs.id = a.subject_id
        left join pathways pw on a.subject_kind = 'pathway' and pw.id = a.subject_id
        where a.org_id = ${orgId2} and ${scope} ${f.after !== void 0 ? sql20`and a.id < ${f.after}` : sql20``}
          and case a.subject_kind
                when 'thread' then t.deleted_at is null and t.id is not null
                when 'post' then po.deleted_at is null and pt.deleted_at is null and po.id is not null
                when 'resource' then rs.deleted_at is null and rs.id is not null
                when 'pathway' then pw.deleted_at is null and pw.id is not null and (pw.status = 'published' or pw.author_id = ${personId})
                else c.id is not null end
        order by a.id desc limit ${f.limit}`
  );
}
function selectHomeFeed(db, actor, f) {
  const ctes = sql20`with mine as materialized (
      select community_id as id from community_members where person_id = ${actor.personId} and status = 'active'),
    readable as materialized (
      select c.id from communities c where c.org_id = ${actor.orgId} and (c.visibility = 'open' or c.id in (select id from mine))),
    fp as materialized (select target::uuid as id from follows where follower_id = ${actor.personId} and target_kind = 'person'),
    ft as materialized (select coalesce(array_agg(target), '{}') as tags from follows where follower_id = ${actor.personId} and target_kind = 'tag')`;
  const scope = sql20`(a.community_id in (select id from mine)
      or ((a.actor_id in (select id from fp) or a.tags && (select tags from ft))
          and (a.community_id is null or a.community_id in (select id from readable))))`;
  return selectActivities(db, actor.orgId, actor.personId, scope, f, ctes);
}
function selectCommunityFeed(db, actor, communityId, f) {
  return selectActivities(db, actor.orgId, actor.personId, sql20`a.community_id = ${communityId}`, f);
}

// server/src/modules/feeds/feeds.events.ts
var str = (p, k) => typeof p[k] === "string" ? p[k] : null;
var tagsOf = (v) => Array.isArray(v) ? v.filter((t) => typeof t === "string").map((t) => t.toLowerCase()) : [];
function registerFeedHandlers(deps) {
  const write = async (a) => {
    await insertActivity(deps.db, a);
    if (a.communityId) void deps.hub.publish(communityChannel(a.communityId), { type: "changed", channel: communityChannel(a.communityId), what: "feed", id: a.subjectId });
  };
  const discussion = (verb, subjectKind, subjectOf2, actorOf) => async (e) => {
    const threadId = str(e.payload, "threadId");
    const subjectId = subjectOf2(e.payload);
    const actorId = actorOf(e.payload);
    const t = threadId ? await selectThreadFacts(deps.db, threadId) : void 0;
    if (!t || !subjectId || !actorId) return;
    await write({ orgId: t.orgId, communityId: t.communityId, actorId, verb, subjectKind, subjectId, title: t.title, tags: t.topics });
  };
  const community = (verb) => async (e) => {
    const communityId = str(e.payload, "communityId");
    const actorId = str(e.payload, "personId");
    const c = communityId ? await selectCommunityFacts(deps.db, communityId) : void 0;
    if (!c || !communityId || !actorId) return;
    await write({ orgId: c.orgId, communityId, actorId, verb, subjectKind: "community", subjectId: communityId, title: c.name, tags: c.topics });
  };
  const shared = (verb, subjectKind, idKey) => async (e) => {
    const subjectId = str(e.payload, idKey);
    const actorId = str(e.payload, "personId");
    const title = str(e.payload, "title");
    if (!e.orgId || !subjectId || !actorId || !title) return;
    await write({ orgId: e.orgId, communityId: str(e.payload, "communityId"), actorId, verb, subjectKind, subjectId, title, tags: tagsOf(e.payload.tags) });
  };
  deps.events.on("discussions.thread_created", discussion("thread_created", "thread", (p) => str(p, "threadId"), (p) => str(p, "personId")));
  deps.events.on("discussions.reply_posted", discussion("reply_posted", "post", (p) => str(p, "postId"), (p) => str(p, "personId")));
  deps.events.on("discussions.answer_accepted", discussion("answer_accepted", "post", (p) => str(p, "postId"), (p) => str(p, "by")));
  deps.events.on("communities.created", community("community_created"));
  deps.events.on("communities.member_joined", community("member_joined"));
  deps.events.on("resources.shared", shared("resource_shared", "resource", "resourceId"));
  deps.events.on("pathways.published", shared("pathway_published", "pathway", "pathwayId"));
}

// server/src/modules/feeds/feeds.routes.ts
import { z as z21 } from "zod";

// server/src/modules/feeds/feeds.service.ts
import { sql as sql21 } from "drizzle-orm";

// server/src/modules/feeds/feeds.policy.ts
var canFollowPerson = (actor, p) => p !== void 0 && p.orgId === actor.orgId && p.status !== "deactivated" && p.id !== actor.personId;
var canReadCommunityFeed = (access2) => access2.canRead;
function activityUrl(a) {
  switch (a.subjectKind) {
    case "thread":
      return `/threads/${a.subjectId}`;
    case "post":
      return `/threads/${a.threadId}#post-${a.subjectId}`;
    case "community":
      return `/communities/${a.communitySlug}`;
    case "resource":
      return `/resources/${a.subjectId}`;
    default:
      return `/pathways/${a.subjectId}`;
  }
}

// server/src/modules/feeds/feeds.service.ts
function presentItem(a) {
  return {
    id: Number(a.id),
    actor: { id: a.actorId, name: a.actorName, title: a.actorTitle },
    verb: a.verb,
    subject: { kind: a.subjectKind, id: a.subjectId, title: a.title },
    community: a.communityId && a.communityName && a.communitySlug ? { id: a.communityId, name: a.communityName, slug: a.communitySlug } : null,
    tags: a.tags,
    at: toIso(a.createdAt),
    url: activityUrl(a)
  };
}
function afterOf(q2) {
  if (!q2.cursor) return void 0;
  const [id] = decodeCursor(q2.cursor, 1);
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError("VALIDATION_FAILED", "The cursor is not valid; start again from the first page.", { errors: [{ field: "cursor", message: "Invalid cursor" }] });
  return id;
}
async function findHomeFeed(db, actor, q2) {
  const rows = await selectHomeFeed(db, actor, { after: afterOf(q2), limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentItem, (r) => [Number(r.id)]);
}
async function findCommunityFeed(db, actor, communityId, q2) {
  const access2 = await loadCommunityAccess(db, actor, communityId);
  if (!canReadCommunityFeed(access2)) throw new AppError("FORBIDDEN", "Only members can follow this community\u2019s activity.");
  const rows = await selectCommunityFeed(db, actor, access2.community.id, { after: afterOf(q2), limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentItem, (r) => [Number(r.id)]);
}
async function findFollows(db, actor) {
  const rows = await selectFollows(db, actor.personId);
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      target: r.target,
      person: r.kind === "person" && r.personName ? { id: r.target, name: r.personName, title: r.personTitle } : null,
      since: toIso(r.createdAt)
    }))
  };
}
async function follow(deps, actor, input) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.kind === "person") {
      const target = await selectPerson2(tx, actor.orgId, input.target);
      if (target?.id === actor.personId) throw new AppError("VALIDATION_FAILED", "You cannot follow yourself.", { errors: [{ field: "target", message: "That is you" }] });
      if (!canFollowPerson(actor, target)) throw notFound("That person");
    }
    await tx.execute(sql21`select 1 from people where id = ${actor.personId} for update`);
    if (await countFollows(tx, actor.personId) >= FEED_LIMITS.follows) throw new AppError("CONFLICT", `You can follow at most ${FEED_LIMITS.follows} people and tags. Unfollow some first.`);
    const isNew = await insertFollow(tx, { orgId: actor.orgId, followerId: actor.personId, kind: input.kind, target: input.target });
    if (isNew) emit({ type: "feeds.followed", orgId: actor.orgId, payload: { personId: actor.personId, kind: input.kind, target: input.target } });
  });
  return findFollows(deps.db, actor);
}
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
async function unfollow(deps, actor, input) {
  if (input.kind === "person" && (!UUID.test(input.target) || !await selectPerson2(deps.db, actor.orgId, input.target))) throw notFound("That person");
  await deleteFollow(deps.db, actor.personId, input.kind, input.kind === "tag" ? input.target.toLowerCase() : input.target);
  return findFollows(deps.db, actor);
}

// server/src/modules/feeds/feeds.routes.ts
function feedsRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["feeds"];
  r.get("/api/feed/home", { schema: { tags, querystring: FeedQuery, response: { 200: FeedPage } } }, (req) => findHomeFeed(deps.db, requireActor(req), req.query));
  r.get(
    "/api/communities/:id/feed",
    { schema: { tags, params: z21.object({ id: Id }), querystring: FeedQuery, response: { 200: FeedPage } } },
    (req) => findCommunityFeed(deps.db, requireActor(req), req.params.id, req.query)
  );
  r.get("/api/follows", { schema: { tags, response: { 200: FollowsResponse } } }, (req) => findFollows(deps.db, requireActor(req)));
  r.put("/api/follows", { schema: { tags, body: FollowRequest, response: { 200: FollowsResponse } } }, (req) => follow(deps, requireActor(req), req.body));
  r.delete(
    "/api/follows/:kind/:target",
    { schema: { tags, params: UnfollowParams, response: { 200: FollowsResponse } } },
    (req) => unfollow(deps, requireActor(req), req.params)
  );
}

// server/src/modules/feeds/index.ts
async function register7(app, deps) {
  feedsRoutes(app, deps);
  registerFeedHandlers(deps);
}

// server/src/modules/live-sessions/live-sessions.routes.ts
import { z as z23 } from "zod";

// server/src/modules/programs/programs.routes.ts
import { z as z22 } from "zod";

// engine/grouping/errors.ts
var GroupingError = class extends Error {
  /** Machine-readable reason. */
  code;
  /** Creates an error with a stable code and a message naming the conflict. */
  constructor(code, message) {
    super(message);
    this.name = "GroupingError";
    this.code = code;
  }
};

// engine/grouping/sizes.ts
function planGroupSizes(n, k, policy = "auto", rounds = 1) {
  if (policy !== "auto") return planFixed(n, k, policy);
  const a = planFixed(n, k, "larger");
  const b = planFixed(n, k, "smaller");
  const score = (plan) => {
    const bound = roundBound(n, plan);
    return [Math.min(bound - rounds, 3), plan.filter((s) => s === k).length, bound];
  };
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] > sb[i] ? a : b;
  return a;
}
function planFixed(n, k, policy) {
  if (n <= k) return [n];
  if (n % k === 0) return new Array(n / k).fill(k);
  const larger = () => {
    const g2 = Math.floor(n / k);
    const extra2 = n - g2 * k;
    return extra2 <= g2 ? [...new Array(extra2).fill(k + 1), ...new Array(g2 - extra2).fill(k)] : null;
  };
  const smaller = () => {
    const g2 = Math.ceil(n / k);
    const short = g2 * k - n;
    return short <= g2 && k > 2 ? [...new Array(g2 - short).fill(k), ...new Array(short).fill(k - 1)] : null;
  };
  const plan = policy === "larger" ? larger() ?? smaller() : smaller() ?? larger();
  if (plan) return plan;
  const g = Math.max(1, Math.round(n / k));
  const base = Math.floor(n / g);
  const extra = n - base * g;
  return [...new Array(extra).fill(base + 1), ...new Array(g - extra).fill(base)];
}
function roundBound(n, sizes) {
  const smallest = Math.min(...sizes);
  const perPerson = smallest >= 2 ? Math.floor((n - 1) / (smallest - 1)) : Number.POSITIVE_INFINITY;
  const pairsPerRound = sizes.reduce((sum2, s) => sum2 + s * (s - 1) / 2, 0);
  const pairBound = pairsPerRound > 0 ? Math.floor(n * (n - 1) / 2 / pairsPerRound) : Number.POSITIVE_INFINITY;
  const bound = Math.min(perPerson, pairBound);
  return Number.isFinite(bound) ? bound : Number.MAX_SAFE_INTEGER;
}

// engine/grouping/problem.ts
var HARD_COST = 1e6;
var REPEAT_COST = 1e3;
var KNOWN_COST = 50;
var MAX_PEOPLE = 8e3;
var ATTRIBUTES = ["department", "location", "seniority", "timezone"];
var DEFAULT_MIX_WEIGHT = { department: 1, location: 0.5, seniority: 0.25, timezone: 0 };
function spreadPairs(count, bins) {
  const q2 = Math.floor(count / bins);
  const r = count % bins;
  return r * (q2 + 1) * q2 / 2 + (bins - r) * q2 * (q2 - 1) / 2;
}
function mixingFloor(codes, weights, sizes) {
  let floor = 0;
  codes.forEach((code, a) => {
    const counts = /* @__PURE__ */ new Map();
    let missing = 0;
    for (const c of code) {
      if (c < 0) missing++;
      else counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let byValue = 0;
    for (const c of counts.values()) byValue += spreadPairs(c, sizes.length);
    let byGroup = 0;
    if (missing === 0 && counts.size > 0) for (const size of sizes) byGroup += spreadPairs(size, counts.size);
    floor += weights[a] * Math.max(byValue, byGroup);
  });
  return floor;
}
var fail = (code, message) => {
  throw new GroupingError(code, message);
};
function checkInteger(value, name, min, max) {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    fail("INVALID_INPUT", `${name} must be an integer between ${min} and ${max}, got ${String(value)}`);
  }
  return value;
}
function buildProblem(input, rounds = input.rounds, roundOffset = 0) {
  if (!input || !Array.isArray(input.people)) fail("INVALID_INPUT", "people must be an array");
  const n = input.people.length;
  if (n < 1) fail("INVALID_INPUT", "people must not be empty");
  if (n > MAX_PEOPLE) fail("TOO_LARGE", `${n} people exceed the limit of ${MAX_PEOPLE}`);
  const k = checkInteger(input.groupSize, "groupSize", 2, 1e3);
  checkInteger(input.rounds, "rounds", 1, 1e3);
  const index9 = /* @__PURE__ */ new Map();
  const ids = [];
  for (const person of input.people) {
    const id = person?.id;
    if (typeof id !== "string" || id.length === 0) fail("INVALID_INPUT", `every person needs a non-empty string id, got ${JSON.stringify(id)}`);
    if (index9.has(id)) fail("DUPLICATE_ID", `duplicate person id "${id}"`);
    index9.set(id, ids.length);
    ids.push(id);
  }
  const lookup = (id, where) => {
    const i = typeof id === "string" ? index9.get(id) : void 0;
    if (i === void 0) fail("UNKNOWN_PERSON", `${where} names unknown person "${String(id)}"`);
    return i;
  };
  const sizes = planGroupSizes(n, k, input.uneven ?? "auto", input.rounds);
  const groups = sizes.length;
  const maxSize = sizes[0];
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x) => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (const set of input.keepTogether ?? []) {
    if (!Array.isArray(set)) fail("INVALID_INPUT", "each keepTogether entry must be a list of ids");
    const members = set.map((id) => lookup(id, "keepTogether"));
    for (const m of members.slice(1)) parent[find(m)] = find(members[0]);
  }
  const unitMembers = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const list = unitMembers.get(root);
    if (list) list.push(i);
    else unitMembers.set(root, [i]);
  }
  const units = [...unitMembers.values()].sort((a, b) => a[0] - b[0]);
  const unitOf = new Int32Array(n);
  units.forEach((members, u) => {
    for (const m of members) unitOf[m] = u;
    if (members.length > maxSize) {
      fail("KEEP_TOGETHER_TOO_LARGE", `keep-together set {${members.map((m) => ids[m]).join(", ")}} has ${members.length} people but groups hold at most ${maxSize}`);
    }
  });
  const sparse = /* @__PURE__ */ new Map();
  const key = (i, j) => i < j ? i * n + j : j * n + i;
  const forbidden2 = Array.from({ length: n }, () => []);
  for (const pair of input.neverTogether ?? []) {
    if (!Array.isArray(pair) || pair.length !== 2) fail("INVALID_INPUT", "each neverTogether entry must be a pair of ids");
    const a = lookup(pair[0], "neverTogether");
    const b = lookup(pair[1], "neverTogether");
    if (a === b) fail("INFEASIBLE_NEVER_TOGETHER", `"${ids[a]}" cannot be kept apart from themself`);
    if (unitOf[a] === unitOf[b]) {
      fail("KEEP_TOGETHER_CONFLICT", `"${ids[a]}" and "${ids[b]}" are both never-together and keep-together`);
    }
    if (!sparse.has(key(a, b))) {
      forbidden2[a].push(b);
      forbidden2[b].push(a);
    }
    sparse.set(key(a, b), HARD_COST);
  }
  checkForbiddenFeasible(n, sizes, forbidden2, ids);
  for (const pair of input.knownPairs ?? []) {
    const a = lookup(pair?.a, "knownPairs");
    const b = lookup(pair?.b, "knownPairs");
    const w = pair.weight ?? 1;
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) fail("INVALID_INPUT", `known pair "${ids[a]}"\u2013"${ids[b]}" has invalid weight ${String(w)}`);
    if (a !== b && unitOf[a] !== unitOf[b]) sparse.set(key(a, b), (sparse.get(key(a, b)) ?? 0) + KNOWN_COST * w);
  }
  const goals = resolveMixing(input);
  const codes = [];
  const codeWeights = [];
  for (const goal of goals) {
    const values = /* @__PURE__ */ new Map();
    const code = new Int32Array(n).fill(-1);
    input.people.forEach((p, i) => {
      const v = p[goal.attribute];
      if (v === void 0 || v === null || v === "") return;
      const s = String(v);
      if (!values.has(s)) values.set(s, values.size);
      code[i] = values.get(s);
    });
    if (values.size === 0) fail("UNKNOWN_ATTRIBUTE", `mixing goal names attribute "${goal.attribute}" but no person has it`);
    codes.push(code);
    codeWeights.push(goal.weight ?? 1);
  }
  const departmentCode = new Int32Array(n).fill(-1);
  {
    const values = /* @__PURE__ */ new Map();
    input.people.forEach((p, i) => {
      if (!p.department) return;
      if (!values.has(p.department)) values.set(p.department, values.size);
      departmentCode[i] = values.get(p.department);
    });
  }
  const hasWeights = sparse.size > 0 || codes.length > 0;
  const weight = (i, j) => {
    let w = sparse.size > 0 ? sparse.get(key(i, j)) ?? 0 : 0;
    for (let a = 0; a < codes.length; a++) {
      const c = codes[a];
      if (c[i] >= 0 && c[i] === c[j]) w += codeWeights[a];
    }
    return w;
  };
  let weightMatrix = null;
  if (hasWeights && n <= 2500) {
    weightMatrix = new Float32Array(n * n);
    for (let a = 0; a < codes.length; a++) {
      const c = codes[a];
      const w = codeWeights[a];
      for (let i = 0; i < n; i++) {
        const ci = c[i];
        if (ci < 0) continue;
        const row = i * n;
        for (let j = 0; j < n; j++) if (c[j] === ci && j !== i) weightMatrix[row + j] += w;
      }
    }
    for (const [k2, w] of sparse) {
      const i = Math.floor(k2 / n);
      const j = k2 % n;
      weightMatrix[i * n + j] += w;
      weightMatrix[j * n + i] += w;
    }
  }
  const pinned = new Int32Array(rounds * units.length).fill(-1);
  let hasPins = false;
  const load2 = new Int32Array(rounds * groups);
  for (const pin of input.preAssignments ?? []) {
    const p = lookup(pin?.id, "preAssignments");
    checkInteger(pin.round, `pre-assignment round of "${ids[p]}"`, 0, input.rounds - 1);
    checkInteger(pin.group, `pre-assignment group of "${ids[p]}"`, 0, groups - 1);
    const r = pin.round - roundOffset;
    if (r < 0) continue;
    const u = unitOf[p];
    const slot = r * units.length + u;
    if (pinned[slot] === pin.group) continue;
    if (pinned[slot] !== -1) {
      fail("INFEASIBLE_PRE_ASSIGNMENT", `"${ids[p]}" (or a keep-together partner) is pinned to groups ${pinned[slot]} and ${pin.group} in round ${pin.round}`);
    }
    pinned[slot] = pin.group;
    hasPins = true;
    load2[r * groups + pin.group] += units[u].length;
    if (load2[r * groups + pin.group] > sizes[pin.group]) {
      fail("INFEASIBLE_PRE_ASSIGNMENT", `round ${pin.round} group ${pin.group} holds ${sizes[pin.group]} people but more are pinned to it (last: "${ids[p]}")`);
    }
  }
  if (hasPins) {
    for (let r = 0; r < rounds; r++) {
      for (let g = 0; g < groups; g++) {
        const members = [];
        units.forEach((m, u) => {
          if (pinned[r * units.length + u] === g) members.push(...m);
        });
        for (const a of members) {
          for (const b of forbidden2[a]) {
            if (members.includes(b)) fail("INFEASIBLE_NEVER_TOGETHER", `"${ids[a]}" and "${ids[b]}" are never-together but pinned to group ${g} in round ${r + roundOffset}`);
          }
        }
      }
    }
  }
  return {
    n,
    ids,
    rounds,
    sizes,
    units,
    unitOf,
    pinned,
    hasPins,
    hasKeepTogether: units.length < n,
    weight,
    weightMatrix,
    hasWeights,
    departmentCode,
    history: null,
    mixingFloor: mixingFloor(codes, codeWeights, sizes)
  };
}
function resolveMixing(input) {
  if (input.mixing) {
    for (const goal of input.mixing) {
      if (!ATTRIBUTES.includes(goal?.attribute)) {
        fail("UNKNOWN_ATTRIBUTE", `unknown mixing attribute "${String(goal?.attribute)}" (known: ${ATTRIBUTES.join(", ")})`);
      }
      const w = goal.weight ?? 1;
      if (typeof w !== "number" || !Number.isFinite(w) || w < 0) fail("INVALID_INPUT", `mixing weight for "${goal.attribute}" must be a non-negative number`);
    }
    return input.mixing.filter((g) => (g.weight ?? 1) > 0);
  }
  return ATTRIBUTES.filter((a) => DEFAULT_MIX_WEIGHT[a] > 0 && input.people.some((p) => p[a] !== void 0 && p[a] !== "")).map((attribute) => ({ attribute, weight: DEFAULT_MIX_WEIGHT[attribute] }));
}
function checkForbiddenFeasible(n, sizes, forbidden2, ids) {
  const smallest = sizes[sizes.length - 1];
  for (let i = 0; i < n; i++) {
    if (n - 1 - forbidden2[i].length < smallest - 1) {
      fail("INFEASIBLE_NEVER_TOGETHER", `"${ids[i]}" is never-together with ${forbidden2[i].length} of ${n - 1} others, leaving too few for a group of ${smallest}`);
    }
  }
  const groups = sizes.length;
  for (let i = 0; i < n; i++) {
    if (forbidden2[i].length < groups) continue;
    const clique = [i];
    const candidates = [...forbidden2[i]].sort((a, b) => forbidden2[b].length - forbidden2[a].length);
    for (const c of candidates) {
      if (clique.every((m) => forbidden2[c].includes(m))) clique.push(c);
    }
    if (clique.length > groups) {
      fail("INFEASIBLE_NEVER_TOGETHER", `${clique.length} people must pairwise be apart but there are only ${groups} groups: ${clique.map((m) => `"${ids[m]}"`).join(", ")}`);
    }
  }
}

// engine/grouping/prng.ts
var Prng = class {
  a;
  b;
  c;
  d;
  /** Seeds from any integer; equal seeds give equal sequences on every platform. */
  constructor(seed) {
    let s = seed >>> 0;
    const next = () => {
      s = s + 2654435769 >>> 0;
      let z29 = s;
      z29 = Math.imul(z29 ^ z29 >>> 16, 2246822507) >>> 0;
      z29 = Math.imul(z29 ^ z29 >>> 13, 3266489909) >>> 0;
      return (z29 ^ z29 >>> 16) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }
  /** A uniform 32-bit unsigned integer. */
  uint32() {
    const t = (this.a + this.b >>> 0) + this.d >>> 0;
    this.d = this.d + 1 >>> 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) >>> 0;
    this.c = (this.c << 21 | this.c >>> 11) >>> 0;
    this.c = this.c + t >>> 0;
    return t;
  }
  /** A uniform float in [0, 1). */
  next() {
    return this.uint32() / 4294967296;
  }
  /** A uniform integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle(items) {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }
};

// engine/grouping/time-zones.ts
var WORKDAY_HOURS = 8;
function parseUtcOffset(value, who) {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  const m = /^\s*(?:utc|gmt)?\s*([+-]?)\s*(\d{1,2})(?:(?::(\d{2}))|(?:\.(\d+)))?\s*$/i.exec(String(value));
  if (!m) throw new GroupingError("INVALID_INPUT", `time zone "${String(value)}" of "${who}" is not a UTC offset like +5:30 or UTC-8`);
  const hours = Number(m[2]) + (m[3] ? Number(m[3]) / 60 : m[4] ? Number(`0.${m[4]}`) : 0);
  if (hours > 14) throw new GroupingError("INVALID_INPUT", `time zone "${String(value)}" of "${who}" is outside UTC-14..+14`);
  return m[1] === "-" ? -hours : hours;
}
function sharedHours(a, b) {
  const d = Math.abs(a - b) % 24;
  return Math.max(0, WORKDAY_HOURS - Math.min(d, 24 - d));
}
function commonHours(offsets) {
  if (offsets.length <= 1) return WORKDAY_HOURS;
  const sorted = [...offsets].map((o) => (o % 24 + 24) % 24).sort((x, y) => x - y);
  let gap = sorted[0] + 24 - sorted[sorted.length - 1];
  for (let i = 1; i < sorted.length; i++) gap = Math.max(gap, sorted[i] - sorted[i - 1]);
  return Math.max(0, WORKDAY_HOURS - (24 - gap));
}

// engine/grouping/cohorts.ts
var DEFAULT_MIX = [
  { attribute: "department", weight: 1 },
  { attribute: "location", weight: 0.5 },
  { attribute: "seniority", weight: 0.25 }
];
function formCohorts(input, options = {}) {
  const start2 = performance.now();
  const deadline = start2 + Math.max(1, options.timeLimitMs ?? 1e3) * 0.9;
  const people2 = input.people;
  const n = people2.length;
  if (n === 0) throw new GroupingError("INVALID_INPUT", "people must not be empty");
  if (!Number.isInteger(input.cohortSize) || input.cohortSize < 1) throw new GroupingError("INVALID_INPUT", `cohortSize must be a positive integer, got ${input.cohortSize}`);
  const index9 = /* @__PURE__ */ new Map();
  people2.forEach((p, i) => {
    if (index9.has(p.id)) throw new GroupingError("DUPLICATE_ID", `duplicate person id "${p.id}"`);
    index9.set(p.id, i);
  });
  const minShared = input.minSharedHours ?? 0;
  const offsets = people2.map((p) => {
    if (p.timezone === void 0 || p.timezone === "") {
      if (minShared > 0) throw new GroupingError("INVALID_INPUT", `"${p.id}" has no time zone but minSharedHours is ${minShared}`);
      return 0;
    }
    return parseUtcOffset(p.timezone, p.id);
  });
  const goals = input.mixing ?? DEFAULT_MIX.filter((g) => people2.some((p) => p[g.attribute]));
  const codes = goals.map((g) => {
    if (!["department", "location", "seniority", "timezone"].includes(g.attribute)) {
      throw new GroupingError("UNKNOWN_ATTRIBUTE", `unknown mixing attribute "${String(g.attribute)}"`);
    }
    const values = /* @__PURE__ */ new Map();
    return people2.map((p) => {
      const v = p[g.attribute];
      if (v === void 0 || v === "") return -1;
      if (!values.has(v)) values.set(v, values.size);
      return values.get(v);
    });
  });
  const adjacency = Array.from({ length: n }, () => []);
  for (const pair of input.separate ?? []) {
    const a = index9.get(pair.a);
    const b = index9.get(pair.b);
    if (a === void 0 || b === void 0) throw new GroupingError("UNKNOWN_PERSON", `separate names unknown person "${a === void 0 ? pair.a : pair.b}"`);
    adjacency[a].push({ other: b, w: pair.weight ?? 1 });
    adjacency[b].push({ other: a, w: pair.weight ?? 1 });
  }
  const count = Math.max(1, Math.round(n / input.cohortSize));
  const rng = new Prng(options.seed ?? 1);
  const order = rng.shuffle(Array.from({ length: n }, (_, i) => i));
  if (minShared > 0) order.sort((a, b) => offsets[a] - offsets[b]);
  const cohorts2 = Array.from({ length: count }, () => []);
  order.forEach((p, i) => cohorts2[Math.floor(i * count / n)].push(p));
  const cohortOf = new Int32Array(n);
  cohorts2.forEach((c, ci) => {
    for (const p of c) cohortOf[p] = ci;
  });
  const cohortCost = (c) => {
    let cost = 0;
    if (minShared > 0) cost += HARD_COST * Math.max(0, minShared - commonHours(c.map((p) => offsets[p])));
    const ci = cohortOf[c[0]];
    for (const p of c) for (const e of adjacency[p]) if (e.other > p && cohortOf[e.other] === ci) cost += KNOWN_COST * e.w;
    goals.forEach((g, a) => {
      const tally = /* @__PURE__ */ new Map();
      for (const p of c) if (codes[a][p] >= 0) tally.set(codes[a][p], (tally.get(codes[a][p]) ?? 0) + 1);
      for (const t of tally.values()) cost += (g.weight ?? 1) * t * (t - 1) / 2;
    });
    return cost;
  };
  const costs = cohorts2.map(cohortCost);
  if (count > 1) {
    let idle = 0;
    for (let it = 0; idle < 2e4 + 20 * n; it++) {
      if ((it & 63) === 0 && performance.now() > deadline) break;
      const a = rng.int(n);
      const b = rng.int(n);
      const ca = cohortOf[a];
      const cb = cohortOf[b];
      if (ca === cb) continue;
      const A = cohorts2[ca];
      const B = cohorts2[cb];
      const ia = A.indexOf(a);
      const ib = B.indexOf(b);
      A[ia] = b;
      B[ib] = a;
      cohortOf[a] = cb;
      cohortOf[b] = ca;
      const na = cohortCost(A);
      const nb = cohortCost(B);
      const delta = na + nb - costs[ca] - costs[cb];
      if (delta <= 0) {
        costs[ca] = na;
        costs[cb] = nb;
        idle = delta < 0 ? 0 : idle + 1;
      } else {
        A[ia] = a;
        B[ib] = b;
        cohortOf[a] = ca;
        cohortOf[b] = cb;
        idle++;
      }
    }
  }
  const ids = cohorts2.map((c) => c.sort((x, y) => x - y).map((p) => people2[p].id));
  const metrics = cohortMetrics(input, ids);
  const warnings = [];
  if (metrics.hardViolations > 0) {
    warnings.push(`${metrics.hardViolations} cohort(s) share fewer than ${minShared} working hours (shortest ${metrics.minCommonHours} h); the time zones are too spread for cohorts of ${input.cohortSize}`);
  }
  return { cohorts: ids, metrics, warnings };
}
function cohortMetrics(input, cohorts2) {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const minShared = input.minSharedHours ?? 0;
  let hard = 0;
  let minCommon = Number.POSITIVE_INFINITY;
  const spread = (attr) => {
    if (!input.people.some((p) => p[attr])) return null;
    const counts = cohorts2.map((c) => new Set(c.map((id) => byId.get(id)?.[attr]).filter((v) => v)).size);
    return { average: counts.reduce((s, x) => s + x, 0) / counts.length, min: Math.min(...counts) };
  };
  for (const c of cohorts2) {
    const tz = c.map((id) => byId.get(id)?.timezone).filter((t) => t !== void 0 && t !== "");
    const common2 = tz.length === c.length ? commonHours(tz.map((t, i) => parseUtcOffset(t, c[i]))) : 8;
    minCommon = Math.min(minCommon, common2);
    if (common2 < minShared) hard++;
  }
  const where = /* @__PURE__ */ new Map();
  cohorts2.forEach((c, i) => {
    for (const id of c) where.set(id, i);
  });
  const together = (input.separate ?? []).filter((p) => where.get(p.a) === where.get(p.b)).length;
  return {
    hardViolations: hard,
    separatedTogether: together,
    minCommonHours: minCommon,
    distinctDepartments: spread("department"),
    distinctLocations: spread("location")
  };
}

// engine/grouping/metrics.ts
var pairKey = (a, b) => a < b ? `${a}\0${b}` : `${b}\0${a}`;
function computeMetrics(input, rounds, fromRound = 0) {
  const people2 = input.people.map((p) => p.id);
  const present5 = new Set(people2);
  const department = new Map(input.people.filter((p) => p.department).map((p) => [p.id, p.department]));
  const keepSet = /* @__PURE__ */ new Map();
  const sets = [];
  for (const set of input.keepTogether ?? []) {
    const merged = new Set(set);
    for (let i = sets.length - 1; i >= 0; i--) {
      if ([...sets[i]].some((id) => merged.has(id))) {
        for (const id of sets[i]) merged.add(id);
        sets.splice(i, 1);
      }
    }
    sets.push(merged);
  }
  sets.forEach((set, i) => {
    for (const id of set) keepSet.set(id, i);
  });
  const exempt = (a, b) => keepSet.has(a) && keepSet.get(a) === keepSet.get(b);
  const forbidden2 = new Set((input.neverTogether ?? []).map(([a, b]) => pairKey(a, b)));
  const known = new Set((input.knownPairs ?? []).map((k) => pairKey(k.a, k.b)));
  const sizes = planGroupSizes(people2.length, input.groupSize, input.uneven ?? "auto", input.rounds);
  const minSize = Math.min(...sizes);
  const maxSize = Math.max(...sizes);
  const indexOf = new Map(people2.map((id, i) => [id, i]));
  const idx = (id) => {
    let i = indexOf.get(id);
    if (i === void 0) {
      i = indexOf.size;
      indexOf.set(id, i);
    }
    return i;
  };
  for (const round of rounds) for (const group of round) for (const id of group) idx(id);
  const m = indexOf.size;
  const dense = m <= 4e3 ? new Uint16Array(m * m) : null;
  const sparse = /* @__PURE__ */ new Map();
  const bump = (a, b) => {
    const key = a < b ? a * m + b : b * m + a;
    if (dense) return ++dense[key];
    const v = (sparse.get(key) ?? 0) + 1;
    sparse.set(key, v);
    return v;
  };
  const knownIdx = new Set((input.knownPairs ?? []).map((k) => {
    const a = idx(k.a);
    const b = idx(k.b);
    return a < b ? a * m + b : b * m + a;
  }));
  const metKeys = [];
  let repeats = 0;
  let forbiddenMeetings = 0;
  let knownPairMeetings = 0;
  let hard = 0;
  let cleanRounds = -1;
  let deptSum = 0;
  let deptMin = Number.POSITIVE_INFINITY;
  let groupCount = 0;
  rounds.forEach((round, r) => {
    let repeatedThisRound = false;
    const where = /* @__PURE__ */ new Map();
    round.forEach((group, g) => {
      for (const id of group) {
        if (r >= fromRound && (where.has(id) || !present5.has(id))) hard++;
        where.set(id, g);
      }
      if (r >= fromRound && (group.length < minSize || group.length > maxSize)) hard++;
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group[i];
          const b = group[j];
          if (a === b) continue;
          if (forbidden2.size > 0 && forbidden2.has(pairKey(a, b))) forbiddenMeetings++;
          if (known.size > 0 && known.has(pairKey(a, b))) knownPairMeetings++;
          if (keepSet.size > 0 && exempt(a, b)) continue;
          const ia = indexOf.get(a);
          const ib = indexOf.get(b);
          const met = bump(ia, ib);
          if (met === 1) metKeys.push(ia < ib ? ia * m + ib : ib * m + ia);
          if (met > 1) {
            repeats++;
            repeatedThisRound = true;
          }
        }
      }
      if (department.size > 0) {
        const distinct = new Set(group.map((id) => department.get(id)).filter((d) => d !== void 0)).size;
        deptSum += distinct;
        deptMin = Math.min(deptMin, distinct);
        groupCount++;
      }
    });
    if (repeatedThisRound && cleanRounds < 0) cleanRounds = r;
    if (r < fromRound) return;
    for (const id of people2) if (!where.has(id)) hard++;
    for (const set of sets) {
      const groups = new Set([...set].filter((id) => where.has(id)).map((id) => where.get(id)));
      if (groups.size > 1) hard++;
    }
    for (const pin of input.preAssignments ?? []) {
      if (pin.round === r && where.has(pin.id) && where.get(pin.id) !== pin.group) hard++;
    }
  });
  hard += forbiddenMeetings;
  let maxMeetings = 0;
  let newTies = 0;
  for (const key of metKeys) {
    const met = dense ? dense[key] : sparse.get(key);
    if (met > maxMeetings) maxMeetings = met;
    if (!knownIdx.has(key)) newTies++;
  }
  return {
    repeats,
    maxMeetings,
    hardViolations: hard,
    forbiddenMeetings,
    knownPairMeetings,
    distinctDepartments: groupCount > 0 ? { average: deptSum / groupCount, min: deptMin } : null,
    newTies,
    cleanRounds: cleanRounds < 0 ? rounds.length : cleanRounds
  };
}

// engine/grouping/partners.ts
var HARD = 1e3;
function pairPartners(input, options = {}) {
  const deadline = performance.now() + Math.max(1, options.timeLimitMs ?? 1e3) * 0.9;
  const people2 = input.people;
  const n = people2.length;
  if (n < 2) throw new GroupingError("INVALID_INPUT", `pairing needs at least 2 people, got ${n}`);
  if (n > 3e3) throw new GroupingError("TOO_LARGE", `${n} people exceed the pairing limit of 3000; pair per program or cohort`);
  const index9 = /* @__PURE__ */ new Map();
  people2.forEach((p, i) => {
    if (index9.has(p.id)) throw new GroupingError("DUPLICATE_ID", `duplicate person id "${p.id}"`);
    index9.set(p.id, i);
  });
  const minShared = input.minSharedHours ?? 2;
  const offsets = people2.map((p) => p.timezone === void 0 || p.timezone === "" ? null : parseUtcOffset(p.timezone, p.id));
  const avoid = /* @__PURE__ */ new Set();
  for (const pair of input.avoid ?? []) {
    const a = index9.get(pair.a);
    const b = index9.get(pair.b);
    if (a === void 0 || b === void 0) throw new GroupingError("UNKNOWN_PERSON", `avoid names unknown person "${a === void 0 ? pair.a : pair.b}"`);
    avoid.add(a * n + b);
    avoid.add(b * n + a);
  }
  const skills = people2.map((p) => new Set(p.skills ?? []));
  const score = (a, b) => {
    const pa = people2[a];
    const pb = people2[b];
    let s = 0;
    if (pa.department && pa.department === pb.department) s -= HARD;
    const oa = offsets[a];
    const ob = offsets[b];
    const hours = oa === null || ob === null ? WORKDAY_HOURS : sharedHours(oa, ob);
    if (hours < minShared) s -= HARD;
    s += hours / WORKDAY_HOURS;
    for (const g of pa.goals ?? []) if (skills[b].has(g)) s += 2;
    for (const g of pb.goals ?? []) if (skills[a].has(g)) s += 2;
    if (avoid.has(a * n + b)) s -= 50;
    return s;
  };
  const rng = new Prng(options.seed ?? 1);
  const edges = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) edges.push({ a, b, s: score(a, b) });
  rng.shuffle(edges);
  edges.sort((x, y) => y.s - x.s);
  const partner = new Int32Array(n).fill(-1);
  const pairs = [];
  for (const e of edges) {
    if (partner[e.a] >= 0 || partner[e.b] >= 0) continue;
    partner[e.a] = e.b;
    partner[e.b] = e.a;
    pairs.push([e.a, e.b]);
  }
  let improved = true;
  while (improved && performance.now() < deadline) {
    improved = false;
    for (let i = 0; i < pairs.length; i++) {
      for (let j = i + 1; j < pairs.length; j++) {
        const [a, b] = pairs[i];
        const [c, d] = pairs[j];
        const now = score(a, b) + score(c, d);
        const x = score(a, c) + score(b, d);
        const y = score(a, d) + score(b, c);
        if (x > now + 1e-9 && x >= y) {
          pairs[i] = [a, c];
          pairs[j] = [b, d];
          improved = true;
        } else if (y > now + 1e-9) {
          pairs[i] = [a, d];
          pairs[j] = [b, c];
          improved = true;
        }
      }
      if (performance.now() > deadline) break;
    }
  }
  const groups = pairs.map((p) => [...p]);
  const single = people2.findIndex((_, i) => !pairs.some(([a, b]) => a === i || b === i));
  if (single >= 0) {
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    groups.forEach((g, i) => {
      const s = g.reduce((sum2, m) => sum2 + score(single, m), 0);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    groups[best].push(single);
  }
  const ids = groups.map((g) => g.sort((x, y) => x - y).map((p) => people2[p].id));
  const metrics = partnerMetrics(input, ids);
  const warnings = metrics.hardViolations > 0 ? [`${metrics.hardViolations} pair(s) share a department or fewer than ${minShared} working hours: no better pairing was found`] : [];
  return { pairs: ids, metrics, warnings };
}
function partnerMetrics(input, pairs) {
  const byId = new Map(input.people.map((p) => [p.id, p]));
  const minShared = input.minSharedHours ?? 2;
  const avoid = new Set((input.avoid ?? []).flatMap((p) => [`${p.a}\0${p.b}`, `${p.b}\0${p.a}`]));
  let hard = 0;
  let cross = 0;
  let hours = 0;
  let comp = 0;
  let avoided = 0;
  let links = 0;
  for (const group of pairs) {
    let bad = false;
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = byId.get(group[i]);
        const b = byId.get(group[j]);
        links++;
        const sameDept = Boolean(a.department) && a.department === b.department;
        if (!sameDept) cross++;
        const h = a.timezone && b.timezone ? sharedHours(parseUtcOffset(a.timezone, a.id), parseUtcOffset(b.timezone, b.id)) : WORKDAY_HOURS;
        hours += h;
        if (sameDept || h < minShared) bad = true;
        const sb = new Set(b.skills ?? []);
        const sa = new Set(a.skills ?? []);
        comp += (a.goals ?? []).filter((g) => sb.has(g)).length + (b.goals ?? []).filter((g) => sa.has(g)).length;
        if (avoid.has(`${a.id}\0${b.id}`)) avoided++;
      }
    }
    if (bad) hard++;
  }
  return {
    hardViolations: hard,
    crossDepartmentShare: links ? cross / links : 0,
    averageSharedHours: links ? hours / links : 0,
    averageComplementarity: links ? comp / links : 0,
    avoidedPaired: avoided
  };
}

// engine/grouping/design-table.ts
var CYCLIC_DESIGNS = [
  {
    name: "Kirkman triple system KTS(15), 1-rotational over Z_7",
    m: 7,
    orbits: 2,
    fixed: 1,
    k: 3,
    classes: [[[14, 3, 12], [0, 11, 6], [1, 5, 8], [2, 10, 4], [7, 13, 9]]]
  },
  {
    name: "Nearly Kirkman triple system NKTS(18) over Z_4 with two fixed points",
    m: 4,
    orbits: 4,
    fixed: 2,
    k: 3,
    classes: [
      [[16, 4, 11], [17, 6, 1], [0, 8, 3], [2, 12, 15], [5, 10, 13], [7, 9, 14]],
      [[16, 0, 12], [17, 10, 14], [1, 11, 8], [2, 4, 13], [3, 6, 7], [5, 15, 9]]
    ]
  },
  {
    name: "Resolvable (28,4,1) design, 1-rotational over Z_9",
    m: 9,
    orbits: 3,
    fixed: 1,
    k: 4,
    classes: [[[27, 6, 25, 13], [0, 21, 3, 20], [1, 26, 24, 2], [4, 8, 12, 14], [5, 16, 10, 7], [9, 18, 17, 23], [11, 15, 19, 22]]]
  },
  {
    // Explicit rounds (m = 1 develops to itself), built by bench/grouping/find-8-4-10.ts over GF(2)^3 × 4.
    name: "Resolvable 4-GDD of type 2^16 (8-4-10)",
    m: 1,
    orbits: 32,
    fixed: 0,
    k: 4,
    classes: [
      [[0, 8, 16, 24], [1, 9, 17, 25], [2, 10, 18, 26], [3, 11, 19, 27], [4, 12, 20, 28], [5, 13, 21, 29], [6, 14, 22, 30], [7, 15, 23, 31]],
      [[0, 9, 20, 26], [1, 8, 21, 27], [2, 11, 22, 24], [3, 10, 23, 25], [4, 13, 16, 30], [5, 12, 17, 31], [6, 15, 18, 28], [7, 14, 19, 29]],
      [[0, 10, 17, 28], [1, 11, 16, 29], [2, 8, 19, 30], [3, 9, 18, 31], [4, 14, 21, 24], [5, 15, 20, 25], [6, 12, 23, 26], [7, 13, 22, 27]],
      [[0, 13, 19, 25], [1, 12, 18, 24], [2, 15, 17, 27], [3, 14, 16, 26], [4, 9, 23, 29], [5, 8, 22, 28], [6, 11, 21, 31], [7, 10, 20, 30]],
      [[0, 14, 23, 27], [1, 15, 22, 26], [2, 12, 21, 25], [3, 13, 20, 24], [4, 10, 19, 31], [5, 11, 18, 30], [6, 8, 17, 29], [7, 9, 16, 28]],
      [[0, 15, 21, 30], [1, 14, 20, 31], [2, 13, 23, 28], [3, 12, 22, 29], [4, 11, 17, 26], [5, 10, 16, 27], [6, 9, 19, 24], [7, 8, 18, 25]],
      [[0, 3, 5, 6], [1, 2, 4, 7], [8, 10, 12, 14], [9, 11, 13, 15], [16, 22, 25, 31], [17, 23, 24, 30], [18, 20, 27, 29], [19, 21, 26, 28]],
      [[16, 18, 21, 23], [17, 19, 20, 22], [24, 27, 28, 31], [25, 26, 29, 30], [0, 7, 12, 11], [1, 6, 13, 10], [2, 5, 14, 9], [3, 4, 15, 8]],
      [[0, 4, 22, 18], [1, 5, 23, 19], [2, 6, 20, 16], [3, 7, 21, 17], [8, 13, 31, 26], [9, 12, 30, 27], [10, 15, 29, 24], [11, 14, 28, 25]],
      [[0, 2, 29, 31], [1, 3, 28, 30], [4, 6, 25, 27], [5, 7, 24, 26], [8, 11, 23, 20], [9, 10, 22, 21], [12, 15, 19, 16], [13, 14, 18, 17]]
    ]
  }
];
var ROTATIONAL_DESIGNS = [
  { name: "Resolvable (40,4,1) design over Z_39 \u222A {\u221E}", m: 13, blocks: [[1, 5, 8, 25], [2, 3, 36, 11], [4, 6, 33, 22]] },
  { name: "Resolvable (52,4,1) design over Z_51 \u222A {\u221E}", m: 17, blocks: [[1, 2, 20, 24], [4, 25, 12, 49], [5, 10, 45, 30], [6, 9, 48, 50]] },
  { name: "Resolvable (64,4,1) design over Z_63 \u222A {\u221E}", m: 21, blocks: [[1, 2, 24, 52], [4, 47, 37, 41], [6, 13, 15, 40], [7, 51, 12, 59], [8, 53, 56, 39]] }
];

// engine/grouping/galois.ts
function primePower(q2) {
  if (q2 < 2 || !Number.isInteger(q2)) return null;
  for (let p = 2; p * p <= q2; p++) {
    if (q2 % p !== 0) continue;
    let e = 0;
    let r = q2;
    while (r % p === 0) {
      r /= p;
      e++;
    }
    return r === 1 ? { p, e } : null;
  }
  return { p: q2, e: 1 };
}
var cache = /* @__PURE__ */ new Map();
function galoisField(q2) {
  if (cache.has(q2)) return cache.get(q2);
  const pp = q2 <= 128 ? primePower(q2) : null;
  const field = pp ? build(q2, pp.p, pp.e) : null;
  cache.set(q2, field);
  return field;
}
function build(q2, p, e) {
  const add = new Uint16Array(q2 * q2);
  for (let a = 0; a < q2; a++) {
    for (let b = 0; b < q2; b++) {
      let r = 0;
      let place = 1;
      let x = a;
      let y = b;
      for (let i = 0; i < e; i++) {
        r += (x % p + y % p) % p * place;
        x = Math.floor(x / p);
        y = Math.floor(y / p);
        place *= p;
      }
      add[a * q2 + b] = r;
    }
  }
  for (let c = 1; c < q2; c++) {
    const mul = multiplicationTable(q2, p, e, c);
    if (mul) return { q: q2, add, mul };
  }
  return null;
}
function multiplicationTable(q2, p, e, modulus) {
  const digits = (x) => {
    const d = [];
    for (let i = 0; i < e; i++) {
      d.push(x % p);
      x = Math.floor(x / p);
    }
    return d;
  };
  const mod = digits(modulus);
  const mul = new Uint16Array(q2 * q2);
  for (let a = 0; a < q2; a++) {
    const da = digits(a);
    let oneFound = a === 0;
    for (let b = 0; b < q2; b++) {
      const db = digits(b);
      const prod = new Array(2 * e - 1).fill(0);
      for (let i = 0; i < e; i++) for (let j = 0; j < e; j++) prod[i + j] = (prod[i + j] + da[i] * db[j]) % p;
      for (let deg = 2 * e - 2; deg >= e; deg--) {
        const c = prod[deg];
        if (c === 0) continue;
        prod[deg] = 0;
        for (let i = 0; i < e; i++) prod[deg - e + i] = ((prod[deg - e + i] - c * mod[i]) % p + p) % p;
      }
      let r = 0;
      for (let i = e - 1; i >= 0; i--) r = r * p + prod[i];
      if (a !== 0 && b !== 0 && r === 0) return null;
      if (r === 1) oneFound = true;
      mul[a * q2 + b] = r;
    }
    if (!oneFound) return null;
  }
  return mul;
}

// engine/grouping/designs.ts
function affinePlane(q2) {
  const f = galoisField(q2);
  if (!f) return null;
  const classes = [];
  for (let s = 0; s < q2; s++) {
    const lines = Array.from({ length: q2 }, () => []);
    for (let x = 0; x < q2; x++) {
      for (let y = 0; y < q2; y++) {
        const c = f.add[y * q2 + neg(f.add, q2, f.mul[s * q2 + x])];
        lines[c].push(x * q2 + y);
      }
    }
    classes.push(lines);
  }
  classes.push(Array.from({ length: q2 }, (_, x) => Array.from({ length: q2 }, (_2, y) => x * q2 + y)));
  return classes;
}
function transversalDesign(k, q2) {
  const f = galoisField(q2);
  if (!f || k > q2) return null;
  const classes = [];
  for (let b = 0; b < q2; b++) {
    const blocks = [];
    for (let a = 0; a < q2; a++) {
      const block = [];
      for (let i = 0; i < k; i++) block.push(i * q2 + f.add[a * q2 + f.mul[b * q2 + i]]);
      blocks.push(block);
    }
    classes.push(blocks);
  }
  return classes;
}
function developCyclic(d) {
  const finite = d.m * d.orbits;
  const shift = (p, t) => p >= finite ? p : Math.floor(p / d.m) * d.m + (p % d.m + t) % d.m;
  const classes = [];
  for (const base of d.classes) {
    for (let t = 0; t < d.m; t++) classes.push(base.map((block) => block.map((p) => shift(p, t))));
  }
  return classes;
}
function developRotational(d) {
  const v = 3 * d.m;
  const base = [[v, 0, d.m, 2 * d.m]];
  for (const block of d.blocks) for (const h of [0, d.m, 2 * d.m]) base.push(block.map((x) => (x + h) % v));
  return Array.from({ length: d.m }, (_, t) => base.map((block) => block.map((x) => x === v ? v : (x + t) % v)));
}
function findConstruction(n, k, rounds) {
  if (n % k !== 0) return null;
  const g = n / k;
  const options = [];
  if (g === k) {
    const plane = affinePlane(k);
    if (plane) options.push({ name: `affine-plane(${k})`, classes: plane });
  }
  if (k < g) {
    const td = transversalDesign(k, g);
    if (td) options.push({ name: `transversal-design(${k},${g})`, classes: td });
  }
  for (const d of CYCLIC_DESIGNS) {
    if (d.k === k && d.m * d.orbits + d.fixed === n) options.push({ name: d.name, classes: developCyclic(d) });
  }
  for (const d of ROTATIONAL_DESIGNS) {
    if (k === 4 && 3 * d.m + 1 === n) options.push({ name: d.name, classes: developRotational(d) });
  }
  const fit = options.filter((o) => o.classes.length >= rounds).sort((a, b) => a.classes.length - b.classes.length)[0];
  return fit ? { name: fit.name, classes: fit.classes.slice(0, rounds) } : null;
}
function neg(add, q2, x) {
  for (let y = 0; y < q2; y++) if (add[x * q2 + y] === 0) return y;
  return 0;
}

// engine/grouping/search.ts
var FREEDOM_LIMIT = 64;
var TENURE = 3;
var TENURE_NOISE = 4;
function greedyFill(s, rng, deadline) {
  for (let r = 0; r < s.rounds; r++) fillRound(s, r, rng, deadline);
}
function fillRound(s, r, rng, deadline) {
  const p = s.p;
  const nu = p.units.length;
  const room = (g) => s.sizes[g] - s.count[r * s.groups + g];
  const free = [];
  for (let u = 0; u < nu; u++) {
    const g = p.pinned[r * nu + u];
    if (g >= 0) for (const a of p.units[u]) s.place(r, g, a);
    else free.push(u);
  }
  rng.shuffle(free);
  free.sort((a, b) => p.units[b].length - p.units[a].length);
  const singles = [];
  for (const u of free) {
    const members = p.units[u];
    if (members.length === 1) {
      singles.push(members[0]);
      continue;
    }
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const start2 = rng.int(s.groups);
    for (let i = 0; i < s.groups; i++) {
      const g = (start2 + i) % s.groups;
      if (room(g) < members.length) continue;
      let c = 0;
      for (const a of members) c += s.joinCost(r, g, a);
      if (c < bestCost) {
        bestCost = c;
        best = g;
      }
    }
    if (best < 0) {
      const ids = members.map((m) => p.ids[m]).join(", ");
      throw new GroupingError("KEEP_TOGETHER_CONFLICT", `keep-together set {${ids}} does not fit in round ${r} next to the other sets and pins (group sizes ${s.p.sizes.join(", ")})`);
    }
    for (const a of members) s.place(r, best, a);
  }
  if (singles.length <= FREEDOM_LIMIT && performance.now() < deadline) fillByFreedom(s, r, singles, rng);
  else fillFirstFit(s, r, singles, rng, deadline);
}
function fillByFreedom(s, r, singles, rng) {
  const left = singles.slice();
  for (let g = 0; g < s.groups; g++) {
    while (s.count[r * s.groups + g] < s.sizes[g] && left.length > 0) {
      let bestIdx = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      let bestFree = -1;
      let ties = 0;
      for (let i = 0; i < left.length; i++) {
        const a2 = left[i];
        const c = s.joinCost(r, g, a2);
        if (c > bestCost) continue;
        let freedom = 0;
        for (const b of left) {
          if (b !== a2 && s.joinCost(r, g, b) + s.addCost(a2, b) === 0) freedom++;
        }
        if (c < bestCost || freedom > bestFree) {
          bestCost = c;
          bestFree = freedom;
          bestIdx = i;
          ties = 1;
        } else if (freedom === bestFree && rng.int(++ties) === 0) {
          bestIdx = i;
        }
      }
      const a = left[bestIdx];
      left[bestIdx] = left[left.length - 1];
      left.pop();
      s.place(r, g, a);
    }
  }
}
function fillFirstFit(s, r, singles, rng, deadline) {
  rng.shuffle(singles);
  const open = [];
  for (let g = 0; g < s.groups; g++) if (s.count[r * s.groups + g] < s.sizes[g]) open.push(g);
  let placed = 0;
  let late = performance.now() > deadline;
  for (const a of singles) {
    if (!late && (++placed & 31) === 0) late = performance.now() > deadline;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    const start2 = rng.int(open.length);
    for (let i = 0; i < open.length; i++) {
      const idx = (start2 + i) % open.length;
      const g2 = open[idx];
      const c = late ? 0 : s.joinCost(r, g2, a);
      if (c < bestCost) {
        bestCost = c;
        best = idx;
        if (c === 0) break;
      }
    }
    const g = open[best];
    s.place(r, g, a);
    if (s.count[r * s.groups + g] === s.sizes[g]) {
      open[best] = open[open.length - 1];
      open.pop();
    }
  }
}
function tabuSearch(s, rng, opts) {
  const p = s.p;
  const n = s.n;
  const nu = p.units.length;
  const R = s.rounds;
  const EPS = 1e-6;
  const tabu = new Int32Array(R * nu);
  const bySize = /* @__PURE__ */ new Map();
  p.units.forEach((m, u) => {
    const list = bySize.get(m.length);
    if (list) list.push(u);
    else bySize.set(m.length, [u]);
  });
  const movable = [];
  for (let r = 0; r < R; r++) {
    let free = 0;
    for (let u = 0; u < nu; u++) if (p.pinned[r * nu + u] < 0) free++;
    if (free >= 2) movable.push(r);
  }
  let best = s.cost;
  let bestAssign = s.snapshot();
  let stall = 0;
  let sinceKick = 0;
  const kickAfter = 1e3 + 10 * n;
  const stopAfter = 2e4 + 40 * n;
  const allRounds = n * R <= 600;
  const conflicting = new Uint8Array(nu);
  const candidates = [];
  let iter = 0;
  for (; ; ) {
    if (s.cost <= opts.floor + EPS || movable.length === 0) break;
    if (performance.now() >= opts.deadline) break;
    iter++;
    let bestDelta = Number.POSITIVE_INFINITY;
    let bu = -1;
    let bv = -1;
    let br = -1;
    let ties = 0;
    let any = false;
    const startIdx = rng.int(movable.length);
    for (let t = 0; t < movable.length; t++) {
      const r2 = movable[(startIdx + t) % movable.length];
      if (collectConflicts(s, r2, conflicting, candidates) === 0) continue;
      any = true;
      for (let ci = 0; ci < candidates.length; ci++) {
        if ((ci & 7) === 7 && n > 200 && performance.now() >= opts.deadline) break;
        const u = candidates[ci];
        const gu = s.groupOf[r2 * n + p.units[u][0]];
        const peers = bySize.get(p.units[u].length);
        const uTabu = tabu[r2 * nu + u] > iter;
        for (const v of peers) {
          if (v === u || p.pinned[r2 * nu + v] >= 0) continue;
          if (s.groupOf[r2 * n + p.units[v][0]] === gu) continue;
          if (conflicting[v] && v < u) continue;
          const d = s.swapDelta(r2, u, v);
          const isTabu = uTabu || tabu[r2 * nu + v] > iter;
          if (isTabu && s.cost + d >= best - EPS) continue;
          if (d < bestDelta - EPS) {
            bestDelta = d;
            bu = u;
            bv = v;
            br = r2;
            ties = 1;
          } else if (d <= bestDelta + EPS && rng.int(++ties) === 0) {
            bu = u;
            bv = v;
            br = r2;
          }
        }
      }
      if (!allRounds) break;
    }
    if (!any) break;
    const r = br;
    if (bu < 0) {
      sinceKick = kickAfter;
    } else {
      s.applySwap(r, bu, bv, bestDelta);
      tabu[r * nu + bu] = iter + TENURE + rng.int(TENURE_NOISE);
      tabu[r * nu + bv] = iter + TENURE + rng.int(TENURE_NOISE);
    }
    if (s.cost < best - EPS) {
      best = s.cost;
      bestAssign = s.snapshot();
      stall = 0;
      sinceKick = 0;
    } else {
      stall++;
      sinceKick++;
    }
    if (sinceKick >= kickAfter) {
      sinceKick = 0;
      if (rng.int(2) === 0) s.restore(bestAssign);
      kick(s, rng, movable, bySize, 2 + rng.int(Math.max(2, Math.floor(n / 16))));
    }
    if (stall >= stopAfter) {
      if (s.cost > best) s.restore(bestAssign);
      if (s.isRepeatFree()) break;
      stall = 0;
    }
  }
  if (s.cost > best + EPS) s.restore(bestAssign);
  return { iterations: iter };
}
function collectConflicts(s, r, mark, out) {
  const p = s.p;
  const nu = p.units.length;
  mark.fill(0);
  out.length = 0;
  for (let g = 0; g < s.groups; g++) {
    const base = (r * s.groups + g) * s.cap;
    const c = s.count[r * s.groups + g];
    for (let i = 0; i < c; i++) {
      const a = s.members[base + i];
      for (let j = i + 1; j < c; j++) {
        const b = s.members[base + j];
        const ua = p.unitOf[a];
        const ub = p.unitOf[b];
        if (ua === ub) continue;
        if (s.w(a, b) > 0 || s.meet[a * s.n + b] >= 2) {
          if (!mark[ua] && p.pinned[r * nu + ua] < 0) {
            mark[ua] = 1;
            out.push(ua);
          }
          if (!mark[ub] && p.pinned[r * nu + ub] < 0) {
            mark[ub] = 1;
            out.push(ub);
          }
        }
      }
    }
  }
  return out.length;
}
function kick(s, rng, movable, bySize, swaps) {
  const p = s.p;
  const nu = p.units.length;
  const singles = bySize.get(1) ?? [];
  for (let t = 0; t < swaps; t++) {
    const r = movable[rng.int(movable.length)];
    const pool = singles.length >= 2 ? singles : p.units.map((_, u2) => u2);
    const u = pool[rng.int(pool.length)];
    const v = pool[rng.int(pool.length)];
    if (u === v || p.units[u].length !== p.units[v].length) continue;
    if (p.pinned[r * nu + u] >= 0 || p.pinned[r * nu + v] >= 0) continue;
    if (s.groupOf[r * s.n + p.units[u][0]] === s.groupOf[r * s.n + p.units[v][0]]) continue;
    s.applySwap(r, u, v, s.swapDelta(r, u, v));
  }
}

// engine/grouping/state.ts
var State = class {
  p;
  n;
  rounds;
  groups;
  cap;
  sizes;
  /** groupOf[r * n + person]. */
  groupOf;
  /** members[(r * groups + g) * cap + slot] = person. */
  members;
  count;
  /** meet[i * n + j] = meetings of i and j so far (history included), symmetric. */
  meet;
  /** Σ over pairs of weight·meetings + REPEAT_COST·max(0, meetings − 1), keep-together pairs exempt. */
  cost = 0;
  /** Cost of the history alone (an empty schedule), kept so restore() needs no O(N²) pass. */
  baseCost;
  /** An empty schedule (every group empty) with the history already counted. */
  constructor(p) {
    this.p = p;
    this.n = p.n;
    this.rounds = p.rounds;
    this.groups = p.sizes.length;
    this.cap = p.sizes[0];
    this.sizes = Int32Array.from(p.sizes);
    this.groupOf = new Int32Array(p.rounds * p.n).fill(-1);
    this.members = new Int32Array(p.rounds * this.groups * this.cap);
    this.count = new Int32Array(p.rounds * this.groups);
    this.meet = p.history ? p.history.slice() : new Uint8Array(p.n * p.n);
    this.baseCost = p.history ? this.pairCostTotal() : 0;
    this.cost = this.baseCost;
  }
  /** Static cost of one meeting of i and j. */
  w(i, j) {
    const m = this.p.weightMatrix;
    if (m) return m[i * this.n + j];
    return this.p.hasWeights ? this.p.weight(i, j) : 0;
  }
  /** Cost added if i and j meet once more. */
  addCost(i, j) {
    return this.w(i, j) + (this.meet[i * this.n + j] >= 1 ? REPEAT_COST : 0);
  }
  /** Cost saved if i and j meet once less. */
  removeCost(i, j) {
    return this.w(i, j) + (this.meet[i * this.n + j] >= 2 ? REPEAT_COST : 0);
  }
  /** Cost of adding person a to group g of round r (keep-together partners exempt). */
  joinCost(r, g, a) {
    const base = (r * this.groups + g) * this.cap;
    const c = this.count[r * this.groups + g];
    const ua = this.p.unitOf[a];
    let d = 0;
    for (let s = 0; s < c; s++) {
      const x = this.members[base + s];
      if (this.p.unitOf[x] !== ua) d += this.addCost(a, x);
    }
    return d;
  }
  /** Adds a person to a group, updating meetings and cost. */
  place(r, g, a) {
    this.cost += this.joinCost(r, g, a);
    const base = (r * this.groups + g) * this.cap;
    const c = this.count[r * this.groups + g];
    const n = this.n;
    const ua = this.p.unitOf[a];
    for (let s = 0; s < c; s++) {
      const x = this.members[base + s];
      if (this.p.unitOf[x] === ua) continue;
      this.meet[a * n + x]++;
      this.meet[x * n + a]++;
    }
    this.members[base + c] = a;
    this.count[r * this.groups + g] = c + 1;
    this.groupOf[r * n + a] = g;
  }
  /** Cost change of swapping unit u (in its group) with unit v (in another group) in round r. */
  swapDelta(r, u, v) {
    const p = this.p;
    const n = this.n;
    const ua = p.units[u];
    const vb = p.units[v];
    const ga = this.groupOf[r * n + ua[0]];
    const gb = this.groupOf[r * n + vb[0]];
    const baseA = (r * this.groups + ga) * this.cap;
    const baseB = (r * this.groups + gb) * this.cap;
    const ca = this.count[r * this.groups + ga];
    const cb = this.count[r * this.groups + gb];
    const unitOf = p.unitOf;
    let d = 0;
    for (let s = 0; s < ca; s++) {
      const x = this.members[baseA + s];
      if (unitOf[x] === u) continue;
      for (const a of ua) d -= this.removeCost(a, x);
      for (const b of vb) d += this.addCost(b, x);
    }
    for (let s = 0; s < cb; s++) {
      const y = this.members[baseB + s];
      if (unitOf[y] === v) continue;
      for (const b of vb) d -= this.removeCost(b, y);
      for (const a of ua) d += this.addCost(a, y);
    }
    return d;
  }
  /** Swaps units u and v (same size, different groups) in round r, given the delta computed by swapDelta. */
  applySwap(r, u, v, delta) {
    const p = this.p;
    const n = this.n;
    const ua = p.units[u];
    const vb = p.units[v];
    const ga = this.groupOf[r * n + ua[0]];
    const gb = this.groupOf[r * n + vb[0]];
    const baseA = (r * this.groups + ga) * this.cap;
    const baseB = (r * this.groups + gb) * this.cap;
    const ca = this.count[r * this.groups + ga];
    const cb = this.count[r * this.groups + gb];
    const meet = this.meet;
    const unitOf = p.unitOf;
    for (let s = 0; s < ca; s++) {
      const x = this.members[baseA + s];
      if (unitOf[x] === u) continue;
      for (const a of ua) {
        meet[a * n + x]--;
        meet[x * n + a]--;
      }
      for (const b of vb) {
        meet[b * n + x]++;
        meet[x * n + b]++;
      }
    }
    for (let s = 0; s < cb; s++) {
      const y = this.members[baseB + s];
      if (unitOf[y] === v) continue;
      for (const b of vb) {
        meet[b * n + y]--;
        meet[y * n + b]--;
      }
      for (const a of ua) {
        meet[a * n + y]++;
        meet[y * n + a]++;
      }
    }
    for (let i = 0; i < ua.length; i++) {
      const a = ua[i];
      const b = vb[i];
      let sa = baseA;
      while (this.members[sa] !== a) sa++;
      let sb = baseB;
      while (this.members[sb] !== b) sb++;
      this.members[sa] = b;
      this.members[sb] = a;
      this.groupOf[r * n + a] = gb;
      this.groupOf[r * n + b] = ga;
    }
    this.cost += delta;
  }
  /** Recomputes the cost from the meeting counts (clears floating-point drift). */
  pairCostTotal() {
    const n = this.n;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = i * n;
      for (let j = i + 1; j < n; j++) {
        const m = this.meet[row + j];
        if (m === 0 || this.p.unitOf[i] === this.p.unitOf[j]) continue;
        total += this.w(i, j) * m + (m > 1 ? REPEAT_COST * (m - 1) : 0);
      }
    }
    return total;
  }
  /** Copies the group assignment (the only part needed to rebuild the state). */
  snapshot() {
    return this.groupOf.slice();
  }
  /** Rebuilds members, meetings and cost from an assignment produced by snapshot(). */
  restore(groupOf) {
    this.count.fill(0);
    this.groupOf.fill(-1);
    if (this.p.history) this.meet.set(this.p.history);
    else this.meet.fill(0);
    this.cost = this.baseCost;
    for (let r = 0; r < this.rounds; r++) {
      for (let a = 0; a < this.n; a++) this.place(r, groupOf[r * this.n + a], a);
    }
  }
  /** True when no pair in the searched rounds meets twice or breaks a never-together rule (walks groups, not N²). */
  isRepeatFree() {
    const n = this.n;
    for (let r = 0; r < this.rounds; r++) {
      for (let g = 0; g < this.groups; g++) {
        const base = (r * this.groups + g) * this.cap;
        const c = this.count[r * this.groups + g];
        for (let i = 0; i < c; i++) {
          const a = this.members[base + i];
          for (let j = i + 1; j < c; j++) {
            const b = this.members[base + j];
            if (this.p.unitOf[a] === this.p.unitOf[b]) continue;
            if (this.meet[a * n + b] >= 2 || this.w(a, b) >= 1e5) return false;
          }
        }
      }
    }
    return true;
  }
};

// engine/grouping/solve.ts
var DEFAULT_TIME_LIMIT_MS = 2e3;
function formGroups(input, options = {}) {
  const start2 = performance.now();
  const problem = buildProblem(input);
  return solveProblem(input, problem, options, start2, [], 0);
}
function solveProblem(input, problem, options, start2, kept, keep) {
  const limit = Math.max(1, options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const pairVisits = totalPairsPerRound(problem.sizes) * (keep + problem.rounds);
  const deadline = start2 + limit - Math.min(limit * 0.5, Math.max(limit * 0.05, 2 + pairVisits * 2e-4));
  const rng = new Prng(options.seed ?? 1);
  const bound = roundBound(problem.n, problem.sizes);
  const totalRounds = keep + problem.rounds;
  const state = new State(problem);
  const floor = state.cost + problem.rounds * problem.mixingFloor;
  const k = problem.sizes[0];
  const uniform = problem.sizes.every((s) => s === k);
  let method = "greedy";
  let construction = null;
  const singleRoundWithHistory = problem.rounds === 1 && (input.knownPairs?.length ?? 0) > 0;
  if (options.useConstructions !== false && keep === 0 && uniform && !problem.hasPins && !problem.hasKeepTogether && !singleRoundWithHistory) {
    construction = findConstruction(problem.n, k, problem.rounds);
    if (!construction && problem.rounds > bound) construction = findConstruction(problem.n, k, bound);
  }
  if (construction) {
    loadConstruction(state, problem, construction, rng);
    method = `construction:${construction.name}`;
  } else {
    greedyFill(state, rng, deadline);
  }
  if (state.groups > 1 && state.cost > floor + 1e-6 && performance.now() < deadline) {
    tabuSearch(state, rng, { deadline, floor });
    method += "+tabu";
  }
  if (repairHardMeetings(state, problem)) method += "+repair";
  const rounds = [...kept, ...toSchedule(state, problem)];
  const metrics = computeMetrics(input, rounds, keep);
  const warnings = [];
  const allowed = /* @__PURE__ */ new Set([input.groupSize - 1, input.groupSize, input.groupSize + 1]);
  if (problem.sizes.some((s) => !allowed.has(s)) && problem.n > input.groupSize) {
    warnings.push(`${problem.n} people cannot form groups of ${input.groupSize}\xB11 only; group sizes are ${[...new Set(problem.sizes)].join(", ")}`);
  }
  if (totalRounds > bound) {
    warnings.push(`${totalRounds} rounds requested but at most ${bound} are possible without a repeat; the best schedule found has ${metrics.repeats} repeated meetings`);
  } else if (metrics.repeats > 0) {
    warnings.push(`no repeat-free schedule found within the time limit; the best has ${metrics.repeats} repeated meetings`);
  }
  if (metrics.hardViolations > 0) {
    warnings.push(`${metrics.hardViolations} hard rule(s) could not be met (never-together meetings: ${metrics.forbiddenMeetings})`);
  }
  return { rounds, bound, metrics, warnings, method };
}
function repairHardMeetings(state, problem) {
  const { n, groups, cap } = state;
  const nu = problem.units.length;
  let changed = false;
  for (let r = 0; r < state.rounds; r++) {
    for (let guard2 = 0; guard2 <= n; guard2++) {
      const hard = findHardMeeting(state, r);
      if (!hard) break;
      let best = null;
      for (const x of hard) {
        const u = problem.unitOf[x];
        if (problem.pinned[r * nu + u] >= 0) continue;
        const gx = state.groupOf[r * n + x];
        for (let g = 0; g < groups; g++) {
          if (g === gx) continue;
          const base = (r * groups + g) * cap;
          for (let slot = 0; slot < state.count[r * groups + g]; slot++) {
            const v = problem.unitOf[state.members[base + slot]];
            if (problem.units[v].length !== problem.units[u].length || problem.pinned[r * nu + v] >= 0) continue;
            const delta = state.swapDelta(r, u, v);
            if (delta <= -HARD_COST / 2 && (!best || delta < best.delta)) best = { u, v, delta };
          }
        }
      }
      if (!best) break;
      state.applySwap(r, best.u, best.v, best.delta);
      changed = true;
    }
  }
  return changed;
}
function findHardMeeting(state, r) {
  const { groups, cap } = state;
  for (let g = 0; g < groups; g++) {
    const base = (r * groups + g) * cap;
    const c = state.count[r * groups + g];
    for (let i = 0; i < c; i++) {
      const x = state.members[base + i];
      for (let j = i + 1; j < c; j++) {
        const y = state.members[base + j];
        if (state.p.unitOf[x] !== state.p.unitOf[y] && state.w(x, y) >= HARD_COST) return [x, y];
      }
    }
  }
  return null;
}
function loadConstruction(state, problem, construction, rng) {
  const people2 = rng.shuffle(Array.from({ length: problem.n }, (_, i) => i));
  if (construction.name.startsWith("transversal")) {
    people2.sort((a, b) => problem.departmentCode[a] - problem.departmentCode[b]);
  }
  construction.classes.forEach((blocks, r) => {
    blocks.forEach((block, g) => {
      for (const point of block) state.place(r, g, people2[point]);
    });
  });
  for (let r = construction.classes.length; r < problem.rounds; r++) {
    greedyRound(state, r, rng);
  }
}
function greedyRound(state, r, rng) {
  for (let a = 0; a < state.n; a++) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let g = 0; g < state.groups; g++) {
      if (state.count[r * state.groups + g] >= state.sizes[g]) continue;
      const c = state.joinCost(r, g, a) + rng.next() * 1e-3;
      if (c < bestCost) {
        bestCost = c;
        best = g;
      }
    }
    state.place(r, best, a);
  }
}
function totalPairsPerRound(sizes) {
  return sizes.reduce((sum2, s) => sum2 + s * (s - 1) / 2, 0);
}
function toSchedule(state, problem) {
  const rounds = [];
  for (let r = 0; r < state.rounds; r++) {
    const groups = [];
    for (let g = 0; g < state.groups; g++) {
      const base = (r * state.groups + g) * state.cap;
      const members = Array.from(state.members.subarray(base, base + state.count[r * state.groups + g])).sort((a, b) => a - b);
      groups.push(members.map((m) => problem.ids[m]));
    }
    rounds.push(groups);
  }
  return rounds;
}

// server/src/modules/programs/programs.plans.ts
function utcOffset(timeZone, at = /* @__PURE__ */ new Date()) {
  if (!timeZone) return void 0;
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
    const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    if (!m) return "+0";
    const hours = Number(m[2]) + Number(m[3]) / 60;
    return `${m[1]}${hours}`;
  } catch {
    return void 0;
  }
}
function knownPairsOf(people2) {
  const pairs = /* @__PURE__ */ new Map();
  const add = (a, b) => {
    if (a === b) return;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (!pairs.has(key)) pairs.set(key, { a, b, weight: 1 });
  };
  const ids = new Set(people2.map((p) => p.id));
  const groups = /* @__PURE__ */ new Map();
  for (const p of people2) {
    if (p.managerId && ids.has(p.managerId)) add(p.id, p.managerId);
    for (const key of [p.managerId ? `m:${p.managerId}` : null, p.team ? `t:${p.department}:${p.team}` : null]) {
      if (!key) continue;
      const list = groups.get(key) ?? [];
      list.push(p.id);
      groups.set(key, list);
    }
  }
  for (const list of groups.values()) {
    if (list.length > 60) continue;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) add(list[i], list[j]);
  }
  return [...pairs.values()];
}
var pairKey2 = (a, b) => a < b ? `${a}|${b}` : `${b}|${a}`;
function planFigures(rounds, people2, known, hardViolations = 0) {
  const dept = new Map(people2.map((p) => [p.id, p.department ?? `(none:${p.id})`]));
  const knownSet = new Set(known.map((k) => pairKey2(k.a, k.b)));
  const meetings = /* @__PURE__ */ new Map();
  const deptCounts = [];
  for (const round of rounds) {
    for (const group of round) {
      deptCounts.push(new Set(group.map((id) => dept.get(id))).size);
      for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
        const k = pairKey2(group[i], group[j]);
        meetings.set(k, (meetings.get(k) ?? 0) + 1);
      }
    }
  }
  let newTies = 0;
  let knownMeetings = 0;
  let repeats = 0;
  for (const [k, n] of meetings) {
    if (knownSet.has(k)) knownMeetings += n;
    else newTies++;
    repeats += Math.max(0, n - 1);
  }
  const avg = deptCounts.length ? deptCounts.reduce((a, b) => a + b, 0) / deptCounts.length : 0;
  return {
    avgDepartments: Number(avg.toFixed(2)),
    minDepartments: deptCounts.length ? Math.min(...deptCounts) : 0,
    newTies,
    knownPairMeetings: knownMeetings,
    repeats,
    hardViolations
  };
}
function shuffled(items, seed) {
  let a = seed >>> 0;
  const rand = () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
function randomLike(shape, seed) {
  return shape.map((round, r) => {
    const ids = shuffled(round.flat(), seed + r * 7919);
    let at = 0;
    return round.map((g) => ids.slice(at, at += g.length));
  });
}
function enginePeople(people2) {
  return people2.map((p) => ({ id: p.id, department: p.department ?? void 0, location: p.location ?? void 0, timezone: utcOffset(p.timeZone) }));
}
function engineError(err) {
  if (err instanceof GroupingError) throw new AppError("UNPROCESSABLE", `These people cannot be grouped that way: ${err.message}.`);
  throw err;
}
function formPlan(kind, people2, params, cohortsOf) {
  if (people2.length < 2) throw new AppError("UNPROCESSABLE", "Enrol at least two people before forming groups.");
  const known = knownPairsOf(people2);
  const persons = enginePeople(people2);
  const budget = people2.length > 500 ? 4e3 : 1500;
  try {
    if (kind === "cohorts") {
      const r = formCohorts({ people: persons, cohortSize: params.size, minSharedHours: params.minSharedHours, separate: known }, { seed: params.seed, timeLimitMs: budget });
      const rounds2 = [r.cohorts];
      return {
        rounds: rounds2,
        labels: [r.cohorts.map((_, i) => `Cohort ${i + 1}`)],
        metrics: planFigures(rounds2, people2, known, r.metrics.hardViolations),
        baseline: planFigures(randomLike(rounds2, params.seed), people2, known),
        warnings: r.warnings,
        method: "cohorts"
      };
    }
    if (kind === "partners") {
      const byId = new Map(people2.map((p) => [p.id, p]));
      const r = pairPartners(
        { people: persons.map((p) => ({ ...p, skills: byId.get(p.id)?.have ?? [], goals: byId.get(p.id)?.want ?? [] })), minSharedHours: params.minSharedHours, avoid: known },
        { seed: params.seed, timeLimitMs: budget }
      );
      const rounds2 = [r.pairs];
      return {
        rounds: rounds2,
        labels: [r.pairs.map((_, i) => `Pair ${i + 1}`)],
        metrics: planFigures(rounds2, people2, known, r.metrics.hardViolations),
        baseline: planFigures(randomLike(rounds2, params.seed), people2, known),
        warnings: r.warnings,
        method: "partners"
      };
    }
    const scopes = cohortsOf?.length ? cohortsOf.map((c) => ({ name: c.name, ids: new Set(c.members) })) : [{ name: "", ids: new Set(people2.map((p) => p.id)) }];
    const rounds = Array.from({ length: params.rounds }, () => []);
    const randomRounds = Array.from({ length: params.rounds }, () => []);
    const labels = Array.from({ length: params.rounds }, () => []);
    const warnings = [];
    let hard = 0;
    let method = "";
    for (const scope of scopes) {
      const members = persons.filter((p) => scope.ids.has(p.id));
      if (members.length < 2) continue;
      const size = Math.min(params.size, members.length);
      planGroupSizes(members.length, size, "auto");
      const r = formGroups(
        { people: members, groupSize: size, rounds: params.rounds, knownPairs: known.filter((k) => scope.ids.has(k.a) && scope.ids.has(k.b)) },
        { seed: params.seed, timeLimitMs: Math.max(200, budget / scopes.length) }
      );
      hard += r.metrics.hardViolations;
      method = r.method;
      warnings.push(...r.warnings.map((w) => scope.name ? `${scope.name}: ${w}` : w));
      randomLike(r.rounds, params.seed + randomRounds[0].length).forEach((round, i) => randomRounds[i].push(...round));
      r.rounds.forEach((round, i) => {
        round.forEach((g, gi) => {
          rounds[i].push(g);
          labels[i].push(scope.name ? `${scope.name} \xB7 Group ${gi + 1}` : `Group ${gi + 1}`);
        });
      });
    }
    return {
      rounds,
      labels,
      metrics: planFigures(rounds, people2, known, hard),
      baseline: planFigures(randomRounds, people2, known),
      warnings,
      method
    };
  } catch (err) {
    engineError(err);
  }
}
function explain(kind, m, base) {
  const unit = kind === "cohorts" ? "cohort" : kind === "partners" ? "pair" : "group";
  const out = [`Each ${unit} mixes ${m.avgDepartments} departments on average (random: ${base.avgDepartments}); the least mixed has ${m.minDepartments} (random: ${base.minDepartments}).`];
  out.push(`${m.newTies} pairs of people meet who do not already work together (random: ${base.newTies}).`);
  out.push(m.knownPairMeetings === 0 ? "Nobody is placed with their manager, a direct report or a teammate." : `${m.knownPairMeetings} meetings of close colleagues could not be avoided (random: ${base.knownPairMeetings}).`);
  if (kind === "rotation") out.push(m.repeats === 0 ? "Nobody meets the same person twice across the rounds." : `${m.repeats} repeated meetings across the rounds (random: ${base.repeats}).`);
  if (m.hardViolations) out.push(`${m.hardViolations} rule(s) could not be met (time zones or sizes): see the warnings.`);
  return out;
}

// server/src/modules/programs/programs.policy.ts
var canCreate3 = (actor) => actor.isAdmin || actor.roles.includes("facilitator");
var canFacilitate = (actor, p, isFacilitator2) => actor.orgId === p.orgId && (actor.isAdmin || isFacilitator2);
var canView2 = (actor, p, isFacilitator2) => actor.orgId === p.orgId && (p.status !== "draft" || canFacilitate(actor, p, isFacilitator2));
var canSelfEnroll = (actor, p) => actor.orgId === p.orgId && p.status === "open" && p.enrollment !== "assigned";

// server/src/modules/programs/programs.repo.ts
import { and as and10, eq as eq12, inArray as inArray3, notInArray, sql as sql22 } from "drizzle-orm";
async function selectProgram(db, orgId2, id) {
  const [row] = await db.select().from(programs).where(and10(eq12(programs.orgId, orgId2), eq12(programs.id, id)));
  return row;
}
async function lockProgram(db, id) {
  await db.execute(sql22`select 1 from programs where id = ${id} for update`);
}
function selectProgramPage(db, viewer, f) {
  const where = [sql22`p.org_id = ${viewer.orgId}`];
  const facilitates = sql22`exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${viewer.personId})`;
  if (!viewer.isAdmin) where.push(sql22`(p.status <> 'draft' or ${facilitates})`);
  if (f.filter === "open") where.push(sql22`p.status = 'open'`);
  if (f.filter === "mine") where.push(sql22`(${facilitates} or exists (select 1 from program_enrollments e where e.program_id = p.id and e.person_id = ${viewer.personId}))`);
  if (f.after) where.push(sql22`(p.created_at, p.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql22`select p.id, p.org_id as "orgId", p.title, p.description, p.goals, p.goals_html as "goalsHtml", p.status, p.enrollment, p.capacity,
          to_char(p.starts_on, 'YYYY-MM-DD') as "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') as "endsOn", p.cohort_size as "cohortSize",
          p.group_size as "groupSize", p.rounds, p.min_shared_hours as "minSharedHours", p.enrolled_count as "enrolledCount",
          p.created_by as "createdBy", p.created_at as "createdAt", p.updated_at as "updatedAt", p.created_at::text as k
        from programs p where ${sql22.join(where, sql22` and `)} order by p.created_at desc, p.id desc limit ${f.limit}`
  );
}
function selectFacilitators(db, programIds) {
  if (!programIds.length) return Promise.resolve([]);
  return db.select({ programId: programFacilitators.programId, id: people.id, name: people.name, title: people.title }).from(programFacilitators).innerJoin(people, eq12(people.id, programFacilitators.personId)).where(inArray3(programFacilitators.programId, programIds)).orderBy(people.name);
}
function selectMyEnrollments(db, personId, programIds) {
  if (!programIds.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql22`select e.program_id as "programId", e.status,
          case when e.status = 'waitlisted' then (select count(*)::int from program_enrollments w
            where w.program_id = e.program_id and w.status = 'waitlisted' and (w.enrolled_at, w.person_id) <= (e.enrolled_at, e.person_id)) end as position
        from program_enrollments e where e.person_id = ${personId} and e.program_id in ${programIds}`
  );
}
async function insertProgram(db, values) {
  const [row] = await db.insert(programs).values(values).returning();
  return row;
}
async function updateProgramRow(db, id, values) {
  await db.update(programs).set({ ...values, updatedAt: /* @__PURE__ */ new Date() }).where(eq12(programs.id, id));
}
async function setFacilitators(db, orgId2, programId, personIds) {
  await db.delete(programFacilitators).where(eq12(programFacilitators.programId, programId));
  if (personIds.length) await db.insert(programFacilitators).values([...new Set(personIds)].map((personId) => ({ programId, personId, orgId: orgId2 })));
}
async function isFacilitator(db, programId, personId) {
  const rows = await db.select({ p: programFacilitators.personId }).from(programFacilitators).where(and10(eq12(programFacilitators.programId, programId), eq12(programFacilitators.personId, personId)));
  return rows.length > 0;
}
function selectSessions(db, programId) {
  return db.select().from(programSessions).where(eq12(programSessions.programId, programId)).orderBy(programSessions.startsAt);
}
async function replaceSessions(db, orgId2, programId, sessions2) {
  const existing = new Set((await db.select({ id: programSessions.id }).from(programSessions).where(eq12(programSessions.programId, programId))).map((r) => r.id));
  const kept = sessions2.filter((s) => s.id && existing.has(s.id));
  const keptIds = kept.map((s) => s.id);
  await db.delete(programSessions).where(and10(eq12(programSessions.programId, programId), keptIds.length ? notInArray(programSessions.id, keptIds) : void 0));
  for (const s of kept) {
    await db.update(programSessions).set({ title: s.title, startsAt: new Date(s.startsAt), durationMinutes: s.durationMinutes }).where(eq12(programSessions.id, s.id));
  }
  const added = sessions2.filter((s) => !(s.id && existing.has(s.id)));
  if (added.length) await db.insert(programSessions).values(added.map((s) => ({ programId, orgId: orgId2, title: s.title, startsAt: new Date(s.startsAt), durationMinutes: s.durationMinutes })));
}
async function selectSession2(db, programId, sessionId) {
  const [row] = await db.select({ id: programSessions.id }).from(programSessions).where(and10(eq12(programSessions.programId, programId), eq12(programSessions.id, sessionId)));
  return row;
}
async function insertProgress(db, v) {
  const rows = await db.insert(programSessionProgress).values(v).onConflictDoNothing().returning({ s: programSessionProgress.sessionId });
  return rows.length > 0;
}
async function deleteProgress(db, sessionId, personId) {
  const rows = await db.delete(programSessionProgress).where(and10(eq12(programSessionProgress.sessionId, sessionId), eq12(programSessionProgress.personId, personId))).returning({ s: programSessionProgress.sessionId });
  return rows.length > 0;
}
async function selectDoneSessionIds(db, programId, personId) {
  const rows = await db.select({ id: programSessionProgress.sessionId }).from(programSessionProgress).where(and10(eq12(programSessionProgress.programId, programId), eq12(programSessionProgress.personId, personId)));
  return new Set(rows.map((r) => r.id));
}
async function updateHideProgress(db, programId, personId, hidden) {
  const rows = await db.update(programEnrollments).set({ hideProgress: hidden }).where(and10(eq12(programEnrollments.programId, programId), eq12(programEnrollments.personId, personId))).returning({ p: programEnrollments.personId });
  return rows.length > 0;
}
function selectCohortOfCommunity(db, orgId2, communityId) {
  return selectRow(
    db,
    sql22`select c.id, c.name, c.program_id as "programId", p.title, p.goals_html as "goalsHtml"
        from cohorts c join programs p on p.id = c.program_id where c.org_id = ${orgId2} and c.community_id = ${communityId}`
  );
}
function selectCohortProgress(db, cohortId, programId) {
  return selectRows(
    db,
    sql22`select p.id, p.name, p.title, coalesce(e.hide_progress, false) as hidden,
          (select count(*)::int from program_session_progress g where g.program_id = ${programId} and g.person_id = p.id) as done
        from cohort_members m join people p on p.id = m.person_id
        left join program_enrollments e on e.program_id = ${programId} and e.person_id = p.id
        where m.cohort_id = ${cohortId} and p.status <> 'deactivated' order by p.name, p.id`
  );
}
function selectActivePeople3(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: people.id }).from(people).where(and10(eq12(people.orgId, orgId2), eq12(people.status, "active"), inArray3(people.id, ids)));
}
async function selectEnrollment(db, programId, personId) {
  const [row] = await db.select().from(programEnrollments).where(and10(eq12(programEnrollments.programId, programId), eq12(programEnrollments.personId, personId)));
  return row;
}
async function countEnrolled(db, programId) {
  const row = await selectRow(db, sql22`select count(*)::int as n from program_enrollments where program_id = ${programId} and status = 'enrolled'`);
  return row?.n ?? 0;
}
async function countWaitlisted(db, programId) {
  const row = await selectRow(db, sql22`select count(*)::int as n from program_enrollments where program_id = ${programId} and status = 'waitlisted'`);
  return row?.n ?? 0;
}
async function insertEnrollment(db, v) {
  await db.insert(programEnrollments).values(v);
}
async function deleteEnrollment(db, programId, personId) {
  const [row] = await db.delete(programEnrollments).where(and10(eq12(programEnrollments.programId, programId), eq12(programEnrollments.personId, personId))).returning();
  return row;
}
async function promoteFromWaitlist(db, programId) {
  const row = await selectRow(
    db,
    sql22`update program_enrollments set status = 'enrolled' where (program_id, person_id) = (
          select program_id, person_id from program_enrollments where program_id = ${programId} and status = 'waitlisted'
          order by enrolled_at, person_id limit 1) returning person_id as "personId"`
  );
  return row?.personId;
}
async function refreshEnrolledCount(db, programId) {
  await db.execute(sql22`update programs set enrolled_count = (select count(*) from program_enrollments where program_id = ${programId} and status = 'enrolled') where id = ${programId}`);
}
function selectEnrollees(db, programId, onlyEnrolled) {
  return selectRows(
    db,
    sql22`select p.id, p.name, p.title, p.department, p.location, p.time_zone as "timeZone", p.team, p.manager_id as "managerId",
          e.status, e.source, e.enrolled_at as "enrolledAt",
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'have'), '{}') as have,
          coalesce((select array_agg(s.key) from person_skills s where s.person_id = p.id and s.kind = 'want'), '{}') as want
        from program_enrollments e join people p on p.id = e.person_id
        where e.program_id = ${programId} and p.status <> 'deactivated' ${onlyEnrolled ? sql22`and e.status = 'enrolled'` : sql22``}
        order by e.status, e.enrolled_at, p.id`
  );
}
function selectPlans(db, programId) {
  return db.select().from(programPlans).where(and10(eq12(programPlans.programId, programId), sql22`${programPlans.status} <> 'superseded'`)).orderBy(sql22`${programPlans.createdAt} desc`);
}
async function selectPlan(db, programId, planId) {
  const [row] = await db.select().from(programPlans).where(and10(eq12(programPlans.programId, programId), eq12(programPlans.id, planId)));
  return row;
}
async function selectPublishedPlan(db, programId, kind) {
  const [row] = await db.select().from(programPlans).where(and10(eq12(programPlans.programId, programId), eq12(programPlans.kind, kind), eq12(programPlans.status, "published")));
  return row;
}
async function insertPlan(db, values) {
  await db.update(programPlans).set({ status: "superseded" }).where(and10(eq12(programPlans.programId, values.programId), eq12(programPlans.kind, values.kind), eq12(programPlans.status, "draft")));
  const [row] = await db.insert(programPlans).values(values).returning();
  return row;
}
async function updatePlanRow(db, id, values) {
  await db.update(programPlans).set(values).where(eq12(programPlans.id, id));
}
async function supersedePublished(db, programId, kind) {
  await db.update(programPlans).set({ status: "superseded" }).where(and10(eq12(programPlans.programId, programId), eq12(programPlans.kind, kind), eq12(programPlans.status, "published")));
}
async function insertCohort(db, v, memberIds) {
  const [row] = await db.insert(cohorts).values(v).returning();
  if (memberIds.length) await db.insert(cohortMembers).values(memberIds.map((personId) => ({ cohortId: row.id, personId, programId: v.programId, orgId: v.orgId })));
  return row;
}
async function selectMyCohort(db, programId, personId) {
  const cohort = await selectRow(
    db,
    sql22`select c.id, c.name, co.slug as "communitySlug" from cohort_members m join cohorts c on c.id = m.cohort_id
        left join communities co on co.id = c.community_id where m.program_id = ${programId} and m.person_id = ${personId}`
  );
  if (!cohort) return null;
  const members = await selectRows(
    db,
    sql22`select p.id, p.name, p.title from cohort_members m join people p on p.id = m.person_id where m.cohort_id = ${cohort.id} order by p.name`
  );
  return { ...cohort, members };
}
async function selectCohortMembers(db, programId) {
  return selectRows(
    db,
    sql22`select c.id as "cohortId", c.name, c.position, m.person_id as "personId" from cohorts c join cohort_members m on m.cohort_id = c.id
        where c.program_id = ${programId} order by c.position`
  );
}
function selectRefs3(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: people.id, name: people.name, title: people.title }).from(people).where(and10(eq12(people.orgId, orgId2), inArray3(people.id, ids)));
}
function selectEnrolleesByIds(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return db.select({ id: people.id, name: people.name, department: people.department, location: people.location, timeZone: people.timeZone }).from(people).where(and10(eq12(people.orgId, orgId2), inArray3(people.id, ids)));
}

// server/src/modules/programs/programs.service.ts
var programChannel = (id) => `program:${id}`;
function programChanged(deps, id, what) {
  void deps.hub.publish(programChannel(id), { type: "changed", channel: programChannel(id), what, id });
}
async function canFollowProgram(db, actor, id) {
  await loadProgram(db, actor, id);
  return true;
}
async function loadProgram(db, actor, id) {
  const row = await selectProgram(db, actor.orgId, id);
  if (!row) throw notFound("That program");
  const facilitator = await isFacilitator(db, row.id, actor.personId);
  if (!canView2(actor, row, facilitator)) throw notFound("That program");
  return { row, facilitator, canFacilitate: canFacilitate(actor, row, facilitator) };
}
async function loadForFacilitator(db, actor, id) {
  const p = await loadProgram(db, actor, id);
  if (!p.canFacilitate) throw new AppError("FORBIDDEN", "Only the program\u2019s facilitators can do that.");
  return p;
}
var day = (v) => v === null ? null : typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);
async function summaries2(db, actor, rows) {
  const ids = rows.map((r) => r.id);
  const facilitators = await selectFacilitators(db, ids);
  const mine = new Map((await selectMyEnrollments(db, actor.personId, ids)).map((e) => [e.programId, e]));
  return rows.map((r) => {
    const e = mine.get(r.id);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      enrollment: r.enrollment,
      capacity: r.capacity,
      enrolledCount: r.enrolledCount,
      startsOn: day(r.startsOn),
      endsOn: day(r.endsOn),
      facilitators: facilitators.filter((f) => f.programId === r.id).map(({ id, name, title }) => ({ id, name, title })),
      myEnrollment: e ? { status: e.status, waitlistPosition: e.position } : null
    };
  });
}
async function findPrograms(db, actor, q2) {
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectProgramPage(db, actor, { filter: q2.filter, after, limit: q2.limit + 1 });
  const page2 = toPage(rows, q2.limit, (r) => r, (r) => [r.k, r.id]);
  return { items: await summaries2(db, actor, page2.items), nextCursor: page2.nextCursor };
}
async function publishedPartners(db, programId) {
  const plan = await selectPublishedPlan(db, programId, "partners");
  const out = /* @__PURE__ */ new Map();
  const pairs = plan ? plan.result.rounds?.[0] ?? [] : [];
  for (const pair of pairs) for (const id of pair) out.set(id, pair.filter((o) => o !== id));
  return out;
}
async function placementOf(db, actor, programId) {
  const cohort = await selectMyCohort(db, programId, actor.personId);
  const rotation = await selectPublishedPlan(db, programId, "rotation");
  const partners = await selectPublishedPlan(db, programId, "partners");
  const mineIn = (rounds) => rounds.map((round) => round.find((g) => g.includes(actor.personId)) ?? []);
  const groups = rotation ? mineIn(rotation.result.rounds) : [];
  const pair = partners ? mineIn(partners.result.rounds)[0] : [];
  const others = [.../* @__PURE__ */ new Set([...groups.flat(), ...pair])].filter((id) => id !== actor.personId);
  const refs = new Map((await selectRefs3(db, actor.orgId, others)).map((r) => [r.id, r]));
  const toRefs = (ids) => ids.filter((id) => id !== actor.personId && refs.has(id)).map((id) => refs.get(id));
  return {
    cohort: cohort ? { id: cohort.id, name: cohort.name, communitySlug: cohort.communitySlug, members: cohort.members } : null,
    groups: groups.map((g, i) => ({ round: i + 1, members: toRefs(g) })).filter((g) => g.members.length > 0),
    partners: toRefs(pair)
  };
}
async function getProgram(db, actor, id) {
  const { row, canFacilitate: canFacilitate3 } = await loadProgram(db, actor, id);
  const [summary] = await summaries2(db, actor, [row]);
  const sessions2 = await selectSessions(db, row.id);
  return {
    ...summary,
    goals: row.goals,
    goalsHtml: row.goalsHtml,
    sessions: sessions2.map((s) => ({ id: s.id, title: s.title, startsAt: toIso(s.startsAt), durationMinutes: s.durationMinutes })),
    settings: { cohortSize: row.cohortSize, groupSize: row.groupSize, rounds: row.rounds, minSharedHours: row.minSharedHours },
    waitlistCount: await countWaitlisted(db, row.id),
    myPlacement: await placementOf(db, actor, row.id),
    abilities: { canEdit: canFacilitate3, canEnroll: canSelfEnroll(actor, row), canFacilitate: canFacilitate3 }
  };
}
async function createProgram(deps, actor, raw) {
  if (!canCreate3(actor)) throw new AppError("FORBIDDEN", "Only facilitators and admins can create programs.");
  const input = CreateProgramRequest.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    const facilitatorIds = [actor.personId, ...input.facilitatorIds];
    const found = await selectActivePeople3(tx, actor.orgId, [...new Set(facilitatorIds)]);
    if (found.length !== new Set(facilitatorIds).size) {
      throw new AppError("VALIDATION_FAILED", "Some facilitators are not active people of your organization.", { errors: [{ field: "facilitatorIds", message: "Unknown person" }] });
    }
    const p = await insertProgram(tx, {
      orgId: actor.orgId,
      title: input.title,
      description: input.description,
      goals: input.goals,
      goalsHtml: renderMarkdown(input.goals),
      enrollment: input.enrollment,
      capacity: input.capacity,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      ...input.settings,
      createdBy: actor.personId
    });
    await setFacilitators(tx, actor.orgId, p.id, facilitatorIds);
    await replaceSessions(tx, actor.orgId, p.id, input.sessions);
    emit({ type: "programs.created", orgId: actor.orgId, payload: { programId: p.id, personId: actor.personId } });
    return p.id;
  });
  return getProgram(deps.db, actor, id);
}
async function updateProgram(deps, actor, id, input) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const { sessions: sessions2, settings, goals, ...rest } = input;
    await updateProgramRow(tx, row.id, { ...rest, ...settings ?? {}, ...goals !== void 0 ? { goals, goalsHtml: renderMarkdown(goals) } : {} });
    if (sessions2) await replaceSessions(tx, actor.orgId, row.id, sessions2.map((s) => ({ ...s, durationMinutes: s.durationMinutes ?? 60 })));
    if (input.capacity !== void 0) await fillFromWaitlist2(tx, row.id, input.capacity, (personId) => emit({ type: "programs.promoted", orgId: actor.orgId, payload: { programId: row.id, personId } }));
    if (input.status && input.status !== row.status) emit({ type: "programs.status_changed", orgId: actor.orgId, payload: { programId: row.id, status: input.status } });
  });
  return getProgram(deps.db, actor, id);
}
async function fillFromWaitlist2(tx, programId, capacity, promoted) {
  for (; ; ) {
    if (capacity !== null && await countEnrolled(tx, programId) >= capacity) break;
    const personId = await promoteFromWaitlist(tx, programId);
    if (!personId) break;
    promoted(personId);
  }
  await refreshEnrolledCount(tx, programId);
}
async function enroll(tx, row, personIds, source) {
  let enrolled = await countEnrolled(tx, row.id);
  const added = [];
  for (const personId of personIds) {
    if (await selectEnrollment(tx, row.id, personId)) continue;
    const status = row.capacity === null || enrolled < row.capacity ? "enrolled" : "waitlisted";
    if (status === "enrolled") enrolled++;
    await insertEnrollment(tx, { programId: row.id, personId, orgId: row.orgId, status, source });
    added.push({ personId, status });
  }
  await refreshEnrolledCount(tx, row.id);
  return added;
}
async function setMyEnrollment(deps, actor, id, enrolled) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockProgram(tx, id);
    const { row } = await loadProgram(tx, actor, id);
    if (enrolled) {
      if (!canSelfEnroll(actor, row)) throw new AppError("CONFLICT", row.status === "open" ? "Facilitators enrol people in this program." : "This program is not open for enrolment.");
      for (const a of await enroll(tx, row, [actor.personId], "self")) emit({ type: "programs.enrolled", orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status } });
      return;
    }
    const gone2 = await deleteEnrollment(tx, row.id, actor.personId);
    if (!gone2) return;
    emit({ type: "programs.left", orgId: actor.orgId, payload: { programId: row.id, personId: actor.personId } });
    if (gone2.status === "enrolled") await fillFromWaitlist2(tx, row.id, row.capacity, (personId) => emit({ type: "programs.promoted", orgId: actor.orgId, payload: { programId: row.id, personId } }));
  });
  programChanged(deps, id, "enrollment");
  return getProgram(deps.db, actor, id);
}
async function assignPeople(deps, actor, id, personIds) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const unique = [...new Set(personIds)];
    const found = await selectActivePeople3(tx, actor.orgId, unique);
    if (found.length !== unique.length) throw new AppError("VALIDATION_FAILED", "Some of these people are not active in your organization.", { errors: [{ field: "personIds", message: "Unknown person" }] });
    for (const a of await enroll(tx, row, unique, "assigned")) emit({ type: "programs.enrolled", orgId: actor.orgId, payload: { programId: row.id, personId: a.personId, status: a.status, by: actor.personId } });
  });
  programChanged(deps, id, "enrollment");
  return findEnrollees(deps.db, actor, id);
}
async function removeEnrollee(deps, actor, id, personId) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const gone2 = await deleteEnrollment(tx, row.id, personId);
    if (!gone2) throw notFound("That enrolment");
    emit({ type: "programs.left", orgId: actor.orgId, payload: { programId: row.id, personId, by: actor.personId } });
    if (gone2.status === "enrolled") await fillFromWaitlist2(tx, row.id, row.capacity, (p) => emit({ type: "programs.promoted", orgId: actor.orgId, payload: { programId: row.id, personId: p } }));
  });
}
async function findEnrollees(db, actor, id) {
  const { row } = await loadForFacilitator(db, actor, id);
  const rows = await selectEnrollees(db, row.id, false);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      title: r.title,
      department: r.department,
      location: r.location,
      timeZone: r.timeZone,
      status: r.status,
      source: r.source,
      enrolledAt: toIso(r.enrolledAt)
    }))
  };
}
async function presentPlan(db, orgId2, plan) {
  const result = plan.result;
  const ids = [...new Set(result.rounds.flat(2))];
  const people2 = new Map((await selectEnrolleesByIds(db, orgId2, ids)).map((p) => [p.id, p]));
  const kindLabel = plan.kind === "rotation" ? "Round" : plan.kind === "cohorts" ? "Cohorts" : "Partners";
  return {
    id: plan.id,
    kind: plan.kind,
    status: plan.status,
    params: plan.params,
    rounds: result.rounds.map((round, r) => ({
      label: plan.kind === "rotation" ? `${kindLabel} ${r + 1}` : kindLabel,
      groups: round.map((g, gi) => ({ label: result.labels[r]?.[gi] ?? `Group ${gi + 1}`, members: g.map((pid) => people2.get(pid) ?? { id: pid, name: "Unknown", department: null, location: null, timeZone: null }) }))
    })),
    metrics: plan.metrics,
    baseline: plan.baseline,
    explanation: explain(plan.kind, plan.metrics, plan.baseline),
    warnings: result.warnings ?? [],
    method: plan.method,
    createdAt: toIso(plan.createdAt),
    publishedAt: plan.publishedAt ? toIso(plan.publishedAt) : null
  };
}
async function findPlans(db, actor, id) {
  const { row } = await loadForFacilitator(db, actor, id);
  const plans = await selectPlans(db, row.id);
  const items = [];
  for (const p of plans) items.push(await presentPlan(db, actor.orgId, p));
  return { items };
}
async function createPlan(deps, actor, id, input) {
  const { row } = await loadForFacilitator(deps.db, actor, id);
  const people2 = await selectEnrollees(deps.db, row.id, true);
  const params = {
    size: input.size ?? (input.kind === "cohorts" ? row.cohortSize : input.kind === "partners" ? 2 : row.groupSize),
    rounds: input.kind === "rotation" ? input.rounds ?? row.rounds : 1,
    minSharedHours: input.minSharedHours ?? row.minSharedHours,
    seed: input.seed ?? 1
  };
  const cohortRows = input.kind === "rotation" ? await selectCohortMembers(deps.db, row.id) : [];
  const cohortsOf = groupCohorts(cohortRows);
  const formed = formPlan(input.kind, people2, params, cohortsOf);
  const plan = await deps.events.transaction(deps.db, async (tx, emit) => {
    const p = await insertPlan(tx, {
      programId: row.id,
      orgId: actor.orgId,
      kind: input.kind,
      params,
      result: { rounds: formed.rounds, labels: formed.labels, warnings: formed.warnings },
      metrics: formed.metrics,
      baseline: formed.baseline,
      method: formed.method,
      createdBy: actor.personId
    });
    emit({ type: "programs.plan_formed", orgId: actor.orgId, payload: { programId: row.id, planId: p.id, kind: input.kind } });
    return p;
  });
  return presentPlan(deps.db, actor.orgId, plan);
}
function groupCohorts(rows) {
  if (!rows.length) return null;
  const by = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const c = by.get(r.cohortId) ?? { name: r.name, members: [] };
    c.members.push(r.personId);
    by.set(r.cohortId, c);
  }
  return [...by.values()];
}
async function adjustPlan(deps, actor, id, planId, input) {
  const { row } = await loadForFacilitator(deps.db, actor, id);
  const plan = await selectPlan(deps.db, row.id, planId);
  if (!plan) throw notFound("That plan");
  if (plan.status !== "draft") throw new AppError("CONFLICT", "Only a draft plan can be adjusted; form a new one to change a published plan.");
  const before = plan.result;
  const fail2 = (message) => new AppError("VALIDATION_FAILED", message, { errors: [{ field: "rounds", message }] });
  if (input.rounds.length !== before.rounds.length) throw fail2(`Keep ${before.rounds.length} round(s).`);
  const everyone = new Set(before.rounds[0].flat());
  input.rounds.forEach((round, r) => {
    const ids = round.flat();
    if (round.some((g) => g.length === 0)) throw fail2(`Round ${r + 1} has an empty group.`);
    if (ids.length !== everyone.size || new Set(ids).size !== ids.length || ids.some((x) => !everyone.has(x))) throw fail2(`Round ${r + 1} must place each person exactly once.`);
  });
  const people2 = await selectEnrollees(deps.db, row.id, true);
  const known = knownPairsOf(people2);
  const metrics = planFigures(input.rounds, people2, known);
  const labels = input.rounds.map((round, r) => round.map((_, gi) => before.labels[r]?.[gi] ?? `Group ${gi + 1}`));
  await updatePlanRow(deps.db, plan.id, { result: { rounds: input.rounds, labels, warnings: before.warnings ?? [] }, metrics });
  return presentPlan(deps.db, actor.orgId, { ...plan, result: { rounds: input.rounds, labels, warnings: before.warnings }, metrics });
}
async function publishPlan(deps, actor, id, planId) {
  const plan = await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockProgram(tx, id);
    const { row } = await loadForFacilitator(tx, actor, id);
    const p = await selectPlan(tx, row.id, planId);
    if (!p) throw notFound("That plan");
    if (p.status !== "draft") throw new AppError("CONFLICT", "This plan is not a draft any more.");
    const result = p.result;
    const enrolled = new Set((await selectEnrollees(tx, row.id, true)).map((e) => e.id));
    if (result.rounds[0].flat().some((pid) => !enrolled.has(pid))) throw new AppError("CONFLICT", "Enrolment changed since this plan was formed. Form it again.");
    if (p.kind === "cohorts") {
      if (await selectPublishedPlan(tx, row.id, "cohorts")) throw new AppError("CONFLICT", "Cohorts are already published for this program.");
      const facilitators = (await selectFacilitators(tx, [row.id])).map((f) => f.id);
      for (const [i, members] of result.rounds[0].entries()) {
        const name = `${row.title} \xB7 ${result.labels[0]?.[i] ?? `Cohort ${i + 1}`}`;
        const space = await createCohortSpace(tx, actor.orgId, { name: name.slice(0, 80), description: row.description.slice(0, 600), ownerIds: facilitators, memberIds: members, createdBy: actor.personId });
        await insertCohort(tx, { programId: row.id, orgId: actor.orgId, planId: p.id, position: i + 1, name: result.labels[0]?.[i] ?? `Cohort ${i + 1}`, communityId: space.id }, members);
      }
    } else await supersedePublished(tx, row.id, p.kind);
    const now = /* @__PURE__ */ new Date();
    await updatePlanRow(tx, p.id, { status: "published", publishedAt: now });
    emit({ type: "programs.plan_published", orgId: actor.orgId, payload: { programId: row.id, planId: p.id, kind: p.kind, people: [...enrolled] } });
    return { ...p, status: "published", publishedAt: now };
  });
  programChanged(deps, id, "placement");
  return presentPlan(deps.db, actor.orgId, plan);
}
async function markSessionDone(deps, actor, id, sessionId, done) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { row } = await loadProgram(tx, actor, id);
    if (!await selectSession2(tx, row.id, sessionId)) throw notFound("That session");
    const enrolment = await selectEnrollment(tx, row.id, actor.personId);
    if (enrolment?.status !== "enrolled") throw new AppError("CONFLICT", "Only people enrolled in this program can mark sessions done.");
    const changed = done ? await insertProgress(tx, { sessionId, personId: actor.personId, programId: row.id, orgId: actor.orgId }) : await deleteProgress(tx, sessionId, actor.personId);
    if (changed) emit({ type: "programs.session_done", orgId: actor.orgId, payload: { programId: row.id, sessionId, personId: actor.personId, done } });
  });
  programChanged(deps, id, "progress");
}
async function setProgressVisibility(deps, actor, id, hidden) {
  const { row } = await loadProgram(deps.db, actor, id);
  if (!await updateHideProgress(deps.db, row.id, actor.personId, hidden)) throw new AppError("CONFLICT", "Only people enrolled in this program have progress to hide.");
  programChanged(deps, id, "progress");
}
async function getCohortProgram(db, actor, communityRef2) {
  const access2 = await loadCommunityAccess(db, actor, communityRef2);
  if (!access2.canRead || access2.community.kind !== "cohort") throw notFound("That cohort program");
  const cohort = await selectCohortOfCommunity(db, actor.orgId, access2.community.id);
  if (!cohort) throw notFound("That cohort program");
  const [sessions2, mine, members, enrolment] = await Promise.all([
    selectSessions(db, cohort.programId),
    selectDoneSessionIds(db, cohort.programId, actor.personId),
    selectCohortProgress(db, cohort.id, cohort.programId),
    selectEnrollment(db, cohort.programId, actor.personId)
  ]);
  return {
    program: { id: cohort.programId, title: cohort.title, goalsHtml: cohort.goalsHtml },
    cohortName: cohort.name,
    sessions: sessions2.map((x) => ({ id: x.id, title: x.title, startsAt: toIso(x.startsAt), durationMinutes: x.durationMinutes, isDone: mine.has(x.id) })),
    members: members.map((m) => ({ id: m.id, name: m.name, title: m.title, done: m.hidden && m.id !== actor.personId ? null : Math.min(m.done, sessions2.length), total: sessions2.length })),
    hideMyProgress: enrolment ? enrolment.hideProgress : null
  };
}

// server/src/modules/programs/programs.routes.ts
var IdParams6 = z22.object({ id: Id });
var PlanParams = z22.object({ id: Id, planId: Id });
function programsRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["programs"];
  r.get("/api/programs", { schema: { tags, querystring: FindProgramsQuery, response: { 200: ProgramPage } } }, (req) => findPrograms(deps.db, requireActor(req), req.query));
  r.post(
    "/api/programs",
    { schema: { tags, body: CreateProgramRequest, response: { 201: Program } } },
    async (req, reply) => reply.code(201).send(await createProgram(deps, requireActor(req), req.body))
  );
  r.get("/api/programs/:id", { schema: { tags, params: IdParams6, response: { 200: Program } } }, (req) => getProgram(deps.db, requireActor(req), req.params.id));
  r.patch(
    "/api/programs/:id",
    { schema: { tags, params: IdParams6, body: UpdateProgramRequest, response: { 200: Program } } },
    (req) => updateProgram(deps, requireActor(req), req.params.id, req.body)
  );
  r.put(
    "/api/programs/:id/enrollment",
    { schema: { tags, params: IdParams6, body: SelfEnrollRequest, response: { 200: Program } } },
    (req) => setMyEnrollment(deps, requireActor(req), req.params.id, req.body.enrolled)
  );
  r.get(
    "/api/programs/:id/enrollments",
    { schema: { tags, params: IdParams6, response: { 200: ProgramEnrollees } } },
    (req) => findEnrollees(deps.db, requireActor(req), req.params.id)
  );
  r.post(
    "/api/programs/:id/enrollments",
    { schema: { tags, params: IdParams6, body: AssignPeopleRequest, response: { 200: ProgramEnrollees } } },
    (req) => assignPeople(deps, requireActor(req), req.params.id, req.body.personIds)
  );
  r.delete("/api/programs/:id/enrollments/:personId", { schema: { tags, params: z22.object({ id: Id, personId: Id }) } }, async (req, reply) => {
    await removeEnrollee(deps, requireActor(req), req.params.id, req.params.personId);
    return reply.code(204).send();
  });
  r.get("/api/programs/:id/plans", { schema: { tags, params: IdParams6, response: { 200: ProgramPlans } } }, (req) => findPlans(deps.db, requireActor(req), req.params.id));
  r.post(
    "/api/programs/:id/plans",
    { schema: { tags, params: IdParams6, body: FormPlanRequest, response: { 201: Plan } }, config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (req, reply) => reply.code(201).send(await createPlan(deps, requireActor(req), req.params.id, req.body))
  );
  r.patch(
    "/api/programs/:id/plans/:planId",
    { schema: { tags, params: PlanParams, body: AdjustPlanRequest, response: { 200: Plan } } },
    (req) => adjustPlan(deps, requireActor(req), req.params.id, req.params.planId, req.body)
  );
  r.post(
    "/api/programs/:id/plans/:planId/publish",
    { schema: { tags, params: PlanParams, response: { 200: Plan } } },
    (req) => publishPlan(deps, requireActor(req), req.params.id, req.params.planId)
  );
  r.put("/api/programs/:id/sessions/:sessionId/done", { schema: { tags, params: z22.object({ id: Id, sessionId: Id }), body: MarkSessionDoneRequest } }, async (req, reply) => {
    await markSessionDone(deps, requireActor(req), req.params.id, req.params.sessionId, req.body.done);
    return reply.code(204).send();
  });
  r.put("/api/programs/:id/progress-visibility", { schema: { tags, params: IdParams6, body: ProgressVisibilityRequest } }, async (req, reply) => {
    await setProgressVisibility(deps, requireActor(req), req.params.id, req.body.hidden);
    return reply.code(204).send();
  });
  r.get(
    "/api/communities/:id/program",
    { schema: { tags, params: IdParams6, response: { 200: CohortProgram } } },
    (req) => getCohortProgram(deps.db, requireActor(req), req.params.id)
  );
}

// server/src/modules/programs/index.ts
async function register8(app, deps) {
  programsRoutes(app, deps);
  deps.hub.allow("program", (actor, id) => canFollowProgram(deps.db, actor, id));
}

// server/src/modules/live-sessions/live-sessions.groups.ts
var TIME_LIMIT_MS = 300;
function engineGroups(people2, size, known, seed) {
  if (people2.length === 0) return [];
  if (people2.length <= size + 1) return [people2.map((p) => p.id)];
  const input = {
    people: people2.map((p) => ({ id: p.id, ...p.department ? { department: p.department } : {} })),
    groupSize: size,
    rounds: 1,
    knownPairs: known
  };
  const uneven = size === 2 || size === 3 ? "larger" : "smaller";
  try {
    return formGroups({ ...input, uneven }, { seed, timeLimitMs: TIME_LIMIT_MS }).rounds[0];
  } catch {
    return formGroups({ ...input, uneven: "auto" }, { seed, timeLimitMs: TIME_LIMIT_MS }).rounds[0];
  }
}
function formBreakoutGroups(people2, size, known, seed = 1) {
  return engineGroups(people2, size, known, seed);
}
function formPairs(people2, firstPartners, known, seed = 1) {
  const here = new Set(people2.map((p) => p.id));
  const placed = /* @__PURE__ */ new Set();
  const pairs = [];
  for (const p of people2) {
    if (placed.has(p.id)) continue;
    const partners = (firstPartners.get(p.id) ?? []).filter((id) => id !== p.id && here.has(id) && !placed.has(id));
    if (!partners.length) continue;
    const group = [p.id, ...partners];
    for (const id of group) placed.add(id);
    pairs.push(group);
  }
  const rest = people2.filter((p) => !placed.has(p.id));
  if (rest.length === 1) {
    const smallest = pairs.reduce((best, g) => !best || g.length < best.length ? g : best, null);
    if (smallest) smallest.push(rest[0].id);
    else pairs.push([rest[0].id]);
    return pairs;
  }
  return [...pairs, ...engineGroups(rest, 2, known, seed)];
}
function placeLateJoiner(personId, kind, all, knows, firstPartners = []) {
  let groups = all;
  const occupied = groups.filter((g) => g.members.length > 0);
  if (occupied.length) groups = occupied;
  if (!groups.length) return null;
  if (kind === "pair") {
    const lone = groups.find((g) => g.members.length === 1);
    if (lone) return lone.id;
    const partnerPair = groups.find((g) => g.members.length === 2 && g.members.some((m) => firstPartners.includes(m)));
    if (partnerPair) return partnerPair.id;
  }
  const known = (g) => g.members.filter((m) => knows(personId, m)).length;
  const sorted = [...groups].sort((a, b) => a.members.length - b.members.length || known(a) - known(b));
  return sorted[0].id;
}

// server/src/modules/live-sessions/live-sessions.templates.ts
function templateSegments(template) {
  if (template === "blank") return [{ kind: "plenary", title: "Plenary", prompt: "", durationMinutes: 30, config: {} }];
  return [
    { kind: "plenary", title: "Welcome", prompt: "What we will do today. What is shared in this session stays in this session.", durationMinutes: 5, config: {} },
    { kind: "icebreaker", title: "Icebreaker in threes", prompt: "Share one small thing that made you smile this week.", durationMinutes: 8, config: { groupSize: 3 } },
    { kind: "poll", title: "Quick poll", prompt: "", durationMinutes: 3, config: { question: "How confident do you feel about today\u2019s topic?", type: "rating", scale: 5 } },
    { kind: "chat", title: "Open chat", prompt: "What do you hope to take away today?", durationMinutes: 5, config: {} },
    { kind: "groups", title: "Small-group discussion", prompt: "Discuss a recent challenge and what helped. Note the ideas worth keeping.", durationMinutes: 15, config: { groupSize: 4 } },
    { kind: "pairs", title: "Learning partners", prompt: "Agree one thing each of you will try before the next session.", durationMinutes: 10, config: {} },
    { kind: "reflection", title: "Reflection", prompt: "Write down one insight for yourself.", durationMinutes: 5, config: {} },
    { kind: "debrief", title: "Debrief (opt-in)", prompt: "Groups whose members all agree can share their notes with everyone. Learning-partner talks stay private.", durationMinutes: 10, config: {} }
  ];
}

// server/src/modules/live-sessions/live-sessions.policy.ts
function canCreate4(actor, target) {
  if (actor.isAdmin) return true;
  if (target.kind === "program") return Boolean(target.programFacilitator);
  if (target.kind === "community") return Boolean(target.communityModerator) || actor.roles.includes("facilitator");
  return actor.roles.includes("facilitator");
}
var canFacilitate2 = (actor, s, r) => actor.orgId === s.orgId && (r.facilitator || actor.isAdmin);
var canView3 = (actor, s, r) => actor.orgId === s.orgId && (canFacilitate2(actor, s, r) || r.audience || r.participant);
var canJoin = (actor, s, r) => actor.orgId === s.orgId && r.audience && !canFacilitate2(actor, s, r) && s.status !== "ended";
var canEdit4 = (actor, s, r) => canFacilitate2(actor, s, r) && s.status !== "ended";
var canReadSessionContent = (actor, s, r) => canFacilitate2(actor, s, r) || actor.orgId === s.orgId && r.participant;
var canReadGroup = (isMember) => isMember;

// server/src/modules/live-sessions/live-sessions.repo.ts
import { and as and11, eq as eq13, sql as sql23 } from "drizzle-orm";
async function selectSession3(db, orgId2, id, lock = false) {
  if (lock) await db.execute(sql23`select 1 from live_sessions where id = ${id} and org_id = ${orgId2} for update`);
  const [row] = await db.select().from(liveSessions).where(and11(eq13(liveSessions.orgId, orgId2), eq13(liveSessions.id, id)));
  return row;
}
async function selectViewerRelation(db, s, personId) {
  const row = await selectRow(
    db,
    sql23`select
          (${s.createdBy}::uuid = ${personId}::uuid
           or exists (select 1 from live_session_facilitators f where f.session_id = ${s.id} and f.person_id = ${personId})
           or exists (select 1 from program_facilitators pf where pf.program_id = ${s.programId}::uuid and pf.person_id = ${personId})) as facilitator,
          exists (select 1 from program_enrollments e where e.program_id = ${s.programId}::uuid and e.person_id = ${personId} and e.status = 'enrolled') as enrolled,
          p.joined_at as "joinedAt", p.left_at as "leftAt"
        from (select 1) x left join live_participants p on p.session_id = ${s.id} and p.person_id = ${personId}`
  );
  return {
    facilitator: Boolean(row?.facilitator),
    enrolled: Boolean(row?.enrolled),
    participant: row?.joinedAt ? { leftAt: row.leftAt } : null
  };
}
function selectFacilitators2(db, sessionIds) {
  if (!sessionIds.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql23`select distinct x.session_id as "sessionId", p.id, p.name, p.department from (
          select s.id as session_id, s.created_by as person_id from live_sessions s where s.id in ${sessionIds} and s.created_by is not null
          union select f.session_id, f.person_id from live_session_facilitators f where f.session_id in ${sessionIds}
          union select s.id, pf.person_id from live_sessions s join program_facilitators pf on pf.program_id = s.program_id where s.id in ${sessionIds}
        ) x join people p on p.id = x.person_id order by p.name`
  );
}
function selectParticipation(db, sessionIds, personId) {
  if (!sessionIds.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql23`select s.id as "sessionId",
          (select count(*)::int from live_participants p where p.session_id = s.id and p.left_at is null) as present,
          (select case when p.left_at is null then 'present' else 'left' end from live_participants p where p.session_id = s.id and p.person_id = ${personId}) as mine
        from live_sessions s where s.id in ${sessionIds}`
  );
}
function selectContexts(db, sessionIds) {
  if (!sessionIds.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql23`select s.id as "sessionId", pr.title as "programTitle", c.name as "communityName", c.slug as "communitySlug"
        from live_sessions s left join programs pr on pr.id = s.program_id left join communities c on c.id = s.community_id
        where s.id in ${sessionIds}`
  );
}
function selectVisibleSessions(db, viewer, f) {
  const me = viewer.personId;
  const where = [sql23`s.org_id = ${viewer.orgId}`];
  if (!viewer.isAdmin) {
    const communities2 = f.readableCommunityIds.length ? sql23`s.community_id in ${f.readableCommunityIds}` : sql23`false`;
    where.push(sql23`(
      (s.program_id is null and s.community_id is null)
      or (s.community_id is not null and ${communities2})
      or exists (select 1 from program_enrollments e where e.program_id = s.program_id and e.person_id = ${me} and e.status = 'enrolled')
      or exists (select 1 from program_facilitators pf where pf.program_id = s.program_id and pf.person_id = ${me})
      or s.created_by = ${me}
      or exists (select 1 from live_session_facilitators lf where lf.session_id = s.id and lf.person_id = ${me})
      or exists (select 1 from live_participants lp where lp.session_id = s.id and lp.person_id = ${me}))`);
  }
  if (f.programId) where.push(sql23`s.program_id = ${f.programId}`);
  if (f.communityId) where.push(sql23`s.community_id = ${f.communityId}`);
  if (f.status) where.push(sql23`s.status = ${f.status}`);
  return selectRows(
    db,
    sql23`(select s.id, case s.status when 'live' then 0 when 'scheduled' then 1 else 2 end as rank, s.starts_at as k
          from live_sessions s where ${sql23.join(where, sql23` and `)} and s.status <> 'ended' order by rank, s.starts_at limit 200)
        union all
        (select s.id, 2, s.starts_at from live_sessions s where ${sql23.join(where, sql23` and `)} and s.status = 'ended' order by s.starts_at desc limit 50)
        order by rank, k`
  );
}
async function selectCommunityIdsWithSessions(db, orgId2) {
  const rows = await selectRows(db, sql23`select distinct community_id as id from live_sessions where org_id = ${orgId2} and community_id is not null`);
  return rows.map((r) => r.id);
}
async function selectSessionsByIds(db, orgId2, ids) {
  if (!ids.length) return [];
  return db.select().from(liveSessions).where(and11(eq13(liveSessions.orgId, orgId2), sql23`${liveSessions.id} in ${ids}`));
}
async function insertSession(db, v) {
  const [row] = await db.insert(liveSessions).values(v).returning();
  return row;
}
async function updateSession(db, id, v) {
  const [row] = await db.update(liveSessions).set({ ...v, version: sql23`${liveSessions.version} + 1`, updatedAt: /* @__PURE__ */ new Date() }).where(eq13(liveSessions.id, id)).returning();
  return row;
}
async function insertFacilitators(db, orgId2, sessionId, personIds) {
  if (!personIds.length) return;
  await db.insert(liveSessionFacilitators).values(personIds.map((personId) => ({ orgId: orgId2, sessionId, personId }))).onConflictDoNothing();
}
function selectActivePeople4(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(db, sql23`select id from people where org_id = ${orgId2} and status = 'active' and id in ${ids}`);
}
function selectProgramForCreator(db, orgId2, programId, personId) {
  return selectRow(
    db,
    sql23`select p.id, p.status, exists (select 1 from program_facilitators f where f.program_id = p.id and f.person_id = ${personId}) as facilitator
        from programs p where p.id = ${programId} and p.org_id = ${orgId2}`
  );
}
function selectSegments(db, sessionId) {
  return db.select().from(liveSegments).where(eq13(liveSegments.sessionId, sessionId)).orderBy(liveSegments.position);
}
async function selectSegment(db, sessionId, id) {
  const [row] = await db.select().from(liveSegments).where(and11(eq13(liveSegments.sessionId, sessionId), eq13(liveSegments.id, id)));
  return row;
}
async function insertSegments(db, rows) {
  if (!rows.length) return [];
  return db.insert(liveSegments).values(rows).returning();
}
async function updateSegment(db, id, v) {
  await db.update(liveSegments).set(v).where(eq13(liveSegments.id, id));
}
async function deleteSegments(db, sessionId, ids) {
  if (!ids.length) return;
  await db.execute(sql23`delete from live_segments where session_id = ${sessionId} and id in ${ids}`);
}
function countPresent(db, sessionId) {
  return selectRow(db, sql23`select count(*)::int as n from live_participants where session_id = ${sessionId} and left_at is null`).then((r) => r?.n ?? 0);
}
async function markPresent(db, orgId2, sessionId, personId) {
  const prev = await selectRow(db, sql23`select left_at as "leftAt" from live_participants where session_id = ${sessionId} and person_id = ${personId}`);
  if (prev && prev.leftAt === null) return false;
  if (prev) await db.execute(sql23`update live_participants set left_at = null where session_id = ${sessionId} and person_id = ${personId}`);
  else await db.insert(liveParticipants).values({ orgId: orgId2, sessionId, personId });
  await db.insert(liveAttendance).values({ orgId: orgId2, sessionId, personId, fromAt: /* @__PURE__ */ new Date() });
  return true;
}
async function markLeft(db, sessionId, personId) {
  await db.execute(sql23`update live_participants set left_at = now() where session_id = ${sessionId} and person_id = ${personId} and left_at is null`);
  await db.execute(sql23`update live_attendance set to_at = now() where session_id = ${sessionId} and person_id = ${personId} and to_at is null`);
}
async function closeAllAttendance(db, sessionId) {
  await db.execute(sql23`update live_participants set left_at = now() where session_id = ${sessionId} and left_at is null`);
  await db.execute(sql23`update live_attendance set to_at = now() where session_id = ${sessionId} and to_at is null`);
}
function selectPresentPeople(db, sessionId) {
  return selectRows(
    db,
    sql23`select p.id, p.name, p.department from live_participants lp join people p on p.id = lp.person_id
        where lp.session_id = ${sessionId} and lp.left_at is null order by lp.joined_at, p.id`
  );
}
function selectPeople(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(db, sql23`select id, name, department from people where org_id = ${orgId2} and id in ${ids}`);
}
function selectKnownPairs(db, s, personIds) {
  if (personIds.length < 2) return Promise.resolve([]);
  const scope = s.programId ? sql23`ls.program_id = ${s.programId}` : sql23`ls.org_id = ${s.orgId}`;
  return selectRows(
    db,
    sql23`select m1.person_id as a, m2.person_id as b, count(*)::int as n
        from live_group_members m1 join live_group_members m2 on m2.group_id = m1.group_id and m2.person_id > m1.person_id
        join live_sessions ls on ls.id = m1.session_id
        where ${scope} and m1.person_id in ${personIds} and m2.person_id in ${personIds}
        group by m1.person_id, m2.person_id`
  );
}
function selectFirstPartners(db, s) {
  const scope = s.programId ? sql23`ls.program_id = ${s.programId}` : sql23`ls.id = ${s.id}`;
  return selectRows(
    db,
    sql23`select distinct on (m.person_id) m.person_id as "personId", g.id as "groupId",
          (select array_agg(o.person_id::text) from live_group_members o where o.group_id = g.id) as members
        from live_group_members m join live_groups g on g.id = m.group_id join live_sessions ls on ls.id = g.session_id
        where ${scope} and g.kind = 'pair'
        order by m.person_id, g.created_at, g.id`
  );
}
async function insertGroups(db, s, segmentId, kind, groups) {
  if (!groups.length) return [];
  const positions = groups.flatMap((g, i) => g.map(() => i)).join(",");
  const people2 = groups.flat().join(",");
  return selectRows(
    db,
    sql23`with g as (
          insert into live_groups (org_id, session_id, segment_id, kind, position)
          select ${s.orgId}::uuid, ${s.id}::uuid, ${segmentId}::uuid, ${kind}::text, p from generate_series(0, ${groups.length - 1}::int) p
          returning id, position
        ), m as (
          insert into live_group_members (group_id, person_id, session_id, org_id)
          select g.id, x.person_id, ${s.id}::uuid, ${s.orgId}::uuid
          from unnest(string_to_array(${positions}::text, ',')::int[], string_to_array(${people2}::text, ',')::uuid[]) as x(position, person_id)
          join g on g.position = x.position
        )
        select id, position from g order by position`
  );
}
async function insertGroupMember(db, s, groupId, personId) {
  await db.insert(liveGroupMembers).values({ groupId, personId, sessionId: s.id, orgId: s.orgId }).onConflictDoNothing();
}
function selectSegmentGroups(db, sessionId, segmentId) {
  return selectRows(
    db,
    sql23`select g.id, g.kind, g.last_activity_at as "lastActivityAt",
          coalesce((select json_agg(json_build_object('id', p.id, 'name', p.name, 'present', lp.left_at is null and lp.person_id is not null) order by p.name)
            from live_group_members m join people p on p.id = m.person_id
            left join live_participants lp on lp.session_id = g.session_id and lp.person_id = m.person_id
            where m.group_id = g.id), '[]'::json) as members
        from live_groups g where g.session_id = ${sessionId} and g.segment_id = ${segmentId} order by g.position`
  );
}
function selectGroupMessageCounts(db, sessionId, segmentId) {
  return selectRows(
    db,
    sql23`select m.group_id as "groupId", count(*)::int as n from live_messages m join live_groups g on g.id = m.group_id
        where g.session_id = ${sessionId} and g.segment_id = ${segmentId} group by m.group_id`
  );
}
async function selectGroup(db, sessionId, groupId) {
  const [row] = await db.select().from(liveGroups).where(and11(eq13(liveGroups.sessionId, sessionId), eq13(liveGroups.id, groupId)));
  return row;
}
async function selectGroupInOrg(db, orgId2, groupId) {
  const [row] = await db.select().from(liveGroups).where(and11(eq13(liveGroups.orgId, orgId2), eq13(liveGroups.id, groupId)));
  return row;
}
function selectGroupMembers(db, groupId) {
  return selectRows(
    db,
    sql23`select p.id, p.name, p.department, m.keep, m.debrief_consent as "debriefConsent"
        from live_group_members m join people p on p.id = m.person_id where m.group_id = ${groupId} order by p.name`
  );
}
function selectGroupForMember(db, sessionId, groupId, personId) {
  return selectRow(
    db,
    sql23`select g.id, g.session_id as "sessionId", g.segment_id as "segmentId", g.org_id as "orgId", g.kind, g.position,
          g.last_activity_at as "lastActivityAt", g.created_at as "createdAt",
          exists (select 1 from live_group_members m where m.group_id = g.id and m.person_id = ${personId}) as "isMember"
        from live_groups g where g.session_id = ${sessionId} and g.id = ${groupId}`
  );
}
async function isGroupMember(db, groupId, personId) {
  const row = await selectRow(db, sql23`select true as ok from live_group_members where group_id = ${groupId} and person_id = ${personId}`);
  return Boolean(row);
}
function selectMyGroupInSegment(db, segmentId, personId) {
  return selectRow(
    db,
    sql23`select g.id, g.session_id as "sessionId", g.segment_id as "segmentId", g.org_id as "orgId", g.kind, g.position,
          g.last_activity_at as "lastActivityAt", g.created_at as "createdAt"
        from live_groups g join live_group_members m on m.group_id = g.id where g.segment_id = ${segmentId} and m.person_id = ${personId} limit 1`
  );
}
async function setMemberChoice(db, groupId, personId, v) {
  await db.update(liveGroupMembers).set(v).where(and11(eq13(liveGroupMembers.groupId, groupId), eq13(liveGroupMembers.personId, personId)));
}
async function touchGroup(db, groupId) {
  await db.execute(sql23`update live_groups set last_activity_at = now() where id = ${groupId}`);
}
async function purgeUnkeptPairs(db, sessionId) {
  const unkept = sql23`select g.id from live_groups g where g.session_id = ${sessionId} and g.kind = 'pair'
    and exists (select 1 from live_group_members m where m.group_id = g.id and not m.keep)`;
  await db.execute(sql23`delete from live_messages where group_id in (${unkept})`);
  await db.execute(sql23`delete from live_group_notes where group_id in (${unkept})`);
}
function selectSharedDebriefs(db, sessionId) {
  return selectRows(
    db,
    sql23`select g.id as "groupId", sg.title as "segmentTitle", n.body as notes, n.updated_at as "updatedAt"
        from live_groups g join live_segments sg on sg.id = g.segment_id left join live_group_notes n on n.group_id = g.id
        where g.session_id = ${sessionId} and g.kind = 'group'
          and not exists (select 1 from live_group_members m where m.group_id = g.id and m.debrief_consent is not true)
        order by sg.position, g.position`
  );
}
async function selectNotes(db, groupId) {
  const [row] = await db.select().from(liveGroupNotes).where(eq13(liveGroupNotes.groupId, groupId));
  return row;
}
async function writeNotes(db, orgId2, groupId, body, version, personId) {
  if (version === 0) {
    const rows2 = await db.insert(liveGroupNotes).values({ groupId, orgId: orgId2, body, version: 1, updatedBy: personId }).onConflictDoNothing().returning({ v: liveGroupNotes.version });
    return rows2.length > 0;
  }
  const rows = await db.update(liveGroupNotes).set({ body, version: version + 1, updatedBy: personId, updatedAt: /* @__PURE__ */ new Date() }).where(and11(eq13(liveGroupNotes.groupId, groupId), eq13(liveGroupNotes.version, version))).returning({ v: liveGroupNotes.version });
  return rows.length > 0;
}
var messageColumns = sql23`m.id, m.segment_id as "segmentId", m.group_id as "groupId", m.body, m.client_id as "clientId", m.created_at as "createdAt",
  json_build_object('id', p.id, 'name', p.name, 'department', p.department) as author`;
async function insertMessage(db, v) {
  const touch = v.groupId ? sql23`, touched as (update live_groups set last_activity_at = now() where id = ${v.groupId} and exists (select 1 from ins))` : sql23``;
  const row = await selectRow(
    db,
    sql23`with ins as (
          insert into live_messages (session_id, org_id, segment_id, group_id, author_id, body, client_id)
          values (${v.sessionId}, ${v.orgId}, ${v.segmentId}, ${v.groupId}, ${v.authorId}, ${v.body}, ${v.clientId})
          on conflict do nothing returning *
        )${touch}
        select ${messageColumns}, true as created from ins m join people p on p.id = m.author_id
        union all
        select ${messageColumns}, false as created from live_messages m join people p on p.id = m.author_id
        where not exists (select 1 from ins) and m.session_id = ${v.sessionId} and m.author_id = ${v.authorId} and m.client_id = ${v.clientId}`
  );
  if (!row) {
    const first = await selectMessageByClientId(db, v.sessionId, v.authorId, v.clientId);
    if (!first) throw new Error("live message vanished between insert and read");
    return { row: first, created: false };
  }
  const { created, ...message } = row;
  return { row: message, created };
}
function selectMessageByClientId(db, sessionId, authorId, clientId) {
  return selectRow(
    db,
    sql23`select ${messageColumns} from live_messages m join people p on p.id = m.author_id
        where m.session_id = ${sessionId} and m.author_id = ${authorId} and m.client_id = ${clientId}`
  );
}
async function selectMessages(db, sessionId, groupId, after, limit) {
  const room = groupId ? sql23`m.group_id = ${groupId}` : sql23`m.group_id is null`;
  if (after) {
    return selectRows(
      db,
      sql23`select ${messageColumns} from live_messages m join people p on p.id = m.author_id
          where m.session_id = ${sessionId} and ${room}
            and (m.created_at, m.id) > (select a.created_at, a.id from live_messages a where a.id = ${after} and a.session_id = ${sessionId})
          order by m.created_at, m.id limit ${limit}`
    );
  }
  const rows = await selectRows(
    db,
    sql23`select ${messageColumns} from live_messages m join people p on p.id = m.author_id
        where m.session_id = ${sessionId} and ${room} order by m.created_at desc, m.id desc limit ${limit}`
  );
  return rows.reverse();
}
async function messageInRoom(db, sessionId, groupId, id) {
  const room = groupId ? sql23`group_id = ${groupId}` : sql23`group_id is null`;
  return Boolean(await selectRow(db, sql23`select 1 from live_messages where id = ${id} and session_id = ${sessionId} and ${room}`));
}
function selectPlenaryChat(db, sessionId) {
  return selectRows(
    db,
    sql23`select m.created_at as "createdAt", p.name, m.body from live_messages m join people p on p.id = m.author_id
        where m.session_id = ${sessionId} and m.group_id is null order by m.created_at, m.id`
  );
}
async function insertVote(db, v) {
  const rows = await db.insert(livePollVotes).values(v).onConflictDoNothing().returning({ p: livePollVotes.personId });
  return rows.length > 0;
}
function selectVotes(db, segmentId) {
  return selectRows(db, sql23`select choice from live_poll_votes where segment_id = ${segmentId}`);
}
function selectMyVote(db, segmentId, personId) {
  return selectRow(
    db,
    sql23`select choice from live_poll_votes where segment_id = ${segmentId} and person_id = ${personId}`
  );
}
async function insertBroadcast(db, v) {
  const [row] = await db.insert(liveBroadcasts).values(v).returning();
  return row;
}
function selectBroadcasts(db, sessionId, limit) {
  return selectRows(
    db,
    sql23`select b.id, b.text, b.created_at as "createdAt",
          case when p.id is null then null else json_build_object('id', p.id, 'name', p.name, 'department', p.department) end as author
        from live_broadcasts b left join people p on p.id = b.author_id where b.session_id = ${sessionId}
        order by b.created_at desc, b.id desc limit ${limit}`
  );
}
function selectFigures(db, orgId2, where) {
  const filter = [sql23`lp.org_id = ${orgId2}`];
  if (where.sessionId) filter.push(sql23`lp.session_id = ${where.sessionId}`);
  if (where.personId) filter.push(sql23`lp.person_id = ${where.personId}`);
  const overlap = (kinds, member) => sql23`coalesce((
      select sum(greatest(0, extract(epoch from (least(coalesce(a.to_at, now()), coalesce(sg.ended_at, now())) - greatest(a.from_at, sg.started_at)))))
      from live_attendance a join live_segments sg on sg.session_id = a.session_id and sg.started_at is not null
      where a.session_id = lp.session_id and a.person_id = lp.person_id and sg.kind in ${kinds}
        ${member ? sql23`and exists (select 1 from live_groups g join live_group_members gm on gm.group_id = g.id where g.segment_id = sg.id and gm.person_id = lp.person_id)` : sql23``}
    ), 0) / 60.0`;
  return selectRows(
    db,
    sql23`select lp.session_id as "sessionId", lp.person_id as "personId", p.name,
          ${overlap(["plenary", "poll", "chat", "reflection", "debrief"], false)} as "plenaryMinutes",
          ${overlap(["icebreaker", "groups"], true)} as "groupMinutes",
          ${overlap(["pairs"], true)} as "pairMinutes",
          (select count(*)::int from live_messages m where m.session_id = lp.session_id and m.author_id = lp.person_id) as "chatMessages",
          (select count(*)::int from live_poll_votes v where v.session_id = lp.session_id and v.person_id = lp.person_id) as "pollVotes",
          (select count(distinct o.person_id)::int from live_group_members me join live_group_members o on o.group_id = me.group_id and o.person_id <> me.person_id
            where me.session_id = lp.session_id and me.person_id = lp.person_id
              and not exists (select 1 from live_group_members pm join live_group_members po on po.group_id = pm.group_id
                join live_sessions ps on ps.id = pm.session_id join live_sessions cur on cur.id = lp.session_id
                where pm.person_id = lp.person_id and po.person_id = o.person_id and ps.org_id = ${orgId2}
                  and ps.id <> cur.id and coalesce(ps.started_at, ps.starts_at) < coalesce(cur.started_at, cur.starts_at))) as "newPeopleMet"
        from live_participants lp join people p on p.id = lp.person_id
        where ${sql23.join(filter, sql23` and `)} order by p.name, lp.person_id`
  );
}
function selectSegmentMinutes(db, sessionId) {
  return selectRows(
    db,
    sql23`select id, kind, title, coalesce(extract(epoch from (coalesce(ended_at, now()) - started_at)) / 60.0, 0) as minutes
        from live_segments where session_id = ${sessionId} order by position`
  );
}
function selectPollSegments(db, sessionId) {
  return db.select().from(liveSegments).where(and11(eq13(liveSegments.sessionId, sessionId), eq13(liveSegments.kind, "poll"))).orderBy(liveSegments.position);
}

// server/src/modules/live-sessions/live-sessions.service.ts
var isGroupKind = (kind) => GROUP_SEGMENT_KINDS.includes(kind);
var groupKindOf = (segmentKind) => segmentKind === "pairs" ? "pair" : "group";
var iso = (v) => v === null ? null : toIso(v);
var minutes = (v) => Math.round(Number(v) * 10) / 10;
function publish(deps, channel, what, id) {
  deps.hub.publish(channel, { type: "changed", channel, what, id }).catch(() => {
  });
}
function sessionChanged(deps, sessionId, what, id = sessionId) {
  const channel = liveChannel(sessionId);
  publish(deps, channel, what, id);
}
function consoleChanged(deps, sessionId, what, id = sessionId) {
  const channel = liveConsoleChannel(sessionId);
  publish(deps, channel, what, id);
}
var throttles = /* @__PURE__ */ new Map();
function throttled(key, ms, fn) {
  if (throttles.has(key)) return;
  const timer = setTimeout(() => {
    throttles.delete(key);
    fn();
  }, ms);
  timer.unref?.();
  throttles.set(key, timer);
}
var groupActivity = (deps, sessionId) => throttled(`groups:${sessionId}`, 2e3, () => consoleChanged(deps, sessionId, "groups"));
function groupChanged(deps, groupId, what, id = groupId) {
  const channel = liveGroupChannel(groupId);
  publish(deps, channel, what, id);
}
async function relationOf(db, actor, s) {
  const r = await selectViewerRelation(db, s, actor.personId);
  let audience = true;
  if (s.programId) audience = r.enrolled;
  else if (s.communityId) audience = await loadCommunityAccess(db, actor, s.communityId).then((a) => a.canRead, () => false);
  return { facilitator: r.facilitator, audience, participant: r.participant !== null, present: r.participant !== null && r.participant.leftAt === null };
}
async function load(db, actor, id, lock = false) {
  const s = await selectSession3(db, actor.orgId, id, lock);
  if (!s) throw notFound("That live session");
  const rel = await relationOf(db, actor, s);
  if (!canView3(actor, s, rel)) throw notFound("That live session");
  return { s, rel, facilitate: canFacilitate2(actor, s, rel) };
}
async function loadForFacilitator2(db, actor, id, lock = false) {
  const l = await load(db, actor, id, lock);
  if (!l.facilitate) throw new AppError("FORBIDDEN", "Only the session\u2019s facilitators can do that.");
  return l;
}
function assertLive(s) {
  if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended.");
  if (s.status !== "live") throw new AppError("CONFLICT", "This session has not started yet.");
}
function assertSessionContent(actor, l) {
  if (!canReadSessionContent(actor, l.s, l.rel)) throw new AppError("FORBIDDEN", "Join the session to see this.");
}
async function loadMemberGroup(db, actor, s, groupId) {
  const g = await selectGroupForMember(db, s.id, groupId, actor.personId);
  if (!g || !canReadGroup(g.isMember)) throw notFound("That group");
  return g;
}
async function canFollowSession(db, actor, id) {
  await load(db, actor, id);
  return true;
}
async function canFollowConsole(db, actor, id) {
  return (await load(db, actor, id)).facilitate;
}
async function canFollowGroup(db, actor, groupId) {
  const g = await selectGroupInOrg(db, actor.orgId, groupId);
  return Boolean(g) && await isGroupMember(db, groupId, actor.personId);
}
async function canSignalInGroup(db, actor, groupId, toPersonId) {
  const g = await selectGroupInOrg(db, actor.orgId, groupId);
  if (!g || toPersonId === actor.personId) return false;
  const s = await selectSession3(db, actor.orgId, g.sessionId);
  if (!s || s.status !== "live" || s.currentSegmentId !== g.segmentId) return false;
  return await isGroupMember(db, g.id, actor.personId) && await isGroupMember(db, g.id, toPersonId);
}
function toSegment(r) {
  return {
    id: r.id,
    position: r.position,
    kind: r.kind,
    title: r.title,
    prompt: r.prompt,
    durationMinutes: r.durationMinutes,
    config: r.config ?? {},
    status: r.status,
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt)
  };
}
function summaryOf2(actor, r, rel, x) {
  const c = x.ctx;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    startsAt: toIso(r.startsAt),
    capacity: r.capacity,
    program: r.programId && c?.programTitle ? { id: r.programId, title: c.programTitle } : null,
    community: r.communityId && c?.communityName ? { id: r.communityId, name: c.communityName, slug: c.communitySlug ?? "" } : null,
    facilitators: x.facilitators,
    presentCount: x.present,
    myParticipation: x.mine,
    abilities: {
      facilitate: canFacilitate2(actor, r, rel),
      join: canJoin(actor, r, rel),
      edit: canEdit4(actor, r, rel)
    }
  };
}
async function summaries3(db, actor, rows, relations) {
  const ids = rows.map((r) => r.id);
  const [facilitators, participation, contexts] = await Promise.all([selectFacilitators2(db, ids), selectParticipation(db, ids, actor.personId), selectContexts(db, ids)]);
  const part = new Map(participation.map((p) => [p.sessionId, p]));
  const ctx = new Map(contexts.map((c) => [c.sessionId, c]));
  const out = [];
  for (const r of rows) {
    const rel = relations?.get(r.id) ?? await relationOf(db, actor, r);
    const p = part.get(r.id);
    const mine = facilitators.filter((f) => f.sessionId === r.id).map(({ id, name, department }) => ({ id, name, department }));
    out.push(summaryOf2(actor, r, rel, { facilitators: mine, ctx: ctx.get(r.id), present: p?.present ?? 0, mine: p?.mine ?? null }));
  }
  return out;
}
var SHARED_TTL_MS = 1e3;
var sharedViews = /* @__PURE__ */ new Map();
function sharedView(db, s) {
  const key = `${s.id}:${s.version}`;
  const now = Date.now();
  const hit = sharedViews.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = (async () => {
    const [segments, facilitators, contexts, broadcasts] = [
      await selectSegments(db, s.id),
      await selectFacilitators2(db, [s.id]),
      await selectContexts(db, [s.id]),
      await selectBroadcasts(db, s.id, 5)
    ];
    return { segments, facilitators: facilitators.map(({ id, name, department }) => ({ id, name, department })), ctx: contexts[0], broadcasts };
  })();
  value.catch(() => sharedViews.delete(key));
  if (sharedViews.size > 500) {
    for (const [k, v] of sharedViews) if (v.expires <= now) sharedViews.delete(k);
  }
  sharedViews.set(key, { expires: now + SHARED_TTL_MS, value });
  return value;
}
async function presentSession(db, actor, l, loaded) {
  const [summary] = await summaries3(db, actor, [l.s], /* @__PURE__ */ new Map([[l.s.id, l.rel]]));
  const segments = loaded ?? await selectSegments(db, l.s.id);
  return { ...summary, ...runState(l.s, segments) };
}
function runState(s, segments) {
  return {
    segments: segments.map(toSegment),
    currentSegmentId: s.currentSegmentId,
    segmentEndsAt: iso(s.segmentEndsAt),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    version: s.version
  };
}
async function findSessions(db, actor, q2) {
  let readable2 = [];
  if (!actor.isAdmin) {
    const communityIds = await selectCommunityIdsWithSessions(db, actor.orgId);
    for (const cid of communityIds) {
      if (await loadCommunityAccess(db, actor, cid).then((a) => a.canRead, () => false)) readable2.push(cid);
    }
  }
  const ids = await selectVisibleSessions(db, actor, { ...q2, readableCommunityIds: readable2 });
  const rows = await selectSessionsByIds(db, actor.orgId, ids.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: await summaries3(db, actor, ids.map((r) => byId.get(r.id)).filter((r) => Boolean(r))) };
}
async function getSession(db, actor, id) {
  return presentSession(db, actor, await load(db, actor, id));
}
async function createSession2(deps, actor, raw) {
  const input = CreateLiveSessionRequest.parse(raw);
  const db = deps.db;
  if (input.programId) {
    const p = await selectProgramForCreator(db, actor.orgId, input.programId, actor.personId);
    if (!p || p.status === "draft" && !p.facilitator && !actor.isAdmin) throw notFound("That program");
    if (!canCreate4(actor, { kind: "program", programFacilitator: p.facilitator })) throw new AppError("FORBIDDEN", "Only the program\u2019s facilitators can schedule its live sessions.");
  } else if (input.communityId) {
    const access2 = await loadCommunityAccess(db, actor, input.communityId);
    if (!access2.canRead) throw notFound("That community");
    if (!canCreate4(actor, { kind: "community", communityModerator: access2.canModerate })) throw new AppError("FORBIDDEN", "Only the community\u2019s owners and moderators can schedule its live sessions.");
  } else if (!canCreate4(actor, { kind: "org" })) {
    throw new AppError("FORBIDDEN", "Only facilitators and admins can schedule live sessions.");
  }
  const coIds = [...new Set(input.facilitatorIds)].filter((id2) => id2 !== actor.personId);
  const id = await deps.events.transaction(db, async (tx, emit) => {
    if ((await selectActivePeople4(tx, actor.orgId, coIds)).length !== coIds.length) {
      throw new AppError("VALIDATION_FAILED", "Some facilitators are not active people of your organization.", { errors: [{ field: "facilitatorIds", message: "Unknown person" }] });
    }
    const s = await insertSession(tx, {
      orgId: actor.orgId,
      title: input.title,
      description: input.description,
      programId: input.programId,
      communityId: input.communityId,
      capacity: input.capacity,
      startsAt: new Date(input.startsAt),
      createdBy: actor.personId
    });
    await insertFacilitators(tx, actor.orgId, s.id, coIds);
    const segments = UpdateAgendaRequest.parse({ segments: templateSegments(input.template) }).segments;
    await insertSegments(tx, segments.map((g, position) => ({ ...g, config: g.config, sessionId: s.id, orgId: actor.orgId, position })));
    emit({ type: "live_sessions.created", orgId: actor.orgId, payload: { sessionId: s.id, programId: s.programId, communityId: s.communityId } });
    return s.id;
  });
  return getSession(db, actor, id);
}
async function updateSession2(deps, actor, id, patch) {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended.");
    await updateSession(tx, s.id, { ...patch, startsAt: patch.startsAt ? new Date(patch.startsAt) : void 0 });
  });
  sessionChanged(deps, id, "session");
  return getSession(deps.db, actor, id);
}
var canonical = (v) => Array.isArray(v) ? `[${v.map(canonical).join(",")}]` : v && typeof v === "object" ? `{${Object.keys(v).sort().filter((k) => v[k] !== void 0).map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}` : JSON.stringify(v);
var sameSegment = (row, input) => row.kind === input.kind && row.title === input.title && row.prompt === input.prompt && row.durationMinutes === input.durationMinutes && canonical(row.config ?? {}) === canonical(input.config);
async function updateAgenda(deps, actor, id, raw) {
  const input = UpdateAgendaRequest.parse(raw).segments;
  const result = await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended; its agenda can no longer change.");
    const existing = await selectSegments(tx, s.id);
    const byId = new Map(existing.map((r) => [r.id, r]));
    const ids = input.map((g) => g.id).filter((x) => Boolean(x));
    if (new Set(ids).size !== ids.length) throw new AppError("VALIDATION_FAILED", "A segment is listed twice.", { errors: [{ field: "segments", message: "Duplicate id" }] });
    const unknown = ids.findIndex((x) => !byId.has(x));
    if (unknown >= 0) throw new AppError("VALIDATION_FAILED", "A segment does not belong to this session.", { errors: [{ field: `segments.${unknown}.id`, message: "Unknown segment" }] });
    const locked = existing.filter((r) => r.status !== "pending");
    locked.forEach((r, i) => {
      const g = input[i];
      if (!g || g.id !== r.id || !sameSegment(r, g)) throw new AppError("CONFLICT", "Segments that already ran or are running cannot be changed, moved or removed.");
    });
    if (input.slice(locked.length).some((g) => g.id && byId.get(g.id)?.status !== "pending")) {
      throw new AppError("CONFLICT", "Segments that already ran or are running cannot be changed, moved or removed.");
    }
    const keep = new Set(ids);
    await deleteSegments(tx, s.id, existing.filter((r) => r.status === "pending" && !keep.has(r.id)).map((r) => r.id));
    for (let i = locked.length; i < input.length; i++) {
      const g = input[i];
      const v = { kind: g.kind, title: g.title, prompt: g.prompt, durationMinutes: g.durationMinutes, config: g.config, position: i };
      if (g.id) await updateSegment(tx, g.id, v);
      else await insertSegments(tx, [{ ...v, sessionId: s.id, orgId: s.orgId }]);
    }
    const row = await updateSession(tx, s.id, {});
    return { segments: (await selectSegments(tx, s.id)).map(toSegment), version: row.version };
  });
  sessionChanged(deps, id, "session");
  return result;
}
async function learningPartners(tx, s) {
  const plan = s.programId ? await publishedPartners(tx, s.programId) : /* @__PURE__ */ new Map();
  const out = new Map(plan);
  for (const r of await selectFirstPartners(tx, s)) {
    if (plan.has(r.personId)) continue;
    out.set(r.personId, r.members.filter((id) => id !== r.personId && !plan.has(id)));
  }
  return out;
}
async function activate(tx, s, seg, now) {
  await updateSegment(tx, seg.id, { status: "active", startedAt: now });
  if (isGroupKind(seg.kind)) {
    const present5 = await selectPresentPeople(tx, s.id);
    const known = (await selectKnownPairs(tx, s, present5.map((p) => p.id))).map((k) => ({ a: k.a, b: k.b, weight: k.n }));
    const seed = seg.position + 1;
    let groups;
    if (seg.kind === "pairs") {
      groups = formPairs(present5, await learningPartners(tx, s), known, seed);
    } else {
      groups = formBreakoutGroups(present5, seg.config.groupSize ?? (seg.kind === "icebreaker" ? 3 : 4), known, seed);
    }
    await insertGroups(tx, s, seg.id, groupKindOf(seg.kind), groups);
  }
  return new Date(now.getTime() + seg.durationMinutes * 6e4);
}
async function endCurrent(tx, s, now) {
  if (s.currentSegmentId) await updateSegment(tx, s.currentSegmentId, { status: "done", endedAt: now });
}
async function start(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended.");
    if (s.status === "live") throw new AppError("CONFLICT", "This session is already running.");
    const now = /* @__PURE__ */ new Date();
    const first = (await selectSegments(tx, s.id)).find((g) => g.status === "pending");
    const endsAt = first ? await activate(tx, s, first, now) : null;
    await updateSession(tx, s.id, { status: "live", startedAt: now, currentSegmentId: first?.id ?? null, segmentEndsAt: endsAt });
    emit({ type: "live_sessions.started", orgId: s.orgId, payload: { sessionId: s.id } });
  });
  sessionChanged(deps, id, "segment");
  return getState(deps.db, actor, id);
}
async function advance(deps, actor, id, fromSegmentId) {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    assertLive(s);
    if ((s.currentSegmentId ?? null) !== fromSegmentId) throw new AppError("STALE_STATE", "The session moved on already (another facilitator advanced it). Refresh to see where it is.");
    const next = (await selectSegments(tx, s.id)).find((g) => g.status === "pending");
    if (!next && !s.currentSegmentId) throw new AppError("CONFLICT", "There is no next segment. Add one to the agenda or end the session.");
    const now = /* @__PURE__ */ new Date();
    await endCurrent(tx, s, now);
    const endsAt = next ? await activate(tx, s, next, now) : null;
    await updateSession(tx, s.id, { currentSegmentId: next?.id ?? null, segmentEndsAt: endsAt });
  });
  sessionChanged(deps, id, "segment");
  return getState(deps.db, actor, id);
}
async function extend(deps, actor, id, addMinutes) {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    assertLive(s);
    if (!s.currentSegmentId) throw new AppError("CONFLICT", "No segment is running.");
    const base = Math.max(Date.now(), s.segmentEndsAt ? new Date(s.segmentEndsAt).getTime() : 0);
    await updateSession(tx, s.id, { segmentEndsAt: new Date(base + addMinutes * 6e4) });
  });
  sessionChanged(deps, id, "segment");
  return getState(deps.db, actor, id);
}
async function broadcast(deps, actor, id, text10) {
  const b = await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator2(tx, actor, id);
    if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended.");
    await updateSession(tx, s.id, {});
    return insertBroadcast(tx, { sessionId: s.id, orgId: s.orgId, authorId: actor.personId, text: text10 });
  });
  sessionChanged(deps, id, "broadcast", b.id);
  return getState(deps.db, actor, id);
}
async function recall(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    assertLive(s);
    const cur = s.currentSegmentId ? await selectSegment(tx, s.id, s.currentSegmentId) : void 0;
    if (!cur || !isGroupKind(cur.kind)) throw new AppError("CONFLICT", "No breakout is running.");
    await endCurrent(tx, s, /* @__PURE__ */ new Date());
    await updateSession(tx, s.id, { currentSegmentId: null, segmentEndsAt: null });
  });
  sessionChanged(deps, id, "segment");
  return getState(deps.db, actor, id);
}
async function end(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { s } = await loadForFacilitator2(tx, actor, id, true);
    if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended already.");
    const now = /* @__PURE__ */ new Date();
    await endCurrent(tx, s, now);
    await updateSession(tx, s.id, { status: "ended", endedAt: now, currentSegmentId: null, segmentEndsAt: null });
    await closeAllAttendance(tx, s.id);
    await purgeUnkeptPairs(tx, s.id);
    emit({ type: "live_sessions.ended", orgId: s.orgId, payload: { sessionId: s.id } });
  });
  sessionChanged(deps, id, "session");
  return getState(deps.db, actor, id);
}
async function join4(deps, actor, id) {
  const placed = await deps.events.transaction(deps.db, async (tx) => {
    const { s, rel, facilitate } = await load(tx, actor, id, true);
    if (s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended.");
    if (facilitate) throw new AppError("FORBIDDEN", "Facilitators run the session; they do not join it as participants.");
    if (!canJoin(actor, s, rel)) throw new AppError("FORBIDDEN", "This session is for its program\u2019s or community\u2019s members.");
    if (rel.present) return null;
    if (s.capacity !== null && await countPresent(tx, s.id) >= s.capacity) throw new AppError("SESSION_FULL", "This session is full.");
    await markPresent(tx, s.orgId, s.id, actor.personId);
    if (s.status !== "live" || !s.currentSegmentId) return null;
    const seg = await selectSegment(tx, s.id, s.currentSegmentId);
    if (!seg || !isGroupKind(seg.kind)) return null;
    return placeLate(tx, s, seg, actor.personId);
  });
  consoleChanged(deps, id, "session");
  if (placed) {
    consoleChanged(deps, id, "groups", placed);
    groupChanged(deps, placed, "groups");
  }
  return getState(deps.db, actor, id);
}
async function placeLate(tx, s, seg, personId) {
  const mine = await selectMyGroupInSegment(tx, seg.id, personId);
  if (mine) return null;
  const kind = groupKindOf(seg.kind);
  const groups = (await selectSegmentGroups(tx, s.id, seg.id)).map((g) => ({ id: g.id, members: g.members.filter((m) => m.present && m.id !== personId).map((m) => m.id) }));
  let target;
  if (!groups.length) {
    const [g] = await insertGroups(tx, s, seg.id, kind, [[personId]]);
    return g.id;
  }
  const everyone = [personId, ...groups.flatMap((g) => g.members)];
  const known = new Set((await selectKnownPairs(tx, s, everyone)).map((k) => `${k.a}|${k.b}`));
  const knows = (a, b) => known.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  const first = kind === "pair" ? (await learningPartners(tx, s)).get(personId) ?? [] : [];
  target = placeLateJoiner(personId, kind, groups, knows, first);
  if (!target) return null;
  await insertGroupMember(tx, s, target, personId);
  return target;
}
async function leave(deps, actor, id) {
  const left = await deps.events.transaction(deps.db, async (tx) => {
    const { s, rel } = await load(tx, actor, id);
    if (!rel.present) return false;
    await markLeft(tx, s.id, actor.personId);
    return true;
  });
  if (left) consoleChanged(deps, id, "session");
}
async function pollView(db, actor, seg, facilitate) {
  const c = seg.config;
  const mine = await selectMyVote(db, seg.id, actor.personId);
  const seeResults = facilitate || Boolean(mine) || seg.status === "done";
  return {
    segmentId: seg.id,
    question: c.question ?? seg.title,
    type: c.type ?? "single",
    options: c.options ?? [],
    scale: c.type === "rating" ? c.scale ?? 5 : null,
    open: seg.status === "active",
    myVote: mine ? mine.choice : null,
    results: seeResults ? await results(db, seg) : null
  };
}
async function results(db, seg) {
  const c = seg.config;
  const votes = await selectVotes(db, seg.id);
  const type = c.type ?? "single";
  const out = { segmentId: seg.id, type, voters: votes.length, options: [], histogram: [], mean: null, words: [] };
  if (type === "single" || type === "multiple") {
    out.options = (c.options ?? []).map((label, i) => ({ label, count: votes.filter((v) => v.choice.choices?.includes(i)).length }));
  } else if (type === "rating") {
    const scale = c.scale ?? 5;
    const ratings = votes.map((v) => v.choice.rating).filter((r) => typeof r === "number");
    out.histogram = Array.from({ length: scale }, (_, i) => ({ value: i + 1, count: ratings.filter((r) => r === i + 1).length }));
    out.mean = ratings.length ? Math.round(ratings.reduce((a, b) => a + b, 0) / ratings.length * 100) / 100 : null;
  } else {
    const counts = /* @__PURE__ */ new Map();
    for (const v of votes) for (const w of new Set(v.choice.words ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
    out.words = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, 100);
  }
  return out;
}
function groupSegmentInView(segments, currentId) {
  const cur = segments.find((g) => g.id === currentId);
  if (cur && isGroupKind(cur.kind)) return cur;
  return segments.filter((g) => isGroupKind(g.kind) && g.status !== "pending").sort((a, b) => b.position - a.position)[0];
}
function debriefSegment(segments) {
  return segments.filter((g) => (g.kind === "groups" || g.kind === "icebreaker") && g.status !== "pending").sort((a, b) => b.position - a.position)[0];
}
async function myGroupView(db, actor, s, segments) {
  const current = segments.find((g2) => g2.id === s.currentSegmentId);
  const seg = current?.kind === "debrief" ? debriefSegment(segments) ?? groupSegmentInView(segments, s.currentSegmentId) : groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return null;
  const g = await selectMyGroupInSegment(db, seg.id, actor.personId);
  if (!g) return null;
  const members = await selectGroupMembers(db, g.id);
  const me = members.find((m) => m.id === actor.personId);
  return {
    id: g.id,
    kind: g.kind,
    segmentId: seg.id,
    active: s.status === "live" && s.currentSegmentId === seg.id,
    members: members.map(({ id, name, department }) => ({ id, name, department })),
    prompt: seg.prompt,
    keep: g.kind === "pair" ? { mine: Boolean(me?.keep), all: members.every((m) => m.keep) } : null,
    debrief: g.kind === "group" ? { mine: me?.debriefConsent ?? null, consented: members.filter((m) => m.debriefConsent === true).length, members: members.length, shared: members.every((m) => m.debriefConsent === true) } : null
  };
}
async function groupsOverview(db, s, segments) {
  const seg = groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return [];
  const [groups, counts] = await Promise.all([selectSegmentGroups(db, s.id, seg.id), selectGroupMessageCounts(db, s.id, seg.id)]);
  const n = new Map(counts.map((c) => [c.groupId, c.n]));
  return groups.map((g) => ({
    id: g.id,
    kind: g.kind,
    memberCount: g.members.filter((m) => m.present).length,
    members: g.members.map(({ id, name }) => ({ id, name })),
    messageCount: n.get(g.id) ?? 0,
    lastActivityAt: iso(g.lastActivityAt)
  }));
}
async function getState(db, actor, id) {
  const l = await load(db, actor, id);
  const shared = await sharedView(db, l.s);
  const present5 = await countPresent(db, l.s.id);
  const segments = shared.segments;
  const mine = l.rel.participant ? l.rel.present ? "present" : "left" : null;
  const session = {
    ...summaryOf2(actor, l.s, l.rel, { facilitators: shared.facilitators, ctx: shared.ctx, present: present5, mine }),
    ...runState(l.s, segments)
  };
  const current = segments.find((g) => g.id === l.s.currentSegmentId && g.status === "active");
  const content = canReadSessionContent(actor, l.s, l.rel);
  const broadcasts = content ? shared.broadcasts : [];
  return {
    session,
    role: l.facilitate ? "facilitator" : l.rel.present ? "participant" : "audience",
    present: l.rel.present,
    segment: current ? { ...toSegment(current), timerEndsAt: iso(l.s.segmentEndsAt) } : null,
    myGroup: !l.facilitate && l.rel.participant ? await myGroupView(db, actor, l.s, segments) : null,
    poll: current?.kind === "poll" && content ? await pollView(db, actor, current, l.facilitate) : null,
    broadcasts: broadcasts.map((b) => ({ id: b.id, text: b.text, author: b.author ?? { id: actor.personId, name: "Former facilitator", department: null }, createdAt: toIso(b.createdAt) })),
    groups: l.facilitate ? await groupsOverview(db, l.s, segments) : null,
    version: l.s.version
  };
}
function toMessage(r) {
  return { id: r.id, segmentId: r.segmentId, groupId: r.groupId, author: r.author, body: r.body, clientId: r.clientId, createdAt: toIso(r.createdAt) };
}
async function findMessages(db, actor, id, q2) {
  const l = await load(db, actor, id);
  const groupId = q2.groupId ?? null;
  if (groupId) await loadMemberGroup(db, actor, l.s, groupId);
  else assertSessionContent(actor, l);
  if (q2.after && !await messageInRoom(db, l.s.id, groupId, q2.after)) {
    throw new AppError("VALIDATION_FAILED", "That message is not in this chat.", { errors: [{ field: "after", message: "Unknown message" }] });
  }
  return { items: (await selectMessages(db, l.s.id, groupId, q2.after, q2.limit)).map(toMessage) };
}
async function postMessage(deps, actor, id, input, limiter) {
  const l = await load(deps.db, actor, id);
  const s = l.s;
  const groupId = input.groupId ?? null;
  let segmentId = null;
  let refusal = null;
  if (groupId) {
    const g = await selectGroupForMember(deps.db, s.id, groupId, actor.personId);
    if (!g || !canReadGroup(g.isMember)) refusal = notFound("That group");
    else if (s.status !== "live" || s.currentSegmentId !== g.segmentId) refusal = new AppError("SEGMENT_CLOSED", "This breakout has ended; its chat is read-only.");
    else segmentId = g.segmentId;
  } else if (!l.facilitate && !l.rel.present) {
    refusal = new AppError("FORBIDDEN", "Join the session to chat.");
  } else {
    const cur = s.status === "live" && s.currentSegmentId ? await selectSegment(deps.db, s.id, s.currentSegmentId) : void 0;
    if (!cur || cur.kind !== "plenary" && cur.kind !== "chat") refusal = new AppError("SEGMENT_CLOSED", "The session chat is open during plenary and chat segments only.");
    else segmentId = cur.id;
  }
  const wait = refusal ? 0 : limiter.retryAfter(actor.personId);
  if (wait > 0) refusal = new AppError("RATE_LIMITED", `You are sending messages quickly. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
  if (refusal || !segmentId) {
    const again = await selectMessageByClientId(deps.db, s.id, actor.personId, input.clientId);
    if (again) return { message: toMessage(again), created: false };
    throw refusal ?? notFound("That chat");
  }
  const result = await insertMessage(deps.db, { sessionId: s.id, orgId: s.orgId, segmentId, groupId, authorId: actor.personId, body: input.body, clientId: input.clientId });
  if (result.created) {
    limiter.fail(actor.personId);
    if (groupId) {
      groupChanged(deps, groupId, "chat", result.row.id);
      groupActivity(deps, s.id);
    } else sessionChanged(deps, s.id, "chat", result.row.id);
  }
  return { message: toMessage(result.row), created: result.created };
}
async function notesOf(db, orgId2, groupId) {
  const n = await selectNotes(db, groupId);
  const by = n?.updatedBy ? (await selectPeople(db, orgId2, [n.updatedBy]))[0] : void 0;
  return { groupId, body: n?.body ?? "", version: n?.version ?? 0, updatedBy: by ?? null, updatedAt: n ? toIso(n.updatedAt) : null };
}
async function getNotes(db, actor, id, groupId) {
  const l = await load(db, actor, id);
  const g = await selectGroup(db, l.s.id, groupId);
  if (!g) throw notFound("That group");
  if (!await isGroupMember(db, g.id, actor.personId)) {
    const members = g.kind === "group" ? await selectGroupMembers(db, g.id) : [];
    const shared = members.length > 0 && members.every((m) => m.debriefConsent === true);
    if (!shared || !canReadSessionContent(actor, l.s, l.rel)) throw notFound("That group");
  }
  return notesOf(db, l.s.orgId, g.id);
}
async function putNotes(deps, actor, id, groupId, body, version) {
  const notes = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (l.s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended; its notes are read-only.");
    if (!await writeNotes(tx, l.s.orgId, g.id, body, version, actor.personId)) {
      throw new AppError("NOTES_CONFLICT", "Someone in your group changed the notes meanwhile. Reload them, then apply your edit again.");
    }
    await touchGroup(tx, g.id);
    return notesOf(tx, l.s.orgId, g.id);
  });
  groupChanged(deps, groupId, "notes");
  groupActivity(deps, id);
  return notes;
}
async function setDebriefConsent(deps, actor, id, groupId, share) {
  const out = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id, true);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (g.kind === "pair") throw new AppError("PAIR_PRIVATE", "Learning-partner conversations are private; they are never debriefed.");
    const segments = await selectSegments(tx, l.s.id);
    const cur = segments.find((x) => x.id === l.s.currentSegmentId);
    if (l.s.status !== "live" || cur?.kind !== "debrief") throw new AppError("SEGMENT_CLOSED", "Debrief consent is asked during the debrief segment.");
    if (debriefSegment(segments)?.id !== g.segmentId) throw new AppError("CONFLICT", "Only the groups of the latest discussion debrief.");
    await setMemberChoice(tx, g.id, actor.personId, { debriefConsent: share });
    const members = await selectGroupMembers(tx, g.id);
    const consented = members.filter((m) => m.debriefConsent === true).length;
    return { groupId: g.id, mine: share, consented, members: members.length, shared: consented === members.length };
  });
  groupChanged(deps, groupId, "debrief");
  sessionChanged(deps, id, "debrief", groupId);
  return out;
}
async function findDebriefs(db, actor, id) {
  const l = await load(db, actor, id);
  assertSessionContent(actor, l);
  const rows = await selectSharedDebriefs(db, l.s.id);
  const items = [];
  for (const r of rows) {
    const members = await selectGroupMembers(db, r.groupId);
    if (!members.length) continue;
    items.push({ groupId: r.groupId, segmentTitle: r.segmentTitle, members: members.map(({ id: mid, name, department }) => ({ id: mid, name, department })), notes: r.notes ?? "", updatedAt: iso(r.updatedAt) });
  }
  return { items };
}
async function setKeep(deps, actor, id, groupId, keep) {
  const out = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id, true);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (g.kind !== "pair") throw new AppError("CONFLICT", "Only learning partners choose whether to keep their conversation.");
    if (l.s.status === "ended") throw new AppError("SESSION_ENDED", "This session has ended; the choice was made at its end.");
    await setMemberChoice(tx, g.id, actor.personId, { keep });
    const members = await selectGroupMembers(tx, g.id);
    return { groupId: g.id, mine: keep, all: members.every((m) => m.keep) };
  });
  groupChanged(deps, groupId, "groups");
  return out;
}
async function loadPoll(db, s, segmentId) {
  const seg = await selectSegment(db, s.id, segmentId);
  if (!seg || seg.kind !== "poll") throw notFound("That poll");
  return seg;
}
var invalidVote = (field, message) => new AppError("VALIDATION_FAILED", message, { errors: [{ field, message }] });
function normalizeVote(c, v) {
  const type = c.type ?? "single";
  const given = ["choices", "rating", "words"].filter((k) => v[k] !== void 0);
  const expected = type === "rating" ? "rating" : type === "wordcloud" ? "words" : "choices";
  if (given.length !== 1 || given[0] !== expected) throw invalidVote(expected, `This ${type} poll takes "${expected}" only.`);
  if (type === "single" || type === "multiple") {
    const choices = v.choices;
    const n = c.options?.length ?? 0;
    if (choices.some((i) => i >= n)) throw invalidVote("choices", "That option does not exist.");
    if (new Set(choices).size !== choices.length) throw invalidVote("choices", "An option is chosen twice.");
    if (type === "single" && choices.length !== 1) throw invalidVote("choices", "Choose exactly one option.");
    return { choices: [...choices].sort((a, b) => a - b) };
  }
  if (type === "rating") {
    const scale = c.scale ?? 5;
    if (v.rating > scale) throw invalidVote("rating", `Rate from 1 to ${scale}.`);
    return { rating: v.rating };
  }
  const words = [...new Set(v.words.map((w) => w.toLowerCase().replace(/\s+/g, " ").trim()).filter(Boolean))];
  if (!words.length) throw invalidVote("words", "Give at least one word.");
  return { words };
}
async function vote(deps, actor, id, segmentId, v) {
  const { s, rel, facilitate } = await load(deps.db, actor, id);
  const seg = await loadPoll(deps.db, s, segmentId);
  if (facilitate) throw new AppError("FORBIDDEN", "Facilitators see the results; participants vote.");
  if (!rel.present) throw new AppError("FORBIDDEN", "Join the session to vote.");
  if (s.status !== "live" || seg.status !== "active" || s.currentSegmentId !== seg.id) {
    throw new AppError("POLL_CLOSED", seg.status === "pending" ? "This poll has not opened yet." : "This poll is closed.");
  }
  const choice = normalizeVote(seg.config, v);
  const inserted = await deps.events.transaction(deps.db, (tx) => insertVote(tx, { segmentId: seg.id, personId: actor.personId, sessionId: s.id, orgId: s.orgId, choice }));
  if (!inserted) throw new AppError("ALREADY_VOTED", "You already voted in this poll; a vote cannot be changed.");
  consoleChanged(deps, s.id, "poll", seg.id);
  throttled(`poll:${seg.id}`, 2e3, () => sessionChanged(deps, s.id, "poll", seg.id));
  return pollView(deps.db, actor, seg, false);
}
async function getResults(db, actor, id, segmentId) {
  const l = await load(db, actor, id);
  const seg = await loadPoll(db, l.s, segmentId);
  assertSessionContent(actor, l);
  if (!l.facilitate && seg.status !== "done" && !await selectMyVote(db, seg.id, actor.personId)) {
    throw new AppError("FORBIDDEN", "Results show once you voted or the poll closed.");
  }
  return results(db, seg);
}
var zeroFigures = () => ({ plenaryMinutes: 0, groupMinutes: 0, pairMinutes: 0, chatMessages: 0, pollVotes: 0, newPeopleMet: 0 });
function toFigures(r) {
  return {
    plenaryMinutes: minutes(r.plenaryMinutes),
    groupMinutes: minutes(r.groupMinutes),
    pairMinutes: minutes(r.pairMinutes),
    chatMessages: r.chatMessages,
    pollVotes: r.pollVotes,
    newPeopleMet: r.newPeopleMet
  };
}
function sum(rows) {
  const t = zeroFigures();
  for (const r of rows) for (const k of Object.keys(t)) t[k] += r[k];
  for (const k of ["plenaryMinutes", "groupMinutes", "pairMinutes"]) t[k] = Math.round(t[k] * 10) / 10;
  return t;
}
async function getAnalytics(db, actor, id) {
  const { s } = await loadForFacilitator2(db, actor, id);
  const rows = (await selectFigures(db, s.orgId, { sessionId: s.id })).map((r) => ({ personId: r.personId, name: r.name, ...toFigures(r) }));
  const segments = (await selectSegmentMinutes(db, s.id)).map((g) => ({ id: g.id, kind: g.kind, title: g.title, minutes: minutes(g.minutes) }));
  return { sessionId: s.id, rows, totals: { ...sum(rows), participants: rows.length }, segments };
}
async function getMyAnalytics(db, actor, id) {
  const { s } = await load(db, actor, id);
  const [r] = await selectFigures(db, s.orgId, { sessionId: s.id, personId: actor.personId });
  const me = (await selectPeople(db, s.orgId, [actor.personId]))[0];
  return { personId: actor.personId, name: me?.name ?? "", ...r ? toFigures(r) : zeroFigures() };
}
async function getMyTalkTime(db, actor) {
  const rows = await selectFigures(db, actor.orgId, { personId: actor.personId });
  const sessions2 = await selectSessionsByIds(db, actor.orgId, rows.map((r) => r.sessionId));
  const byId = new Map(sessions2.map((x) => [x.id, x]));
  const items = rows.filter((r) => byId.has(r.sessionId)).map((r) => {
    const x = byId.get(r.sessionId);
    return { sessionId: x.id, title: x.title, startsAt: toIso(x.startsAt), status: x.status, ...toFigures(r) };
  }).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { sessions: items, totals: sum(items) };
}
async function exportCsv(db, actor, id) {
  const { s } = await loadForFacilitator2(db, actor, id);
  const figures = await selectFigures(db, s.orgId, { sessionId: s.id });
  const rows = [["section", "name", "plenary minutes", "group minutes", "pair minutes", "chat messages", "poll votes", "new people met"]];
  for (const r of figures) {
    const f = toFigures(r);
    rows.push(["attendance", r.name, f.plenaryMinutes, f.groupMinutes, f.pairMinutes, f.chatMessages, f.pollVotes, f.newPeopleMet]);
  }
  rows.push([], ["section", "poll", "answer", "votes"]);
  for (const seg of await selectPollSegments(db, s.id)) {
    const r = await results(db, seg);
    const q2 = seg.config.question ?? seg.title;
    for (const o of r.options) rows.push(["poll", q2, o.label, o.count]);
    for (const h of r.histogram) rows.push(["poll", q2, String(h.value), h.count]);
    for (const w of r.words) rows.push(["poll", q2, w.word, w.count]);
  }
  rows.push([], ["section", "time", "name", "message"]);
  for (const m of await selectPlenaryChat(db, s.id)) rows.push(["plenary chat", toIso(m.createdAt), m.name, m.body]);
  const slug = s.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "session";
  return { filename: `live-${slug}.csv`, csv: toCsv(rows) };
}

// server/src/modules/live-sessions/live-sessions.routes.ts
var IdParams7 = z23.object({ id: Id });
var GroupParams = z23.object({ id: Id, groupId: Id });
var SegmentParams = z23.object({ id: Id, segmentId: Id });
var LIVE_MESSAGES_PER_MINUTE = 30;
function liveSessionsRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["live-sessions"];
  const base = "/api/live-sessions";
  const messages2 = new FailureLimiter(LIVE_MESSAGES_PER_MINUTE, 6e4);
  r.get(base, { schema: { tags, querystring: FindLiveSessionsQuery, response: { 200: LiveSessionList } } }, (req) => findSessions(deps.db, requireActor(req), req.query));
  r.post(
    base,
    { schema: { tags, body: CreateLiveSessionRequest, response: { 201: LiveSession } } },
    async (req, reply) => reply.code(201).send(await createSession2(deps, requireActor(req), req.body))
  );
  r.get(`${base}/ice-servers`, { schema: { tags, response: { 200: IceServers } } }, async (req) => {
    requireActor(req);
    return { iceServers: deps.config.LIVE_ICE_SERVERS };
  });
  r.get(`${base}/me/talk-time`, { schema: { tags, response: { 200: MyTalkTime } } }, (req) => getMyTalkTime(deps.db, requireActor(req)));
  r.get(`${base}/:id`, { schema: { tags, params: IdParams7, response: { 200: LiveSession } } }, (req) => getSession(deps.db, requireActor(req), req.params.id));
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams7, body: UpdateLiveSessionRequest, response: { 200: LiveSession } } },
    (req) => updateSession2(deps, requireActor(req), req.params.id, req.body)
  );
  r.put(
    `${base}/:id/segments`,
    { schema: { tags, params: IdParams7, body: UpdateAgendaRequest, response: { 200: Agenda } } },
    (req) => updateAgenda(deps, requireActor(req), req.params.id, req.body)
  );
  r.post(`${base}/:id/start`, { schema: { tags, params: IdParams7, response: { 200: LiveState } } }, (req) => start(deps, requireActor(req), req.params.id));
  r.post(
    `${base}/:id/advance`,
    { schema: { tags, params: IdParams7, body: AdvanceRequest, response: { 200: LiveState } } },
    (req) => advance(deps, requireActor(req), req.params.id, req.body.fromSegmentId)
  );
  r.post(
    `${base}/:id/extend`,
    { schema: { tags, params: IdParams7, body: ExtendRequest, response: { 200: LiveState } } },
    (req) => extend(deps, requireActor(req), req.params.id, req.body.minutes)
  );
  r.post(
    `${base}/:id/broadcast`,
    { schema: { tags, params: IdParams7, body: BroadcastRequest, response: { 200: LiveState } } },
    (req) => broadcast(deps, requireActor(req), req.params.id, req.body.text)
  );
  r.post(`${base}/:id/recall`, { schema: { tags, params: IdParams7, response: { 200: LiveState } } }, (req) => recall(deps, requireActor(req), req.params.id));
  r.post(`${base}/:id/end`, { schema: { tags, params: IdParams7, response: { 200: LiveState } } }, (req) => end(deps, requireActor(req), req.params.id));
  r.post(`${base}/:id/join`, { schema: { tags, params: IdParams7, response: { 200: LiveState } } }, (req) => join4(deps, requireActor(req), req.params.id));
  r.post(`${base}/:id/leave`, { schema: { tags, params: IdParams7 } }, async (req, reply) => {
    await leave(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.get(`${base}/:id/state`, { schema: { tags, params: IdParams7, response: { 200: LiveState } } }, (req) => getState(deps.db, requireActor(req), req.params.id));
  r.get(
    `${base}/:id/messages`,
    { schema: { tags, params: IdParams7, querystring: LiveMessagesQuery, response: { 200: LiveMessageList } } },
    (req) => findMessages(deps.db, requireActor(req), req.params.id, req.query)
  );
  r.post(`${base}/:id/messages`, { schema: { tags, params: IdParams7, body: PostLiveMessageRequest, response: { 200: LiveMessage, 201: LiveMessage } } }, async (req, reply) => {
    const { message, created } = await postMessage(deps, requireActor(req), req.params.id, req.body, messages2);
    return reply.code(created ? 201 : 200).send(message);
  });
  r.get(
    `${base}/:id/groups/:groupId/notes`,
    { schema: { tags, params: GroupParams, response: { 200: GroupNotes } } },
    (req) => getNotes(deps.db, requireActor(req), req.params.id, req.params.groupId)
  );
  r.put(
    `${base}/:id/groups/:groupId/notes`,
    { schema: { tags, params: GroupParams, body: PutGroupNotesRequest, response: { 200: GroupNotes } } },
    (req) => putNotes(deps, requireActor(req), req.params.id, req.params.groupId, req.body.body, req.body.version)
  );
  r.put(
    `${base}/:id/groups/:groupId/debrief-consent`,
    { schema: { tags, params: GroupParams, body: DebriefConsentRequest, response: { 200: DebriefConsent } } },
    (req) => setDebriefConsent(deps, requireActor(req), req.params.id, req.params.groupId, req.body.share)
  );
  r.get(`${base}/:id/debriefs`, { schema: { tags, params: IdParams7, response: { 200: DebriefList } } }, (req) => findDebriefs(deps.db, requireActor(req), req.params.id));
  r.put(
    `${base}/:id/groups/:groupId/keep`,
    { schema: { tags, params: GroupParams, body: KeepPairRequest, response: { 200: KeepPair } } },
    (req) => setKeep(deps, requireActor(req), req.params.id, req.params.groupId, req.body.keep)
  );
  r.post(
    `${base}/:id/segments/:segmentId/votes`,
    { schema: { tags, params: SegmentParams, body: VoteRequest, response: { 201: PollView } } },
    async (req, reply) => reply.code(201).send(await vote(deps, requireActor(req), req.params.id, req.params.segmentId, req.body))
  );
  r.get(
    `${base}/:id/segments/:segmentId/results`,
    { schema: { tags, params: SegmentParams, response: { 200: PollResults } } },
    (req) => getResults(deps.db, requireActor(req), req.params.id, req.params.segmentId)
  );
  r.get(`${base}/:id/analytics`, { schema: { tags, params: IdParams7, response: { 200: SessionAnalytics } } }, (req) => getAnalytics(deps.db, requireActor(req), req.params.id));
  r.get(`${base}/:id/analytics/me`, { schema: { tags, params: IdParams7, response: { 200: AnalyticsRow } } }, (req) => getMyAnalytics(deps.db, requireActor(req), req.params.id));
  r.get(`${base}/:id/export.csv`, { schema: { tags, params: IdParams7 } }, async (req, reply) => {
    const { filename, csv } = await exportCsv(deps.db, requireActor(req), req.params.id);
    return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${filename}"`).send(csv);
  });
}

// server/src/modules/live-sessions/index.ts
async function register9(app, deps) {
  liveSessionsRoutes(app, deps);
  deps.hub.allow("live", (actor, id) => canFollowSession(deps.db, actor, id));
  deps.hub.allow("live-console", (actor, id) => canFollowConsole(deps.db, actor, id));
  deps.hub.allow("live-group", (actor, id) => canFollowGroup(deps.db, actor, id));
  deps.hub.allowSignal("live-group", (actor, id, to) => canSignalInGroup(deps.db, actor, id, to));
}

// server/src/modules/mentoring/mentoring.repo.ts
import { and as and12, eq as eq14, inArray as inArray4, sql as sql24 } from "drizzle-orm";
async function selectMentorProfile(db, orgId2, personId) {
  const [row] = await db.select().from(mentorProfiles).where(and12(eq14(mentorProfiles.orgId, orgId2), eq14(mentorProfiles.personId, personId)));
  return row;
}
async function selectMenteeProfile(db, orgId2, personId) {
  const [row] = await db.select().from(menteeProfiles).where(and12(eq14(menteeProfiles.orgId, orgId2), eq14(menteeProfiles.personId, personId)));
  return row;
}
async function upsertMentorProfile(db, row) {
  const { personId, orgId: orgId2, ...set } = row;
  await db.insert(mentorProfiles).values(row).onConflictDoUpdate({ target: mentorProfiles.personId, set: { ...set, updatedAt: /* @__PURE__ */ new Date() } });
}
async function upsertMenteeProfile(db, row) {
  const { personId, orgId: orgId2, ...set } = row;
  await db.insert(menteeProfiles).values(row).onConflictDoUpdate({ target: menteeProfiles.personId, set: { ...set, updatedAt: /* @__PURE__ */ new Date() } });
}
async function deleteMentorProfile(db, orgId2, personId) {
  await db.delete(mentorProfiles).where(and12(eq14(mentorProfiles.orgId, orgId2), eq14(mentorProfiles.personId, personId)));
}
async function deleteMenteeProfile(db, orgId2, personId) {
  await db.delete(menteeProfiles).where(and12(eq14(menteeProfiles.orgId, orgId2), eq14(menteeProfiles.personId, personId)));
}
var personCols = sql24`p.id, p.name, p.title, p.department, p.team, p.location, p.time_zone as "timeZone", p.manager_id as "managerId"`;
function selectMentorPool(db, orgId2) {
  return selectRows(
    db,
    sql24`select ${personCols}, m.skills, m.topics, m.capacity, m.seniority, m.preferences,
          (select count(*)::int from mentoring_matches x where x.mentor_id = p.id and x.status = 'active') as taken
        from mentor_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId2} and p.org_id = ${orgId2} and m.active and p.status = 'active' order by p.id`
  );
}
function selectMenteePool(db, orgId2) {
  return selectRows(
    db,
    sql24`select ${personCols}, m.skills, m.goals, m.seniority, m.preferences
        from mentee_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId2} and p.org_id = ${orgId2} and m.active and p.status = 'active'
          and not exists (select 1 from mentoring_matches x where x.mentee_id = p.id and x.status = 'active' and x.kind = 'mentoring')
        order by p.id`
  );
}
async function selectMenteesByIds(db, orgId2, ids) {
  if (ids.length === 0) return [];
  return selectRows(
    db,
    sql24`select ${personCols}, m.skills, m.goals, m.seniority, m.preferences
        from mentee_profiles m join people p on p.id = m.person_id
        where m.org_id = ${orgId2} and p.org_id = ${orgId2} and p.id in ${ids}`
  );
}
async function insertRun(db, row) {
  const [r] = await db.insert(mentoringMatchRuns).values(row).returning();
  return r;
}
async function lockRun(db, orgId2, id) {
  const [r] = await db.select().from(mentoringMatchRuns).where(and12(eq14(mentoringMatchRuns.orgId, orgId2), eq14(mentoringMatchRuns.id, id))).for("update");
  return r;
}
async function markRunPublished(db, id, at) {
  await db.update(mentoringMatchRuns).set({ status: "published", publishedAt: at }).where(eq14(mentoringMatchRuns.id, id));
}
async function selectMatchedMentees(db, ids) {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: mentoringMatches.menteeId }).from(mentoringMatches).where(and12(inArray4(mentoringMatches.menteeId, ids), eq14(mentoringMatches.status, "active"), eq14(mentoringMatches.kind, "mentoring")));
  return rows.map((r) => r.id);
}
async function insertMatches(db, rows) {
  if (rows.length === 0) return [];
  const out = await db.insert(mentoringMatches).values(rows).returning({ id: mentoringMatches.id });
  return out.map((r) => r.id);
}
function selectMyMatches(db, orgId2, personId) {
  return selectRows(
    db,
    sql24`select x.id, x.mentor_id as "mentorId", a.name as "mentorName", a.title as "mentorTitle", x.mentee_id as "menteeId", b.name as "menteeName",
          b.title as "menteeTitle", x.score, x.explanation, x.status, x.source, x.kind, x.created_at as "createdAt"
        from mentoring_matches x join people a on a.id = x.mentor_id join people b on b.id = x.mentee_id
        where x.org_id = ${orgId2} and (x.mentor_id = ${personId} or x.mentee_id = ${personId})
        order by x.created_at desc, x.id desc limit 200`
  );
}
function selectRun(db, orgId2, id) {
  return selectRow(
    db,
    sql24`select r.id, r.org_id as "orgId", r.mode, r.status, r.result, r.created_by as "createdBy", r.created_at as "createdAt", r.published_at as "publishedAt",
          p.name as "creatorName", p.title as "creatorTitle"
        from mentoring_match_runs r left join people p on p.id = r.created_by where r.org_id = ${orgId2} and r.id = ${id}`
  );
}
function selectRuns(db, orgId2) {
  return selectRows(
    db,
    sql24`select r.id, r.org_id as "orgId", r.mode, r.status, r.result, r.created_by as "createdBy", r.created_at as "createdAt", r.published_at as "publishedAt",
          p.name as "creatorName", p.title as "creatorTitle"
        from mentoring_match_runs r left join people p on p.id = r.created_by where r.org_id = ${orgId2}
        order by r.created_at desc, r.id desc limit 50`
  );
}
async function updateRunResult(db, id, result) {
  await db.update(mentoringMatchRuns).set({ result }).where(eq14(mentoringMatchRuns.id, id));
}
async function lockMentorSeats(db, orgId2, ids) {
  const out = /* @__PURE__ */ new Map();
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return out;
  const rows = await selectRows(
    db,
    sql24`select person_id as "personId", capacity, active from mentor_profiles where org_id = ${orgId2} and person_id in ${sorted} order by person_id for update`
  );
  const taken = await selectRows(
    db,
    sql24`select mentor_id as "mentorId", count(*)::int as n from mentoring_matches where mentor_id in ${sorted} and status = 'active' group by mentor_id`
  );
  const t = new Map(taken.map((r) => [r.mentorId, Number(r.n)]));
  for (const r of rows) out.set(r.personId, { capacity: r.capacity, active: r.active, taken: t.get(r.personId) ?? 0 });
  return out;
}
async function lockPeople(db, orgId2, ids) {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await db.execute(sql24`select id from people where org_id = ${orgId2} and id in ${sorted} order by id for update`);
}
var requestView = sql24`select r.id, r.org_id as "orgId", r.mentee_id as "menteeId", r.mentor_id as "mentorId", r.kind, r.message, r.status,
    r.response_message as "responseMessage", r.match_id as "matchId", r.created_at as "createdAt", r.responded_at as "respondedAt",
    a.name as "mentorName", a.title as "mentorTitle", b.name as "menteeName", b.title as "menteeTitle"
  from mentoring_requests r join people a on a.id = r.mentor_id join people b on b.id = r.mentee_id`;
async function insertRequest(db, row) {
  const [r] = await db.insert(mentoringRequests).values(row).returning();
  return r;
}
function selectRequest(db, orgId2, id) {
  return selectRow(db, sql24`${requestView} where r.org_id = ${orgId2} and r.id = ${id}`);
}
async function lockRequest(db, orgId2, id) {
  const [r] = await db.select().from(mentoringRequests).where(and12(eq14(mentoringRequests.orgId, orgId2), eq14(mentoringRequests.id, id))).for("update");
  return r;
}
async function updateRequest(db, id, set) {
  await db.update(mentoringRequests).set(set).where(eq14(mentoringRequests.id, id));
}
async function selectOpenRequestsOf(db, orgId2, menteeId) {
  return db.select({ id: mentoringRequests.id, mentorId: mentoringRequests.mentorId, kind: mentoringRequests.kind }).from(mentoringRequests).where(and12(eq14(mentoringRequests.orgId, orgId2), eq14(mentoringRequests.menteeId, menteeId), eq14(mentoringRequests.status, "open")));
}
function selectMyRequests(db, orgId2, personId) {
  return selectRows(
    db,
    sql24`${requestView} where r.org_id = ${orgId2} and (r.mentee_id = ${personId} or r.mentor_id = ${personId}) order by r.created_at desc, r.id desc limit 400`
  );
}
async function selectActiveRelationshipsOf(db, menteeId) {
  return db.select({ id: mentoringMatches.id, mentorId: mentoringMatches.mentorId, kind: mentoringMatches.kind }).from(mentoringMatches).where(and12(eq14(mentoringMatches.menteeId, menteeId), eq14(mentoringMatches.status, "active")));
}
var relationshipView = sql24`select x.id, x.org_id as "orgId", x.kind, x.mentor_id as "mentorId", a.name as "mentorName", a.title as "mentorTitle",
    x.mentee_id as "menteeId", b.name as "menteeName", b.title as "menteeTitle", x.score, x.explanation, x.status, x.source,
    (select round(avg(g.progress))::int from mentoring_goals g where g.match_id = x.id and g.status <> 'dropped') as "goalProgress",
    x.created_at as "createdAt", x.ended_at as "endedAt"
  from mentoring_matches x join people a on a.id = x.mentor_id join people b on b.id = x.mentee_id`;
function selectRelationships(db, orgId2, personId) {
  const who = personId ? sql24`and (x.mentor_id = ${personId} or x.mentee_id = ${personId})` : sql24``;
  return selectRows(db, sql24`${relationshipView} where x.org_id = ${orgId2} and x.status in ('active', 'ended') ${who} order by x.created_at desc, x.id desc limit 500`);
}
function selectRelationship(db, orgId2, id) {
  return selectRow(db, sql24`${relationshipView} where x.org_id = ${orgId2} and x.id = ${id} and x.status in ('active', 'ended')`);
}
async function lockRelationship(db, orgId2, id) {
  const [r] = await db.select().from(mentoringMatches).where(and12(eq14(mentoringMatches.orgId, orgId2), eq14(mentoringMatches.id, id))).for("update");
  return r;
}
async function endRelationship(db, id, by, at) {
  await db.update(mentoringMatches).set({ status: "ended", endedAt: at, endedBy: by }).where(eq14(mentoringMatches.id, id));
}
function selectGoals(db, matchId) {
  return db.select().from(mentoringGoals).where(eq14(mentoringGoals.matchId, matchId)).orderBy(mentoringGoals.createdAt, mentoringGoals.id);
}
async function insertGoal(db, row) {
  const [g] = await db.insert(mentoringGoals).values(row).returning();
  return g;
}
async function updateGoal(db, matchId, id, set) {
  const [g] = await db.update(mentoringGoals).set({ ...set, updatedAt: /* @__PURE__ */ new Date() }).where(and12(eq14(mentoringGoals.matchId, matchId), eq14(mentoringGoals.id, id))).returning();
  return g;
}
function selectMeetings(db, matchId) {
  return selectRows(
    db,
    sql24`select m.id, m.org_id as "orgId", m.match_id as "matchId", m.starts_at as "startsAt", m.duration_minutes as "durationMinutes", m.agenda,
          m.created_by as "createdBy", m.created_at as "createdAt", p.name as "creatorName", p.title as "creatorTitle"
        from mentoring_meetings m left join people p on p.id = m.created_by where m.match_id = ${matchId} order by m.starts_at, m.id`
  );
}
async function insertMeeting(db, row) {
  const [m] = await db.insert(mentoringMeetings).values(row).returning();
  return m;
}
function selectNotes2(db, matchId) {
  return selectRows(
    db,
    sql24`select n.id, n.author_id as "authorId", p.name as "authorName", p.title as "authorTitle", n.body, n.html, n.created_at as "createdAt"
        from mentoring_notes n left join people p on p.id = n.author_id where n.match_id = ${matchId} order by n.created_at, n.id`
  );
}
async function insertNote(db, row) {
  const [n] = await db.insert(mentoringNotes).values(row).returning();
  return n;
}
async function deleteNote(db, matchId, id, authorId) {
  const rows = await db.delete(mentoringNotes).where(and12(eq14(mentoringNotes.matchId, matchId), eq14(mentoringNotes.id, id), eq14(mentoringNotes.authorId, authorId))).returning({ id: mentoringNotes.id });
  return rows.length > 0;
}
async function insertCheckIn(db, row) {
  const [c] = await db.insert(mentoringCheckIns).values(row).returning();
  return c;
}
function selectOwnCheckIns(db, matchId, personId) {
  return db.select().from(mentoringCheckIns).where(and12(eq14(mentoringCheckIns.matchId, matchId), eq14(mentoringCheckIns.personId, personId))).orderBy(sql24`${mentoringCheckIns.createdAt} desc, ${mentoringCheckIns.id} desc`);
}
function selectRatingTrend(db, matchId) {
  return db.select({ personId: mentoringCheckIns.personId, rating: mentoringCheckIns.rating, at: mentoringCheckIns.createdAt }).from(mentoringCheckIns).where(eq14(mentoringCheckIns.matchId, matchId)).orderBy(mentoringCheckIns.createdAt, mentoringCheckIns.id);
}
function selectClosings(db, matchId) {
  return db.select().from(mentoringClosings).where(eq14(mentoringClosings.matchId, matchId)).orderBy(mentoringClosings.createdAt);
}
async function insertClosing(db, row) {
  const rows = await db.insert(mentoringClosings).values(row).onConflictDoNothing().returning({ matchId: mentoringClosings.matchId });
  return rows.length > 0;
}
async function countMeetings(db, matchId) {
  const r = await selectRow(db, sql24`select count(*)::int as n from mentoring_meetings where match_id = ${matchId}`);
  return Number(r?.n ?? 0);
}
function selectEmails(db, orgId2, ids) {
  if (ids.length === 0) return Promise.resolve([]);
  return selectRows(db, sql24`select id, name, email from people where org_id = ${orgId2} and id in ${ids}`);
}
async function selectExpertAvailable(db, personId) {
  const [r] = await db.select({ available: expertAvailability.available }).from(expertAvailability).where(eq14(expertAvailability.personId, personId));
  return r?.available ?? true;
}
async function setExpertAvailable(db, orgId2, personId, available) {
  await db.insert(expertAvailability).values({ orgId: orgId2, personId, available }).onConflictDoUpdate({ target: expertAvailability.personId, set: { available, updatedAt: /* @__PURE__ */ new Date() } });
}
async function selectKnownSkill(db, orgId2, key) {
  const r = await selectRow(
    db,
    sql24`select name from (
          select name from person_skills where org_id = ${orgId2} and key = ${key}
          union all
          select trim(e->>'skill') as name from mentor_profiles m cross join lateral jsonb_array_elements(m.skills) e
            where m.org_id = ${orgId2} and lower(trim(e->>'skill')) = ${key}
        ) s limit 1`
  );
  return r?.name;
}
function selectSkillHolders(db, orgId2, key, exclude) {
  const ex = exclude.length ? sql24`and p.id not in ${exclude}` : sql24``;
  return selectRows(
    db,
    sql24`with s as (
          select person_id, level::int as level from person_skills where org_id = ${orgId2} and kind = 'have' and key = ${key}
          union all
          select m.person_id, coalesce((e->>'level')::int, 1) from mentor_profiles m cross join lateral jsonb_array_elements(m.skills) e
            where m.org_id = ${orgId2} and lower(trim(e->>'skill')) = ${key}
        )
        select p.id, p.name, p.title, max(s.level)::int as level,
          (select count(*)::int from mentoring_matches x where x.mentor_id = p.id and x.status in ('active', 'ended')) as mentored
        from s join people p on p.id = s.person_id
        where p.org_id = ${orgId2} and p.status = 'active' ${ex}
          and not exists (select 1 from expert_availability a where a.person_id = p.id and not a.available)
        group by p.id, p.name, p.title`
  );
}
async function insertQuestion2(db, row) {
  const [q2] = await db.insert(expertQuestions).values(row).returning();
  return q2;
}
async function selectQuestion2(db, orgId2, id, lock = false) {
  const q2 = db.select().from(expertQuestions).where(and12(eq14(expertQuestions.orgId, orgId2), eq14(expertQuestions.id, id)));
  const [r] = lock ? await q2.for("update") : await q2;
  return r;
}
async function updateQuestion(db, id, set) {
  await db.update(expertQuestions).set(set).where(eq14(expertQuestions.id, id));
}
async function insertRoutes(db, rows) {
  if (rows.length) await db.insert(expertRoutes).values(rows);
}
async function selectRoutes(db, questionIds) {
  if (questionIds.length === 0) return [];
  return selectRows(
    db,
    sql24`select r.question_id as "questionId", r.person_id as "personId", r.org_id as "orgId", r.round, r.status, r.why, r.answer, r.routed_at as "routedAt",
          r.seen_at as "seenAt", r.responded_at as "respondedAt", p.name, p.title
        from expert_routes r join people p on p.id = r.person_id where r.question_id in ${questionIds} order by r.round, r.routed_at, p.name`
  );
}
async function updateRoute(db, questionId, personId, set) {
  const rows = await db.update(expertRoutes).set(set).where(and12(eq14(expertRoutes.questionId, questionId), eq14(expertRoutes.personId, personId))).returning({ questionId: expertRoutes.questionId });
  return rows.length > 0;
}
async function expireRoutes(db, questionId) {
  await db.execute(sql24`update expert_routes set status = 'expired' where question_id = ${questionId} and status in ('routed', 'seen')`);
}
function selectQuestionsFor(db, orgId2, personId) {
  return selectRows(
    db,
    sql24`select q.id, q.org_id as "orgId", q.asker_id as "askerId", q.skill_key as "skillKey", q.skill_name as "skillName", q.question, q.status, q.round,
          q.window_ends_at as "windowEndsAt", q.thread_id as "threadId", q.created_at as "createdAt", q.resolved_at as "resolvedAt",
          p.name as "askerName", p.title as "askerTitle", (q.asker_id = ${personId}) as mine
        from expert_questions q join people p on p.id = q.asker_id
        where q.org_id = ${orgId2} and (q.asker_id = ${personId} or exists (select 1 from expert_routes r where r.question_id = q.id and r.person_id = ${personId}))
        order by q.created_at desc, q.id desc limit 200`
  );
}
async function selectDueQuestions(db, now) {
  const rows = await selectRows(
    db,
    sql24`select q.id, q.org_id as "orgId" from expert_questions q where q.status = 'open' and (q.window_ends_at <= ${now.toISOString()}
          or not exists (select 1 from expert_routes r where r.question_id = q.id and r.round = q.round and r.status in ('routed', 'seen')))
        order by q.created_at limit 200`
  );
  return rows;
}
function selectRelevantCommunities(db, orgId2, personId, key) {
  const like = `%${likeEscape(key)}%`;
  return selectRows(
    db,
    sql24`select c.id, (case when exists (select 1 from unnest(c.topics) t where lower(t) = ${key}) then 3 else 0 end
            + case when c.name ilike ${like} then 2 else 0 end + case when c.description ilike ${like} then 1 else 0 end)::int as fit
        from communities c join community_members m on m.community_id = c.id and m.person_id = ${personId} and m.status = 'active'
        where c.org_id = ${orgId2} and c.visibility = 'open' and c.kind <> 'cohort'
        order by fit desc, c.member_count desc, c.id limit 5`
  );
}
async function selectRoles(db, orgId2, personId) {
  const r = await selectRow(db, sql24`select roles from people where org_id = ${orgId2} and id = ${personId} and status = 'active'`);
  return r?.roles;
}

// server/src/modules/mentoring/mentoring.experts.ts
async function rankExperts(db, orgId2, skillKey, exclude) {
  const holders = await selectSkillHolders(db, orgId2, skillKey, exclude);
  const accepted = await countAcceptedAnswers(db, orgId2, holders.map((h) => h.id));
  return holders.map((h) => {
    const a = accepted.get(h.id) ?? 0;
    const m = Number(h.mentored);
    const parts = [a ? `${a} accepted answer${a === 1 ? "" : "s"}` : "", m ? `mentored ${m}` : "", `level ${h.level}`].filter(Boolean);
    return { id: h.id, name: h.name, accepted: a, mentored: m, level: Number(h.level), why: parts.join(", ") };
  }).filter((c) => c.accepted + c.mentored > 0).sort((x, y) => y.accepted + y.mentored - (x.accepted + x.mentored) || y.level - x.level || x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1));
}
var windowEnd = (deps, from) => new Date(from.getTime() + deps.config.EXPERT_ANSWER_WINDOW_HOURS * 36e5);
async function routeRound(deps, tx, q2, round, now, emit, askerName) {
  const already = (await selectRoutes(tx, [q2.id])).map((r) => r.personId);
  const picked = (await rankExperts(tx, q2.orgId, q2.skillKey, [q2.askerId, ...already])).slice(0, MENTORING_LIMITS.expertsPerRound);
  if (picked.length === 0) return 0;
  await insertRoutes(
    tx,
    // One millisecond apart, so listing routes by time keeps the ranking order.
    picked.map((c, i) => ({ questionId: q2.id, personId: c.id, orgId: q2.orgId, round, why: c.why, routedAt: new Date(now.getTime() + i) }))
  );
  await updateQuestion(tx, q2.id, { round, windowEndsAt: windowEnd(deps, now) });
  emit({
    type: "mentoring.expert_routed",
    orgId: q2.orgId,
    payload: {
      questionId: q2.id,
      recipientIds: picked.map((c) => c.id),
      actorId: q2.askerId,
      title: `${askerName} asks you, as an expert in ${q2.skillName}, a question`,
      url: `/mentoring/expert-questions/${q2.id}`,
      subject: { questionId: q2.id }
    }
  });
  return picked.length;
}
var resolved = (q2, title, url) => ({
  type: "mentoring.expert_resolved",
  orgId: q2.orgId,
  payload: { questionId: q2.id, recipientIds: [q2.askerId], actorId: null, title, url, subject: { questionId: q2.id } }
});
async function fallbackQuestion(deps, orgId2, id, now) {
  const step = await deps.events.transaction(deps.db, async (tx, emit) => {
    const q3 = await selectQuestion2(tx, orgId2, id, true);
    if (!q3 || q3.status !== "open") return { kind: "skipped" };
    const routes = (await selectRoutes(tx, [q3.id])).filter((r) => r.round === q3.round);
    const pending = routes.some((r) => r.status === "routed" || r.status === "seen");
    if (pending && q3.windowEndsAt && q3.windowEndsAt > now) return { kind: "skipped" };
    await expireRoutes(tx, q3.id);
    const [asker] = await selectEmails(tx, orgId2, [q3.askerId]);
    if (q3.round < MENTORING_LIMITS.expertRounds && await routeRound(deps, tx, q3, q3.round + 1, now, emit, asker?.name ?? "Someone") > 0) return { kind: "rerouted" };
    await updateQuestion(tx, q3.id, { status: "unanswered", windowEndsAt: null, resolvedAt: now });
    return { kind: "post", q: q3 };
  });
  if (step.kind !== "post") return step.kind;
  const q2 = step.q;
  const roles = await selectRoles(deps.db, orgId2, q2.askerId);
  if (roles) {
    const asker = { personId: q2.askerId, orgId: orgId2, roles, isAdmin: roles.includes("admin"), csrfToken: "", sessionHash: "" };
    for (const c of await selectRelevantCommunities(deps.db, orgId2, q2.askerId, q2.skillKey)) {
      if (c.fit <= 0) break;
      const title = `${q2.skillName}: ${q2.question.replace(/\s+/g, " ").trim()}`;
      const thread = await createThread(deps, asker, c.id, {
        kind: "question",
        title: title.length > 160 ? `${title.slice(0, 159)}\u2026` : title,
        body: `${q2.question}

*Asked through Ask an expert; no expert answered in time.*`
      }).catch(() => null);
      if (!thread) continue;
      await deps.events.transaction(deps.db, async (tx, emit) => {
        await updateQuestion(tx, q2.id, { status: "posted", threadId: thread.id });
        emit(resolved(q2, `No expert answered your ${q2.skillName} question in time, so it was posted as a question in a community`, `/threads/${thread.id}`));
      });
      return "posted";
    }
  }
  await deps.events.transaction(deps.db, async (_tx, emit) => {
    emit(resolved(q2, `No expert was found for your ${q2.skillName} question`, `/mentoring/expert-questions/${q2.id}`));
  });
  return "unanswered";
}
async function runExpertFallback(deps, now = /* @__PURE__ */ new Date()) {
  const counts = { rerouted: 0, posted: 0, unanswered: 0 };
  for (const q2 of await selectDueQuestions(deps.db, now)) {
    const r = await fallbackQuestion(deps, q2.orgId, q2.id, now);
    if (r !== "skipped") counts[r]++;
  }
  return counts;
}
function present2(actor, q2, routes) {
  const asker = q2.askerId === actor.personId;
  const visible = routes.filter((r) => r.questionId === q2.id && (asker || r.personId === actor.personId));
  const mine = routes.find((r) => r.questionId === q2.id && r.personId === actor.personId);
  const canRespond = !!mine && (mine.status === "routed" || mine.status === "seen");
  return {
    id: q2.id,
    role: asker ? "asker" : "expert",
    asker: { id: q2.askerId, name: q2.askerName, title: q2.askerTitle },
    skill: q2.skillName,
    question: q2.question,
    status: q2.status,
    round: q2.round,
    windowEndsAt: q2.windowEndsAt ? toIso(q2.windowEndsAt) : null,
    threadUrl: q2.threadId ? `/threads/${q2.threadId}` : null,
    routes: visible.map((r) => ({
      person: { id: r.personId, name: r.name, title: r.title },
      round: r.round,
      status: r.status,
      answer: r.answer,
      why: r.why,
      routedAt: toIso(r.routedAt),
      respondedAt: r.respondedAt ? toIso(r.respondedAt) : null
    })),
    createdAt: toIso(q2.createdAt),
    abilities: { canAnswer: canRespond, canDecline: canRespond }
  };
}
async function listQuestions(db, actor) {
  const qs = await selectQuestionsFor(db, actor.orgId, actor.personId);
  const routes = await selectRoutes(db, qs.map((q2) => q2.id));
  const all = qs.map((q2) => present2(actor, q2, routes));
  return { asked: all.filter((q2) => q2.role === "asker"), routedToMe: all.filter((q2) => q2.role === "expert") };
}
async function getQuestion(deps, actor, id) {
  const q2 = (await selectQuestionsFor(deps.db, actor.orgId, actor.personId)).find((x) => x.id === id);
  if (!q2) throw notFound("That question");
  let routes = await selectRoutes(deps.db, [q2.id]);
  const mine = routes.find((r) => r.personId === actor.personId);
  if (mine?.status === "routed") {
    await updateRoute(deps.db, q2.id, actor.personId, { status: "seen", seenAt: /* @__PURE__ */ new Date() });
    routes = await selectRoutes(deps.db, [q2.id]);
  }
  return present2(actor, q2, routes);
}
async function askExpert(deps, actor, body, now = /* @__PURE__ */ new Date()) {
  const key = body.skill.trim().toLowerCase();
  const skillName = await selectKnownSkill(deps.db, actor.orgId, key);
  if (!skillName) {
    const message = "Nobody in your organization lists this skill.";
    throw new AppError("VALIDATION_FAILED", `Unknown skill \u201C${body.skill}\u201D.`, { errors: [{ field: "skill", message }] });
  }
  const { id, routed } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const q2 = await insertQuestion2(tx, { orgId: actor.orgId, askerId: actor.personId, skillKey: key, skillName, question: body.question, round: 1, windowEndsAt: windowEnd(deps, now), createdAt: now });
    const [me] = await selectEmails(tx, actor.orgId, [actor.personId]);
    return { id: q2.id, routed: await routeRound(deps, tx, q2, 1, now, emit, me?.name ?? "Someone") };
  });
  if (routed === 0) await fallbackQuestion(deps, actor.orgId, id, now);
  return getQuestion(deps, actor, id);
}
async function myOpenRoute(tx, actor, id) {
  const q2 = await selectQuestion2(tx, actor.orgId, id, true);
  const route = q2 && (await selectRoutes(tx, [q2.id])).find((r) => r.personId === actor.personId);
  if (!q2 || !route) throw notFound("That question");
  if (route.status !== "routed" && route.status !== "seen") throw new AppError("CONFLICT", `You already responded to this question (${route.status}).`);
  return { q: q2, route };
}
async function answerQuestion(deps, actor, id, body) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { q: q2 } = await myOpenRoute(tx, actor, id);
    const now = /* @__PURE__ */ new Date();
    await updateRoute(tx, q2.id, actor.personId, { status: "answered", answer: body.answer, respondedAt: now });
    if (q2.status === "open") await updateQuestion(tx, q2.id, { status: "answered", windowEndsAt: null, resolvedAt: now });
    const [me] = await selectEmails(tx, actor.orgId, [actor.personId]);
    const title = `${me?.name ?? "An expert"} answered your ${q2.skillName} question`;
    emit({ ...resolved(q2, title, `/mentoring/expert-questions/${q2.id}`), payload: { questionId: q2.id, recipientIds: [q2.askerId], actorId: actor.personId, title, url: `/mentoring/expert-questions/${q2.id}`, subject: { questionId: q2.id } } });
  });
  return getQuestion(deps, actor, id);
}
async function declineQuestion(deps, actor, id) {
  const { orgId: orgId2, pending } = await deps.events.transaction(deps.db, async (tx) => {
    const { q: q2 } = await myOpenRoute(tx, actor, id);
    await updateRoute(tx, q2.id, actor.personId, { status: "declined", respondedAt: /* @__PURE__ */ new Date() });
    const left = (await selectRoutes(tx, [q2.id])).some((r) => r.round === q2.round && (r.status === "routed" || r.status === "seen"));
    return { orgId: q2.orgId, pending: left || q2.status !== "open" };
  });
  if (!pending) await fallbackQuestion(deps, orgId2, id, /* @__PURE__ */ new Date());
  return getQuestion(deps, actor, id);
}

// server/src/modules/mentoring/mentoring.routes.ts
import { z as z24 } from "zod";

// server/src/modules/mentoring/mentoring.relationships.ts
import { createEvent as createEvent3 } from "ics";

// server/src/modules/mentoring/mentoring.policy.ts
var canRunMatching = (actor) => actor.isAdmin || actor.roles.includes("facilitator");
function mentorRulesOut(mentor, mentee) {
  if (mentor.prefs.otherDepartment && mentor.department && mentor.department === mentee.department) return true;
  const sameLocation = mentor.prefs.sameLocation || mentee.sameLocation;
  if (sameLocation && mentor.location && mentee.location && mentor.location !== mentee.location) return true;
  const gap = mentor.prefs.seniorityGap;
  if (gap && mentor.seniority != null && mentee.seniority != null) {
    const d = mentor.seniority - mentee.seniority;
    if (d < gap[0] || d > gap[1]) return true;
  }
  return false;
}
function relationshipRole(actor, r) {
  if (actor.personId === r.mentorId) return "mentor";
  if (actor.personId === r.menteeId) return "mentee";
  return canRunMatching(actor) ? "admin" : null;
}
var isPartner = (role) => role === "mentor" || role === "mentee";

// server/src/modules/mentoring/mentoring.relationships.ts
var gone = () => notFound("That relationship");
function summaryOf3(r, role) {
  return {
    id: r.id,
    kind: r.kind,
    role,
    mentor: { id: r.mentorId, name: r.mentorName, title: r.mentorTitle },
    mentee: { id: r.menteeId, name: r.menteeName, title: r.menteeTitle },
    status: r.status,
    source: r.source,
    score: r.score,
    explanation: r.explanation,
    goalProgress: r.goalProgress === null ? null : Number(r.goalProgress),
    createdAt: toIso(r.createdAt),
    endedAt: r.endedAt ? toIso(r.endedAt) : null
  };
}
async function listRelationships(db, actor, q2) {
  if (q2.scope === "program" && !canRunMatching(actor)) throw new AppError("FORBIDDEN", "Only organization admins and facilitators see all relationships.");
  const rows = await selectRelationships(db, actor.orgId, q2.scope === "program" ? null : actor.personId);
  return { items: rows.map((r) => summaryOf3(r, relationshipRole(actor, r) ?? "admin")) };
}
async function access(db, actor, id) {
  const r = await selectRelationship(db, actor.orgId, id);
  const role = r ? relationshipRole(actor, r) : null;
  if (!r || !role) throw gone();
  return { r, role };
}
async function partnerAccess(db, actor, id) {
  const a = await access(db, actor, id);
  if (!isPartner(a.role)) throw gone();
  return a;
}
async function editable(db, actor, id) {
  const a = await access(db, actor, id);
  if (!isPartner(a.role)) throw new AppError("FORBIDDEN", "Only the two partners change a relationship.");
  if (a.r.status !== "active") throw new AppError("CONFLICT", "This relationship is closed.");
  return a;
}
var presentGoal = (g) => ({
  id: g.id,
  title: g.title,
  progress: g.progress,
  status: g.status,
  updatedAt: toIso(g.updatedAt)
});
var icsPath = (matchId, meetingId) => `/api/mentoring/relationships/${matchId}/meetings/${meetingId}/invite.ics`;
var presentMeeting = (m) => ({
  id: m.id,
  startsAt: toIso(m.startsAt),
  durationMinutes: m.durationMinutes,
  agenda: m.agenda,
  createdBy: m.createdBy && m.creatorName ? { id: m.createdBy, name: m.creatorName, title: m.creatorTitle } : null,
  icsUrl: icsPath(m.matchId, m.id)
});
async function getRelationship(db, actor, id) {
  const { r, role } = await access(db, actor, id);
  const partner = isPartner(role);
  const [goals, meetings, meetingCount, trend, closings] = await Promise.all([
    selectGoals(db, r.id),
    partner ? selectMeetings(db, r.id) : Promise.resolve([]),
    countMeetings(db, r.id),
    selectRatingTrend(db, r.id),
    selectClosings(db, r.id)
  ]);
  const side = (personId) => personId === r.mentorId ? "mentor" : "mentee";
  const closedByMe = closings.some((c) => c.personId === actor.personId);
  return {
    ...summaryOf3(r, role),
    goals: goals.map(presentGoal),
    meetings: meetings.map(presentMeeting),
    meetingCount,
    ratingTrend: trend.map((t) => ({ by: side(t.personId), rating: t.rating, at: toIso(t.at) })),
    closing: closings.map((c) => ({ by: side(c.personId), rating: c.rating, text: partner ? c.text : null, at: toIso(c.createdAt) })),
    abilities: {
      canEdit: partner && r.status === "active",
      canSeeNotes: partner,
      canClose: partner && !closedByMe,
      closingAsked: partner && !closedByMe && r.status === "ended"
    }
  };
}
async function addGoal(deps, actor, id, body) {
  const { r } = await editable(deps.db, actor, id);
  if ((await selectGoals(deps.db, r.id)).length >= MENTORING_LIMITS.relationshipGoals) {
    throw new AppError("CONFLICT", `A relationship has at most ${MENTORING_LIMITS.relationshipGoals} goals.`);
  }
  const g = await insertGoal(deps.db, { orgId: actor.orgId, matchId: r.id, title: body.title, progress: body.progress, status: body.status, createdBy: actor.personId });
  return presentGoal(g);
}
async function updateGoal2(deps, actor, id, goalId, body) {
  const { r } = await editable(deps.db, actor, id);
  const g = await updateGoal(deps.db, r.id, goalId, body);
  if (!g) throw notFound("That goal");
  return presentGoal(g);
}
function inviteOf(deps, r, m, people2) {
  const mentor = people2.find((p) => p.id === r.mentorId);
  const mentee = people2.find((p) => p.id === r.menteeId);
  const label = r.kind === "coaching" ? "Coaching" : "Mentoring";
  const link = `${(deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, "")}/mentoring/relationships/${r.id}`;
  const { error, value } = createEvent3({
    uid: `${m.id}@hearth`,
    productId: "hearth/mentoring",
    method: "REQUEST",
    start: new Date(m.startsAt).getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: m.durationMinutes },
    title: `${label}: ${r.mentorName} & ${r.menteeName}`,
    description: `${m.agenda ? `Agenda:
${m.agenda}

` : ""}${link}`,
    ...mentor ? { organizer: { name: mentor.name, email: mentor.email } } : {},
    attendees: [mentor, mentee].filter((p) => p !== void 0).map((p) => ({ name: p.name, email: p.email, rsvp: true, partstat: "NEEDS-ACTION", role: "REQ-PARTICIPANT" }))
  });
  if (error || !value) throw error ?? new Error("calendar invite could not be built");
  return value;
}
async function addMeeting(deps, actor, id, body) {
  const { r } = await editable(deps.db, actor, id);
  const other = actor.personId === r.mentorId ? r.menteeId : r.mentorId;
  const m = await deps.events.transaction(deps.db, async (tx, emit) => {
    const row2 = await insertMeeting(tx, { orgId: actor.orgId, matchId: r.id, startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes, agenda: body.agenda, createdBy: actor.personId });
    const me = actor.personId === r.mentorId ? r.mentorName : r.menteeName;
    emit({
      type: "mentoring.meeting_booked",
      orgId: actor.orgId,
      payload: { matchId: r.id, meetingId: row2.id, recipientIds: [other], actorId: actor.personId, title: `${me} booked a meeting with you`, url: `/mentoring/relationships/${r.id}`, subject: { matchId: r.id } }
    });
    return row2;
  });
  if (body.emailInvite) {
    const people2 = await selectEmails(deps.db, actor.orgId, [r.mentorId, r.menteeId]);
    const ics = inviteOf(deps, r, m, people2);
    const when = new Date(m.startsAt).toUTCString();
    for (const p of people2) {
      const mail = {
        to: p.email,
        subject: `Invitation: ${r.kind === "coaching" ? "coaching" : "mentoring"} meeting ${when}`,
        text: `${r.mentorName} and ${r.menteeName} meet on ${when} for ${m.durationMinutes} minutes. The calendar invite is attached.`,
        attachments: [{ filename: "invite.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=REQUEST" }]
      };
      await deps.mailer.send(mail).catch(() => {
      });
    }
  }
  const [row] = (await selectMeetings(deps.db, r.id)).filter((x) => x.id === m.id);
  return presentMeeting(row);
}
async function meetingInvite(deps, actor, id, meetingId) {
  const { r } = await partnerAccess(deps.db, actor, id);
  const m = (await selectMeetings(deps.db, r.id)).find((x) => x.id === meetingId);
  if (!m) throw notFound("That meeting");
  return inviteOf(deps, r, m, await selectEmails(deps.db, actor.orgId, [r.mentorId, r.menteeId]));
}
async function listNotes(db, actor, id) {
  const { r } = await partnerAccess(db, actor, id);
  const rows = await selectNotes2(db, r.id);
  return {
    items: rows.map((n) => ({
      id: n.id,
      author: n.authorId && n.authorName ? { id: n.authorId, name: n.authorName, title: n.authorTitle } : null,
      body: n.body,
      html: n.html,
      createdAt: toIso(n.createdAt),
      canDelete: n.authorId === actor.personId
    }))
  };
}
async function addNote(deps, actor, id, body) {
  const { r } = await partnerAccess(deps.db, actor, id);
  const n = await insertNote(deps.db, { orgId: actor.orgId, matchId: r.id, authorId: actor.personId, body: body.body, html: renderMarkdown(body.body) });
  const me = actor.personId === r.mentorId ? { id: r.mentorId, name: r.mentorName, title: r.mentorTitle } : { id: r.menteeId, name: r.menteeName, title: r.menteeTitle };
  return { id: n.id, author: me, body: n.body, html: n.html, createdAt: toIso(n.createdAt), canDelete: true };
}
async function deleteNote2(deps, actor, id, noteId) {
  const { r } = await partnerAccess(deps.db, actor, id);
  if (!await deleteNote(deps.db, r.id, noteId, actor.personId)) throw notFound("That note");
}
async function addCheckIn(deps, actor, id, body) {
  const { r } = await editable(deps.db, actor, id);
  const c = await insertCheckIn(deps.db, { orgId: actor.orgId, matchId: r.id, personId: actor.personId, rating: body.rating, text: body.text || null });
  return { id: c.id, rating: c.rating, text: c.text, createdAt: toIso(c.createdAt) };
}
async function listCheckIns(db, actor, id) {
  const { r } = await partnerAccess(db, actor, id);
  const rows = await selectOwnCheckIns(db, r.id, actor.personId);
  return { items: rows.map((c) => ({ id: c.id, rating: c.rating, text: c.text, createdAt: toIso(c.createdAt) })) };
}
async function closeRelationship(deps, actor, id, body) {
  const { r } = await partnerAccess(deps.db, actor, id);
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await lockRelationship(tx, actor.orgId, r.id);
    if (!row) throw gone();
    if (!await insertClosing(tx, { orgId: actor.orgId, matchId: r.id, personId: actor.personId, rating: body.rating, text: body.text })) {
      throw new AppError("CONFLICT", "You already gave your closing feedback.");
    }
    if (row.status === "active") {
      await endRelationship(tx, r.id, actor.personId, /* @__PURE__ */ new Date());
      const other = actor.personId === r.mentorId ? r.menteeId : r.mentorId;
      const me = actor.personId === r.mentorId ? r.mentorName : r.menteeName;
      emit({
        type: "mentoring.closed",
        orgId: actor.orgId,
        payload: { matchId: r.id, recipientIds: [other], actorId: actor.personId, title: `${me} closed your ${r.kind} relationship: how did it go? Share your feedback`, url: `/mentoring/relationships/${r.id}`, subject: { matchId: r.id } }
      });
    }
  });
  return getRelationship(deps.db, actor, id);
}

// engine/matching/compatibility.ts
var DEFAULT_WEIGHTS = {
  skills: 40,
  goals: 20,
  seniority: 15,
  department: 10,
  availability: 10,
  timezone: 5
};
var CONSTRAINTS = ["SELF", "OWN_MANAGER", "SAME_TEAM", "FORBIDDEN_PAIR", "TIMEZONE"];
var norm = (s) => s.trim().toLowerCase();
function intern(map, s) {
  const k = norm(s);
  let id = map.get(k);
  if (id === void 0) {
    id = map.size;
    map.set(k, id);
  }
  return id;
}
function bitsets(lists, map) {
  for (const side of lists) for (const l of side) for (const x of l ?? []) intern(map, x);
  const words = Math.max(1, Math.ceil(map.size / 32));
  return {
    words,
    build(list) {
      const out = new Uint32Array(list.length * words);
      list.forEach((l, p) => {
        for (const x of l ?? []) {
          const id = map.get(norm(x));
          out[p * words + (id >>> 5)] |= 1 << (id & 31);
        }
      });
      return out;
    }
  };
}
function popcount(x) {
  x -= x >>> 1 & 1431655765;
  x = (x & 858993459) + (x >>> 2 & 858993459);
  return (x + (x >>> 4) & 252645135) * 16843009 >>> 24;
}
function common(a, ai, b, bi, words) {
  let c = 0;
  for (let w = 0; w < words; w++) c += popcount(a[ai * words + w] & b[bi * words + w]);
  return c;
}
function prepareCompatibility(mentees, mentors, options = {}) {
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const weightSum = Object.values(weights).reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const skillIds = /* @__PURE__ */ new Map();
  for (const p of mentors) for (const s of p.skillsHave ?? []) intern(skillIds, s.skill);
  const nSkills = Math.max(1, skillIds.size);
  const mentorSkill = new Uint8Array(mentors.length * nSkills);
  mentors.forEach((p, j) => {
    for (const s of p.skillsHave ?? []) {
      const id = skillIds.get(norm(s.skill));
      mentorSkill[j * nSkills + id] = Math.max(mentorSkill[j * nSkills + id], clampLevel(s.level));
    }
  });
  const want = mentees.map((p) => {
    const list = (p.skillsWant ?? []).filter((s) => s.skill.trim() !== "");
    return {
      ids: Int32Array.from(list.map((s) => skillIds.get(norm(s.skill)) ?? -1)),
      levels: Float64Array.from(list.map((s) => clampLevel(s.level)))
    };
  });
  const goalMap = /* @__PURE__ */ new Map();
  const goals = bitsets([mentees.map((p) => p.goals), mentors.map((p) => p.topics)], goalMap);
  const slotMap = /* @__PURE__ */ new Map();
  const slots = bitsets([mentees.map((p) => p.availability), mentors.map((p) => p.availability)], slotMap);
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const forbidden2 = /* @__PURE__ */ new Set();
  for (const f of options.forbiddenPairs ?? []) {
    const i = menteeIndex.get(f.mentee);
    const j = mentorIndex.get(f.mentor);
    if (i !== void 0 && j !== void 0) forbidden2.add(i * mentors.length + j);
  }
  const depts = /* @__PURE__ */ new Map();
  const teams = /* @__PURE__ */ new Map();
  const idOf = (map, v) => v ? intern(map, v) : -1;
  const numOr = (v) => typeof v === "number" && Number.isFinite(v) ? v : Number.NaN;
  const attr = {
    menteeDept: Int32Array.from(mentees, (p) => idOf(depts, p.department)),
    mentorDept: Int32Array.from(mentors, (p) => idOf(depts, p.department)),
    menteeTeam: Int32Array.from(mentees, (p) => idOf(teams, p.team)),
    mentorTeam: Int32Array.from(mentors, (p) => idOf(teams, p.team)),
    preferOther: Uint8Array.from(mentees, (p) => p.preferOtherDepartment ?? true ? 1 : 0),
    menteeSen: Float64Array.from(mentees, (p) => numOr(p.seniority)),
    mentorSen: Float64Array.from(mentors, (p) => numOr(p.seniority)),
    gapLo: Float64Array.from(mentees, (p) => p.seniorityGap?.[0] ?? 1),
    gapHi: Float64Array.from(mentees, (p) => p.seniorityGap?.[1] ?? 2),
    menteeTz: Float64Array.from(mentees, (p) => numOr(p.timezone)),
    mentorTz: Float64Array.from(mentors, (p) => numOr(p.timezone)),
    self: Int32Array.from(mentees, (p) => mentorIndex.get(p.id) ?? -1),
    manager: Int32Array.from(mentees, (p) => p.managerId === void 0 ? -1 : mentorIndex.get(p.managerId) ?? -1),
    hours: options.workingHours ?? [9, 17],
    minOverlap: options.minOverlapHours ?? 2,
    forbidSameTeam: options.forbidSameTeam === true
  };
  return {
    attr,
    mentees,
    mentors,
    weights,
    weightSum,
    options,
    skillIds,
    mentorSkill,
    nSkills,
    want,
    goalWords: goals.words,
    menteeGoals: goals.build(mentees.map((p) => p.goals)),
    mentorTopics: goals.build(mentors.map((p) => p.topics)),
    goalCount: Int32Array.from(mentees.map((p) => new Set((p.goals ?? []).map(norm)).size)),
    slotWords: slots.words,
    menteeSlots: slots.build(mentees.map((p) => p.availability)),
    mentorSlots: slots.build(mentors.map((p) => p.availability)),
    slotCount: Int32Array.from(mentees.map((p) => new Set((p.availability ?? []).map(norm)).size)),
    forbidden: forbidden2
  };
}
function clampLevel(level) {
  return Number.isFinite(level) ? Math.min(5, Math.max(1, Math.round(level))) : 3;
}
function overlapHours(tzA, tzB, hours) {
  const len = hours[1] - hours[0];
  let d = Math.abs(tzA - tzB) % 24;
  if (d > 12) d = 24 - d;
  return Math.max(0, len - d);
}
function violatedConstraint(ctx, i, j) {
  const x = ctx.attr;
  if (x.self[i] === j) return "SELF";
  if (x.manager[i] === j) return "OWN_MANAGER";
  if (x.forbidSameTeam && x.menteeTeam[i] >= 0 && x.menteeTeam[i] === x.mentorTeam[j]) return "SAME_TEAM";
  if (ctx.forbidden.size > 0 && ctx.forbidden.has(i * ctx.mentors.length + j)) return "FORBIDDEN_PAIR";
  const a = x.menteeTz[i];
  const b = x.mentorTz[j];
  if (!Number.isNaN(a) && !Number.isNaN(b) && overlapHours(a, b, x.hours) < x.minOverlap) return "TIMEZONE";
  return null;
}
function factorValues(ctx, i, j, out) {
  const x = ctx.attr;
  const w = ctx.want[i];
  let cov = 0;
  for (let k = 0; k < w.ids.length; k++) {
    const id = w.ids[k];
    if (id >= 0) cov += Math.min(1, ctx.mentorSkill[j * ctx.nSkills + id] / w.levels[k]);
  }
  out[0] = w.ids.length > 0 ? cov / w.ids.length : 0;
  const g = ctx.goalCount[i];
  out[1] = g > 0 ? common(ctx.menteeGoals, i, ctx.mentorTopics, j, ctx.goalWords) / g : 0;
  const da = x.menteeDept[i];
  const db = x.mentorDept[j];
  out[2] = da >= 0 && db >= 0 ? da !== db === (x.preferOther[i] === 1) ? 1 : 0 : 0.5;
  const sa = x.menteeSen[i];
  const sb = x.mentorSen[j];
  if (!Number.isNaN(sa) && !Number.isNaN(sb)) {
    const gap = sb - sa;
    const lo = x.gapLo[i];
    const hi = x.gapHi[i];
    const off = gap < lo ? lo - gap : gap > hi ? gap - hi : 0;
    out[3] = gap <= 0 && lo > 0 ? 0 : Math.max(0, 1 - off / 3);
  } else out[3] = 0.5;
  const ta = x.menteeTz[i];
  const tb = x.mentorTz[j];
  out[4] = !Number.isNaN(ta) && !Number.isNaN(tb) ? overlapHours(ta, tb, x.hours) / Math.max(1, x.hours[1] - x.hours[0]) : 0.5;
  const sc = ctx.slotCount[i];
  out[5] = sc > 0 ? common(ctx.menteeSlots, i, ctx.mentorSlots, j, ctx.slotWords) / sc : 0.5;
}
var ORDER = ["skills", "goals", "department", "seniority", "timezone", "availability"];
var scratch = new Float64Array(6);
var weightCache = /* @__PURE__ */ new WeakMap();
function weightVector(w) {
  let v = weightCache.get(w);
  if (!v) {
    v = Float64Array.from(ORDER, (f) => Math.max(0, w[f]));
    weightCache.set(w, v);
  }
  return v;
}
function pairScoreOf(ctx, i, j) {
  factorValues(ctx, i, j, scratch);
  const wv = weightVector(ctx.weights);
  let sum2 = 0;
  for (let f = 0; f < 6; f++) sum2 += wv[f] * scratch[f];
  return Math.round(1e3 * sum2 / ctx.weightSum);
}
function explainPair(ctx, i, j, top = 3) {
  const x = new Float64Array(6);
  factorValues(ctx, i, j, x);
  const a = ctx.mentees[i];
  const b = ctx.mentors[j];
  return ORDER.map((factor, f) => ({ factor, f, points: Math.round(1e3 * Math.max(0, ctx.weights[factor]) * x[f] / ctx.weightSum) })).filter((c) => c.points > 0).sort((p, q2) => q2.points - p.points).slice(0, top).map(({ factor, f, points }) => ({ factor, points, reason: reasonFor(factor, a, b, x[f], ctx) }));
}
function reasonFor(factor, a, b, value, ctx) {
  switch (factor) {
    case "skills": {
      const has = new Set((b.skillsHave ?? []).map((s) => norm(s.skill)));
      const wanted = (a.skillsWant ?? []).map((s) => norm(s.skill));
      const hit = wanted.filter((s) => has.has(s));
      return `offers ${hit.length} of ${wanted.length} wanted skills${hit.length ? ` (${hit.join(", ")})` : ""}`;
    }
    case "goals": {
      const topics = new Set((b.topics ?? []).map(norm));
      const hit = [...new Set((a.goals ?? []).map(norm))].filter((g) => topics.has(g));
      return `supports ${hit.length ? hit.join(", ") : "none"} of the mentee's goals`;
    }
    case "department":
      return value === 0.5 ? "department unknown" : norm(a.department ?? "") !== norm(b.department ?? "") ? `cross-functional: ${b.department} for a mentee in ${a.department}` : `same department (${a.department}), as preferred`;
    case "seniority":
      return value === 0.5 ? "seniority unknown" : `mentor is ${(b.seniority ?? 0) - (a.seniority ?? 0)} level(s) more senior`;
    case "timezone": {
      if (value === 0.5) return "time zone unknown";
      const h = overlapHours(a.timezone ?? 0, b.timezone ?? 0, ctx.options.workingHours ?? [9, 17]);
      return `${h} shared working hour(s)`;
    }
    case "availability":
      return value === 0.5 ? "availability unknown" : `${Math.round(value * 100)}% of the mentee's slots shared`;
  }
}

// engine/matching/csv-profiles.ts
import { parse as parse2 } from "csv-parse/sync";

// engine/matching/errors.ts
var MatchingError = class extends Error {
  /** Stable machine-readable code. */
  code;
  /** What exactly failed (constraint name, person id, value). */
  detail;
  constructor(code, message, detail = {}) {
    super(message);
    this.name = "MatchingError";
    this.code = code;
    this.detail = detail;
  }
};

// engine/matching/score-graph.ts
var FORBIDDEN = -2147483648;
function denseGraph(n, m, scores, capacity) {
  const rowStart = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) rowStart[i] = i * m;
  return { n, m, capacity, rowStart, cols: null, scores };
}
function forEachPair(g, i, floor, visit) {
  const start2 = g.rowStart[i];
  const end2 = g.rowStart[i + 1];
  const { cols, scores, capacity } = g;
  for (let p = start2; p < end2; p++) {
    const s = scores[p];
    if (s === FORBIDDEN || s < floor) continue;
    const j = cols === null ? p - start2 : cols[p];
    if (capacity[j] > 0) visit(j, s);
  }
}
function pairScore(g, i, j) {
  const start2 = g.rowStart[i];
  if (g.cols === null) return g.scores[start2 + j];
  const end2 = g.rowStart[i + 1];
  for (let p = start2; p < end2; p++) if (g.cols[p] === j) return g.scores[p];
  return FORBIDDEN;
}
function distinctScores(g) {
  const { scores, capacity, cols, rowStart, n } = g;
  const seen = /* @__PURE__ */ new Set();
  let last = FORBIDDEN;
  for (let i = 0; i < n; i++) {
    const start2 = rowStart[i];
    for (let p = start2; p < rowStart[i + 1]; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s === last || capacity[cols === null ? p - start2 : cols[p]] <= 0) continue;
      last = s;
      seen.add(s);
    }
  }
  return [...seen].sort((x, y) => x - y);
}

// engine/matching/result.ts
var MODES = ["optimal", "fair", "participation"];
function checkMode(mode) {
  const m = mode ?? "optimal";
  if (!MODES.includes(m)) throw new MatchingError("INVALID_INPUT", `unknown mode "${mode}"`, { mode });
  return m;
}
function capacityOf(id, raw, issues) {
  const c = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isInteger(c) || c < 0) {
    issues.push({ side: "mentor", id, code: "INVALID_CAPACITY", message: `capacity "${String(raw)}" is not a whole number >= 0; treated as 0` });
    return 0;
  }
  if (c === 0) issues.push({ side: "mentor", id, code: "ZERO_CAPACITY", message: "capacity 0: not taking mentees" });
  return c;
}
function finish(mode, assignments, unmatched, issues, sol, scale = 1) {
  assignments.sort((a, b) => a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : 0);
  let total = 0;
  let minScore = null;
  for (const a of assignments) {
    total += Math.round(a.score * scale);
    minScore = minScore === null ? a.score : Math.min(minScore, a.score);
  }
  const result = { mode, assignments, total: total / scale, minScore, unmatched, issues };
  if (mode === "fair" && sol.floor !== void 0 && sol.floor !== null) result.floor = sol.floor / scale;
  return result;
}
function unmatchedReason(g, i, mode, pinned) {
  if (pinned) return { reason: "NO_CAPACITY" };
  let feasible = 0;
  let positive = 0;
  for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
    const s = g.scores[p];
    const j = g.cols === null ? p - g.rowStart[i] : g.cols[p];
    if (s === FORBIDDEN || g.capacity[j] <= 0) continue;
    feasible++;
    if (s >= 0) positive++;
  }
  if (feasible === 0) return { reason: "NO_FEASIBLE_MENTOR" };
  if (mode === "optimal" && positive === 0) return { reason: "NOT_BENEFICIAL", detail: "every feasible pair has a negative score" };
  return { reason: "NO_CAPACITY", detail: `${feasible} feasible mentor(s), all taken by better-fitting mentees` };
}

// engine/matching/cardinality.ts
function maxCardinality(g, floor, init) {
  const { n, m, capacity, rowStart, cols, scores } = g;
  const mentorOf = new Int32Array(n).fill(-1);
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j] + Math.max(0, capacity[j]);
  const slot = new Int32Array(slotStart[m]);
  const slotOf = new Int32Array(n);
  const load2 = new Int32Array(m);
  const place = (i, j) => {
    const s = slotStart[j] + load2[j]++;
    slot[s] = i;
    slotOf[i] = s;
    mentorOf[i] = j;
  };
  const unplace = (i) => {
    const j = mentorOf[i];
    const last = slotStart[j] + --load2[j];
    const moved = slot[last];
    slot[slotOf[i]] = moved;
    slotOf[moved] = slotOf[i];
    mentorOf[i] = -1;
  };
  const scoreAt = (i, j) => {
    const start2 = rowStart[i];
    if (cols === null) return scores[start2 + j];
    for (let p = start2; p < rowStart[i + 1]; p++) if (cols[p] === j) return scores[p];
    return FORBIDDEN;
  };
  let size = 0;
  if (init) {
    for (let i = 0; i < n; i++) {
      const j = init[i];
      if (j < 0 || load2[j] >= capacity[j]) continue;
      const s = scoreAt(i, j);
      if (s !== FORBIDDEN && s >= floor) {
        place(i, j);
        size++;
      }
    }
  }
  const layer = new Int32Array(n);
  const seen = new Int32Array(m);
  const queue = new Int32Array(n);
  const cursor = new Float64Array(n);
  let phase = 0;
  const dfs = (u, limit) => {
    const end2 = rowStart[u + 1];
    const start2 = rowStart[u];
    for (let p = cursor[u]; p < end2; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s < floor) continue;
      const j = cols === null ? p - start2 : cols[p];
      if (capacity[j] <= 0) continue;
      if (layer[u] === limit) {
        if (load2[j] < capacity[j]) {
          cursor[u] = p;
          if (mentorOf[u] >= 0) unplace(u);
          place(u, j);
          return true;
        }
        continue;
      }
      for (let q2 = slotStart[j]; q2 < slotStart[j] + load2[j]; q2++) {
        const v = slot[q2];
        if (layer[v] === layer[u] + 1 && dfs(v, limit)) {
          cursor[u] = p;
          if (mentorOf[u] >= 0) unplace(u);
          place(u, j);
          return true;
        }
      }
    }
    cursor[u] = end2;
    layer[u] = -1;
    return false;
  };
  for (; ; ) {
    phase++;
    let head = 0;
    let tail = 0;
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] < 0) {
        layer[i] = 0;
        queue[tail++] = i;
      } else layer[i] = -1;
    }
    let limit = -1;
    while (head < tail) {
      const u = queue[head++];
      if (limit >= 0 && layer[u] >= limit) break;
      const start2 = rowStart[u];
      const end2 = rowStart[u + 1];
      for (let p = start2; p < end2; p++) {
        const s = scores[p];
        if (s === FORBIDDEN || s < floor) continue;
        const j = cols === null ? p - start2 : cols[p];
        if (seen[j] === phase || capacity[j] <= 0) continue;
        seen[j] = phase;
        if (load2[j] < capacity[j]) {
          if (limit < 0) limit = layer[u];
          continue;
        }
        for (let q2 = slotStart[j]; q2 < slotStart[j] + load2[j]; q2++) {
          const v = slot[q2];
          if (layer[v] < 0) {
            layer[v] = layer[u] + 1;
            queue[tail++] = v;
          }
        }
      }
    }
    if (limit < 0) return { mentorOf, size };
    for (let i = 0; i < n; i++) cursor[i] = rowStart[i];
    let grew = false;
    for (let i = 0; i < n; i++) {
      if (mentorOf[i] < 0 && layer[i] === 0 && dfs(i, limit)) {
        size++;
        grew = true;
      }
    }
    if (!grew) return { mentorOf, size };
  }
}

// engine/matching/heap.ts
var IndexedMinHeap = class {
  /** `keys` is shared: the caller writes keys[id] before push/decrease. */
  constructor(size, keys) {
    this.keys = keys;
    this.heap = new Int32Array(size);
    this.pos = new Int32Array(size).fill(-1);
  }
  keys;
  heap;
  pos;
  length = 0;
  /** Number of ids in the heap. */
  get size() {
    return this.length;
  }
  /** Removes every id (O(current size), not O(capacity)). */
  clear() {
    for (let k = 0; k < this.length; k++) this.pos[this.heap[k]] = -1;
    this.length = 0;
  }
  /** Inserts id, or restores heap order after its key decreased. */
  pushOrDecrease(id) {
    let k = this.pos[id];
    if (k < 0) {
      k = this.length++;
      this.heap[k] = id;
      this.pos[id] = k;
    }
    this.up(k);
  }
  /** Removes and returns the id with the smallest key (heap must be non-empty). */
  pop() {
    const top = this.heap[0];
    this.pos[top] = -1;
    const last = this.heap[--this.length];
    if (this.length > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }
  up(k) {
    const { heap, pos, keys } = this;
    const id = heap[k];
    const key = keys[id];
    while (k > 0) {
      const parent = k - 1 >> 1;
      const pid = heap[parent];
      if (keys[pid] <= key) break;
      heap[k] = pid;
      pos[pid] = k;
      k = parent;
    }
    heap[k] = id;
    pos[id] = k;
  }
  down(k) {
    const { heap, pos, keys } = this;
    const n = this.length;
    const id = heap[k];
    const key = keys[id];
    for (; ; ) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[heap[child + 1]] < keys[heap[child]]) child++;
      if (keys[heap[child]] >= key) break;
      heap[k] = heap[child];
      pos[heap[k]] = k;
      k = child;
    }
    heap[k] = id;
    pos[id] = k;
  }
};

// engine/matching/min-cost-flow.ts
var FREE = -1;
var UNMATCHED = -2;
var FROM_T = -3;
var FlowState = class {
  constructor(n, m, capacity) {
    this.n = n;
    this.m = m;
    this.capacity = capacity;
    this.T = m;
    this.mentorOf = new Int32Array(n).fill(FREE);
    this.matchW = new Float64Array(n);
    this.pi = new Float64Array(n + m + 1);
    this.load = new Int32Array(m);
    this.deficit = new Int32Array(m);
    this.slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.slotStart[j + 1] = this.slotStart[j] + Math.max(0, capacity[j]);
    this.slotMentee = new Int32Array(this.slotStart[m]).fill(-1);
    this.slotOf = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(m + 1);
    this.stamp = new Int32Array(m + 1);
    this.settled = new Int32Array(m + 1);
    this.predMentee = new Int32Array(m + 1);
    this.predEdge = new Int32Array(m + 1);
    this.heap = new IndexedMinHeap(m + 1, this.dist);
    this.settledList = new Int32Array(m + 1);
    this.menteeList = new Int32Array(n);
    this.menteeDist = new Float64Array(n);
  }
  n;
  m;
  capacity;
  /** Mentor of each mentee, FREE or UNMATCHED. */
  mentorOf;
  /** Weight of each mentee's current edge (0 when unmatched). */
  matchW;
  /** Potentials: mentees 0..n-1, mentors n..n+m-1, sink n+m. */
  pi;
  /** Real mentees per mentor. */
  load;
  /** Phantom-filled slots per mentor (see header). */
  deficit;
  slotStart;
  slotMentee;
  slotOf;
  // Dijkstra scratch, reused across augmentations (stamps avoid O(m) resets).
  dist;
  stamp;
  settled;
  predMentee;
  predEdge;
  heap;
  settledList;
  menteeList;
  menteeDist;
  round = 0;
  menteeCount = 0;
  T;
  /** Routes free mentee i0 along a shortest augmenting path; keeps potentials feasible. */
  augment(i0, g) {
    const { pi, n, T, dist, stamp, settled, heap, matchW, load: load2, capacity } = this;
    const { start: start2, col, w } = g;
    const piT = pi[n + T];
    let p0 = piT;
    for (let k = start2[i0]; k < start2[i0 + 1]; k++) {
      const v = w[k] + pi[n + col[k]];
      if (v > p0) p0 = v;
    }
    pi[i0] = p0;
    const r = ++this.round;
    heap.clear();
    let nSettled = 0;
    this.menteeCount = 0;
    this.relaxMentee(i0, 0, r, g);
    let D = 0;
    let target = T;
    for (; ; ) {
      const x = heap.pop();
      if (x === T) {
        D = dist[T];
        break;
      }
      if (this.deficit[x] > 0) {
        D = dist[x];
        target = x;
        break;
      }
      settled[x] = r;
      this.settledList[nSettled++] = x;
      const dj = dist[x];
      const pj = pi[n + x];
      if (load2[x] + this.deficit[x] < capacity[x]) {
        const nd = dj + pj - piT;
        if (stamp[T] !== r || nd < dist[T]) {
          stamp[T] = r;
          dist[T] = nd;
          this.predMentee[T] = -1;
          this.predEdge[T] = x;
          heap.pushOrDecrease(T);
        }
      }
      for (let s = this.slotStart[x]; s < this.slotStart[x] + load2[x]; s++) {
        const i = this.slotMentee[s];
        this.relaxMentee(i, dj + matchW[i] + pj - pi[i], r, g);
      }
    }
    for (let k = 0; k < nSettled; k++) {
      const j = this.settledList[k];
      pi[n + j] += dist[j] - D;
    }
    for (let k = 0; k < this.menteeCount; k++) {
      const d = this.menteeDist[k];
      if (d < D) pi[this.menteeList[k]] += d - D;
    }
    this.applyPath(target, i0, g);
  }
  /** Records mentee i at its final distance di and relaxes its forward arcs and its bypass to T. */
  relaxMentee(i, di, r, g) {
    const { pi, n, T, dist, stamp, settled, heap } = this;
    const { start: start2, col, w } = g;
    this.menteeList[this.menteeCount] = i;
    this.menteeDist[this.menteeCount++] = di;
    const pii = pi[i];
    const own = this.mentorOf[i];
    for (let k = start2[i]; k < start2[i + 1]; k++) {
      const j = col[k];
      if (j === own || stamp[j] === r && settled[j] === r) continue;
      const nd = di - w[k] + pii - pi[n + j];
      if (stamp[j] !== r || nd < dist[j]) {
        stamp[j] = r;
        dist[j] = nd;
        this.predMentee[j] = i;
        this.predEdge[j] = k;
        heap.pushOrDecrease(j);
      }
    }
    if (own !== UNMATCHED) {
      const nd = di + pii - pi[n + T];
      if (stamp[T] !== r || nd < dist[T]) {
        stamp[T] = r;
        dist[T] = nd;
        this.predMentee[T] = i;
        this.predEdge[T] = -1;
        heap.pushOrDecrease(T);
      }
    }
  }
  /** Moves mentees along the shortest path just found, from its end back to the mentee it started from. */
  applyPath(target, i0, g) {
    let i;
    let j;
    let weight;
    if (target === this.T) {
      if (this.predMentee[this.T] >= 0) {
        i = this.predMentee[this.T];
        j = UNMATCHED;
        weight = 0;
      } else {
        j = this.predEdge[this.T];
        i = this.predMentee[j];
        weight = g.w[this.predEdge[j]];
      }
    } else {
      j = target;
      this.deficit[j]--;
      i = this.predMentee[j];
      weight = g.w[this.predEdge[j]];
    }
    for (; ; ) {
      const oldJ = this.mentorOf[i];
      this.moveTo(i, j, weight);
      if (i === i0 || oldJ === UNMATCHED) return;
      j = oldJ;
      i = this.predMentee[oldJ];
      if (i === FROM_T) return;
      weight = g.w[this.predEdge[oldJ]];
    }
  }
  /** Reassigns mentee i to mentor j (or UNMATCHED/FREE), maintaining slots and loads. */
  moveTo(i, j, weight) {
    const old = this.mentorOf[i];
    if (old >= 0) this.removeFromSlot(i, old);
    this.mentorOf[i] = j;
    this.matchW[i] = weight;
    if (j >= 0) {
      const s = this.slotStart[j] + this.load[j]++;
      this.slotMentee[s] = i;
      this.slotOf[i] = s;
    }
  }
  /** Frees mentee i for re-routing (new arcs, leaves); its slot becomes a deficit when the mentor had a price. */
  release(i) {
    const j = this.mentorOf[i];
    if (j === FREE) return;
    this.moveTo(i, FREE, 0);
    if (j >= 0 && this.pi[this.n + j] < this.pi[this.n + this.T]) this.deficit[j]++;
  }
  /** Routes every free mentee (in `order` if given), then fills any phantom slot left over by a shortest path from T. */
  solve(g, order) {
    for (let k = 0; k < this.n; k++) {
      const i = order ? order[k] : k;
      if (this.mentorOf[i] === FREE) this.augment(i, g);
    }
    for (let j = 0; j < this.m; j++) while (this.deficit[j] > 0) this.fillDeficit(g);
  }
  /**
   * Shortest path from T to a phantom slot: T -> mentor with load (it gives up a mentee) or T -> unmatched
   * mentee, then alternating arcs. With no path at all no mentee has an arc into the mentor, so its price
   * can drop to zero without breaking any reduced cost.
   */
  fillDeficit(g) {
    const { pi, n, T, dist, stamp, settled, heap, mentorOf, matchW, load: load2 } = this;
    const r = ++this.round;
    heap.clear();
    const piT = pi[n + T];
    let nSettled = 0;
    this.menteeCount = 0;
    for (let j = 0; j < this.m; j++) {
      if (load2[j] > 0) {
        stamp[j] = r;
        dist[j] = piT - pi[n + j];
        this.predMentee[j] = FROM_T;
        heap.pushOrDecrease(j);
      }
    }
    for (let i = 0; i < n; i++) if (mentorOf[i] === UNMATCHED) this.relaxMentee(i, piT - pi[i], r, g);
    let target = -1;
    while (heap.size > 0) {
      const x = heap.pop();
      if (x === T) continue;
      if (this.deficit[x] > 0) {
        target = x;
        break;
      }
      settled[x] = r;
      this.settledList[nSettled++] = x;
      const dj = dist[x];
      const pj = pi[n + x];
      for (let s = this.slotStart[x]; s < this.slotStart[x] + load2[x]; s++) {
        const i = this.slotMentee[s];
        this.relaxMentee(i, dj + matchW[i] + pj - pi[i], r, g);
      }
    }
    if (target < 0) {
      for (let j = 0; j < this.m; j++) {
        if (this.deficit[j] > 0) {
          this.deficit[j] = 0;
          pi[n + j] = piT;
        }
      }
      return;
    }
    const D = dist[target];
    for (let k = 0; k < nSettled; k++) {
      const j = this.settledList[k];
      pi[n + j] += dist[j] - D;
    }
    for (let k = 0; k < this.menteeCount; k++) {
      const d = this.menteeDist[k];
      if (d < D) pi[this.menteeList[k]] += d - D;
    }
    pi[n + T] -= D;
    this.applyPath(target, -1, g);
  }
  /** Removes mentee i from mentor j's slots, keeping the occupied slots contiguous. */
  removeFromSlot(i, j) {
    const s = this.slotOf[i];
    const last = this.slotStart[j] + --this.load[j];
    const moved = this.slotMentee[last];
    this.slotMentee[s] = moved;
    this.slotOf[moved] = s;
    this.slotMentee[last] = -1;
    this.slotOf[i] = -1;
  }
};

// engine/matching/assignment.ts
var SAFE2 = 2 ** 52;
function solveAssignment(g, wt, tuning = {}) {
  const { n, m, capacity } = g;
  const topK = tuning.topK ?? 8;
  const perSlot = tuning.topLPerSlot ?? 2;
  const addPerRound = tuning.addPerRound ?? 6;
  const rows = initialCandidates(g, wt.floor, topK, perSlot);
  if (tuning.seed) {
    for (let i = 0; i < n; i++) {
      const j = tuning.seed[i];
      if (j >= 0 && !rows[i].includes(j)) rows[i].push(j);
    }
  }
  const state = new FlowState(n, m, capacity);
  const order = tuning.constrainedFirst ? byDegree(g, wt.floor) : void 0;
  let rounds = 0;
  let cg = toCsr(rows, g, wt);
  for (; ; ) {
    rounds++;
    checkRange(cg, n);
    state.solve(cg, order);
    const { violators, best } = price(g, wt, state, addPerRound);
    if (violators.length === 0) break;
    for (const i of violators) addAll(rows[i], best[i]);
    cg = toCsr(rows, g, wt);
    for (const i of violators) state.release(i);
  }
  const mentorOf = new Int32Array(n);
  for (let i = 0; i < n; i++) mentorOf[i] = state.mentorOf[i] === UNMATCHED ? -1 : state.mentorOf[i];
  return { mentorOf, rounds, candidateEdges: cg.col.length };
}
function checkRange(cg, n) {
  let max = 0;
  for (let k = 0; k < cg.w.length; k++) max = Math.max(max, Math.abs(cg.w[k]));
  if (max * (2 * n + 2) > SAFE2) {
    throw new MatchingError("SCORE_RANGE", "scores too large to optimise exactly; rescale them", { maxWeight: max });
  }
}
function initialCandidates(g, floor, topK, perSlot) {
  const { n, m, capacity, rowStart, cols, scores } = g;
  const rows = new Array(n);
  const L = new Int32Array(m);
  let maxL = 0;
  for (let j = 0; j < m; j++) {
    L[j] = capacity[j] > 0 ? perSlot * capacity[j] + 1 : 0;
    maxL = Math.max(maxL, L[j]);
  }
  const colScore = new Float64Array(m * maxL).fill(-Infinity);
  const colMentee = new Int32Array(m * maxL).fill(-1);
  const bestJ = new Int32Array(topK);
  const bestS = new Float64Array(topK);
  for (let i = 0; i < n; i++) {
    let cnt = 0;
    const start2 = rowStart[i];
    const end2 = rowStart[i + 1];
    for (let p = start2; p < end2; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s < floor) continue;
      const j = cols === null ? p - start2 : cols[p];
      if (capacity[j] <= 0) continue;
      if (cnt < topK || s > bestS[cnt - 1]) {
        let q2 = cnt < topK ? cnt++ : cnt - 1;
        while (q2 > 0 && bestS[q2 - 1] < s) {
          bestS[q2] = bestS[q2 - 1];
          bestJ[q2] = bestJ[q2 - 1];
          q2--;
        }
        bestS[q2] = s;
        bestJ[q2] = j;
      }
      const Lj = L[j];
      const base = j * maxL;
      if (s > colScore[base + Lj - 1]) {
        let q2 = Lj - 1;
        while (q2 > 0 && colScore[base + q2 - 1] < s) {
          colScore[base + q2] = colScore[base + q2 - 1];
          colMentee[base + q2] = colMentee[base + q2 - 1];
          q2--;
        }
        colScore[base + q2] = s;
        colMentee[base + q2] = i;
      }
    }
    rows[i] = Array.from(bestJ.subarray(0, cnt));
  }
  for (let j = 0; j < m; j++) {
    for (let q2 = 0; q2 < L[j]; q2++) {
      const i = colMentee[j * maxL + q2];
      if (i < 0) break;
      if (!rows[i].includes(j)) rows[i].push(j);
    }
  }
  return rows;
}
function scoreOf(g, i, j) {
  const start2 = g.rowStart[i];
  if (g.cols === null) return g.scores[start2 + j];
  for (let p = start2; p < g.rowStart[i + 1]; p++) if (g.cols[p] === j) return g.scores[p];
  return FORBIDDEN;
}
function toCsr(rows, g, wt) {
  const n = rows.length;
  const start2 = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start2[i + 1] = start2[i] + rows[i].length;
  const col = new Int32Array(start2[n]);
  const w = new Float64Array(start2[n]);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    let k = start2[i];
    if (g.cols !== null && r.length > 0) {
      const rowCols = g.cols;
      const want = /* @__PURE__ */ new Map();
      for (const j of r) want.set(j, 0);
      for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) if (want.has(rowCols[p])) want.set(rowCols[p], g.scores[p]);
      for (const j of r) {
        col[k] = j;
        w[k++] = wt.a * want.get(j) + wt.b;
      }
    } else {
      for (const j of r) {
        col[k] = j;
        w[k++] = wt.a * scoreOf(g, i, j) + wt.b;
      }
    }
  }
  return { start: start2, col, w };
}
function addAll(row, extra) {
  for (const j of extra) if (!row.includes(j)) row.push(j);
}
function price(g, wt, state, limit) {
  const { n, capacity, rowStart, cols, scores } = g;
  const { pi, mentorOf } = state;
  const { a, b, floor } = wt;
  const violators = [];
  const best = new Array(n);
  const topJ = new Int32Array(limit);
  const topR = new Float64Array(limit);
  for (let i = 0; i < n; i++) {
    const pii = pi[i];
    const own = mentorOf[i];
    const start2 = rowStart[i];
    const end2 = rowStart[i + 1];
    let cnt = 0;
    for (let p = start2; p < end2; p++) {
      const s = scores[p];
      if (s === FORBIDDEN || s < floor) continue;
      const j = cols === null ? p - start2 : cols[p];
      if (j === own || capacity[j] <= 0) continue;
      const rc = -(a * s + b) + pii - pi[n + j];
      if (cnt < limit || rc < topR[cnt - 1]) {
        let q2 = cnt < limit ? cnt++ : cnt - 1;
        while (q2 > 0 && topR[q2 - 1] > rc) {
          topR[q2] = topR[q2 - 1];
          topJ[q2] = topJ[q2 - 1];
          q2--;
        }
        topR[q2] = rc;
        topJ[q2] = j;
      }
    }
    best[i] = Array.from(topJ.subarray(0, cnt));
    if (cnt > 0 && topR[0] < 0) violators.push(i);
  }
  return { violators, best };
}
function byDegree(g, floor) {
  const { n, m, rowStart, cols, scores, capacity } = g;
  const deg = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let d = 0;
    const start2 = rowStart[i];
    for (let p = start2; p < rowStart[i + 1]; p++) {
      const s = scores[p];
      if (s !== FORBIDDEN && s >= floor && capacity[cols === null ? p - start2 : cols[p]] > 0) d++;
    }
    deg[i] = d;
  }
  const count = new Int32Array(m + 2);
  for (let i = 0; i < n; i++) count[Math.min(deg[i], m) + 1]++;
  for (let d = 0; d <= m; d++) count[d + 1] += count[d];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[count[Math.min(deg[i], m)]++] = i;
  return order;
}

// engine/matching/participation.ts
function optimalWeighting(g) {
  return { a: g.n + 1, b: 1, floor: -Infinity };
}
function participationWeighting(g, floor = -Infinity) {
  let sum2 = 0;
  for (let i = 0; i < g.n; i++) {
    let best = 0;
    for (let p = g.rowStart[i]; p < g.rowStart[i + 1]; p++) {
      const s = g.scores[p];
      if (s !== FORBIDDEN && s >= floor) best = Math.max(best, Math.abs(s));
    }
    sum2 += best;
  }
  return { a: 1, b: 2 * sum2 + 1, floor };
}

// engine/matching/fairness.ts
function solveFair(g, tuning) {
  const full = maxCardinality(g, -Infinity);
  const thresholds = distinctScores(g);
  if (full.size === 0 || thresholds.length === 0) {
    return { mentorOf: new Int32Array(g.n).fill(-1), rounds: 0, candidateEdges: 0, floor: null };
  }
  let worst = Infinity;
  for (let i = 0; i < g.n; i++) if (full.mentorOf[i] >= 0) worst = Math.min(worst, pairScore(g, i, full.mentorOf[i]));
  let cap = Infinity;
  if (full.size === g.n) {
    for (let i = 0; i < g.n; i++) {
      let best2 = -Infinity;
      forEachPair(g, i, -Infinity, (_j, s) => {
        if (s > best2) best2 = s;
      });
      cap = Math.min(cap, best2);
    }
  }
  let lo = lowerBound(thresholds, worst);
  let hi = Number.isFinite(cap) ? lowerBound(thresholds, cap) + 1 : thresholds.length;
  let best = full.mentorOf;
  while (hi - lo > 1) {
    const mid = lo + hi >> 1;
    const trial = maxCardinality(g, thresholds[mid], best);
    if (trial.size === full.size) {
      lo = mid;
      best = trial.mentorOf;
    } else {
      hi = mid;
    }
  }
  const floor = thresholds[lo];
  const solved = solveAssignment(g, participationWeighting(g, floor), { ...tuning, seed: best });
  return { ...solved, floor };
}
function lowerBound(xs, x) {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, xs.length - 1);
}

// engine/matching/solve.ts
function solveGraph(g, mode, tuning) {
  if (mode === "fair") return solveFair(g, tuning);
  const wt = mode === "participation" ? participationWeighting(g) : optimalWeighting(g);
  return solveAssignment(g, wt, tuning);
}

// engine/matching/stability.ts
function blockingPairs(g, mentorOf, limit = 10) {
  const { n, m, capacity, rowStart, cols, scores } = g;
  const load2 = new Int32Array(m);
  const own = new Float64Array(n).fill(-Infinity);
  const worst = new Float64Array(m).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const j = mentorOf[i];
    if (j < 0) continue;
    load2[j]++;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) {
      if ((cols === null ? p - rowStart[i] : cols[p]) === j) own[i] = scores[p];
    }
    worst[j] = Math.min(worst[j], own[i]);
  }
  let count = 0;
  const examples = [];
  for (let i = 0; i < n; i++) {
    const start2 = rowStart[i];
    for (let p = start2; p < rowStart[i + 1]; p++) {
      const s = scores[p];
      if (s === FORBIDDEN) continue;
      const j = cols === null ? p - start2 : cols[p];
      if (j === mentorOf[i] || capacity[j] <= 0 || s <= own[i]) continue;
      if (load2[j] < capacity[j] || s > worst[j]) {
        count++;
        const gain = Number.isFinite(own[i]) ? s - own[i] : s;
        if (limit > 0 && (examples.length < limit || gain > examples[examples.length - 1].gain)) {
          examples.push({ mentee: i, mentor: j, gain });
          examples.sort((a, b) => b.gain - a.gain);
          if (examples.length > limit) examples.pop();
        }
      }
    }
  }
  return { count, examples };
}

// engine/matching/match.ts
function dedupe(people2, side, issues) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  people2.forEach((p, row) => {
    const id = typeof p?.id === "string" ? p.id.trim() : "";
    if (id === "") {
      issues.push({ side, id: `#${row + 1}`, code: "DUPLICATE_ID", message: `row ${row + 1} has no id; left out` });
    } else if (seen.has(id)) {
      issues.push({ side, id, code: "DUPLICATE_ID", message: `id "${id}" appears more than once; only the first is used` });
    } else {
      seen.add(id);
      out.push({ ...p, id });
    }
  });
  return out;
}
function buildProfileProblem(input, options) {
  if (!input || !Array.isArray(input.mentees) || !Array.isArray(input.mentors)) {
    throw new MatchingError("INVALID_INPUT", "input needs mentees[] and mentors[]");
  }
  const issues = [];
  const mentees = dedupe(input.mentees, "mentee", issues);
  const mentors = dedupe(input.mentors, "mentor", issues);
  const capacity = Int32Array.from(mentors.map((p) => capacityOf(p.id, p.capacity, issues)));
  reportSkills(mentees, mentors, options, issues);
  const clean = options.knownSkills ? withKnownSkills(mentees, mentors, options.knownSkills) : { mentees, mentors };
  const ctx = prepareCompatibility(clean.mentees, clean.mentors, options);
  const n = mentees.length;
  const m = mentors.length;
  const scores = new Int32Array(n * m);
  const excluded = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const why = violatedConstraint(ctx, i, j);
      if (why === null) scores[i * m + j] = pairScoreOf(ctx, i, j);
      else {
        scores[i * m + j] = FORBIDDEN;
        const c = excluded.get(i) ?? /* @__PURE__ */ new Map();
        excluded.set(i, c);
        c.set(why, (c.get(why) ?? 0) + 1);
      }
    }
  }
  const menteeIndex = new Map(mentees.map((p, i) => [p.id, i]));
  const mentorIndex = new Map(mentors.map((p, j) => [p.id, j]));
  const pins = applyPins(options, menteeIndex, mentorIndex, scores, capacity, n, m, (i, j) => violatedConstraint(ctx, i, j));
  return { mentees, mentors, ctx, g: denseGraph(n, m, scores, capacity), scores, excluded, pins, issues, input };
}
function present3(pp, mode, sol, options) {
  const { mentees, mentors, ctx, g, scores, excluded, pins, issues } = pp;
  const n = mentees.length;
  const m = mentors.length;
  for (const [i, j] of pins) sol.mentorOf[i] = j;
  const explainTop = options.explainTop ?? 3;
  const assignments = [];
  for (let i = 0; i < n; i++) {
    const j = sol.mentorOf[i];
    if (j < 0) continue;
    assignments.push({
      mentee: mentees[i].id,
      mentor: mentors[j].id,
      score: pairScoreOf(ctx, i, j),
      explanation: explainPair(ctx, i, j, explainTop)
    });
  }
  const unmatched = [];
  for (let i = 0; i < n; i++) {
    if (sol.mentorOf[i] >= 0) continue;
    const u = unmatchedReason(g, i, mode, pins.has(i));
    if (u.reason === "NO_FEASIBLE_MENTOR") {
      const counts = excluded.get(i);
      const zero = mentors.filter((_, j) => g.capacity[j] === 0 && scores[i * m + j] !== FORBIDDEN).length;
      const parts = CONSTRAINTS.filter((c) => counts?.get(c)).map((c) => `${counts?.get(c)} ${c}`);
      if (zero > 0) parts.push(`${zero} ZERO_CAPACITY`);
      u.detail = m === 0 ? "no mentors" : `every mentor is excluded: ${parts.join(", ")}`;
      issues.push({ side: "mentee", id: mentees[i].id, code: "NO_FEASIBLE_MENTOR", message: u.detail });
    }
    unmatched.push({ mentee: mentees[i].id, ...u });
  }
  if (pp.input.mentees.length > mentees.length) {
    for (const p of duplicatesOf(pp.input.mentees, mentees)) {
      unmatched.push({ mentee: p, reason: "INVALID_PROFILE", detail: "duplicate id or missing id" });
    }
  }
  const result = finish(mode, assignments, unmatched, issues, sol);
  const report = blockingPairs(g, sol.mentorOf);
  result.stability = {
    blockingPairs: report.count,
    examples: report.examples.map((e) => ({ mentee: mentees[e.mentee].id, mentor: mentors[e.mentor].id, gain: e.gain }))
  };
  return result;
}
function matchMentors(input, options = {}) {
  const mode = checkMode(options.mode);
  const pp = buildProfileProblem(input, options);
  return present3(pp, mode, solveGraph(pp.g, mode), options);
}
function duplicatesOf(all, kept) {
  const keptCount = /* @__PURE__ */ new Map();
  for (const p of kept) keptCount.set(p.id, 1);
  const out = [];
  all.forEach((p, row) => {
    const id = typeof p?.id === "string" ? p.id.trim() : "";
    if (id === "") out.push(`#${row + 1}`);
    else if (keptCount.get(id) === 1) keptCount.set(id, 0);
    else out.push(id);
  });
  return out;
}
function reportSkills(mentees, mentors, options, issues) {
  const known = options.knownSkills ? new Set(options.knownSkills.map((s) => s.trim().toLowerCase())) : null;
  const offered = /* @__PURE__ */ new Set();
  for (const p of mentors) {
    for (const s of p.skillsHave ?? []) {
      const k = s.skill.trim().toLowerCase();
      if (known && !known.has(k)) issues.push({ side: "mentor", id: p.id, code: "UNKNOWN_SKILL", message: `skill "${s.skill}" is not in the catalogue; ignored` });
      else offered.add(k);
    }
  }
  for (const p of mentees) {
    for (const s of p.skillsWant ?? []) {
      const k = s.skill.trim().toLowerCase();
      if (known && !known.has(k)) issues.push({ side: "mentee", id: p.id, code: "UNKNOWN_SKILL", message: `skill "${s.skill}" is not in the catalogue; ignored` });
      else if (!offered.has(k)) issues.push({ side: "mentee", id: p.id, code: "SKILL_NOT_OFFERED", message: `no mentor offers "${s.skill}"` });
    }
  }
}
function withKnownSkills(mentees, mentors, catalogue) {
  const known = new Set(catalogue.map((s) => s.trim().toLowerCase()));
  const keep = (s) => known.has(s.skill.trim().toLowerCase());
  return {
    mentees: mentees.map((p) => ({ ...p, skillsWant: p.skillsWant?.filter(keep) })),
    mentors: mentors.map((p) => ({ ...p, skillsHave: p.skillsHave?.filter(keep) }))
  };
}
function applyPins(options, menteeIndex, mentorIndex, scores, capacity, n, m, constraintOf) {
  const pins = /* @__PURE__ */ new Map();
  for (const pin of options.pinnedPairs ?? []) {
    const i = menteeIndex.get(pin.mentee);
    const j = mentorIndex.get(pin.mentor);
    const fail2 = (constraint, why) => {
      throw new MatchingError("INFEASIBLE_CONSTRAINT", `pinned pair ${pin.mentee} -> ${pin.mentor}: ${why}`, { constraint, ...pin });
    };
    if (i === void 0 || j === void 0) fail2("UNKNOWN_PERSON", "unknown mentee or mentor id");
    const ii = i;
    const jj = j;
    if (pins.has(ii)) fail2("PINNED_TWICE", "mentee is pinned more than once");
    const c = constraintOf(ii, jj);
    if (c !== null) fail2(c, `violates hard constraint ${c}`);
    if (capacity[jj] <= 0) fail2("CAPACITY", "mentor has no capacity left for this pin");
    pins.set(ii, jj);
    capacity[jj]--;
    for (let q2 = 0; q2 < m; q2++) scores[ii * m + q2] = FORBIDDEN;
  }
  void n;
  return pins;
}
function scoreMatrixFromProfiles(input, options = {}) {
  const pp = buildProfileProblem(input, { ...options, pinnedPairs: [] });
  return {
    n: pp.mentees.length,
    m: pp.mentors.length,
    scores: pp.scores,
    capacities: pp.g.capacity,
    menteeIds: pp.mentees.map((p) => p.id),
    mentorIds: pp.mentors.map((p) => p.id)
  };
}

// server/src/modules/mentoring/mentoring.scoring.ts
function offsetHours(timeZone, at = /* @__PURE__ */ new Date()) {
  if (!timeZone) return void 0;
  try {
    const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) + Number(m[3]) / 60) : 0;
  } catch {
    return void 0;
  }
}
function engineMentor(m) {
  return {
    id: m.id,
    department: m.department ?? void 0,
    team: m.team ?? void 0,
    managerId: m.managerId ?? void 0,
    seniority: m.seniority ?? void 0,
    timezone: offsetHours(m.timeZone),
    skillsHave: m.skills,
    topics: m.topics,
    capacity: Math.max(0, m.capacity - m.taken)
  };
}
function engineMentee(m) {
  const prefs = m.preferences;
  return {
    id: m.id,
    department: m.department ?? void 0,
    team: m.team ?? void 0,
    managerId: m.managerId ?? void 0,
    seniority: m.seniority ?? void 0,
    timezone: offsetHours(m.timeZone),
    skillsWant: m.skills,
    goals: m.goals,
    ...prefs.otherDepartment !== void 0 ? { preferOtherDepartment: prefs.otherDepartment } : {},
    ...prefs.seniorityGap ? { seniorityGap: prefs.seniorityGap } : {}
  };
}
function isForbiddenPair(e, r) {
  const ePrefs = e.preferences;
  const directReport = r.managerId === e.id;
  const ruledOut = mentorRulesOut(
    { department: r.department, location: r.location, seniority: r.seniority, prefs: r.preferences },
    { department: e.department, location: e.location, seniority: e.seniority, sameLocation: ePrefs.sameLocation }
  );
  return directReport || ruledOut;
}
function forbiddenPairsOf(mentees, mentors) {
  const out = [];
  for (const e of mentees) for (const r of mentors) if (isForbiddenPair(e, r)) out.push({ mentee: e.id, mentor: r.id });
  return out;
}
var CONSTRAINT_TEXT = {
  SELF: "a person cannot mentor themselves",
  OWN_MANAGER: "the mentor is the mentee's own manager",
  SAME_TEAM: "mentor and mentee are in the same team",
  FORBIDDEN_PAIR: "the pair is forbidden (the mentor reports to the mentee, or a side's preferences rule it out)",
  TIMEZONE: "their working hours overlap less than the minimum of 2 hours"
};
function scorePair(e, r) {
  if (isForbiddenPair(e, r)) return { ok: false, rule: "FORBIDDEN_PAIR", message: CONSTRAINT_TEXT.FORBIDDEN_PAIR };
  try {
    const result = matchMentors(
      { mentees: [engineMentee(e)], mentors: [{ ...engineMentor(r), capacity: 1 }] },
      { mode: "participation", pinnedPairs: [{ mentee: e.id, mentor: r.id }], explainTop: 3 }
    );
    const a = result.assignments[0];
    return { ok: true, score: a.score, explanation: a.explanation ?? [] };
  } catch (err) {
    if (err instanceof MatchingError && err.code === "INFEASIBLE_CONSTRAINT") {
      const rule = String(err.detail.constraint ?? "CONSTRAINT");
      return { ok: false, rule, message: CONSTRAINT_TEXT[rule] ?? `breaks the rule ${rule}` };
    }
    throw err;
  }
}
function allocateSuggestions(scores, n, m, freeSeats, perMentee, perSeat, menteeIds, mentorIds) {
  const pairs = [];
  for (let j = 0; j < m; j++) {
    if (freeSeats[j] <= 0) continue;
    for (let i = 0; i < n; i++) if (scores[i * m + j] >= 0) pairs.push(i * m + j);
  }
  pairs.sort((a, b) => scores[b] - scores[a] || (menteeIds[Math.floor(a / m)] < menteeIds[Math.floor(b / m)] ? -1 : menteeIds[Math.floor(a / m)] > menteeIds[Math.floor(b / m)] ? 1 : mentorIds[a % m] < mentorIds[b % m] ? -1 : 1));
  const shown = Array.from({ length: n }, () => []);
  const exposure = new Int32Array(m);
  for (const p of pairs) {
    const i = Math.floor(p / m);
    const j = p % m;
    if (shown[i].length >= perMentee || exposure[j] >= perSeat * freeSeats[j]) continue;
    shown[i].push(j);
    exposure[j]++;
  }
  return shown;
}

// server/src/modules/mentoring/mentoring.selfserve.ts
async function getSuggestions(db, actor) {
  const [me, open] = await Promise.all([selectMenteeProfile(db, actor.orgId, actor.personId), selectOpenRequestsOf(db, actor.orgId, actor.personId)]);
  const base = { openRequests: open.length, maxOpenRequests: MENTORING_LIMITS.openRequestsPerMentee };
  if (!me?.active) return { items: [], hasMenteeProfile: false, ...base };
  const [mentorRows, pool, mine, active] = await Promise.all([
    selectMentorPool(db, actor.orgId),
    selectMenteePool(db, actor.orgId),
    selectMenteesByIds(db, actor.orgId, [actor.personId]),
    selectActiveRelationshipsOf(db, actor.personId)
  ]);
  const mentees = pool.some((p) => p.id === actor.personId) ? pool : [...pool, ...mine];
  const mentors = mentorRows.filter((m) => m.capacity - m.taken > 0);
  if (mentors.length === 0 || mentees.length === 0) return { items: [], hasMenteeProfile: true, ...base };
  const matrix = scoreMatrixFromProfiles({ mentees: mentees.map(engineMentee), mentors: mentors.map(engineMentor) }, { forbiddenPairs: forbiddenPairsOf(mentees, mentors) });
  const scores = Float64Array.from(matrix.scores, (s) => s === FORBIDDEN ? -1 : s);
  const meIndex = matrix.menteeIds.indexOf(actor.personId);
  const partners = new Set(active.map((a) => a.mentorId));
  matrix.mentorIds.forEach((id, j) => {
    if (partners.has(id)) scores[meIndex * matrix.m + j] = -1;
  });
  const shown = allocateSuggestions(scores, matrix.n, matrix.m, matrix.capacities, MENTORING_LIMITS.suggestionsPerMentee, MENTORING_LIMITS.exposurePerSeat, matrix.menteeIds, matrix.mentorIds);
  const byId = new Map(mentors.map((m) => [m.id, m]));
  const requested = new Set(open.map((o) => o.mentorId));
  const items = shown[meIndex].flatMap((j) => {
    const mentor = byId.get(matrix.mentorIds[j]);
    const s = scorePair(mine[0], mentor);
    if (!s.ok) return [];
    return [{ mentor: { id: mentor.id, name: mentor.name, title: mentor.title }, score: s.score, explanation: s.explanation, freeSeats: matrix.capacities[j], requested: requested.has(mentor.id) }];
  });
  return { items, hasMenteeProfile: true, ...base };
}
function presentRequest(actor, r) {
  const open = r.status === "open";
  const asMentor = r.mentorId === actor.personId;
  return {
    id: r.id,
    role: asMentor ? "mentor" : "mentee",
    mentor: { id: r.mentorId, name: r.mentorName, title: r.mentorTitle },
    mentee: { id: r.menteeId, name: r.menteeName, title: r.menteeTitle },
    kind: r.kind,
    message: r.message,
    status: r.status,
    responseMessage: r.responseMessage,
    relationshipId: r.matchId,
    createdAt: toIso(r.createdAt),
    respondedAt: r.respondedAt ? toIso(r.respondedAt) : null,
    abilities: { canAccept: open && asMentor, canDecline: open && asMentor, canWithdraw: open && !asMentor }
  };
}
async function loadRequest(db, actor, id) {
  const r = await selectRequest(db, actor.orgId, id);
  if (!r || r.mentorId !== actor.personId && r.menteeId !== actor.personId) throw notFound("That mentoring request");
  return presentRequest(actor, r);
}
async function listRequests(db, actor) {
  const rows = await selectMyRequests(db, actor.orgId, actor.personId);
  return {
    sent: rows.filter((r) => r.menteeId === actor.personId).map((r) => presentRequest(actor, r)),
    received: rows.filter((r) => r.mentorId === actor.personId).map((r) => presentRequest(actor, r))
  };
}
var getRequest = (db, actor, id) => loadRequest(db, actor, id);
var mentorField = (message) => new AppError("VALIDATION_FAILED", message, { errors: [{ field: "mentorId", message }] });
async function createRequest(deps, actor, body) {
  if (body.mentorId === actor.personId) throw mentorField("You cannot ask yourself.");
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    const seats = await lockMentorSeats(tx, actor.orgId, [body.mentorId]);
    const mentor = seats.get(body.mentorId);
    const [mentorPerson] = await selectEmails(tx, actor.orgId, [body.mentorId]);
    if (!mentor || !mentor.active || !mentorPerson) throw mentorField("Not an active mentor of this organization.");
    await lockPeople(tx, actor.orgId, [actor.personId]);
    const open = await selectOpenRequestsOf(tx, actor.orgId, actor.personId);
    if (open.some((o) => o.mentorId === body.mentorId)) throw new AppError("CONFLICT", `You already have an open request to ${mentorPerson.name}.`);
    if (open.length >= MENTORING_LIMITS.openRequestsPerMentee) {
      throw new AppError("CONFLICT", `You have ${open.length} open requests, the most at once. Withdraw one or wait for an answer.`);
    }
    const active = await selectActiveRelationshipsOf(tx, actor.personId);
    if (active.some((a) => a.mentorId === body.mentorId)) throw new AppError("CONFLICT", `${mentorPerson.name} already works with you.`);
    if (active.some((a) => a.kind === body.kind)) throw new AppError("CONFLICT", `You already have an active ${body.kind} relationship. Close it before asking someone else.`);
    if (mentor.taken >= mentor.capacity) throw new AppError("MENTOR_FULL", `${mentorPerson.name} has no free seat right now.`);
    const row = await insertRequest(tx, { orgId: actor.orgId, menteeId: actor.personId, mentorId: body.mentorId, kind: body.kind, message: body.message }).catch((err) => {
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", `You already have an open request to ${mentorPerson.name}.`);
      throw err;
    });
    const [me] = await selectEmails(tx, actor.orgId, [actor.personId]);
    emit({
      type: "mentoring.requested",
      orgId: actor.orgId,
      payload: {
        requestId: row.id,
        recipientIds: [body.mentorId],
        actorId: actor.personId,
        title: `${me?.name ?? "Someone"} asked you to be their ${body.kind === "coaching" ? "coach" : "mentor"}`,
        url: "/mentoring/requests",
        subject: { requestId: row.id }
      }
    });
    return row.id;
  });
  return loadRequest(deps.db, actor, id);
}
async function lockOpen(tx, actor, id, side) {
  const r = await lockRequest(tx, actor.orgId, id);
  if (!r || r.mentorId !== actor.personId && r.menteeId !== actor.personId) throw notFound("That mentoring request");
  if ((side === "mentor" ? r.mentorId : r.menteeId) !== actor.personId) {
    throw new AppError("FORBIDDEN", side === "mentor" ? "Only the mentor asked can answer this request." : "Only the mentee can withdraw this request.");
  }
  if (r.status !== "open") throw new AppError("CONFLICT", `This request is already ${r.status}.`);
  return r;
}
async function acceptRequest(deps, actor, id, body) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const seats = await lockMentorSeats(tx, actor.orgId, [actor.personId]);
    const peek = await selectRequest(tx, actor.orgId, id);
    if (peek) await lockPeople(tx, actor.orgId, [peek.menteeId]);
    const r = await lockOpen(tx, actor, id, "mentor");
    const seat = seats.get(actor.personId);
    if (!seat || !seat.active || seat.taken >= seat.capacity) throw new AppError("MENTOR_FULL", "You have no free seat. Raise your capacity or close a relationship first.");
    const active = await selectActiveRelationshipsOf(tx, r.menteeId);
    if (active.some((a) => a.kind === r.kind || a.mentorId === r.mentorId)) throw new AppError("CONFLICT", `This person already has an active ${r.kind} relationship.`);
    const [mentee] = await selectMenteesByIds(tx, actor.orgId, [r.menteeId]);
    const mentor = (await selectMentorPool(tx, actor.orgId)).find((m) => m.id === actor.personId);
    const s = mentee && mentor ? scorePair(mentee, mentor) : void 0;
    const [matchId] = await insertMatches(tx, [
      { orgId: actor.orgId, mentorId: r.mentorId, menteeId: r.menteeId, score: s?.ok ? s.score : 0, explanation: s?.ok ? s.explanation : [], status: "active", source: "request", kind: r.kind }
    ]).catch((err) => {
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", "You already work with this person.");
      throw err;
    });
    const now = /* @__PURE__ */ new Date();
    await updateRequest(tx, r.id, { status: "accepted", matchId, respondedAt: now, responseMessage: body.message || null });
    for (const o of await selectOpenRequestsOf(tx, actor.orgId, r.menteeId)) {
      if (o.kind === r.kind) await updateRequest(tx, o.id, { status: "withdrawn", respondedAt: now, responseMessage: "The mentee found a partner." });
    }
    const [me] = await selectEmails(tx, actor.orgId, [actor.personId]);
    emit({
      type: "mentoring.matched",
      orgId: actor.orgId,
      payload: {
        mentorId: r.mentorId,
        menteeId: r.menteeId,
        matchId,
        recipientIds: [r.menteeId, r.mentorId],
        actorId: actor.personId,
        title: `${me?.name ?? "Your mentor"} accepted your ${r.kind} request`,
        url: `/mentoring/relationships/${matchId}`,
        subject: { matchId }
      }
    });
  });
  return loadRequest(deps.db, actor, id);
}
async function declineRequest(deps, actor, id, body) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const r = await lockOpen(tx, actor, id, "mentor");
    await updateRequest(tx, r.id, { status: "declined", respondedAt: /* @__PURE__ */ new Date(), responseMessage: body.message || null });
    const [me] = await selectEmails(tx, actor.orgId, [actor.personId]);
    emit({
      type: "mentoring.request_declined",
      orgId: actor.orgId,
      payload: { requestId: r.id, recipientIds: [r.menteeId], actorId: actor.personId, title: `${me?.name ?? "The mentor"} declined your ${r.kind} request`, url: "/mentoring/requests", subject: { requestId: r.id } }
    });
  });
  return loadRequest(deps.db, actor, id);
}
async function withdrawRequest(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx) => {
    const r = await lockOpen(tx, actor, id, "mentee");
    await updateRequest(tx, r.id, { status: "withdrawn", respondedAt: /* @__PURE__ */ new Date() });
  });
  return loadRequest(deps.db, actor, id);
}

// server/src/modules/mentoring/mentoring.service.ts
var forbidden = () => new AppError("FORBIDDEN", "Only organization admins and facilitators run mentoring matching.");
function presentMentor(r) {
  return {
    skills: r.skills,
    topics: r.topics,
    capacity: r.capacity,
    availabilityHours: r.availabilityHours,
    seniority: r.seniority,
    preferences: r.preferences,
    active: r.active
  };
}
function presentMentee(r) {
  return { goals: r.goals, skills: r.skills, seniority: r.seniority, preferences: r.preferences, active: r.active };
}
async function getMyProfile(db, actor) {
  const [mentor, mentee, expertAvailable] = await Promise.all([
    selectMentorProfile(db, actor.orgId, actor.personId),
    selectMenteeProfile(db, actor.orgId, actor.personId),
    selectExpertAvailable(db, actor.personId)
  ]);
  return { mentor: mentor ? presentMentor(mentor) : null, mentee: mentee ? presentMentee(mentee) : null, expertAvailable };
}
async function updateMyProfile(deps, actor, body) {
  await deps.events.transaction(deps.db, async (tx) => {
    const who = { personId: actor.personId, orgId: actor.orgId };
    if (body.mentor === null) await deleteMentorProfile(tx, actor.orgId, actor.personId);
    else if (body.mentor) await upsertMentorProfile(tx, { ...who, ...body.mentor });
    if (body.mentee === null) await deleteMenteeProfile(tx, actor.orgId, actor.personId);
    else if (body.mentee) await upsertMenteeProfile(tx, { ...who, ...body.mentee });
    if (body.expertAvailable !== void 0) await setExpertAvailable(tx, actor.orgId, actor.personId, body.expertAvailable);
  });
  return getMyProfile(deps.db, actor);
}
var ref = (p) => ({ id: p.id, name: p.name, title: p.title });
function summarize(assignments) {
  return { total: assignments.reduce((s, a) => s + a.score, 0), worstOffScore: assignments.length ? Math.min(...assignments.map((a) => a.score)) : null };
}
function presentRun(r) {
  const p = r.result;
  return {
    id: r.id,
    mode: r.mode,
    status: r.status,
    assignments: p.assignments.map((a) => ({ ...a, edited: a.edited ?? false })),
    unmatched: p.unmatched,
    total: p.total,
    worstOffScore: p.worstOffScore,
    createdAt: toIso(r.createdAt),
    publishedAt: r.publishedAt ? toIso(r.publishedAt) : null,
    createdBy: r.createdBy && r.creatorName ? { id: r.createdBy, name: r.creatorName, title: r.creatorTitle } : null,
    abilities: { canEdit: r.status === "preview", canPublish: r.status === "preview" }
  };
}
async function loadRun(db, orgId2, id) {
  const r = await selectRun(db, orgId2, id);
  if (!r) throw notFound("That matching run");
  return presentRun(r);
}
async function createRun(deps, actor, body) {
  if (!canRunMatching(actor)) throw forbidden();
  const [mentorRows, menteeRows] = await Promise.all([selectMentorPool(deps.db, actor.orgId), selectMenteePool(deps.db, actor.orgId)]);
  const result = matchMentors(
    { mentees: menteeRows.map(engineMentee), mentors: mentorRows.map(engineMentor) },
    { mode: body.mode, forbiddenPairs: forbiddenPairsOf(menteeRows, mentorRows), explainTop: 3 }
  );
  const byId = new Map([...mentorRows, ...menteeRows].map((p) => [p.id, p]));
  const assignments = result.assignments.map((a) => ({
    mentor: ref(byId.get(a.mentor)),
    mentee: ref(byId.get(a.mentee)),
    score: a.score,
    explanation: a.explanation ?? [],
    edited: false
  }));
  const unmatched = result.unmatched.filter((u) => byId.has(u.mentee)).map((u) => ({ person: ref(byId.get(u.mentee)), reason: u.reason, detail: u.detail ?? null }));
  const preview = { assignments, unmatched, total: result.total, worstOffScore: result.minScore };
  const run2 = await insertRun(deps.db, { orgId: actor.orgId, mode: body.mode, result: preview, createdBy: actor.personId });
  return loadRun(deps.db, actor.orgId, run2.id);
}
async function getRun(db, actor, id) {
  if (!canRunMatching(actor)) throw notFound("That matching run");
  return loadRun(db, actor.orgId, id);
}
async function listRuns(db, actor) {
  if (!canRunMatching(actor)) throw forbidden();
  const rows = await selectRuns(db, actor.orgId);
  return {
    items: rows.map((r) => {
      const run2 = presentRun(r);
      return {
        id: run2.id,
        mode: run2.mode,
        status: run2.status,
        pairs: run2.assignments.length,
        unmatched: run2.unmatched.length,
        total: run2.total,
        worstOffScore: run2.worstOffScore,
        createdBy: run2.createdBy,
        createdAt: run2.createdAt,
        publishedAt: run2.publishedAt
      };
    })
  };
}
async function editRun(deps, actor, id, body) {
  if (!canRunMatching(actor)) throw forbidden();
  await deps.events.transaction(deps.db, async (tx) => {
    const r = await lockRun(tx, actor.orgId, id);
    if (!r) throw notFound("That matching run");
    if (r.status !== "preview") throw new AppError("CONFLICT", "This matching run is already published; it can no longer be edited.");
    const preview = r.result;
    const inRun = /* @__PURE__ */ new Set([...preview.assignments.map((a) => a.mentee.id), ...preview.unmatched.map((u) => u.person.id)]);
    const mentors = new Map((await selectMentorPool(tx, actor.orgId)).map((m) => [m.id, m]));
    const unknown = [];
    body.edits.forEach((e, i) => {
      if (!inRun.has(e.menteeId)) unknown.push({ field: `edits.${i}.menteeId`, message: "Not a mentee of this matching run." });
      if (e.mentorId !== null && !mentors.has(e.mentorId)) unknown.push({ field: `edits.${i}.mentorId`, message: "Not an active mentor of this organization." });
    });
    if (unknown.length) throw new AppError("VALIDATION_FAILED", `Some edits name unknown people: ${unknown.map((e) => e.field).join(", ")}.`, { errors: unknown });
    const mentees = new Map((await selectMenteesByIds(tx, actor.orgId, body.edits.map((e) => e.menteeId))).map((m) => [m.id, m]));
    const byMentee = new Map(preview.assignments.map((a) => [a.mentee.id, { ...a, edited: a.edited ?? false }]));
    const unmatched = new Map(preview.unmatched.map((u) => [u.person.id, u]));
    const load2 = /* @__PURE__ */ new Map();
    for (const a of byMentee.values()) load2.set(a.mentor.id, (load2.get(a.mentor.id) ?? 0) + 1);
    const broken = [];
    body.edits.forEach((e, i) => {
      const current = byMentee.get(e.menteeId);
      const person = current?.mentee ?? unmatched.get(e.menteeId)?.person;
      if (!person) return;
      if (e.mentorId === null) {
        if (!current) return;
        byMentee.delete(e.menteeId);
        load2.set(current.mentor.id, (load2.get(current.mentor.id) ?? 1) - 1);
        unmatched.set(e.menteeId, { person, reason: "UNASSIGNED", detail: "unassigned by an admin" });
        return;
      }
      if (current?.mentor.id === e.mentorId) return;
      const mentor = mentors.get(e.mentorId);
      const mentee = mentees.get(e.menteeId);
      if (!mentee) {
        broken.push({ field: `edits.${i}.menteeId`, message: `${person.name} no longer has a mentee profile.` });
        return;
      }
      const seats = Math.max(0, mentor.capacity - mentor.taken);
      const used = load2.get(mentor.id) ?? 0;
      if (used >= seats) {
        broken.push({ field: `edits.${i}.mentorId`, message: `${mentor.name} has no free seat: capacity ${mentor.capacity}, ${mentor.taken} taken by active relationships, ${used} in this preview.` });
        return;
      }
      const s = scorePair(mentee, mentor);
      if (!s.ok) {
        broken.push({ field: `edits.${i}.mentorId`, message: `${mentor.name} cannot mentor ${person.name}: ${s.message} (${s.rule}).` });
        return;
      }
      if (current) load2.set(current.mentor.id, (load2.get(current.mentor.id) ?? 1) - 1);
      load2.set(mentor.id, used + 1);
      byMentee.set(e.menteeId, { mentor: ref(mentor), mentee: ref(mentee), score: s.score, explanation: s.explanation, edited: true });
      unmatched.delete(e.menteeId);
    });
    if (broken.length) throw new AppError("UNPROCESSABLE", `Some edits break a matching rule: ${broken.map((e) => e.message).join(" ")}`, { errors: broken });
    const assignments = [...byMentee.values()].sort((a, b) => a.mentee.id < b.mentee.id ? -1 : 1);
    await updateRunResult(tx, r.id, { assignments, unmatched: [...unmatched.values()], ...summarize(assignments) });
  });
  return loadRun(deps.db, actor.orgId, id);
}
async function publishRun(deps, actor, id) {
  if (!canRunMatching(actor)) throw forbidden();
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const r = await lockRun(tx, actor.orgId, id);
    if (!r) throw notFound("That matching run");
    if (r.status !== "preview") throw new AppError("CONFLICT", "This matching run is already published.");
    const preview = r.result;
    const seats = await lockMentorSeats(tx, actor.orgId, preview.assignments.map((a) => a.mentor.id));
    await lockPeople(tx, actor.orgId, preview.assignments.map((a) => a.mentee.id));
    const taken = await selectMatchedMentees(tx, preview.assignments.map((a) => a.mentee.id));
    if (taken.length > 0) throw new AppError("CONFLICT", "Some mentees got a mentor since this preview. Run matching again.");
    const wanted = /* @__PURE__ */ new Map();
    for (const a of preview.assignments) wanted.set(a.mentor.id, (wanted.get(a.mentor.id) ?? 0) + 1);
    for (const [mentorId, n] of wanted) {
      const s = seats.get(mentorId);
      if (!s || !s.active || s.taken + n > s.capacity) {
        const name = preview.assignments.find((a) => a.mentor.id === mentorId)?.mentor.name ?? "A mentor";
        throw new AppError("CONFLICT", `${name} no longer has ${n} free seat(s). Edit the preview or run matching again.`);
      }
    }
    const ids = await insertMatches(
      tx,
      preview.assignments.map((a) => ({ orgId: actor.orgId, mentorId: a.mentor.id, menteeId: a.mentee.id, score: a.score, explanation: a.explanation, status: "active", source: "program", runId: r.id }))
    );
    await markRunPublished(tx, r.id, /* @__PURE__ */ new Date());
    preview.assignments.forEach(
      (a, i) => emit({
        type: "mentoring.matched",
        orgId: actor.orgId,
        payload: {
          mentorId: a.mentor.id,
          menteeId: a.mentee.id,
          matchId: ids[i],
          recipientIds: [a.mentor.id, a.mentee.id],
          actorId: actor.personId,
          title: `Mentoring match: ${a.mentor.name} mentors ${a.mentee.name}`,
          url: `/mentoring/relationships/${ids[i]}`,
          subject: { matchId: ids[i] }
        }
      })
    );
  });
  return loadRun(deps.db, actor.orgId, id);
}
async function findMyMatches(db, actor) {
  const rows = await selectMyMatches(db, actor.orgId, actor.personId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      role: r.mentorId === actor.personId ? "mentor" : "mentee",
      mentor: { id: r.mentorId, name: r.mentorName, title: r.mentorTitle },
      mentee: { id: r.menteeId, name: r.menteeName, title: r.menteeTitle },
      score: r.score,
      explanation: r.explanation,
      status: r.status,
      source: r.source,
      kind: r.kind,
      createdAt: toIso(r.createdAt)
    }))
  };
}

// server/src/modules/mentoring/mentoring.routes.ts
var IdParams8 = z24.object({ id: Id });
var writeLimit = { rateLimit: { max: 60, timeWindow: "1 minute" } };
function mentoringRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["mentoring"];
  r.get("/api/mentoring/profile", { schema: { tags, response: { 200: MentoringProfileResponse } } }, (req) => getMyProfile(deps.db, requireActor(req)));
  r.put(
    "/api/mentoring/profile",
    { schema: { tags, body: UpdateMentoringProfileRequest, response: { 200: MentoringProfileResponse } } },
    (req) => updateMyProfile(deps, requireActor(req), req.body)
  );
  r.post(
    "/api/mentoring/match-runs",
    { schema: { tags, body: CreateMatchRunRequest, response: { 201: MatchRun } }, config: { rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (req, reply) => reply.code(201).send(await createRun(deps, requireActor(req), req.body))
  );
  r.get("/api/mentoring/match-runs", { schema: { tags, response: { 200: MatchRunList } } }, (req) => listRuns(deps.db, requireActor(req)));
  r.get("/api/mentoring/match-runs/:id", { schema: { tags, params: IdParams8, response: { 200: MatchRun } } }, (req) => getRun(deps.db, requireActor(req), req.params.id));
  r.patch(
    "/api/mentoring/match-runs/:id",
    { schema: { tags, params: IdParams8, body: EditMatchRunRequest, response: { 200: MatchRun } } },
    (req) => editRun(deps, requireActor(req), req.params.id, req.body)
  );
  r.post(
    "/api/mentoring/match-runs/:id/publish",
    { schema: { tags, params: IdParams8, response: { 200: MatchRun } } },
    (req) => publishRun(deps, requireActor(req), req.params.id)
  );
  r.get("/api/mentoring/matches", { schema: { tags, response: { 200: MentoringMatchList } } }, (req) => findMyMatches(deps.db, requireActor(req)));
  r.get("/api/mentoring/suggestions", { schema: { tags, response: { 200: MentorSuggestionList } } }, (req) => getSuggestions(deps.db, requireActor(req)));
  r.get("/api/mentoring/requests", { schema: { tags, response: { 200: MentorRequestList } } }, (req) => listRequests(deps.db, requireActor(req)));
  r.post(
    "/api/mentoring/requests",
    { schema: { tags, body: CreateMentorRequestRequest, response: { 201: MentorRequest } }, config: writeLimit },
    async (req, reply) => reply.code(201).send(await createRequest(deps, requireActor(req), req.body))
  );
  r.get(
    "/api/mentoring/requests/:id",
    { schema: { tags, params: IdParams8, response: { 200: MentorRequest } } },
    (req) => getRequest(deps.db, requireActor(req), req.params.id)
  );
  const respond = { tags, params: IdParams8, response: { 200: MentorRequest } };
  const note = (body) => {
    const parsed = RespondToMentorRequestRequest.safeParse(body ?? {});
    if (parsed.success) return parsed.data;
    const errors = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
    throw new AppError("VALIDATION_FAILED", `Some body fields are not valid: ${errors.map((e) => e.field).join(", ")}.`, { errors });
  };
  r.post("/api/mentoring/requests/:id/accept", { schema: respond }, (req) => acceptRequest(deps, requireActor(req), req.params.id, note(req.body)));
  r.post("/api/mentoring/requests/:id/decline", { schema: respond }, (req) => declineRequest(deps, requireActor(req), req.params.id, note(req.body)));
  r.post(
    "/api/mentoring/requests/:id/withdraw",
    { schema: { tags, params: IdParams8, response: { 200: MentorRequest } } },
    (req) => withdrawRequest(deps, requireActor(req), req.params.id)
  );
  const RelParams = IdParams8;
  r.get(
    "/api/mentoring/relationships",
    { schema: { tags, querystring: FindRelationshipsQuery, response: { 200: RelationshipList } } },
    (req) => listRelationships(deps.db, requireActor(req), req.query)
  );
  r.get(
    "/api/mentoring/relationships/:id",
    { schema: { tags, params: RelParams, response: { 200: RelationshipDetail } } },
    (req) => getRelationship(deps.db, requireActor(req), req.params.id)
  );
  r.post(
    "/api/mentoring/relationships/:id/goals",
    { schema: { tags, params: RelParams, body: CreateGoalRequest, response: { 201: RelationshipGoal } } },
    async (req, reply) => reply.code(201).send(await addGoal(deps, requireActor(req), req.params.id, req.body))
  );
  r.patch(
    "/api/mentoring/relationships/:id/goals/:goalId",
    { schema: { tags, params: z24.object({ id: Id, goalId: Id }), body: UpdateGoalRequest, response: { 200: RelationshipGoal } } },
    (req) => updateGoal2(deps, requireActor(req), req.params.id, req.params.goalId, req.body)
  );
  r.post(
    "/api/mentoring/relationships/:id/meetings",
    { schema: { tags, params: RelParams, body: CreateMeetingRequest, response: { 201: RelationshipMeeting } }, config: writeLimit },
    async (req, reply) => reply.code(201).send(await addMeeting(deps, requireActor(req), req.params.id, req.body))
  );
  r.get("/api/mentoring/relationships/:id/meetings/:meetingId/invite.ics", { schema: { tags, params: z24.object({ id: Id, meetingId: Id }) } }, async (req, reply) => {
    const ics = await meetingInvite(deps, requireActor(req), req.params.id, req.params.meetingId);
    return reply.type("text/calendar; charset=utf-8").header("content-disposition", 'attachment; filename="meeting.ics"').send(ics);
  });
  r.get(
    "/api/mentoring/relationships/:id/notes",
    { schema: { tags, params: RelParams, response: { 200: RelationshipNoteList } } },
    (req) => listNotes(deps.db, requireActor(req), req.params.id)
  );
  r.post(
    "/api/mentoring/relationships/:id/notes",
    { schema: { tags, params: RelParams, body: CreateNoteRequest, response: { 201: RelationshipNote } }, config: writeLimit },
    async (req, reply) => reply.code(201).send(await addNote(deps, requireActor(req), req.params.id, req.body))
  );
  r.delete("/api/mentoring/relationships/:id/notes/:noteId", { schema: { tags, params: z24.object({ id: Id, noteId: Id }) } }, async (req, reply) => {
    await deleteNote2(deps, requireActor(req), req.params.id, req.params.noteId);
    return reply.code(204).send();
  });
  r.get(
    "/api/mentoring/relationships/:id/check-ins",
    { schema: { tags, params: RelParams, response: { 200: CheckInList } } },
    (req) => listCheckIns(deps.db, requireActor(req), req.params.id)
  );
  r.post(
    "/api/mentoring/relationships/:id/check-ins",
    { schema: { tags, params: RelParams, body: CreateCheckInRequest, response: { 201: CheckIn } } },
    async (req, reply) => reply.code(201).send(await addCheckIn(deps, requireActor(req), req.params.id, req.body))
  );
  r.post(
    "/api/mentoring/relationships/:id/close",
    { schema: { tags, params: RelParams, body: CloseRelationshipRequest, response: { 200: RelationshipDetail } } },
    (req) => closeRelationship(deps, requireActor(req), req.params.id, req.body)
  );
  r.post(
    "/api/mentoring/expert-questions",
    { schema: { tags, body: CreateExpertQuestionRequest, response: { 201: ExpertQuestion } }, config: { rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (req, reply) => reply.code(201).send(await askExpert(deps, requireActor(req), req.body))
  );
  r.get("/api/mentoring/expert-questions", { schema: { tags, response: { 200: ExpertQuestionList } } }, (req) => listQuestions(deps.db, requireActor(req)));
  r.get(
    "/api/mentoring/expert-questions/:id",
    { schema: { tags, params: IdParams8, response: { 200: ExpertQuestion } } },
    (req) => getQuestion(deps, requireActor(req), req.params.id)
  );
  r.post(
    "/api/mentoring/expert-questions/:id/answer",
    { schema: { tags, params: IdParams8, body: AnswerExpertQuestionRequest, response: { 200: ExpertQuestion } } },
    (req) => answerQuestion(deps, requireActor(req), req.params.id, req.body)
  );
  r.post(
    "/api/mentoring/expert-questions/:id/decline",
    { schema: { tags, params: IdParams8, response: { 200: ExpertQuestion } } },
    (req) => declineQuestion(deps, requireActor(req), req.params.id)
  );
}

// server/src/modules/mentoring/index.ts
async function register10(app, deps) {
  mentoringRoutes(app, deps);
  const every = deps.config.EXPERT_FALLBACK_INTERVAL_SECONDS;
  if (!every) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runExpertFallback(deps).catch((err) => app.log.warn({ err }, "expert fallback run failed")).finally(() => running = false);
  }, every * 1e3);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}

// server/src/modules/messages/messages.routes.ts
import { z as z25 } from "zod";

// server/src/modules/presence/presence.repo.ts
import { and as and13, eq as eq15, gt as gt2, lt, sql as sql25 } from "drizzle-orm";
var STALE_MS = 6e4;
var fresh = () => gt2(presence.seenAt, new Date(Date.now() - STALE_MS));
async function addConnection(db, nodeId, personId, orgId2) {
  await db.insert(presence).values({ nodeId, personId, orgId: orgId2, connections: 1 }).onConflictDoUpdate({ target: [presence.nodeId, presence.personId], set: { connections: sql25`${presence.connections} + 1`, seenAt: /* @__PURE__ */ new Date() } });
}
async function removeConnection(db, nodeId, personId) {
  await db.update(presence).set({ connections: sql25`${presence.connections} - 1` }).where(and13(eq15(presence.nodeId, nodeId), eq15(presence.personId, personId)));
  await db.delete(presence).where(and13(eq15(presence.nodeId, nodeId), eq15(presence.personId, personId), sql25`${presence.connections} <= 0`));
}
async function isOnline(db, personId) {
  const r = await db.select({ n: presence.nodeId }).from(presence).where(and13(eq15(presence.personId, personId), fresh())).limit(1);
  return r.length > 0;
}
async function selectOnline(db, orgId2) {
  const r = await db.selectDistinct({ id: presence.personId }).from(presence).where(and13(eq15(presence.orgId, orgId2), fresh()));
  return r.map((x) => x.id);
}
async function heartbeat(db, nodeId) {
  await db.update(presence).set({ seenAt: /* @__PURE__ */ new Date() }).where(eq15(presence.nodeId, nodeId));
  await db.delete(presence).where(lt(presence.seenAt, new Date(Date.now() - 5 * STALE_MS)));
}
async function clearNode(db, nodeId) {
  await db.delete(presence).where(eq15(presence.nodeId, nodeId));
}

// server/src/modules/presence/presence.service.ts
var orgChannel = (orgId2) => `org:${orgId2}`;
var personChannel = (personId) => `person:${personId}`;
var ANNOUNCE_WINDOW_MS = 200;
var PresenceAnnouncer = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  pending = /* @__PURE__ */ new Map();
  timer = null;
  announce(orgId2, personId, online) {
    let changes = this.pending.get(orgId2);
    if (!changes) this.pending.set(orgId2, changes = /* @__PURE__ */ new Map());
    changes.set(personId, online);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), ANNOUNCE_WINDOW_MS);
      this.timer.unref();
    }
  }
  flush() {
    this.timer = null;
    const batches = this.pending;
    this.pending = /* @__PURE__ */ new Map();
    for (const [orgId2, changes] of batches) {
      const online = [];
      const offline = [];
      for (const [personId, isOnline2] of changes) (isOnline2 ? online : offline).push(personId);
      void this.deps.hub.publish(orgChannel(orgId2), { type: "presence", online, offline }).catch(() => {
      });
    }
  }
};
var announcers = /* @__PURE__ */ new WeakMap();
function announcer(deps) {
  let a = announcers.get(deps.hub);
  if (!a) announcers.set(deps.hub, a = new PresenceAnnouncer(deps));
  return a;
}
function flushAnnouncements(deps) {
  announcers.get(deps.hub)?.flush();
}
async function findOnline(deps, actor) {
  return selectOnline(deps.db, actor.orgId);
}
var HelloCache = class {
  constructor(deps) {
    this.deps = deps;
    deps.hub.bus.subscribe(({ channel, message }) => {
      if (message.type !== "presence" || !channel.startsWith("org:")) return;
      const orgId2 = channel.slice(4);
      this.generations.set(orgId2, (this.generations.get(orgId2) ?? 0) + 1);
      this.entries.delete(orgId2);
    });
  }
  deps;
  entries = /* @__PURE__ */ new Map();
  generations = /* @__PURE__ */ new Map();
  get(orgId2) {
    const generation = this.generations.get(orgId2) ?? 0;
    const hit = this.entries.get(orgId2);
    if (hit && hit.generation === generation) return hit.json;
    const json = selectOnline(this.deps.db, orgId2).then((online) => JSON.stringify({ type: "hello", online }));
    this.entries.set(orgId2, { generation, json });
    json.then(
      () => {
        setTimeout(() => this.entries.get(orgId2)?.json === json && this.entries.delete(orgId2), 1e3).unref();
      },
      () => this.entries.get(orgId2)?.json === json && this.entries.delete(orgId2)
    );
    return json;
  }
};
var helloCaches = /* @__PURE__ */ new WeakMap();
function helloFor(deps, orgId2) {
  let c = helloCaches.get(deps.hub);
  if (!c) helloCaches.set(deps.hub, c = new HelloCache(deps));
  return c.get(orgId2);
}
async function connected(deps, actor) {
  await addConnection(deps.db, deps.nodeId, actor.personId, actor.orgId);
  announcer(deps).announce(actor.orgId, actor.personId, true);
}
async function disconnected(deps, actor) {
  await removeConnection(deps.db, deps.nodeId, actor.personId);
  if (!await isOnline(deps.db, actor.personId)) announcer(deps).announce(actor.orgId, actor.personId, false);
}

// server/src/modules/presence/presence.routes.ts
function presenceRoutes(app, deps) {
  const r = app.withTypeProvider();
  const origins = allowedOrigins(deps.config);
  r.get("/api/presence", { schema: { tags: ["presence"], response: { 200: PresenceResponse } } }, async (req) => ({
    online: await findOnline(deps, requireActor(req))
  }));
  r.get(
    "/api/ws",
    {
      websocket: true,
      // Checked before the upgrade: a foreign Origin or a missing session never gets a socket.
      preValidation: async (req) => {
        if (!isSameOrigin(req, origins)) throw new AppError("FORBIDDEN", "WebSocket connections from other sites are refused.");
        requireActor(req);
      }
    },
    (socket, req) => {
      const actor = requireActor(req);
      let closed = false;
      let messages2 = 0;
      let signals = Promise.resolve();
      const subscribed = /* @__PURE__ */ new Set();
      const window = setInterval(() => messages2 = 0, 5e3);
      socket.on("message", (raw, isBinary) => {
        if (++messages2 > 100) return socket.close(1008, "too many messages");
        let input = null;
        try {
          input = isBinary ? null : JSON.parse(String(raw));
        } catch {
        }
        const parsed = ClientMessage.safeParse(input);
        if (!parsed.success) {
          if (isSignal(input)) return socket.send(JSON.stringify(signalRefused(input.channel, input.to)));
          return socket.send(JSON.stringify({ type: "error", code: "BAD_MESSAGE", message: "Unknown or malformed message." }));
        }
        const msg = parsed.data;
        if (msg.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
        else if (msg.type === "signal") {
          const { channel, to, data } = msg;
          signals = signals.then(async () => {
            const ok = subscribed.has(channel) && await deps.hub.canSignal(actor, channel, to);
            if (closed) return;
            if (!ok || !subscribed.has(channel)) return socket.send(JSON.stringify(signalRefused(channel, to)));
            await deps.hub.publish(personChannel(to), { type: "signal", channel, from: actor.personId, data });
          }).catch(() => {
            if (!closed) socket.send(JSON.stringify(signalRefused(channel, to)));
          });
        } else if (msg.type === "unsubscribe") {
          subscribed.delete(msg.channel);
          deps.hub.leave(msg.channel, socket);
        } else if (msg.type === "subscribe") {
          void deps.hub.canSubscribe(actor, msg.channel).then((ok) => {
            const allowed = ok && !closed && (subscribed.has(msg.channel) || subscribed.size < 50);
            if (allowed && !subscribed.has(msg.channel)) {
              subscribed.add(msg.channel);
              deps.hub.join(msg.channel, socket);
            }
            if (!closed) socket.send(JSON.stringify({ type: "subscribed", channel: msg.channel, ok: allowed }));
          });
        }
      });
      deps.hub.join(orgChannel(actor.orgId), socket);
      deps.hub.join(personChannel(actor.personId), socket);
      const counted = connected(deps, actor);
      socket.on("close", () => {
        closed = true;
        clearInterval(window);
        counted.then(() => disconnected(deps, actor)).catch((err) => req.log.warn({ err }, "presence disconnect failed"));
      });
      void (async () => {
        await counted;
        const hello = await helloFor(deps, actor.orgId);
        if (!closed) socket.send(hello);
      })().catch((err) => {
        req.log.warn({ err }, "presence connect failed");
        if (!closed) socket.close(1011, "presence unavailable");
      });
    }
  );
}
function isSignal(input) {
  return typeof input === "object" && input !== null && input.type === "signal";
}
function signalRefused(channel, to) {
  return {
    type: "error",
    code: "SIGNAL_REFUSED",
    message: "This signal cannot be delivered.",
    ...typeof channel === "string" && channel.length <= 100 ? { channel } : {},
    ...typeof to === "string" && /^[0-9a-f-]{36}$/.test(to) ? { to } : {}
  };
}

// server/src/modules/presence/index.ts
async function register11(app, deps) {
  presenceRoutes(app, deps);
  const timer = setInterval(() => heartbeat(deps.db, deps.nodeId).catch(() => {
  }), 2e4);
  timer.unref();
  app.addHook("onClose", async () => {
    clearInterval(timer);
    flushAnnouncements(deps);
    await clearNode(deps.db, deps.nodeId).catch(() => {
    });
  });
}

// server/src/modules/messages/messages.policy.ts
var pairKey3 = (a, b) => a < b ? `${a}:${b}` : `${b}:${a}`;
function conversationProblem(others, title) {
  if (others.length === 0) return { field: "personIds", message: "Choose at least one other person" };
  if (others.length === 1) return title ? { field: "title", message: "One-to-one conversations have no title" } : null;
  if (others.length < MESSAGE_LIMITS.groupMin || others.length > MESSAGE_LIMITS.groupMax) {
    return { field: "personIds", message: `A group has ${MESSAGE_LIMITS.groupMin} to ${MESSAGE_LIMITS.groupMax} other people` };
  }
  return title ? null : { field: "title", message: "A group needs a title" };
}
var canLeave = (c) => c.isGroup;

// server/src/modules/messages/messages.repo.ts
import { sql as sql26 } from "drizzle-orm";
var uuidList = (ids) => sql26.join(ids.map((id) => sql26`${id}::uuid`), sql26`, `);
async function selectActivePeople5(db, orgId2, ids) {
  if (!ids.length) return [];
  const rows = await selectRows(db, sql26`select id from people where org_id = ${orgId2} and status = 'active' and id in (${uuidList(ids)})`);
  return rows.map((r) => r.id);
}
async function upsertPairConversation(db, orgId2, pairKey4, createdBy) {
  const inserted = await selectRow(
    db,
    sql26`insert into conversations (org_id, is_group, pair_key, created_by) values (${orgId2}, false, ${pairKey4}, ${createdBy})
        on conflict (org_id, pair_key) do nothing returning id`
  );
  if (inserted) return { id: inserted.id, created: true };
  const found = await selectRow(db, sql26`select id from conversations where org_id = ${orgId2} and pair_key = ${pairKey4}`);
  return { id: found.id, created: false };
}
async function insertGroupConversation(db, orgId2, title, createdBy) {
  const row = await selectRow(
    db,
    sql26`insert into conversations (org_id, is_group, title, created_by) values (${orgId2}, true, ${title}, ${createdBy}) returning id`
  );
  return row.id;
}
async function insertMembers(db, orgId2, conversationId, personIds) {
  await db.execute(sql26`insert into conversation_members (conversation_id, person_id, org_id)
    select ${conversationId}::uuid, p, ${orgId2}::uuid from unnest(array[${uuidList(personIds)}]) as p
    on conflict (conversation_id, person_id) do nothing`);
}
function selectMembership(db, orgId2, conversationId, personId, lock = false) {
  return selectRow(
    db,
    sql26`select c.id, c.is_group as "isGroup" from conversation_members cm join conversations c on c.id = cm.conversation_id
        where c.org_id = ${orgId2} and cm.conversation_id = ${conversationId} and cm.person_id = ${personId} and cm.left_at is null
        ${lock ? sql26`for update of cm` : sql26``}`
  );
}
async function selectMemberIds(db, conversationId) {
  const rows = await selectRows(db, sql26`select person_id as id from conversation_members where conversation_id = ${conversationId} and left_at is null`);
  return rows.map((r) => r.id);
}
function selectConversationPage(db, personId, f) {
  const where = [sql26`cm.person_id = ${personId}`, sql26`cm.left_at is null`];
  if (f.id) where.push(sql26`c.id = ${f.id}`);
  if (f.after) where.push(sql26`(coalesce(c.last_message_at, c.created_at), c.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql26`select c.id, c.is_group as "isGroup", c.title, c.created_by as "createdBy", c.last_message_at as "lastMessageAt",
          coalesce(c.last_message_at, c.created_at)::text as k,
          (select jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name, 'title', p.title) order by p.name)
             from conversation_members om join people p on p.id = om.person_id
            where om.conversation_id = c.id and om.left_at is null and om.person_id <> ${personId}) as members,
          (select left(m.body, 600) from messages m where m.conversation_id = c.id and m.deleted_at is null
            order by m.created_at desc, m.id desc limit 1) as "lastBody",
          (select count(*)::int from messages m where m.conversation_id = c.id and m.author_id <> ${personId}
              and m.deleted_at is null and m.created_at > coalesce(cm.last_read_at, '-infinity'::timestamptz)) as "unreadCount"
        from conversation_members cm join conversations c on c.id = cm.conversation_id
        where ${sql26.join(where, sql26` and `)}
        order by coalesce(c.last_message_at, c.created_at) desc, c.id desc limit ${f.limit}`
  );
}
async function countUnread(db, personId) {
  const row = await selectRow(
    db,
    sql26`select count(*)::int as n from conversation_members cm join messages m on m.conversation_id = cm.conversation_id
        where cm.person_id = ${personId} and cm.left_at is null and m.author_id <> ${personId} and m.deleted_at is null
          and m.created_at > coalesce(cm.last_read_at, '-infinity'::timestamptz)`
  );
  return row?.n ?? 0;
}
var messageColumns2 = sql26`m.id, m.conversation_id as "conversationId", m.author_id as "authorId", a.name as "authorName",
  a.title as "authorTitle", m.body, m.html, m.created_at as "createdAt", m.created_at::text as k`;
function selectMessagePage(db, conversationId, f) {
  const where = [sql26`m.conversation_id = ${conversationId}`, sql26`m.deleted_at is null`];
  if (f.after) where.push(sql26`(m.created_at, m.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql26`select ${messageColumns2} from messages m join people a on a.id = m.author_id
        where ${sql26.join(where, sql26` and `)} order by m.created_at desc, m.id desc limit ${f.limit}`
  );
}
async function insertMessage2(db, m) {
  const row = await selectRow(
    db,
    sql26`with m as (insert into messages (org_id, conversation_id, author_id, body, html)
                   values (${m.orgId}, ${m.conversationId}, ${m.authorId}, ${m.body}, ${m.html}) returning *)
        select ${messageColumns2} from m join people a on a.id = m.author_id`
  );
  const msg = row;
  await db.execute(sql26`update conversations set last_message_at = ${msg.k}::timestamptz where id = ${m.conversationId}`);
  await db.execute(sql26`update conversation_members set last_read_at = ${msg.k}::timestamptz where conversation_id = ${m.conversationId} and person_id = ${m.authorId}`);
  return msg;
}
async function markRead(db, conversationId, personId) {
  await db.execute(sql26`update conversation_members set last_read_at = now() where conversation_id = ${conversationId} and person_id = ${personId}`);
}
async function markLeft2(db, conversationId, personId) {
  await db.execute(sql26`update conversation_members set left_at = now() where conversation_id = ${conversationId} and person_id = ${personId}`);
}

// server/src/modules/messages/messages.service.ts
function publishTo(deps, personIds, conversationId) {
  for (const id of personIds) {
    const channel = personChannel(id);
    void deps.hub.publish(channel, { type: "changed", channel, what: "messages", id: conversationId });
  }
}
function presentConversation(r) {
  return {
    id: r.id,
    isGroup: r.isGroup,
    title: r.title,
    members: r.members ?? [],
    lastMessageAt: r.lastMessageAt ? toIso(r.lastMessageAt) : null,
    lastMessagePreview: r.lastBody === null ? null : plainExcerpt(r.lastBody, 140),
    unreadCount: r.unreadCount,
    canLeave: canLeave(r)
  };
}
var presentMessage = (actor, m) => ({
  id: m.id,
  conversationId: m.conversationId,
  author: { id: m.authorId, name: m.authorName, title: m.authorTitle },
  body: m.body,
  html: m.html,
  createdAt: toIso(m.createdAt),
  mine: m.authorId === actor.personId
});
async function loadMembership(db, actor, id, lock = false) {
  const c = await selectMembership(db, actor.orgId, id, actor.personId, lock);
  if (!c) throw notFound("That conversation");
  return c;
}
async function findConversations(db, actor, q2) {
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectConversationPage(db, actor.personId, { after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentConversation, (r) => [r.k, r.id]);
}
async function getConversation(db, actor, id) {
  await loadMembership(db, actor, id);
  const [row] = await selectConversationPage(db, actor.personId, { id, limit: 1 });
  if (!row) throw notFound("That conversation");
  return presentConversation(row);
}
async function createConversation(deps, actor, input) {
  const others = [...new Set(input.personIds)].filter((id2) => id2 !== actor.personId);
  const problem = conversationProblem(others, input.title);
  if (problem) throw new AppError("VALIDATION_FAILED", "This conversation cannot be started.", { errors: [problem] });
  const active = await selectActivePeople5(deps.db, actor.orgId, others);
  if (active.length !== others.length) throw notFound("That person");
  const { id, created } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const members = [actor.personId, ...others];
    const c = others.length === 1 ? await upsertPairConversation(tx, actor.orgId, pairKey3(actor.personId, others[0]), actor.personId) : { id: await insertGroupConversation(tx, actor.orgId, input.title, actor.personId), created: true };
    if (c.created) {
      await insertMembers(tx, actor.orgId, c.id, members);
      emit({ type: "messages.conversation_started", orgId: actor.orgId, payload: { conversationId: c.id, personId: actor.personId, memberIds: members } });
    }
    return c;
  });
  if (created) publishTo(deps, others, id);
  return { conversation: await getConversation(deps.db, actor, id), created };
}
async function findMessages2(db, actor, id, q2) {
  await loadMembership(db, actor, id);
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectMessagePage(db, id, { after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, (m) => presentMessage(actor, m), (m) => [m.k, m.id]);
}
async function sendMessage(deps, actor, id, body) {
  const { message, memberIds } = await deps.events.transaction(deps.db, async (tx, emit) => {
    await loadMembership(tx, actor, id, true);
    const message2 = await insertMessage2(tx, { orgId: actor.orgId, conversationId: id, authorId: actor.personId, body, html: renderMarkdown(body) });
    const memberIds2 = await selectMemberIds(tx, id);
    emit({
      type: "messages.sent",
      orgId: actor.orgId,
      payload: { conversationId: id, messageId: message2.id, authorId: actor.personId, recipientIds: memberIds2.filter((m) => m !== actor.personId) }
    });
    return { message: message2, memberIds: memberIds2 };
  });
  publishTo(deps, memberIds, id);
  return presentMessage(actor, message);
}
async function markConversationRead(deps, actor, id) {
  await loadMembership(deps.db, actor, id);
  await markRead(deps.db, id, actor.personId);
  publishTo(deps, [actor.personId], id);
}
async function leaveConversation(deps, actor, id) {
  const remaining = await deps.events.transaction(deps.db, async (tx, emit) => {
    const c = await loadMembership(tx, actor, id, true);
    if (!canLeave(c)) throw new AppError("CONFLICT", "A one-to-one conversation cannot be left.");
    await markLeft2(tx, id, actor.personId);
    emit({ type: "messages.member_left", orgId: actor.orgId, payload: { conversationId: id, personId: actor.personId } });
    return selectMemberIds(tx, id);
  });
  publishTo(deps, [actor.personId, ...remaining], id);
}
async function countUnreadMessages(db, actor) {
  return { count: await countUnread(db, actor.personId) };
}

// server/src/modules/messages/messages.routes.ts
var IdParams9 = z25.object({ id: Id });
function messagesRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["messages"];
  const sent = new FailureLimiter(deps.config.MESSAGES_PER_MINUTE, 6e4);
  const sendingLimit = async (req) => {
    const actor = requireActor(req);
    const wait = sent.retryAfter(actor.personId);
    if (wait) throw new AppError("RATE_LIMITED", `You are sending messages very fast. Please wait ${wait} seconds.`, { retryAfterSeconds: wait });
    sent.fail(actor.personId);
  };
  r.get(
    "/api/conversations",
    { schema: { tags, querystring: FindConversationsQuery, response: { 200: ConversationPage } } },
    (req) => findConversations(deps.db, requireActor(req), req.query)
  );
  r.get(
    "/api/conversations/unread-count",
    { schema: { tags, response: { 200: UnreadCountResponse } } },
    (req) => countUnreadMessages(deps.db, requireActor(req))
  );
  r.post("/api/conversations", { schema: { tags, body: CreateConversationRequest, response: { 200: ConversationSummary, 201: ConversationSummary } } }, async (req, reply) => {
    const { conversation, created } = await createConversation(deps, requireActor(req), req.body);
    return reply.code(created ? 201 : 200).send(conversation);
  });
  r.get(
    "/api/conversations/:id",
    { schema: { tags, params: IdParams9, response: { 200: ConversationSummary } } },
    (req) => getConversation(deps.db, requireActor(req), req.params.id)
  );
  r.get(
    "/api/conversations/:id/messages",
    { schema: { tags, params: IdParams9, querystring: FindMessagesQuery, response: { 200: MessagePage } } },
    (req) => findMessages2(deps.db, requireActor(req), req.params.id, req.query)
  );
  r.post(
    "/api/conversations/:id/messages",
    { schema: { tags, params: IdParams9, body: SendMessageRequest, response: { 201: Message } }, preHandler: sendingLimit },
    async (req, reply) => reply.code(201).send(await sendMessage(deps, requireActor(req), req.params.id, req.body.body))
  );
  r.post("/api/conversations/:id/read", { schema: { tags, params: IdParams9 } }, async (req, reply) => {
    await markConversationRead(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post("/api/conversations/:id/leave", { schema: { tags, params: IdParams9 } }, async (req, reply) => {
    await leaveConversation(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
}

// server/src/modules/messages/index.ts
async function register12(app, deps) {
  messagesRoutes(app, deps);
}

// server/src/modules/notifications/notifications.repo.ts
import { sql as sql27 } from "drizzle-orm";
var prefsColumns = sql27`coalesce(np.email_mentions, true) as "emailMentions", coalesce(np.email_answers, true) as "emailAnswers",
  coalesce(np.email_messages, false) as "emailMessages", coalesce(np.digest, 'daily') as digest, coalesce(np.muted, '{}'::text[]) as muted`;
function selectRecipients2(db, orgId2, ids) {
  if (!ids.length) return Promise.resolve([]);
  return selectRows(
    db,
    sql27`select p.id, p.org_id as "orgId", p.name, p.email, p.roles, ${prefsColumns}
        from people p left join notification_prefs np on np.person_id = p.id
        where p.org_id = ${orgId2} and p.status = 'active' and p.id in (${sql27.join(ids.map((id) => sql27`${id}::uuid`), sql27`, `)})`
  );
}
async function selectPrefs(db, personId) {
  const row = await selectRow(db, sql27`select ${prefsColumns} from (select ${personId}::uuid as id) p left join notification_prefs np on np.person_id = p.id`);
  return row;
}
async function upsertPrefs(db, personId, orgId2, p) {
  await db.execute(sql27`insert into notification_prefs (person_id, org_id, email_mentions, email_answers, email_messages, digest, muted)
    values (${personId}, ${orgId2}, ${p.emailMentions}, ${p.emailAnswers}, ${p.emailMessages}, ${p.digest}, array[${sql27.join(p.muted.map((m) => sql27`${m}`), sql27`, `)}]::text[])
    on conflict (person_id) do update set email_mentions = excluded.email_mentions, email_answers = excluded.email_answers,
      email_messages = excluded.email_messages, digest = excluded.digest, muted = excluded.muted`);
}
async function ensurePrefs(db, personId, orgId2) {
  await db.execute(sql27`insert into notification_prefs (person_id, org_id) values (${personId}, ${orgId2}) on conflict (person_id) do nothing`);
}
async function insertNotification(db, n) {
  const row = await selectRow(
    db,
    sql27`insert into notifications (org_id, person_id, kind, actor_id, subject, title, url)
        values (${n.orgId}, ${n.personId}, ${n.kind}, ${n.actorId}, ${JSON.stringify(n.subject)}::jsonb, ${n.title}, ${n.url}) returning id`
  );
  return row.id;
}
function selectPage(db, personId, f) {
  const where = [sql27`n.person_id = ${personId}`];
  if (f.unread) where.push(sql27`n.read_at is null`);
  if (f.after) where.push(sql27`(n.created_at, n.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return selectRows(
    db,
    sql27`select n.id, n.kind, n.title, n.url, n.actor_id as "actorId", a.name as "actorName", a.title as "actorTitle",
          n.created_at as "createdAt", n.read_at as "readAt", n.created_at::text as k
        from notifications n left join people a on a.id = n.actor_id
        where ${sql27.join(where, sql27` and `)} order by n.created_at desc, n.id desc limit ${f.limit}`
  );
}
async function countUnread2(db, personId) {
  const row = await selectRow(db, sql27`select count(*)::int as n from notifications where person_id = ${personId} and read_at is null`);
  return row?.n ?? 0;
}
async function markRead2(db, personId, id) {
  const row = await selectRow(
    db,
    sql27`update notifications set read_at = coalesce(read_at, now()) where id = ${id} and person_id = ${personId} returning id`
  );
  return row !== void 0;
}
async function markAllRead(db, personId) {
  const rows = await selectRows(db, sql27`update notifications set read_at = now() where person_id = ${personId} and read_at is null returning id`);
  return rows.length;
}
async function markEmailed(db, ids) {
  if (!ids.length) return;
  await db.execute(sql27`update notifications set emailed_at = now() where id in (${sql27.join(ids.map((id) => sql27`${id}::uuid`), sql27`, `)})`);
}
async function setUnsubscribeHash(db, personId, orgId2, hash2) {
  await db.execute(sql27`insert into notification_prefs (person_id, org_id, unsubscribe_token_hash) values (${personId}, ${orgId2}, ${hash2})
    on conflict (person_id) do update set unsubscribe_token_hash = excluded.unsubscribe_token_hash`);
}
async function consumeUnsubscribe(db, hash2) {
  const row = await selectRow(
    db,
    sql27`update notification_prefs set email_mentions = false, email_answers = false, email_messages = false, digest = 'off',
          unsubscribe_token_hash = null
        where unsubscribe_token_hash = ${hash2} returning person_id as "personId"`
  );
  return row?.personId;
}
function claimDigests(db, o) {
  return selectRows(
    db,
    sql27`update notification_prefs np set last_digest_at = now()
        from (select np2.person_id, np2.last_digest_at from notification_prefs np2 join people p on p.id = np2.person_id
              where np2.digest = 'daily' and p.status = 'active'
                and (np2.last_digest_at is null or np2.last_digest_at < now() - make_interval(hours => ${o.everyHours}))
                and exists (select 1 from notifications n where n.person_id = np2.person_id and n.read_at is null and n.emailed_at is null
                            and n.created_at < now() - make_interval(hours => ${o.delayHours}))
              limit ${o.limit}) due
        where np.person_id = due.person_id
          and (np.last_digest_at is null or np.last_digest_at < now() - make_interval(hours => ${o.everyHours}))
        returning np.person_id as "personId", np.org_id as "orgId", due.last_digest_at as previous`
  );
}
async function releaseDigest(db, personId, previous) {
  await db.execute(sql27`update notification_prefs set last_digest_at = ${previous === null ? null : new Date(previous)} where person_id = ${personId}`);
}
function selectDigestItems(db, personId, delayHours) {
  return selectRows(
    db,
    sql27`select id, title, url, created_at as "createdAt" from notifications
        where person_id = ${personId} and read_at is null and emailed_at is null and created_at < now() - make_interval(hours => ${delayHours})
        order by created_at, id`
  );
}
function selectThreadContext(db, orgId2, threadId) {
  return selectRow(
    db,
    sql27`select t.title, t.kind, t.community_id as "communityId", t.deleted_at is not null as deleted from threads t where t.org_id = ${orgId2} and t.id = ${threadId}`
  );
}
async function isLivePost(db, postId) {
  return await selectRow(db, sql27`select 1 from posts where id = ${postId} and deleted_at is null`) !== void 0;
}
async function isMentioned(db, postId, personId) {
  return await selectRow(db, sql27`select 1 from post_mentions where post_id = ${postId} and person_id = ${personId}`) !== void 0;
}
async function selectCommunityContext(db, orgId2, communityId) {
  const c = await selectRow(db, sql27`select name, slug from communities where org_id = ${orgId2} and id = ${communityId}`);
  if (!c) return void 0;
  const mods = await selectRows(
    db,
    sql27`select person_id as "personId" from community_members where community_id = ${communityId} and status = 'active' and role in ('owner', 'moderator')`
  );
  return { ...c, moderatorIds: mods.map((m) => m.personId) };
}
async function selectName(db, orgId2, personId) {
  return (await selectRow(db, sql27`select name from people where org_id = ${orgId2} and id = ${personId}`))?.name;
}

// server/src/modules/notifications/notifications.mail.ts
var mailBaseUrl = (deps) => (deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, "");
async function sendNotificationMail(deps, to, mail) {
  const base = mailBaseUrl(deps);
  const token = newToken();
  await setUnsubscribeHash(deps.db, to.id, to.orgId, hashToken(token));
  const oneClick = `${base}/api/notifications/unsubscribe?token=${token}`;
  const page2 = `${base}/unsubscribe?token=${token}`;
  const settings = `${base}/notifications/settings`;
  const link = (u) => u.startsWith("/") ? `${base}${u}` : u;
  const more = mail.more ? `\u2026and ${mail.more} more in Hearth.` : "";
  const text10 = [
    `Hi ${to.name},`,
    "",
    mail.intro,
    "",
    ...mail.items.map((i) => `- ${i.title}
  ${link(i.url)}`),
    ...more ? ["", more] : [],
    "",
    `Choose which mails you get: ${settings}`,
    `Unsubscribe from all Hearth mail: ${page2}`
  ].join("\n");
  const html = `<p>Hi ${escapeHtml(to.name)},</p><p>${escapeHtml(mail.intro)}</p><ul>${mail.items.map((i) => `<li><a href="${escapeHtml(link(i.url))}">${escapeHtml(i.title)}</a></li>`).join("")}</ul>${more ? `<p>${escapeHtml(more)}</p>` : ""}<p style="color:#666;font-size:12px"><a href="${escapeHtml(settings)}">Choose which mails you get</a> \xB7 <a href="${escapeHtml(page2)}">Unsubscribe</a></p>`;
  await deps.mailer.send({
    to: to.email,
    subject: mail.subject,
    text: text10,
    html,
    headers: { "List-Unsubscribe": `<${oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
  });
}

// server/src/modules/notifications/notifications.policy.ts
var wantsInApp = (prefs, kind) => !prefs.muted.includes(kind);
function wantsEmailNow(prefs, kind) {
  if (kind === "mention") return prefs.emailMentions;
  if (kind === "answer") return prefs.emailAnswers;
  return false;
}
var replyKind = (threadKind) => threadKind === "question" ? "answer" : "reply";
function quoteTitle(title, max = 80) {
  const t = title.trim();
  return `\u201C${t.length > max ? `${t.slice(0, max - 1)}\u2026` : t}\u201D`;
}

// server/src/modules/notifications/notifications.service.ts
function publishChanged(deps, personId, what, id) {
  const channel = personChannel(personId);
  void deps.hub.publish(channel, { type: "changed", channel, what, ...id ? { id } : {} });
}
var recipientActor = (r) => ({
  personId: r.id,
  orgId: r.orgId,
  roles: r.roles,
  isAdmin: r.roles.includes("admin"),
  csrfToken: "",
  sessionHash: ""
});
async function notify2(deps, n) {
  const ids = [...new Set(n.recipientIds)].filter((id) => id !== n.actorId);
  const notified = [];
  for (const r of await selectRecipients2(deps.db, n.orgId, ids)) {
    if (!wantsInApp(r, n.kind)) continue;
    if (n.visible && !await n.visible(recipientActor(r)).catch(() => false)) continue;
    const id = await deps.db.transaction(async (tx) => {
      await ensurePrefs(tx, r.id, r.orgId);
      return insertNotification(tx, { orgId: n.orgId, personId: r.id, kind: n.kind, actorId: n.actorId, subject: n.subject, title: n.title, url: n.url });
    });
    notified.push(r.id);
    publishChanged(deps, r.id, "notifications", id);
    if (wantsEmailNow(r, n.kind)) {
      await sendNotificationMail(deps, r, { subject: n.title, intro: "There is something new for you in Hearth:", items: [{ title: n.title, url: n.url }] }).then(() => markEmailed(deps.db, [id])).catch(() => {
      });
    }
  }
  return notified;
}
function present4(r) {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    url: r.url,
    actor: r.actorId && r.actorName ? { id: r.actorId, name: r.actorName, title: r.actorTitle } : null,
    createdAt: toIso(r.createdAt),
    readAt: r.readAt ? toIso(r.readAt) : null
  };
}
async function findNotifications(db, actor, q2) {
  const after = q2.cursor ? decodeCursor(q2.cursor, 2) : void 0;
  const rows = await selectPage(db, actor.personId, { unread: q2.unread, after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, present4, (r) => [r.k, r.id]);
}
async function countUnreadNotifications(db, actor) {
  return { count: await countUnread2(db, actor.personId) };
}
async function markNotificationRead(deps, actor, id) {
  if (!await markRead2(deps.db, actor.personId, id)) throw notFound("That notification");
  publishChanged(deps, actor.personId, "notifications", id);
}
async function markAllNotificationsRead(deps, actor) {
  const count = await markAllRead(deps.db, actor.personId);
  if (count) publishChanged(deps, actor.personId, "notifications");
  return { count };
}
var presentPrefs = (p) => ({
  emailMentions: p.emailMentions,
  emailAnswers: p.emailAnswers,
  emailMessages: p.emailMessages,
  digest: p.digest === "off" ? "off" : "daily",
  muted: p.muted
});
async function getNotificationPrefs(db, actor) {
  return presentPrefs(await selectPrefs(db, actor.personId));
}
async function updateNotificationPrefs(db, actor, input) {
  const current = presentPrefs(await selectPrefs(db, actor.personId));
  const next = { ...current, ...input, muted: [...new Set(input.muted ?? current.muted)] };
  await upsertPrefs(db, actor.personId, actor.orgId, next);
  return next;
}
async function unsubscribe(db, token) {
  const personId = await consumeUnsubscribe(db, hashToken(token));
  if (!personId) throw new AppError("TOKEN_INVALID", "This unsubscribe link was already used or has been replaced by a newer one. Sign in to change which mails you get.");
  return { message: "You will no longer receive email from Hearth. You can turn mails back on in your notification settings." };
}
async function runDigest(deps) {
  const { digestDelayHours: delayHours, digestEveryHours: everyHours, digestItems } = NOTIFICATION_LIMITS;
  let sent = 0;
  let failed = false;
  for (; ; ) {
    const claimed = await claimDigests(deps.db, { delayHours, everyHours, limit: 50 });
    if (!claimed.length) return sent;
    for (const c of claimed) {
      try {
        const [r] = await selectRecipients2(deps.db, c.orgId, [c.personId]);
        const items = r ? await selectDigestItems(deps.db, c.personId, delayHours) : [];
        if (!r || !items.length) continue;
        const shown = items.slice(0, digestItems);
        await sendNotificationMail(deps, r, {
          subject: `Your Hearth digest: ${items.length} unread notification${items.length === 1 ? "" : "s"}`,
          intro: "Here is what you have not seen yet:",
          items: shown,
          more: items.length - shown.length
        });
        await markEmailed(deps.db, items.map((i) => i.id));
        sent += 1;
      } catch {
        failed = true;
        await releaseDigest(deps.db, c.personId, c.previous).catch(() => {
        });
      }
    }
    if (claimed.length < 50 || failed) return sent;
  }
}

// server/src/modules/notifications/notifications.events.ts
var q = quoteTitle;
var canReadCommunity = (deps, communityId) => async (actor) => (await loadCommunityAccess(deps.db, actor, communityId)).canRead;
async function threadContext(deps, e, p) {
  const orgId2 = e.orgId;
  const thread = await selectThreadContext(deps.db, orgId2, p.threadId);
  if (!thread || thread.deleted || p.postId && !await isLivePost(deps.db, p.postId)) return void 0;
  return { orgId: orgId2, thread, url: `/threads/${p.threadId}${p.postId ? `#post-${p.postId}` : ""}` };
}
function consumeEvents(deps) {
  deps.events.on("discussions.mentioned", async (e) => {
    const p = e.payload;
    const ctx = await threadContext(deps, e, p);
    if (!ctx) return;
    const name = await selectName(deps.db, ctx.orgId, p.by) ?? "Someone";
    await notify2(deps, {
      orgId: ctx.orgId,
      recipientIds: p.personIds,
      kind: "mention",
      actorId: p.by,
      subject: { threadId: p.threadId, postId: p.postId },
      title: `${name} mentioned you in ${q(ctx.thread.title)}`,
      url: ctx.url,
      visible: canReadCommunity(deps, ctx.thread.communityId)
    });
  });
  deps.events.on("discussions.reply_posted", async (e) => {
    const p = e.payload;
    if (p.personId === p.threadAuthorId) return;
    if (await isMentioned(deps.db, p.postId, p.threadAuthorId)) return;
    const ctx = await threadContext(deps, e, p);
    if (!ctx) return;
    const name = await selectName(deps.db, ctx.orgId, p.personId) ?? "Someone";
    const kind = replyKind(ctx.thread.kind);
    await notify2(deps, {
      orgId: ctx.orgId,
      recipientIds: [p.threadAuthorId],
      kind,
      actorId: p.personId,
      subject: { threadId: p.threadId, postId: p.postId },
      title: kind === "answer" ? `${name} answered your question ${q(ctx.thread.title)}` : `${name} replied to ${q(ctx.thread.title)}`,
      url: ctx.url,
      visible: canReadCommunity(deps, ctx.thread.communityId)
    });
  });
  deps.events.on("discussions.answer_accepted", async (e) => {
    const p = e.payload;
    const ctx = await threadContext(deps, e, p);
    if (!ctx) return;
    const name = await selectName(deps.db, ctx.orgId, p.by) ?? "Someone";
    await notify2(deps, {
      orgId: ctx.orgId,
      recipientIds: [p.answererId],
      kind: "accepted",
      actorId: p.by,
      subject: { threadId: p.threadId, postId: p.postId },
      title: `${name} accepted your answer to ${q(ctx.thread.title)}`,
      url: ctx.url,
      visible: canReadCommunity(deps, ctx.thread.communityId)
    });
  });
  deps.events.on("communities.join_requested", async (e) => {
    const p = e.payload;
    const orgId2 = e.orgId;
    const c = await selectCommunityContext(deps.db, orgId2, p.communityId);
    if (!c) return;
    const name = await selectName(deps.db, orgId2, p.personId) ?? "Someone";
    await notify2(deps, {
      orgId: orgId2,
      recipientIds: c.moderatorIds,
      kind: "join_request",
      actorId: p.personId,
      subject: { communityId: p.communityId },
      title: `${name} asked to join ${c.name}`,
      url: `/communities/${c.slug}/members`,
      visible: async (actor) => (await loadCommunityAccess(deps.db, actor, p.communityId)).canModerate
    });
  });
  deps.events.on("communities.member_invited", async (e) => {
    const p = e.payload;
    const orgId2 = e.orgId;
    const c = await selectCommunityContext(deps.db, orgId2, p.communityId);
    if (!c) return;
    const name = await selectName(deps.db, orgId2, p.invitedBy) ?? "Someone";
    await notify2(deps, {
      orgId: orgId2,
      recipientIds: [p.personId],
      kind: "invited",
      actorId: p.invitedBy,
      subject: { communityId: p.communityId },
      title: `${name} invited you to join ${c.name}`,
      url: `/communities/${c.slug}`,
      // Throws 404 unless the community exists for them (an invitation makes a secret one visible).
      visible: async (actor) => await loadCommunityAccess(deps.db, actor, p.communityId) !== void 0
    });
  });
  deps.events.on("resources.reviewed", async (e) => {
    const p = e.payload;
    const orgId2 = e.orgId;
    if (p.personId === p.authorId) return;
    const [author] = await selectRecipients2(deps.db, orgId2, [p.authorId]);
    if (!author) return;
    const access2 = await loadResourceAccess(deps.db, recipientActor(author), p.resourceId).catch(() => null);
    if (!access2?.canRead) return;
    const name = await selectName(deps.db, orgId2, p.personId) ?? "Someone";
    await notify2(deps, {
      orgId: orgId2,
      recipientIds: [p.authorId],
      kind: "review",
      actorId: p.personId,
      subject: { resourceId: p.resourceId },
      title: `${name} reviewed ${q(access2.resource.title)}${typeof p.rating === "number" ? ` (${p.rating}/5)` : ""}`,
      url: `/resources/${p.resourceId}`
    });
  });
  for (const type of ["mentoring.matched", "mentoring.requested", "mentoring.request_declined", "mentoring.meeting_booked", "mentoring.closed", "mentoring.expert_routed", "mentoring.expert_resolved"]) {
    deps.events.on(type, async (e) => {
      const p = e.payload;
      if (!p.recipientIds?.length || !p.title) return;
      await notify2(deps, { orgId: e.orgId, recipientIds: p.recipientIds, kind: "mentoring", actorId: p.actorId ?? null, subject: p.subject ?? {}, title: p.title, url: p.url });
    });
  }
  deps.events.on("events.reminder_due", async (e) => {
    const p = e.payload;
    await notify2(deps, {
      orgId: e.orgId,
      recipientIds: p.personIds,
      kind: "event_reminder",
      actorId: null,
      subject: { eventId: p.eventId },
      title: `${q(p.title)} starts ${p.kind === "soon" ? "in 15 minutes" : "within 24 hours"}`,
      url: `/events/${p.eventId}`,
      visible: (actor) => canSeeEvent(deps.db, actor, p.eventId)
    });
  });
  deps.events.on("messages.sent", async (e) => {
    const p = e.payload;
    const orgId2 = e.orgId;
    const name = await selectName(deps.db, orgId2, p.authorId) ?? "Someone";
    for (const r of await selectRecipients2(deps.db, orgId2, p.recipientIds.filter((id) => id !== p.authorId))) {
      if (!r.emailMessages) continue;
      const title = `${name} sent you a message`;
      await sendNotificationMail(deps, r, { subject: title, intro: "You have a new direct message in Hearth:", items: [{ title, url: `/messages/${p.conversationId}` }] }).catch(() => {
      });
    }
  });
}

// server/src/modules/notifications/notifications.routes.ts
import { z as z26 } from "zod";
var IdParams10 = z26.object({ id: Id });
var TokenQuery = z26.object({ token: z26.string().max(100).optional() });
function notificationsRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["notifications"];
  r.get(
    "/api/notifications",
    { schema: { tags, querystring: FindNotificationsQuery, response: { 200: NotificationPage } } },
    (req) => findNotifications(deps.db, requireActor(req), req.query)
  );
  r.get(
    "/api/notifications/unread-count",
    { schema: { tags, response: { 200: UnreadCountResponse } } },
    (req) => countUnreadNotifications(deps.db, requireActor(req))
  );
  r.post("/api/notifications/:id/read", { schema: { tags, params: IdParams10 } }, async (req, reply) => {
    await markNotificationRead(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.post(
    "/api/notifications/read-all",
    { schema: { tags, response: { 200: UnreadCountResponse } } },
    (req) => markAllNotificationsRead(deps, requireActor(req))
  );
  r.get(
    "/api/notifications/preferences",
    { schema: { tags, response: { 200: NotificationPrefs } } },
    (req) => getNotificationPrefs(deps.db, requireActor(req))
  );
  r.put(
    "/api/notifications/preferences",
    { schema: { tags, body: UpdateNotificationPrefsRequest, response: { 200: NotificationPrefs } } },
    (req) => updateNotificationPrefs(deps.db, requireActor(req), req.body)
  );
  r.get(
    "/api/notifications/unsubscribe",
    { schema: { tags, querystring: TokenQuery } },
    (req, reply) => reply.redirect(`/unsubscribe${req.query.token ? `?token=${encodeURIComponent(req.query.token)}` : ""}`, 303)
  );
  app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body))))
    );
    scope.withTypeProvider().post(
      "/api/notifications/unsubscribe",
      { schema: { tags, querystring: TokenQuery, response: { 200: UnsubscribeResponse } } },
      (req) => {
        const body = req.body ?? {};
        const parsed = UnsubscribeRequest.safeParse({ token: req.query.token ?? body.token });
        if (!parsed.success) throw new AppError("VALIDATION_FAILED", "The unsubscribe link is incomplete.", { errors: [{ field: "token", message: "Missing or malformed token" }] });
        return unsubscribe(deps.db, parsed.data.token);
      }
    );
  });
}

// server/src/modules/notifications/index.ts
async function register13(app, deps) {
  notificationsRoutes(app, deps);
  consumeEvents(deps);
  const every = deps.config.DIGEST_INTERVAL_SECONDS;
  if (!every) return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDigest(deps).catch((err) => app.log.warn({ err }, "digest run failed")).finally(() => running = false);
  }, every * 1e3);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
}

// server/src/modules/pathways/pathways.routes.ts
import { z as z27 } from "zod";

// server/src/modules/pathways/pathways.policy.ts
var canView4 = (actor, p, c) => actor.orgId === p.orgId && (p.status === "published" || p.authorId === actor.personId) && (c === null || c.canRead || p.authorId === actor.personId);
var canCreateIn = (c) => c === null || c.canPost;
var canEdit5 = (actor, p, c) => actor.orgId === p.orgId && (p.authorId === actor.personId || (c ? c.canModerate : actor.isAdmin));
var canFeature = (actor, p, c) => actor.orgId === p.orgId && p.status === "published" && (c ? c.canModerate : actor.isAdmin || actor.roles.includes("facilitator"));
var canEnroll = (actor, p, c) => p.status === "published" && canView4(actor, p, c);

// server/src/modules/pathways/pathways.repo.ts
import { and as and14, eq as eq16, sql as sql28 } from "drizzle-orm";
var listColumns2 = (viewerId) => sql28`p.id, p.org_id as "orgId", p.title, p.description, p.author_id as "authorId", a.name as "authorName",
  a.title as "authorTitle", p.community_id as "communityId", c.name as "communityName", c.slug as "communitySlug", p.status,
  p.is_featured as "isFeatured", p.enrolled_count as "enrolledCount",
  (select count(*)::int from pathway_steps s where s.pathway_id = p.id) as "stepCount",
  p.created_at as "createdAt", p.created_at::text as k,
  (e.person_id is not null) as enrolled, coalesce(e.hide_progress, false) as "hideProgress", e.completed_at as "completedAt",
  (select count(*)::int from pathway_progress g where g.pathway_id = p.id and g.person_id = ${viewerId}) as done`;
function selectPathwayPage(db, viewer, f) {
  const where = [
    sql28`p.org_id = ${viewer.orgId}`,
    sql28`p.deleted_at is null`,
    sql28`(p.status = 'published' or p.author_id = ${viewer.personId})`,
    sql28`(p.community_id is null or c.visibility = 'open' or p.author_id = ${viewer.personId} or exists (
          select 1 from community_members m where m.community_id = p.community_id and m.person_id = ${viewer.personId} and m.status = 'active'))`
  ];
  if (f.communityId) where.push(sql28`p.community_id = ${f.communityId}`);
  if (f.filter === "featured") where.push(sql28`p.is_featured`);
  if (f.filter === "enrolled") where.push(sql28`e.person_id is not null`);
  if (f.filter === "authored") where.push(sql28`p.author_id = ${viewer.personId}`);
  if (f.after) where.push(sql28`(p.is_featured, p.created_at, p.id) < (${f.after[0] === 1}, ${f.after[1]}::timestamptz, ${f.after[2]}::uuid)`);
  return selectRows(
    db,
    sql28`select ${listColumns2(viewer.personId)}
        from pathways p join people a on a.id = p.author_id
        left join communities c on c.id = p.community_id
        left join pathway_enrollments e on e.pathway_id = p.id and e.person_id = ${viewer.personId}
        where ${sql28.join(where, sql28` and `)}
        order by p.is_featured desc, p.created_at desc, p.id desc limit ${f.limit}`
  );
}
function selectPathway(db, orgId2, id, viewerId) {
  return selectRow(
    db,
    sql28`select ${listColumns2(viewerId)}
        from pathways p join people a on a.id = p.author_id
        left join communities c on c.id = p.community_id
        left join pathway_enrollments e on e.pathway_id = p.id and e.person_id = ${viewerId}
        where p.org_id = ${orgId2} and p.id = ${id} and p.deleted_at is null`
  );
}
function selectSteps(db, pathwayId, viewerId) {
  return selectRows(
    db,
    sql28`select s.id, s.position, s.kind, s.title, s.instructions, s.resource_id as "resourceId", s.thread_id as "threadId",
          to_char(s.due_date, 'YYYY-MM-DD') as "dueDate",
          exists (select 1 from pathway_progress g where g.step_id = s.id and g.person_id = ${viewerId}) as "isDone"
        from pathway_steps s where s.pathway_id = ${pathwayId} order by s.position`
  );
}
async function insertPathway(db, values) {
  const [row] = await db.insert(pathways).values(values).returning();
  return row;
}
async function updatePathwayRow(db, id, values) {
  await db.update(pathways).set({ ...values, updatedAt: /* @__PURE__ */ new Date() }).where(eq16(pathways.id, id));
}
async function lockPathway(db, id) {
  await db.execute(sql28`select 1 from pathways where id = ${id} for update`);
}
async function replaceSteps(db, orgId2, pathwayId, steps) {
  const keep = steps.map((s) => s.id).filter((id) => Boolean(id));
  await db.execute(
    keep.length ? sql28`delete from pathway_steps where pathway_id = ${pathwayId} and id not in ${keep}` : sql28`delete from pathway_steps where pathway_id = ${pathwayId}`
  );
  for (const [i, s] of steps.entries()) {
    const values = { kind: s.kind, title: s.title, instructions: s.instructions, resourceId: s.resourceId ?? null, threadId: s.threadId ?? null, dueDate: s.dueDate ?? null, position: i + 1 };
    if (s.id) {
      const updated = await db.update(pathwaySteps).set(values).where(and14(eq16(pathwaySteps.id, s.id), eq16(pathwaySteps.pathwayId, pathwayId))).returning({ id: pathwaySteps.id });
      if (!updated.length) return s.id;
    } else await db.insert(pathwaySteps).values({ ...values, pathwayId, orgId: orgId2 });
  }
  return null;
}
async function upsertEnrollment(db, v) {
  const existing = await db.select().from(pathwayEnrollments).where(and14(eq16(pathwayEnrollments.pathwayId, v.pathwayId), eq16(pathwayEnrollments.personId, v.personId)));
  if (existing.length) {
    if (v.hideProgress !== void 0)
      await db.update(pathwayEnrollments).set({ hideProgress: v.hideProgress }).where(and14(eq16(pathwayEnrollments.pathwayId, v.pathwayId), eq16(pathwayEnrollments.personId, v.personId)));
    return false;
  }
  await db.insert(pathwayEnrollments).values({ ...v, hideProgress: v.hideProgress ?? false });
  await db.execute(sql28`update pathways set enrolled_count = enrolled_count + 1 where id = ${v.pathwayId}`);
  return true;
}
async function deleteEnrollment2(db, pathwayId, personId) {
  const gone2 = await db.delete(pathwayEnrollments).where(and14(eq16(pathwayEnrollments.pathwayId, pathwayId), eq16(pathwayEnrollments.personId, personId))).returning();
  if (!gone2.length) return false;
  await db.delete(pathwayProgress).where(and14(eq16(pathwayProgress.pathwayId, pathwayId), eq16(pathwayProgress.personId, personId)));
  await db.execute(sql28`update pathways set enrolled_count = greatest(0, enrolled_count - 1) where id = ${pathwayId}`);
  return true;
}
async function setStepDone(db, v, done) {
  if (done) await db.insert(pathwayProgress).values(v).onConflictDoNothing();
  else await db.delete(pathwayProgress).where(and14(eq16(pathwayProgress.stepId, v.stepId), eq16(pathwayProgress.personId, v.personId)));
}
async function refreshCompletion(db, pathwayId, personId) {
  const row = await selectRow(
    db,
    sql28`update pathway_enrollments e set completed_at = case
          when (select count(*) from pathway_steps s where s.pathway_id = e.pathway_id) > 0
           and (select count(*) from pathway_steps s where s.pathway_id = e.pathway_id) =
               (select count(*) from pathway_progress g join pathway_steps s on s.id = g.step_id where g.pathway_id = e.pathway_id and g.person_id = e.person_id)
          then coalesce(e.completed_at, now()) else null end
        where e.pathway_id = ${pathwayId} and e.person_id = ${personId}
        returning completed_at is not null as complete`
  );
  return row?.complete ?? false;
}
function selectPeerProgress(db, pathwayId) {
  return selectRows(
    db,
    sql28`select p.id, p.name, p.title, e.hide_progress as "hideProgress", e.completed_at as "completedAt", e.created_at as "enrolledAt",
          (select count(*)::int from pathway_progress g join pathway_steps s on s.id = g.step_id where g.pathway_id = e.pathway_id and g.person_id = e.person_id) as done
        from pathway_enrollments e join people p on p.id = e.person_id
        where e.pathway_id = ${pathwayId} and p.status <> 'deactivated'
        order by e.completed_at asc nulls last, done desc, p.name`
  );
}

// server/src/modules/pathways/pathways.service.ts
var pathwayChannel = (id) => `pathway:${id}`;
async function communityRights(db, actor, communityId) {
  if (!communityId) return null;
  const access2 = await loadCommunityAccess(db, actor, communityId).catch(() => null);
  return access2 ? { canRead: access2.canRead, canPost: access2.canPost, canModerate: access2.canModerate } : { canRead: false, canPost: false, canModerate: false };
}
function presentSummary4(r) {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    author: { id: r.authorId, name: r.authorName, title: r.authorTitle },
    community: r.communityId && r.communityName && r.communitySlug ? { id: r.communityId, name: r.communityName, slug: r.communitySlug } : null,
    status: r.status,
    isFeatured: r.isFeatured,
    stepCount: r.stepCount,
    enrolledCount: r.enrolledCount,
    myProgress: r.enrolled ? { done: r.done, total: r.stepCount, completedAt: r.completedAt ? toIso(r.completedAt) : null } : null,
    createdAt: toIso(r.createdAt)
  };
}
async function loadPathway(db, actor, id) {
  const row = await selectPathway(db, actor.orgId, id, actor.personId);
  if (!row) throw notFound("That pathway");
  const rights = await communityRights(db, actor, row.communityId);
  if (!canView4(actor, row, rights)) throw notFound("That pathway");
  return { row, rights };
}
async function checkSteps(db, actor, steps) {
  for (const [i, s] of steps.entries()) {
    const field = (name) => [{ field: `steps.${i}.${name}`, message: "Not found or not visible to you" }];
    if (s.kind === "resource") {
      await loadResourceAccess(db, actor, s.resourceId).catch(() => {
        throw new AppError("VALIDATION_FAILED", `Step ${i + 1}: that resource does not exist or you cannot see it.`, { errors: field("resourceId") });
      });
    }
    if (s.kind === "discussion") {
      await getThreadRef(db, actor, s.threadId).catch(() => {
        throw new AppError("VALIDATION_FAILED", `Step ${i + 1}: that discussion does not exist or you cannot see it.`, { errors: field("threadId") });
      });
    }
  }
  return steps.map((s) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    instructions: s.instructions ?? "",
    resourceId: s.kind === "resource" ? s.resourceId : void 0,
    threadId: s.kind === "discussion" ? s.threadId : void 0,
    dueDate: s.kind === "task" ? s.dueDate : void 0
  }));
}
async function findPathways(db, actor, q2) {
  if (q2.communityId) {
    const rights = await communityRights(db, actor, q2.communityId);
    if (!rights?.canRead) throw notFound("That community");
  }
  const after = q2.cursor ? decodeCursor(q2.cursor, 3) : void 0;
  const rows = await selectPathwayPage(db, actor, { communityId: q2.communityId, filter: q2.filter, after, limit: q2.limit + 1 });
  return toPage(rows, q2.limit, presentSummary4, (r) => [r.isFeatured ? 1 : 0, r.k, r.id]);
}
async function getPathway(db, actor, id) {
  const { row, rights } = await loadPathway(db, actor, id);
  const steps = await selectSteps(db, row.id, actor.personId);
  const presented = [];
  for (const s of steps) {
    const resource = s.resourceId ? await loadResourceAccess(db, actor, s.resourceId).then((a) => a.resource, () => null) : null;
    const thread = s.threadId ? await getThreadRef(db, actor, s.threadId).then((t) => t, () => null) : null;
    presented.push({
      id: s.id,
      position: s.position,
      kind: s.kind,
      title: s.title,
      instructions: s.instructions,
      resource: resource ? { id: resource.id, title: resource.title, type: resource.type, url: resource.url } : null,
      thread: thread ? { id: thread.id, title: thread.title } : null,
      dueDate: s.dueDate,
      isDone: s.isDone
    });
  }
  return {
    ...presentSummary4(row),
    steps: presented,
    hideMyProgress: row.hideProgress,
    abilities: {
      canEdit: canEdit5(actor, row, rights),
      canPublish: row.status === "draft" && row.authorId === actor.personId,
      canFeature: canFeature(actor, row, rights),
      canEnroll: canEnroll(actor, row, rights),
      canDelete: canEdit5(actor, row, rights)
    }
  };
}
async function createPathway(deps, actor, raw) {
  const input = CreatePathwayRequest.parse(raw);
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.communityId) {
      const rights = await communityRights(tx, actor, input.communityId);
      if (!rights?.canRead) throw notFound("That community");
      if (!canCreateIn(rights)) throw new AppError("FORBIDDEN", "Join the community to add pathways to it.");
    }
    const steps = await checkSteps(tx, actor, input.steps);
    const p = await insertPathway(tx, { orgId: actor.orgId, communityId: input.communityId ?? null, authorId: actor.personId, title: input.title, description: input.description });
    await replaceSteps(tx, actor.orgId, p.id, steps);
    emit({ type: "pathways.created", orgId: actor.orgId, payload: { pathwayId: p.id, communityId: p.communityId, personId: actor.personId } });
    return p.id;
  });
  return getPathway(deps.db, actor, id);
}
async function updatePathway(deps, actor, id, input) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockPathway(tx, id);
    const { row, rights } = await loadPathway(tx, actor, id);
    if (!canEdit5(actor, row, rights)) throw new AppError("FORBIDDEN", "Only the author (or a moderator) can change this pathway.");
    if (input.status === "published" && row.authorId !== actor.personId) throw new AppError("FORBIDDEN", "Only the author can publish the pathway.");
    if (input.steps) {
      const bad = await replaceSteps(tx, actor.orgId, row.id, await checkSteps(tx, actor, input.steps));
      if (bad) throw new AppError("VALIDATION_FAILED", "A step id does not belong to this pathway.", { errors: [{ field: "steps", message: `Unknown step ${bad}` }] });
      for (const peer of await selectPeerProgress(tx, row.id)) await refreshCompletion(tx, row.id, peer.id);
    }
    const publishing = input.status === "published" && row.status === "draft";
    await updatePathwayRow(tx, row.id, {
      ...input.title !== void 0 ? { title: input.title } : {},
      ...input.description !== void 0 ? { description: input.description } : {},
      ...publishing ? { status: "published" } : {}
    });
    if (publishing) {
      emit({ type: "pathways.published", orgId: actor.orgId, payload: { pathwayId: row.id, communityId: row.communityId, personId: actor.personId, title: input.title ?? row.title } });
    }
  });
  void deps.hub.publish(pathwayChannel(id), { type: "changed", channel: pathwayChannel(id), what: "pathway", id });
  return getPathway(deps.db, actor, id);
}
async function deletePathway(deps, actor, id) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { row, rights } = await loadPathway(tx, actor, id);
    if (!canEdit5(actor, row, rights)) throw new AppError("FORBIDDEN", "Only the author (or a moderator) can delete this pathway.");
    await updatePathwayRow(tx, row.id, { deletedAt: /* @__PURE__ */ new Date() });
    emit({ type: "pathways.deleted", orgId: actor.orgId, payload: { pathwayId: row.id, by: actor.personId } });
  });
}
async function featurePathway(deps, actor, id, isFeatured) {
  const { row, rights } = await loadPathway(deps.db, actor, id);
  if (!canFeature(actor, row, rights)) throw new AppError("FORBIDDEN", "Only moderators can feature pathways.");
  await updatePathwayRow(deps.db, row.id, { isFeatured, featuredBy: isFeatured ? actor.personId : null });
  return getPathway(deps.db, actor, id);
}
async function setEnrollment(deps, actor, id, enrolled, hideProgress) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await lockPathway(tx, id);
    const { row, rights } = await loadPathway(tx, actor, id);
    if (!enrolled) {
      if (await deleteEnrollment2(tx, row.id, actor.personId)) emit({ type: "pathways.left", orgId: actor.orgId, payload: { pathwayId: row.id, personId: actor.personId } });
      return;
    }
    if (!canEnroll(actor, row, rights)) throw new AppError("CONFLICT", "This pathway is a draft: publish it before people can enrol.");
    if (await upsertEnrollment(tx, { pathwayId: row.id, personId: actor.personId, orgId: actor.orgId, hideProgress })) {
      emit({ type: "pathways.enrolled", orgId: actor.orgId, payload: { pathwayId: row.id, personId: actor.personId, communityId: row.communityId } });
    }
  });
  void deps.hub.publish(pathwayChannel(id), { type: "changed", channel: pathwayChannel(id), what: "progress", id: actor.personId });
  return getPathway(deps.db, actor, id);
}
async function markStep(deps, actor, id, stepId, done) {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { row } = await loadPathway(tx, actor, id);
    if (!row.enrolled) throw new AppError("CONFLICT", "Enrol in the pathway to track your progress.");
    const steps = await selectSteps(tx, row.id, actor.personId);
    if (!steps.some((s) => s.id === stepId)) throw notFound("That step");
    await setStepDone(tx, { stepId, personId: actor.personId, pathwayId: row.id, orgId: actor.orgId }, done);
    const wasComplete = row.completedAt !== null;
    const complete = await refreshCompletion(tx, row.id, actor.personId);
    if (done) emit({ type: "pathways.step_completed", orgId: actor.orgId, payload: { pathwayId: row.id, stepId, personId: actor.personId } });
    if (complete && !wasComplete) emit({ type: "pathways.completed", orgId: actor.orgId, payload: { pathwayId: row.id, personId: actor.personId, communityId: row.communityId, title: row.title } });
  });
  void deps.hub.publish(pathwayChannel(id), { type: "changed", channel: pathwayChannel(id), what: "progress", id: actor.personId });
  return getPathway(deps.db, actor, id);
}
async function getPathwayProgress(db, actor, id) {
  const { row } = await loadPathway(db, actor, id);
  const peers = await selectPeerProgress(db, row.id);
  const items = peers.map((p) => {
    const hidden = p.hideProgress && p.id !== actor.personId;
    return {
      id: p.id,
      name: p.name,
      title: p.title,
      done: hidden ? null : p.done,
      total: row.stepCount,
      completedAt: hidden || !p.completedAt ? null : toIso(p.completedAt),
      enrolledAt: toIso(p.enrolledAt)
    };
  });
  return { items, hiddenCount: items.filter((i) => i.done === null).length };
}
async function canFollowPathway(db, actor, id) {
  await loadPathway(db, actor, id);
  return true;
}

// server/src/modules/pathways/pathways.routes.ts
var IdParams11 = z27.object({ id: Id });
function pathwaysRoutes(app, deps) {
  const r = app.withTypeProvider();
  const tags = ["pathways"];
  r.get(
    "/api/pathways",
    { schema: { tags, querystring: FindPathwaysQuery, response: { 200: PathwayPage } } },
    (req) => findPathways(deps.db, requireActor(req), req.query)
  );
  r.post(
    "/api/pathways",
    { schema: { tags, body: CreatePathwayRequest, response: { 201: Pathway } } },
    async (req, reply) => reply.code(201).send(await createPathway(deps, requireActor(req), req.body))
  );
  r.get("/api/pathways/:id", { schema: { tags, params: IdParams11, response: { 200: Pathway } } }, (req) => getPathway(deps.db, requireActor(req), req.params.id));
  r.patch(
    "/api/pathways/:id",
    { schema: { tags, params: IdParams11, body: UpdatePathwayRequest, response: { 200: Pathway } } },
    (req) => updatePathway(deps, requireActor(req), req.params.id, req.body)
  );
  r.delete("/api/pathways/:id", { schema: { tags, params: IdParams11 } }, async (req, reply) => {
    await deletePathway(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put(
    "/api/pathways/:id/featured",
    { schema: { tags, params: IdParams11, body: FeaturePathwayRequest, response: { 200: Pathway } } },
    (req) => featurePathway(deps, requireActor(req), req.params.id, req.body.isFeatured)
  );
  r.put(
    "/api/pathways/:id/enrollment",
    { schema: { tags, params: IdParams11, body: EnrollRequest, response: { 200: Pathway } } },
    (req) => setEnrollment(deps, requireActor(req), req.params.id, req.body.enrolled, req.body.hideProgress)
  );
  r.put(
    "/api/pathways/:id/steps/:stepId/done",
    { schema: { tags, params: z27.object({ id: Id, stepId: Id }), body: MarkStepRequest, response: { 200: Pathway } } },
    (req) => markStep(deps, requireActor(req), req.params.id, req.params.stepId, req.body.done)
  );
  r.get(
    "/api/pathways/:id/progress",
    { schema: { tags, params: IdParams11, response: { 200: PathwayProgress } } },
    (req) => getPathwayProgress(deps.db, requireActor(req), req.params.id)
  );
}

// server/src/modules/pathways/index.ts
async function register14(app, deps) {
  pathwaysRoutes(app, deps);
  deps.hub.allow("pathway", (actor, id) => canFollowPathway(deps.db, actor, id));
}

// server/src/modules/search/search.policy.ts
import { randomBytes as randomBytes2 } from "node:crypto";
function prefixQuery(q2) {
  const words = q2.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 8).map((w) => `'${w}':*`).join(" & ");
}
var isServedOffset = (n) => typeof n === "number" && Number.isInteger(n) && n > 0 && n <= SEARCH_LIMITS.maxOffset;
function newMarkers() {
  const nonce = randomBytes2(6).toString("hex");
  return { start: `[[hs${nonce}]]`, stop: `[[he${nonce}]]` };
}
var ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
var escapeHtml2 = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
function markedHtml(headline, m) {
  if (!headline) return "";
  let open = false;
  let out = "";
  for (const part of escapeHtml2(headline).split(/(\[\[h[se][0-9a-f]{12}\]\])/)) {
    if (part === m.start && !open) {
      out += "<mark>";
      open = true;
    } else if (part === m.stop && open) {
      out += "</mark>";
      open = false;
    } else if (part !== m.start && part !== m.stop) out += part;
  }
  return (open ? `${out}</mark>` : out).replaceAll("\uE000", "&lt;");
}

// server/src/modules/search/search.repo.ts
import { sql as sql29 } from "drizzle-orm";
var LT = "\uE000";
var CANDIDATES = SEARCH_LIMITS.countCap;
var WEIGHTS = sql29.raw(`'{0.1, 0.2, 0.4, 1.0}'::float4[]`);
async function parseQuery(db, q2, prefix) {
  const row = await selectRow(
    db,
    sql29`select websearch_to_tsquery('english', ${q2})::text as tsq,
          case when ${prefix} = '' then '' else to_tsquery('english', ${prefix})::text end as pq`
  );
  return { tsq: row?.tsq ?? "", pq: row?.pq ?? "" };
}
function tsqueries(f) {
  return { tsq: sql29`${f.parsed.tsq}::tsquery`, pq: f.parsed.pq ? sql29`${f.parsed.pq}::tsquery` : sql29`null::tsquery` };
}
function hitsSql(s, f) {
  const { tsq, pq } = tsqueries(f);
  const inCommunity = f.communityId ? sql29`and c.id = ${f.communityId}` : sql29``;
  const readable2 = (col) => sql29`${col} = any(array(select id from readable))`;
  const inLibraryOrReadable = f.communityId ? readable2(sql29`x.community_id`) : sql29`(x.community_id is null or ${readable2(sql29`x.community_id`)})`;
  const branch = (kind, inner, bonus = sql29`0`) => sql29`select ${kind}::text, b.id, b.post_id, ts_rank_cd(${WEIGHTS}, b.search, ${tsq}) + ${bonus}, b.at
        from (${inner} limit ${CANDIDATES}) b`;
  const prefixBonus = sql29`case when b.search @@ ${pq} then 0.05 else 0 end`;
  const branches = [];
  if (!f.communityId) {
    branches.push(
      branch(
        "person",
        sql29`select p.id, null::uuid as post_id, p.search, p.created_at as at from people p
            where p.org_id = ${s.orgId} and p.status <> 'deactivated' and (p.search @@ ${tsq} or p.search @@ ${pq})
            order by p.created_at desc`,
        prefixBonus
      ),
      branch(
        "community",
        sql29`select c.id, null::uuid as post_id, c.search, c.created_at as at from communities c
            left join community_members m on m.community_id = c.id and m.person_id = ${s.personId}
            where c.org_id = ${s.orgId} and (c.search @@ ${tsq} or c.search @@ ${pq})
              and (c.visibility <> 'secret' or m.person_id is not null or ${s.isAdmin})
            order by c.created_at desc`,
        prefixBonus
      )
    );
  }
  branches.push(
    branch(
      "thread",
      sql29`select t.id, null::uuid as post_id, t.search, t.last_activity_at as at from threads t
          where t.search @@ ${tsq} and t.deleted_at is null and t.org_id = ${s.orgId} and ${readable2(sql29`t.community_id`)}
          order by t.last_activity_at desc`
    ),
    // Posts: the newest CANDIDATES live matches in readable communities (an index scan in created_at order when the
    // word is common, the GIN bitmap when it is rare); their threads are checked after the limit, by primary key.
    sql29`select 'thread'::text, t.id, b.post_id, ts_rank_cd(${WEIGHTS}, b.search, ${tsq}), t.last_activity_at
        from (select po.thread_id, po.id as post_id, po.search from posts po
              where po.search @@ ${tsq} and po.deleted_at is null and po.org_id = ${s.orgId} and ${readable2(sql29`po.community_id`)}
              order by po.created_at desc limit ${CANDIDATES}) b
        join threads t on t.id = b.thread_id and t.deleted_at is null`,
    branch(
      "resource",
      sql29`select x.id, null::uuid as post_id, x.search, x.created_at as at from resources x
          where x.search @@ ${tsq} and x.deleted_at is null and x.org_id = ${s.orgId} and ${inLibraryOrReadable}
          order by x.created_at desc`
    ),
    branch(
      "pathway",
      sql29`select x.id, null::uuid as post_id, x.search, x.created_at as at from pathways x
          where x.search @@ ${tsq} and x.deleted_at is null and x.org_id = ${s.orgId} and ${inLibraryOrReadable}
            and (x.status = 'published' or x.author_id = ${s.personId})
          order by x.created_at desc`
    )
  );
  return sql29`readable as materialized (
      select c.id from communities c
      left join community_members m on m.community_id = c.id and m.person_id = ${s.personId} and m.status = 'active'
      where c.org_id = ${s.orgId} and (c.visibility = 'open' or m.person_id is not null) ${inCommunity}),
    hits (kind, id, post_id, rank, at) as (${sql29.join(branches, sql29` union all `)}),
    best as materialized (
      select distinct on (kind, id) kind, id, post_id, rank, at from hits order by kind, id, rank desc, post_id nulls first)`;
}
async function countHits(db, s, f) {
  return selectRows(
    db,
    sql29`with ${hitsSql(s, f)} select kind, count(*)::int as n,
          exists (select 1 from hits group by kind, post_id is null having count(*) >= ${CANDIDATES}) as capped
        from best group by kind`
  );
}
var KIND_OF_TYPE = { all: null, people: "person", communities: "community", threads: "thread", resources: "resource", pathways: "pathway" };
function selectHitPage(db, s, f) {
  return selectRows(db, hitPageSql(s, f));
}
function hitPageSql(s, f) {
  const kind = KIND_OF_TYPE[f.type];
  const { tsq, pq } = tsqueries(f);
  const hl = (extra) => `StartSel="${f.markers.start}", StopSel="${f.markers.stop}", ${extra}`;
  const titleOpts = hl("HighlightAll=true");
  const snippetOpts = hl('MaxFragments=2, MaxWords=24, MinWords=12, FragmentDelimiter=" \u2026 "');
  return sql29`with ${hitsSql(s, f)},
      counts as (select json_object_agg(kind, n) as counts from (select kind, count(*)::int as n from best group by kind) k),
      capped as (select exists (select 1 from hits group by kind, post_id is null having count(*) >= ${CANDIDATES}) as capped),
      page as (select * from best ${kind ? sql29`where kind = ${kind}` : sql29``} order by rank desc, at desc, id limit ${f.limit} offset ${f.offset})
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

// server/src/modules/search/search.service.ts
var EMPTY_COUNTS = { all: 0, people: 0, communities: 0, threads: 0, resources: 0, pathways: 0 };
var NO_WORDS = "Type a few words to search for \u2014 very common words such as \u201Cthe\u201D or \u201Cand\u201D are ignored on their own.";
function countsOf(rows) {
  const cap = (n) => Math.min(n ?? 0, SEARCH_LIMITS.countCap);
  const c = { people: cap(rows.person), communities: cap(rows.community), threads: cap(rows.thread), resources: cap(rows.resource), pathways: cap(rows.pathway) };
  return { all: c.people + c.communities + c.threads + c.resources + c.pathways, ...c };
}
async function countOnly(db, searcher, f) {
  const rows = await countHits(db, searcher, f);
  return { counts: Object.fromEntries(rows.map((r) => [r.kind, r.n])), capped: rows.some((r) => r.capped) };
}
function urlOf(r) {
  switch (r.kind) {
    case "person":
      return `/people/${r.id}`;
    case "community":
      return `/communities/${r.slug}`;
    case "thread":
      return r.postId && !r.isFirstPost ? `/threads/${r.id}#post-${r.postId}` : `/threads/${r.id}`;
    case "resource":
      return `/resources/${r.id}`;
    default:
      return `/pathways/${r.id}`;
  }
}
function presentHit(r, markers) {
  const snippet = markedHtml(r.snippetMarked, markers);
  return {
    kind: r.kind,
    id: r.id,
    title: r.title,
    titleHtml: markedHtml(r.titleMarked ?? r.title, markers),
    snippetHtml: r.kind === "person" && !snippet.includes("<mark>") ? "" : snippet,
    postId: r.kind === "thread" ? r.postId : null,
    community: r.communityId && r.communityName && r.communitySlug ? { id: r.communityId, name: r.communityName, slug: r.communitySlug } : null,
    meta: r.meta,
    url: urlOf(r),
    at: toIso(r.at)
  };
}
async function search(db, actor, query) {
  let offset = 0;
  if (query.cursor) {
    const [n] = decodeCursor(query.cursor, 1);
    if (!isServedOffset(n)) throw new AppError("VALIDATION_FAILED", "The cursor is not valid; start again from the first page.", { errors: [{ field: "cursor", message: "Invalid cursor" }] });
    offset = n;
  }
  if (query.communityId) {
    const access2 = await loadCommunityAccess(db, actor, query.communityId);
    if (!access2.canRead) throw new AppError("FORBIDDEN", "Only members can search this community\u2019s content.");
  }
  const empty = (message) => ({ items: [], nextCursor: null, counts: EMPTY_COUNTS, countsAreLowerBounds: false, message });
  if (!query.q) return empty(NO_WORDS);
  const parsed = await parseQuery(db, query.q, prefixQuery(query.q));
  if (!parsed.tsq) return empty(NO_WORDS);
  const searcher = { orgId: actor.orgId, personId: actor.personId, isAdmin: actor.isAdmin };
  const f = { parsed, communityId: query.communityId };
  const markers = newMarkers();
  const rows = await selectHitPage(db, searcher, { ...f, type: query.type, limit: query.limit + 1, offset, markers });
  const counted = rows[0] ? { counts: rows[0].counts ?? {}, capped: rows[0].capped } : await countOnly(db, searcher, f);
  const kept = rows.slice(0, query.limit);
  const next = offset + query.limit;
  return {
    items: kept.map((r) => presentHit(r, markers)),
    nextCursor: rows.length > query.limit && next <= SEARCH_LIMITS.maxOffset ? encodeCursor([next]) : null,
    counts: countsOf(counted.counts),
    countsAreLowerBounds: counted.capped,
    message: null
  };
}

// server/src/modules/search/search.routes.ts
function searchRoutes(app, deps) {
  const r = app.withTypeProvider();
  r.get(
    "/api/search",
    { schema: { tags: ["search"], querystring: SearchQuery, response: { 200: SearchResponse } } },
    (req) => search(deps.db, requireActor(req), req.query)
  );
}

// server/src/modules/search/index.ts
async function register15(app, deps) {
  searchRoutes(app, deps);
}

// server/src/modules/system/index.ts
async function register16(app, deps) {
  app.withTypeProvider().get("/api/health", { schema: { tags: ["system"], response: { 200: HealthResponse } }, config: { rateLimit: false } }, async () => {
    await deps.database.ping();
    return { status: "ok", database: deps.database.kind };
  });
}

// server/src/app.ts
async function buildApp(deps, opts = {}) {
  const { config } = deps;
  const app = Fastify({
    logger: opts.logger === false || config.LOG_LEVEL === "silent" ? false : { level: config.LOG_LEVEL, redact: ["req.headers.cookie", "req.headers.authorization", 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    trustProxy: config.trustProxy,
    bodyLimit: 6 * 1024 * 1024,
    genReqId: () => randomUUID3(),
    routerOptions: { maxParamLength: 200 },
    // Errors the router raises before any route runs (an over-long id, a malformed URL) get our problem format too.
    frameworkErrors: (error, _request, reply) => error.code === "FST_ERR_MAX_PARAM_LENGTH" ? sendProblem(reply, 414, "URI_TOO_LONG", "That address is too long.") : sendProblem(reply, 400, "BAD_URL", "That address is not valid.")
  }).withTypeProvider();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installSecurityHeaders(app, config);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: config.API_RATE_LIMIT_PER_MINUTE,
    timeWindow: "1 minute",
    // After the session hook (onRequest), so a signed-in person is counted as themself rather than by IP;
    // before validation, so malformed requests count too.
    hook: "preValidation",
    keyGenerator: (req) => req.actor?.personId ?? req.ip,
    errorResponseBuilder: (_req, ctx) => {
      const err = new Error(`Too many requests. Try again in ${Math.ceil(ctx.ttl / 1e3)} seconds.`);
      err.statusCode = 429;
      return err;
    }
  });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(swagger, {
    openapi: { info: { title: "Hearth API", version: "0.1.0" } },
    transform: jsonSchemaTransform
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });
  installSessionAndCsrf(app, deps.db, config, deps.sessions);
  const typed = app;
  await register16(typed, deps);
  await register2(typed, deps);
  await register(typed, deps);
  await register11(typed, deps);
  await register3(typed, deps);
  await register4(typed, deps);
  await register5(typed, deps);
  await register14(typed, deps);
  await register7(typed, deps);
  await register15(typed, deps);
  await register13(typed, deps);
  await register12(typed, deps);
  await register8(typed, deps);
  await register10(typed, deps);
  await register6(typed, deps);
  await register9(typed, deps);
  if (existsSync2(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: false,
      // Built assets carry a content hash in their name: a browser keeps them for a year and never asks again. Pages
      // (index.html) are revalidated on each visit, so a new release reaches people on their next load.
      cacheControl: false,
      // The build writes .br and .gz copies (web/vite.config.ts): the one the browser accepts is sent.
      preCompressed: true,
      setHeaders: (reply, path) => void reply.header("cache-control", path.includes(`${sep2}assets${sep2}`) ? "public, max-age=31536000, immutable" : "no-cache")
    });
    app.get("/*", (request, reply) => {
      if (request.url.startsWith("/api")) return sendProblem(reply, 404, "NOT_FOUND", `No route GET ${request.url.split("?")[0]}.`);
      const path = request.url.split("?")[0];
      if (path !== "/" && existsSync2(join5(webDist, path)) && !path.includes("..")) return reply.sendFile(path.slice(1));
      return reply.type("text/html").sendFile("index.html");
    });
  }
  return app;
}

// server/src/boot.ts
import { hostname } from "node:os";
import { join as join8 } from "node:path";

// server/src/kernel/db/database.ts
import { join as join7 } from "node:path";
import { sql as sql30 } from "drizzle-orm";

// server/src/kernel/db/data-dir-lock.ts
import { mkdirSync as mkdirSync2, readFileSync, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join6 } from "node:path";
var DataDirLockedError = class extends Error {
  constructor(dir, pid) {
    super(
      `The data directory ${dir} is in use by another Hearth process (pid ${pid}). Stop that process first, or set HEARTH_DATA_DIR to another folder.`
    );
    this.dir = dir;
    this.pid = pid;
  }
  dir;
  pid;
};
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function lockDataDir(dir) {
  mkdirSync2(dir, { recursive: true });
  const file = join6(dir, "hearth.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync2(file, String(process.pid), { flag: "wx" });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (readFileSync(file, "utf8") === String(process.pid)) rmSync(file);
          } catch {
          }
        }
      };
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const pid = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

// server/src/kernel/db/database.ts
async function openPostgres(url, opts = {}) {
  const [{ default: pg2 }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator")
  ]);
  pg2.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg2.Pool({ connectionString: url, max: Math.max(2, opts.max ?? 10), connectionTimeoutMillis: 5e3 });
  pool.on("error", () => {
  });
  const db = drizzlePg(pool, { schema: schema_exports });
  if (opts.migrate !== false) {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock(727274)");
      await migratePg(db, { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock(727274)").catch(() => {
      });
      client.release();
    }
  }
  return {
    kind: "postgres",
    db,
    pool,
    ping: async () => void await pool.query("select 1"),
    close: () => pool.end()
  };
}
async function openPglite(opts) {
  let lock;
  let dir;
  if (opts.dataDir) {
    lock = lockDataDir(opts.dataDir);
    dir = join7(opts.dataDir, "pglite");
  }
  try {
    const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
      import("@electric-sql/pglite"),
      import("drizzle-orm/pglite"),
      import("drizzle-orm/pglite/migrator")
    ]);
    const client = opts.loadDataDir ? new PGlite({ dataDir: dir, loadDataDir: opts.loadDataDir }) : new PGlite(dir);
    await client.waitReady;
    const db = drizzlePglite(client, { schema: schema_exports });
    if (opts.migrate !== false) await migratePglite(db, { migrationsFolder });
    return {
      kind: "pglite",
      db,
      pglite: client,
      ping: async () => void await client.query("select 1"),
      close: async () => {
        await client.close();
        lock?.release();
      }
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

// server/src/kernel/events.ts
var EventBus = class {
  constructor(log = () => {
  }) {
    this.log = log;
  }
  log;
  handlers = /* @__PURE__ */ new Map();
  /** Registers a handler for one event type. */
  on(type, handler) {
    this.handlers.set(type, [...this.handlers.get(type) ?? [], handler]);
  }
  /** Runs `work` in a transaction; events it emits are written to the outbox and dispatched after commit. */
  async transaction(db, work) {
    const pending = [];
    const result = await db.transaction(async (tx) => {
      const value = await work(tx, (e) => pending.push(e));
      if (pending.length) await tx.insert(domainEvents).values(pending.map((e) => ({ type: e.type, orgId: e.orgId, payload: e.payload })));
      return value;
    });
    for (const e of pending) void this.dispatch(e);
    return result;
  }
  async dispatch(event) {
    for (const h of this.handlers.get(event.type) ?? []) {
      try {
        await h(event);
      } catch (err) {
        this.log(err, event);
      }
    }
  }
};

// server/src/kernel/realtime/channel-bus.ts
import { EventEmitter } from "node:events";
import pg from "pg";
function createLocalBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, message) {
      queueMicrotask(() => emitter.emit("m", { channel, message }));
    },
    subscribe: (l) => void emitter.on("m", l),
    close: async () => void emitter.removeAllListeners()
  };
}
var PG_CHANNEL = "hearth_bus";
async function createPostgresBus(url, pool, log = () => {
}) {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client = null;
  let closed = false;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => {
      if (!n.payload) return;
      try {
        emitter.emit("m", JSON.parse(n.payload));
      } catch {
      }
    });
    c.on("error", (err) => {
      log("bus connection lost", err);
      client = null;
      if (!closed) setTimeout(() => void connect().catch(() => {
      }), 1e3);
    });
    await c.connect();
    await c.query(`LISTEN ${PG_CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    async publish(channel, message) {
      const payload = JSON.stringify({ channel, message });
      if (Buffer.byteLength(payload) > 7900) throw new Error("bus payload too large; send ids");
      await pool.query("select pg_notify($1, $2)", [PG_CHANNEL, payload]);
    },
    subscribe: (l) => void emitter.on("m", l),
    async close() {
      closed = true;
      emitter.removeAllListeners();
      await client?.end().catch(() => {
      });
    }
  };
}

// server/src/kernel/realtime/hub.ts
var CHANNEL = /^([a-z-]+):([0-9a-f-]{36})$/;
var PERSON_ID = /^[0-9a-f-]{36}$/;
var SocketHub = class {
  constructor(bus) {
    this.bus = bus;
    bus.subscribe(({ channel, message }) => this.deliver(channel, message));
  }
  bus;
  channels = /* @__PURE__ */ new Map();
  authorizers = /* @__PURE__ */ new Map();
  signalAuthorizers = /* @__PURE__ */ new Map();
  /** A module declares who may subscribe to its channels `<prefix>:<id>` (e.g. threads they can read). */
  allow(prefix, authorize) {
    this.authorizers.set(prefix, authorize);
  }
  /** A module declares who may send peer signals within its channels `<prefix>:<id>`, and to whom. */
  allowSignal(prefix, authorize) {
    this.signalAuthorizers.set(prefix, authorize);
  }
  /** True when `actor` may signal person `to` within `channel`. Unknown prefixes, self-signals and errors mean no. */
  async canSignal(actor, channel, to) {
    const m = CHANNEL.exec(channel);
    const authorize = m ? this.signalAuthorizers.get(m[1]) : void 0;
    if (!m || !authorize || !PERSON_ID.test(to) || to === actor.personId) return false;
    try {
      return await authorize(actor, m[2], to) === true;
    } catch {
      return false;
    }
  }
  /** True when `socket` has joined `channel` on this node. */
  isJoined(channel, socket) {
    return this.channels.get(channel)?.has(socket) ?? false;
  }
  /** True when a client may subscribe to `channel`: some module allows it for this actor. Unknown prefixes are refused. */
  async canSubscribe(actor, channel) {
    const m = CHANNEL.exec(channel);
    const authorize = m ? this.authorizers.get(m[1]) : void 0;
    if (!m || !authorize) return false;
    try {
      return await authorize(actor, m[2]);
    } catch {
      return false;
    }
  }
  /** Adds a socket to a channel until it closes. */
  join(channel, socket) {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, set = /* @__PURE__ */ new Set());
    set.add(socket);
    socket.once("close", () => this.leave(channel, socket));
  }
  /** Removes a socket from a channel. */
  leave(channel, socket) {
    const set = this.channels.get(channel);
    if (!set) return;
    set.delete(socket);
    if (!set.size) this.channels.delete(channel);
  }
  /** Publishes to a channel on every node. */
  publish(channel, message) {
    return this.bus.publish(channel, message);
  }
  /** Number of sockets on this node. */
  get size() {
    let n = 0;
    for (const s of this.channels.values()) n += s.size;
    return n;
  }
  /** Closes every socket (shutdown). */
  closeAll(code = 1001, reason = "server shutting down") {
    for (const set of this.channels.values()) for (const s of set) s.close(code, reason);
  }
  deliver(channel, message) {
    const set = this.channels.get(channel);
    if (!set) return;
    const data = JSON.stringify(message);
    for (const s of set) if (s.readyState === 1) s.send(data);
  }
};

// server/src/boot.ts
function openDatabase(config) {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite({ dataDir: config.HEARTH_DATA_DIR });
}
async function createDeps(config, database, opts = {}) {
  const log = opts.log ?? (() => {
  });
  const bus = database.kind === "postgres" && config.DATABASE_URL && database.pool ? await createPostgresBus(config.DATABASE_URL, database.pool, log) : createLocalBus();
  return {
    config,
    database,
    db: database.db,
    bus,
    hub: new SocketHub(bus),
    sessions: createSessionCache(bus, log),
    events: new EventBus((err, e) => log(`event handler failed for ${e.type}`, err)),
    mailer: opts.mailer ?? createMailer(config.SMTP_URL, config.MAIL_FROM, join8(config.HEARTH_DATA_DIR, "outbox"), (m) => log(m)),
    nodeId: config.NODE_ID ?? `${hostname()}:${process.pid}`
  };
}

// server/src/config.ts
import { join as join9 } from "node:path";
import { z as z28 } from "zod";
var ConfigSchema = z28.object({
  /** Port to listen on. */
  PORT: z28.coerce.number().int().min(0).max(65535).default(3e3),
  /** Interface to bind. */
  HOST: z28.string().default("127.0.0.1"),
  /** PostgreSQL connection string; when absent Hearth runs on embedded PGlite. */
  DATABASE_URL: z28.string().url().optional(),
  /** Folder of the embedded database and uploads. */
  HEARTH_DATA_DIR: z28.string().default("./data"),
  /** Public base URL used in links in emails and for the WebSocket Origin check. */
  PUBLIC_URL: z28.string().url().optional(),
  /** Extra allowed browser origins, comma separated. */
  ALLOWED_ORIGINS: z28.string().default(""),
  /** SMTP server URL for outgoing mail, e.g. smtp://user:pass@mail.example.com:587; unset = mail is logged, not sent. */
  SMTP_URL: z28.string().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z28.string().default("Hearth <hearth@localhost>"),
  /** Create the demo organization at start when the database has none (defaults to on for PGlite only). */
  HEARTH_DEMO: z28.enum(["auto", "on", "off"]).default("auto"),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z28.coerce.number().int().min(1).default(30),
  /** Hours after sign-in after which a session ends regardless of activity. */
  SESSION_ABSOLUTE_HOURS: z28.coerce.number().int().min(1).default(12),
  /** Trust X-Forwarded-For from a reverse proxy (true, or a comma-separated list of proxy addresses). */
  TRUST_PROXY: z28.string().default("false"),
  /** Log level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z28.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** production enables Secure cookies and refuses unsafe defaults. */
  NODE_ENV: z28.enum(["development", "production", "test"]).default("development"),
  /** Sign-in attempts allowed per IP per minute. */
  SIGNIN_PER_IP_PER_MINUTE: z28.coerce.number().int().min(1).default(10),
  /** Failed sign-ins allowed per account per 15 minutes before it is slowed down. */
  SIGNIN_FAILURES_PER_ACCOUNT: z28.coerce.number().int().min(1).default(5),
  /** Requests per minute per person (or per IP when signed out) across the API. */
  API_RATE_LIMIT_PER_MINUTE: z28.coerce.number().int().min(1).default(1200),
  /** Threads and replies one person may post per minute (429 with Retry-After past it). */
  POSTS_PER_MINUTE: z28.coerce.number().int().min(1).default(12),
  /** Direct messages one person may send per minute (429 with Retry-After past it). */
  MESSAGES_PER_MINUTE: z28.coerce.number().int().min(1).default(30),
  /** Seconds between daily-digest runs on this node; 0 turns the digest timer off (tests call the run directly). */
  DIGEST_INTERVAL_SECONDS: z28.coerce.number().int().min(0).default(600),
  /** Seconds between event-reminder runs on this node (24 h and 15 min before start); 0 turns the timer off (tests). */
  EVENT_REMINDER_INTERVAL_SECONDS: z28.coerce.number().int().min(0).default(60),
  /** Hours an expert question waits for an answer before it falls back to the next experts / a community post. */
  EXPERT_ANSWER_WINDOW_HOURS: z28.coerce.number().min(0).default(48),
  /** Seconds between expert-question fallback runs on this node; 0 turns the timer off (tests call the run directly). */
  EXPERT_FALLBACK_INTERVAL_SECONDS: z28.coerce.number().int().min(0).default(600),
  /** Folder of uploaded media files (defaults to <HEARTH_DATA_DIR>/media). */
  MEDIA_DIR: z28.string().optional(),
  /** Media uploads one person may make per hour (429 with Retry-After past it). */
  MEDIA_UPLOADS_PER_HOUR: z28.coerce.number().int().min(1).default(60),
  /** Node identity for presence bookkeeping (defaults to host:pid). */
  NODE_ID: z28.string().optional(),
  /**
   * STUN/TURN servers for breakout audio/video, as JSON: [{"urls":"turn:turn.example.com:3478","username":"u","credential":"p"}].
   * Unset = none: members on one network (office LAN, VPN) still connect directly.
   */
  LIVE_ICE_SERVERS: z28.string().default("[]").transform((raw, ctx) => {
    let value;
    try {
      value = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON array of {"urls": \u2026, "username"?, "credential"?}' });
      return z28.NEVER;
    }
    const parsed = z28.array(IceServer).safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: `must be a JSON array of ICE servers: ${parsed.error.issues.map((i) => `${i.path.join(".") || "value"} ${i.message}`).join("; ")}` });
      return z28.NEVER;
    }
    return parsed.data;
  })
});
function loadConfig(env = process.env) {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:
${lines.join("\n")}`);
  }
  const c = parsed.data;
  const trustProxy = c.TRUST_PROXY === "true" ? true : c.TRUST_PROXY === "false" ? false : c.TRUST_PROXY.split(",").map((s) => s.trim());
  return { ...c, trustProxy, mediaDir: c.MEDIA_DIR ?? join9(c.HEARTH_DATA_DIR, "media") };
}

// server/db/seeds/demo.ts
import { eq as eq21 } from "drizzle-orm";

// server/db/seeds/demo-communities.ts
import { eq as eqId } from "drizzle-orm";

// server/db/seeds/demo-data.ts
var DEPARTMENTS = [
  { name: "Engineering", skills: ["TypeScript", "System design", "Code review", "Kubernetes", "Testing", "PostgreSQL"], titles: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Site Reliability Engineer"] },
  { name: "Product", skills: ["Product discovery", "Roadmapping", "User interviews", "Prioritization", "Analytics"], titles: ["Product Manager", "Senior Product Manager", "Product Analyst"] },
  { name: "Design", skills: ["UX research", "Interaction design", "Accessibility", "Prototyping", "Design systems"], titles: ["Product Designer", "UX Researcher", "Content Designer"] },
  { name: "Sales", skills: ["Negotiation", "Discovery calls", "Forecasting", "Account planning", "Storytelling"], titles: ["Account Executive", "Sales Development Rep", "Solutions Consultant"] },
  { name: "Marketing", skills: ["Copywriting", "SEO", "Campaign planning", "Brand", "Storytelling"], titles: ["Marketing Manager", "Content Strategist", "Growth Marketer"] },
  { name: "Customer Success", skills: ["Onboarding", "Coaching", "Conflict resolution", "Active listening", "Account planning"], titles: ["Customer Success Manager", "Support Specialist", "Implementation Lead"] },
  { name: "Finance", skills: ["Financial modelling", "Budgeting", "Excel", "Forecasting", "Compliance"], titles: ["Financial Analyst", "Accountant", "Controller"] },
  { name: "People & Culture", skills: ["Facilitation", "Coaching", "Learning design", "Employment law", "Feedback"], titles: ["People Partner", "Learning Designer", "Recruiter"] },
  { name: "Operations", skills: ["Process improvement", "Vendor management", "Project management", "Lean", "Excel"], titles: ["Operations Manager", "Project Manager", "Business Analyst"] },
  { name: "Legal", skills: ["Contract review", "Privacy law", "Negotiation", "Compliance", "Risk assessment"], titles: ["Legal Counsel", "Privacy Officer", "Paralegal"] }
];
var PLACES = [
  { location: "Berlin", timeZone: "Europe/Berlin" },
  { location: "London", timeZone: "Europe/London" },
  { location: "Lisbon", timeZone: "Europe/Lisbon" },
  { location: "New York", timeZone: "America/New_York" },
  { location: "San Francisco", timeZone: "America/Los_Angeles" },
  { location: "S\xE3o Paulo", timeZone: "America/Sao_Paulo" },
  { location: "Bangalore", timeZone: "Asia/Kolkata" },
  { location: "Singapore", timeZone: "Asia/Singapore" }
];
var SHARED_SKILLS = ["Public speaking", "Mentoring", "Leadership", "Data literacy", "Writing", "Time management", "Spanish", "Python"];
var INTERESTS = ["Running", "Climbing", "Photography", "Board games", "Cooking", "Podcasts", "Sustainability", "Jazz", "Chess", "Gardening", "Volunteering", "Sci-fi", "Cycling", "Yoga", "Travel"];
var FIRST = ["Aisha", "Ben", "Carla", "Daniel", "Elif", "Felix", "Grace", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Arjun", "Bea", "Chidi", "Dana", "Emil", "Fatima", "Gabriel", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Noor"];
var LAST = ["Andersen", "Bauer", "Costa", "Dubois", "Eze", "Fischer", "Garc\xEDa", "Hoffmann", "Ito", "Jensen", "Kowalski", "Larsen", "M\xFCller", "Nakamura", "Oliveira", "Petrov", "Quinteros", "Rossi", "Silva", "Tanaka", "Urban", "Varga", "Wong", "Xu", "Yilmaz", "Zhang", "Nguyen", "Mensah", "Kaur", "Haddad"];
var NAMED = [
  { email: "admin@example.com", name: "Alex Morgan", department: "People & Culture", title: "Head of Learning & Development", roles: ["admin", "facilitator"], place: 0 },
  { email: "maya.patel@example.com", name: "Maya Patel", department: "Engineering", title: "Engineering Manager", roles: [], place: 1 },
  { email: "sam.okafor@example.com", name: "Sam Okafor", department: "Sales", title: "Account Executive", roles: [], place: 3 },
  { email: "lea.schmidt@example.com", name: "Lea Schmidt", department: "Design", title: "Product Designer", roles: ["moderator"], place: 0 },
  { email: "tomas.reyes@example.com", name: "Tom\xE1s Reyes", department: "Customer Success", title: "Customer Success Manager", roles: ["facilitator"], place: 5 }
];
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

// server/db/seeds/demo-communities.ts
var RULES = `1. **Be kind and assume good intent.** Everyone here is learning.
2. **What is shared here stays here.** Ask before quoting someone outside the community.
3. **Share generously** \u2014 answer questions, credit ideas, link sources.
4. **No confidential customer data.**`;
var DEMO = [
  {
    name: "Leading Teams Circle",
    slug: "leading-teams",
    kind: "practice",
    visibility: "open",
    description: "Managers and aspiring leaders swapping what works: one-to-ones, feedback, hiring and growing people.",
    topics: ["leadership", "mentoring", "public speaking"],
    owner: "maya.patel@example.com",
    departments: ["Engineering", "Sales", "People & Culture"],
    size: 34,
    threads: [
      { kind: "announcement", title: "Welcome \u2014 start here", body: "Introduce yourself below: **your team**, one thing you want to get better at this quarter, and one thing you could teach others.", replies: ["Hi all! Leading a team of six in Lisbon; want to get better at delegation, happy to teach SQL basics.", "New manager since May \u2014 feedback conversations are my growth edge."] },
      {
        kind: "question",
        title: "How do you run a first one-to-one with someone who just joined your team?",
        body: "I have two new reports starting Monday. What do you cover in the **first** one-to-one, and what do you leave for later?",
        replies: [
          "I ask three questions: what energises you, what drains you, and how do you like to get feedback. Then I write the answers down and share them back.",
          "Keep it short (30 min) and agree on a rhythm. Leave goals for week three."
        ],
        accepted: 0
      },
      { kind: "discussion", title: 'Book club: "Radical Candor" \u2014 chapter 3 thoughts', body: "Chapter 3 is about *guidance*. What surprised you?", replies: ["Asking for criticism first, before giving it. Trying it this week."] }
    ]
  },
  {
    name: "Data & Analytics Guild",
    slug: "data-guild",
    kind: "practice",
    visibility: "open",
    description: "Dashboards, SQL, Python and data literacy for everyone \u2014 ask anything, no question too basic.",
    topics: ["python", "data literacy", "sql"],
    owner: "admin@example.com",
    departments: ["Engineering", "Finance", "Marketing"],
    size: 40,
    threads: [
      {
        kind: "question",
        title: "What is the quickest way to learn enough SQL for our sales dashboards?",
        body: "I can read a spreadsheet but `JOIN` scares me. Where should I start?",
        replies: ["Start with SELECT, WHERE and GROUP BY on one table; joins come naturally after a week.", "Happy to pair for 30 minutes on Thursday \u2014 send me a question you want answered from the data."]
      },
      { kind: "discussion", title: "Share your favourite chart that changed a decision", body: "Mine: a simple cohort retention chart that ended a six-month debate.", replies: [] }
    ]
  },
  {
    name: "New Managers Cohort",
    slug: "new-managers",
    kind: "practice",
    visibility: "request",
    description: "A safe space for people in their first year of managing. Ask to join; moderators approve within a day.",
    topics: ["leadership", "time management"],
    owner: "tomas.reyes@example.com",
    departments: ["Customer Success", "Engineering", "Sales"],
    size: 14,
    threads: [{ kind: "discussion", title: "What I wish I had known in month one", body: "Mine: your calendar is now your strategy.", replies: [`Say "I don't know yet, let me find out" more often.`] }]
  },
  {
    name: "Design Critique Club",
    slug: "design-critique",
    kind: "practice",
    visibility: "open",
    description: "Bring work in progress, get kind and specific feedback. Weekly prompts and short video walk-throughs.",
    topics: ["design", "writing", "public speaking"],
    owner: "lea.schmidt@example.com",
    departments: ["Design", "Product", "Marketing"],
    size: 22,
    threads: [{ kind: "question", title: "How do you give feedback on copy without rewriting it?", body: "I keep rewriting other people's words. Better approaches?", replies: ['Point at the reader: "a new customer might read this as\u2026" instead of suggesting words.'], accepted: 0 }]
  },
  {
    name: "Runners of Northwind",
    slug: "runners",
    kind: "interest",
    visibility: "open",
    description: "Lunch runs, weekend races and training plans across all our offices.",
    topics: ["running", "cycling"],
    owner: "sam.okafor@example.com",
    departments: [],
    size: 18,
    threads: [{ kind: "discussion", title: "Anyone up for the city 10k in spring?", body: "Looking for training buddies in Berlin and Lisbon.", replies: ["In! Lisbon crew meets Tuesdays at 7."] }]
  }
];
async function seedDemoCommunities(tx, orgId2, everyone) {
  const rand = prng(4242);
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const start2 = Date.now() - 14 * 24 * 36e5;
  for (const [ci, d] of DEMO.entries()) {
    const owner = byEmail.get(d.owner) ?? everyone[0];
    const pool = [...everyone].sort((a, b) => (d.departments.includes(b.department ?? "") ? 1 : 0) - (d.departments.includes(a.department ?? "") ? 1 : 0) || rand() - 0.5);
    const members = [owner, ...pool.filter((p) => p.id !== owner.id).slice(0, d.size - 1)];
    for (const named of ["admin@example.com", "maya.patel@example.com", "lea.schmidt@example.com", "tomas.reyes@example.com"]) {
      const p = byEmail.get(named);
      if (p && d.visibility === "open" && !members.includes(p)) members.push(p);
    }
    const [c] = await tx.insert(communities).values({ orgId: orgId2, slug: d.slug, name: d.name, kind: d.kind, visibility: d.visibility, description: d.description, topics: d.topics, rules: RULES, rulesHtml: renderMarkdown(RULES), createdBy: owner.id, memberCount: members.length, threadCount: d.threads.length }).returning();
    await tx.insert(communityMembers).values(members.map((p, i) => ({ communityId: c.id, personId: p.id, orgId: orgId2, role: i === 0 ? "owner" : "member", status: "active", rulesAccepted: 1 })));
    let at = start2 + ci * 36e5;
    for (const t of d.threads) {
      at += 7 * 36e5;
      const author = t.kind === "announcement" ? owner : members[1 + Math.floor(rand() * (members.length - 1))];
      const [th] = await tx.insert(threads).values({ orgId: orgId2, communityId: c.id, authorId: author.id, kind: t.kind, title: t.title, isPinned: t.kind === "announcement", excerpt: plainExcerpt(t.body), replyCount: t.replies.length, answerCount: t.replies.length, createdAt: new Date(at), lastActivityAt: new Date(at + t.replies.length * 36e5) }).returning();
      await tx.insert(posts).values({ orgId: orgId2, threadId: th.id, communityId: c.id, authorId: author.id, body: t.body, html: renderMarkdown(t.body), isFirst: true, createdAt: new Date(at) });
      await tx.insert(activities).values({ orgId: orgId2, communityId: c.id, actorId: author.id, verb: "thread_created", subjectKind: "thread", subjectId: th.id, title: t.title, tags: d.topics, createdAt: new Date(at) });
      for (const [ri, body] of t.replies.entries()) {
        const replier = members.filter((m) => m.id !== author.id)[Math.floor(rand() * (members.length - 1))];
        const [post] = await tx.insert(posts).values({ orgId: orgId2, threadId: th.id, communityId: c.id, authorId: replier.id, body, html: renderMarkdown(body), createdAt: new Date(at + (ri + 1) * 36e5) }).returning();
        await tx.insert(activities).values({ orgId: orgId2, communityId: c.id, actorId: replier.id, verb: "reply_posted", subjectKind: "post", subjectId: post.id, title: t.title, tags: d.topics, createdAt: new Date(at + (ri + 1) * 36e5) });
        if (t.accepted === ri) {
          await tx.update(threads).set({ acceptedPostId: post.id }).where(eqId(threads.id, th.id));
          await tx.insert(communityExperts).values({ communityId: c.id, personId: replier.id, endorsedBy: author.id, orgId: orgId2 }).onConflictDoNothing();
        }
      }
    }
    await tx.update(communities).set({ lastActivityAt: new Date(at) }).where(eqId(communities.id, c.id));
  }
}

// server/db/seeds/demo-events.ts
import { and as and15, eq as eq17, sql as sql31 } from "drizzle-orm";
var DAY = 864e5;
var dayAt = (days, hourUtc) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};
async function seedDemoEvents(tx, orgId2, everyone) {
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const id = (email) => byEmail.get(email)?.id;
  const alex = id("admin@example.com");
  const lea = id("lea.schmidt@example.com");
  const tomas = id("tomas.reyes@example.com");
  const communityId = async (slug) => (await tx.select({ id: communities.id }).from(communities).where(and15(eq17(communities.orgId, orgId2), eq17(communities.slug, slug))))[0]?.id ?? null;
  const membersOf = async (cid) => cid ? (await tx.select({ id: communityMembers.personId }).from(communityMembers).where(and15(eq17(communityMembers.communityId, cid), eq17(communityMembers.status, "active")))).map((m) => m.id) : [];
  const design = await communityId("design-critique");
  const managers = await communityId("new-managers");
  const [program] = await tx.select({ id: programs.id }).from(programs).where(eq17(programs.orgId, orgId2)).limit(1);
  const others = everyone.map((p) => p.id).filter((x) => x !== alex);
  const md2 = (s) => ({ description: s, descriptionHtml: renderMarkdown(s) });
  const drafts = [
    {
      values: {
        orgId: orgId2,
        kind: "webinar",
        title: "Psychological safety in hybrid teams",
        ...md2("What makes people speak up \u2014 and what quietly stops them. A talk with **Dr. Amara Osei**, then questions from the floor.\n\nBring one situation from your team you would like to discuss."),
        startsAt: dayAt(6, 15),
        endsAt: dayAt(6, 16),
        timeZone: "Europe/London",
        joinUrl: "https://meet.example.com/northwind-psych-safety",
        capacity: 40,
        guestSpeakers: [{ name: "Dr. Amara Osei", title: "Organizational psychologist, University of Leeds" }],
        createdBy: alex
      },
      hosts: [alex].filter((x) => Boolean(x)),
      going: others.slice(0, 28)
    },
    {
      values: {
        orgId: orgId2,
        communityId: design,
        kind: "workshop",
        title: "Portfolio critique night",
        ...md2("Bring a piece of work in progress. We pair up, give **specific, kind** feedback, and share one takeaway each."),
        startsAt: dayAt(9, 17),
        endsAt: dayAt(9, 19),
        timeZone: "Europe/Lisbon",
        location: "Studio 2, Lisbon office",
        capacity: 12,
        createdBy: lea
      },
      hosts: [lea].filter((x) => Boolean(x)),
      going: (await membersOf(design)).filter((x) => x !== lea).slice(0, 7)
    },
    {
      values: {
        orgId: orgId2,
        communityId: managers,
        programId: program?.id ?? null,
        kind: "cohort_session",
        title: "Cohort session: one-to-ones that matter",
        ...md2("Small groups of three practise the first five minutes of a one-to-one, then we debrief together."),
        startsAt: dayAt(3, 9),
        endsAt: dayAt(3, 10),
        timeZone: "America/Mexico_City",
        joinUrl: "https://meet.example.com/new-managers-2",
        createdBy: tomas
      },
      hosts: [tomas, alex].filter((x) => Boolean(x)),
      going: (await membersOf(managers)).filter((x) => x !== tomas && x !== alex).slice(0, 10)
    },
    {
      values: {
        orgId: orgId2,
        kind: "webinar",
        title: "Data storytelling for everyone",
        ...md2("How to turn a chart into a decision: three patterns, with examples from our own dashboards."),
        startsAt: dayAt(-10, 14),
        endsAt: dayAt(-10, 15),
        timeZone: "Europe/Berlin",
        joinUrl: "https://meet.example.com/data-storytelling",
        recordingUrl: "https://video.example.com/northwind/data-storytelling",
        createdBy: alex
      },
      hosts: [alex].filter((x) => Boolean(x)),
      going: others.slice(30, 52),
      attended: others.slice(30, 47),
      links: [{ title: "Slides: data storytelling patterns", url: "https://slides.example.com/northwind/data-storytelling" }]
    }
  ];
  for (const d of drafts) {
    const [e] = await tx.insert(events).values({ ...d.values, goingCount: d.going.length }).returning({ id: events.id });
    if (d.hosts.length) await tx.insert(eventHosts).values(d.hosts.map((personId) => ({ eventId: e.id, personId, orgId: orgId2 })));
    if (d.going.length) await tx.insert(eventRsvps).values(d.going.map((personId) => ({ eventId: e.id, personId, orgId: orgId2, status: "going", respondedAt: sql31`now() - interval '2 days'` })));
    if (d.attended?.length) await tx.insert(eventAttendance).values(d.attended.map((personId) => ({ eventId: e.id, personId, orgId: orgId2 })));
    if (d.links?.length) await tx.insert(eventResources).values(d.links.map((l, position) => ({ eventId: e.id, orgId: orgId2, position, title: l.title, url: l.url })));
  }
}

// server/db/seeds/demo-live.ts
import { and as and16, eq as eq18 } from "drizzle-orm";
async function seedDemoLive(tx, orgId2, everyone) {
  const tomas = everyone.find((p) => p.email === "tomas.reyes@example.com");
  const [program] = await tx.select({ id: programs.id }).from(programs).where(and16(eq18(programs.orgId, orgId2), eq18(programs.title, "New Manager Journey")));
  if (!tomas || !program) return;
  const tomorrow = /* @__PURE__ */ new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(15, 0, 0, 0);
  const [session] = await tx.insert(liveSessions).values({
    orgId: orgId2,
    programId: program.id,
    title: "Live: one-to-ones that matter",
    description: "Icebreaker in threes, a quick poll, small-group discussion, then time with your learning partner. What is shared here stays here.",
    startsAt: tomorrow,
    capacity: 40,
    createdBy: tomas.id
  }).returning({ id: liveSessions.id });
  const segments = UpdateAgendaRequest.parse({ segments: templateSegments("graduated") }).segments;
  await tx.insert(liveSegments).values(segments.map((s, position) => ({ ...s, sessionId: session.id, orgId: orgId2, position })));
}

// server/db/seeds/demo-mentoring.ts
import { and as and17, eq as eq19, inArray as inArray5 } from "drizzle-orm";
var NOTE = `First session went well. Lea suggested I **shadow one design critique** before running my own.

- ask the team what they want from critiques
- keep it to 45 minutes`;
async function seedDemoMentoring(tx, orgId2, everyone) {
  const rand = prng(606);
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const named = (e2) => byEmail.get(e2);
  const lea = named("lea.schmidt@example.com");
  const maya = named("maya.patel@example.com");
  const sam = named("sam.okafor@example.com");
  const tomas = named("tomas.reyes@example.com");
  if (!lea || !maya || !sam || !tomas) return;
  const others = everyone.filter((p) => !p.email.startsWith("admin@") && ![lea, maya, sam, tomas].includes(p));
  const mentors = [lea, tomas, maya, ...others.filter((_, i) => i % 9 === 0).slice(0, 12)];
  const mentees = [maya, sam, ...others.filter((_, i) => i % 9 === 4).slice(0, 14)];
  const ids = [...new Set([...mentors, ...mentees].map((p) => p.id))];
  const skills = await tx.select().from(personSkills).where(and17(eq19(personSkills.orgId, orgId2), inArray5(personSkills.personId, ids)));
  const of = (id, kind) => skills.filter((s) => s.personId === id && s.kind === kind).map((s) => ({ skill: s.name, level: s.level }));
  const topics = ["leadership", "career growth", "cross-functional work", "communication", "first-time manager"];
  const pick = () => topics.filter(() => rand() < 0.5).concat(topics[Math.floor(rand() * topics.length)]);
  const seniority = (p) => p === lea || p === tomas ? 6 : p === maya ? 5 : p === sam ? 3 : 2 + Math.floor(rand() * 4);
  const mentorRows = mentors.map((p) => ({
    personId: p.id,
    orgId: orgId2,
    skills: p === lea ? [...of(p.id, "have"), { skill: "Facilitation", level: 5 }, { skill: "Stakeholder management", level: 4 }] : of(p.id, "have"),
    topics: p === lea ? ["leadership", "cross-functional work", "first-time manager"] : [...new Set(pick())],
    capacity: p === lea ? 3 : 1 + Math.floor(rand() * 3),
    availabilityHours: 2,
    seniority: seniority(p),
    preferences: {}
  }));
  const menteeRows = mentees.map((p) => ({
    personId: p.id,
    orgId: orgId2,
    goals: p === maya ? ["first-time manager", "cross-functional work"] : [...new Set(pick())],
    skills: p === maya ? [{ skill: "Facilitation", level: 4 }, { skill: "Stakeholder management", level: 4 }] : of(p.id, "want"),
    seniority: seniority(p),
    preferences: { otherDepartment: true }
  }));
  await tx.insert(mentorProfiles).values(mentorRows);
  await tx.insert(menteeProfiles).values(menteeRows);
  const m = mentorRows[0];
  const e = menteeRows[0];
  const result = matchMentors(
    {
      mentees: [{ id: maya.id, department: maya.department ?? void 0, seniority: e.seniority, skillsWant: e.skills, goals: e.goals, preferOtherDepartment: true }],
      mentors: [{ id: lea.id, department: lea.department ?? void 0, seniority: m.seniority, skillsHave: m.skills, topics: m.topics, capacity: 1 }]
    },
    { mode: "participation", pinnedPairs: [{ mentee: maya.id, mentor: lea.id }], explainTop: 3 }
  );
  const pair = result.assignments[0];
  const started = new Date(Date.now() - 21 * 864e5);
  const [rel] = await tx.insert(mentoringMatches).values({ orgId: orgId2, mentorId: lea.id, menteeId: maya.id, score: pair.score, explanation: pair.explanation ?? [], status: "active", source: "request", kind: "mentoring", createdAt: started }).returning();
  await tx.insert(mentoringGoals).values([
    { orgId: orgId2, matchId: rel.id, title: "Run my first design critique with the platform team", progress: 40, status: "in_progress", createdBy: maya.id, createdAt: started },
    { orgId: orgId2, matchId: rel.id, title: "Map the stakeholders of the Q1 roadmap", progress: 100, status: "done", createdBy: lea.id, createdAt: started }
  ]);
  const next = new Date(Date.now() + 5 * 864e5);
  next.setUTCHours(14, 0, 0, 0);
  await tx.insert(mentoringMeetings).values([
    { orgId: orgId2, matchId: rel.id, startsAt: new Date(started.getTime() + 864e5), durationMinutes: 45, agenda: "Getting to know each other; what Maya wants from the next three months", createdBy: lea.id },
    { orgId: orgId2, matchId: rel.id, startsAt: next, durationMinutes: 45, agenda: "Prepare the first design critique: format, invitations, ground rules", createdBy: maya.id }
  ]);
  await tx.insert(mentoringCheckIns).values({ orgId: orgId2, matchId: rel.id, personId: maya.id, rating: 4, text: "Helpful so far; I want more concrete practice.", createdAt: new Date(started.getTime() + 8 * 864e5) });
  await tx.insert(mentoringNotes).values({ orgId: orgId2, matchId: rel.id, authorId: maya.id, body: NOTE, html: renderMarkdown(NOTE), createdAt: new Date(started.getTime() + 864e5) });
}

// server/db/seeds/demo-programs.ts
import { eq as eqId2 } from "drizzle-orm";
var GOALS = `By the end of the journey you will:

- run **one-to-ones** that your reports look forward to,
- give feedback that is specific, kind and timely,
- have a learning partner outside your department you can call on.`;
async function seedDemoPrograms(tx, orgId2, everyone) {
  const byEmail = new Map(everyone.map((p) => [p.email, p]));
  const facilitators = ["admin@example.com", "tomas.reyes@example.com"].map((e) => byEmail.get(e)).filter((p) => Boolean(p));
  const [program] = await tx.insert(programs).values({
    orgId: orgId2,
    title: "New Manager Journey",
    description: "Eight weeks for people in their first year of managing: live sessions in small groups, a learning partner from another department, and a cohort space.",
    goals: GOALS,
    goalsHtml: renderMarkdown(GOALS),
    status: "open",
    enrollment: "both",
    capacity: 40,
    startsOn: "2027-01-11",
    endsOn: "2027-03-05",
    cohortSize: 12,
    groupSize: 3,
    rounds: 3,
    minSharedHours: 0,
    createdBy: facilitators[0]?.id
  }).returning();
  if (facilitators.length) await tx.insert(programFacilitators).values(facilitators.map((f) => ({ programId: program.id, personId: f.id, orgId: orgId2 })));
  const weeks = ["Kick-off: what good managers do", "One-to-ones that matter", "Feedback without fear", "Delegating and growing people"];
  await tx.insert(programSessions).values(weeks.map((title, i) => ({ programId: program.id, orgId: orgId2, title, startsAt: new Date(Date.UTC(2027, 0, 12 + i * 14, 9, 0)), durationMinutes: 90 })));
  const chosen = everyone.filter((p, i) => i % 6 === 1 && !facilitators.includes(p)).slice(0, 22);
  for (const e of ["maya.patel@example.com", "sam.okafor@example.com"]) {
    const p = byEmail.get(e);
    if (p && !chosen.includes(p)) chosen.push(p);
  }
  await tx.insert(programEnrollments).values(chosen.map((p, i) => ({ programId: program.id, personId: p.id, orgId: orgId2, status: "enrolled", source: i % 3 ? "self" : "assigned", enrolledAt: new Date(Date.UTC(2026, 10, 1, 9, i)) })));
  await tx.update(programs).set({ enrolledCount: chosen.length }).where(eqId2(programs.id, program.id));
}

// server/db/seeds/demo-resources.ts
import { and as and18, eq as eq20, sql as sql32 } from "drizzle-orm";
var DEMO2 = [
  {
    community: null,
    items: [
      { type: "book", title: "Radical Candor", url: "https://www.radicalcandor.com/the-book/", summary: "Care personally, challenge directly: a practical frame for feedback in both directions.", tags: ["feedback", "leadership"], by: "admin@example.com", reviews: [["maya.patel@example.com", 5, "Changed how I run one-to-ones."], ["tomas.reyes@example.com", 4, "Great first half; the rest repeats a bit."]] },
      { type: "article", title: "How to run a great one-to-one", url: "https://example.com/articles/great-one-to-ones", summary: "Agenda owned by the report, notes shared, and always one question about growth.", minutes: 8, tags: ["one-to-ones", "leadership"], by: "maya.patel@example.com", reviews: [["sam.okafor@example.com", 4, ""]] },
      { type: "course", title: "Data literacy for everyone", url: "https://example.com/courses/data-literacy", summary: "Six short lessons: averages that lie, reading a chart, asking a good data question.", minutes: 90, tags: ["data literacy"], by: "lea.schmidt@example.com" },
      { type: "webinar", title: "Giving feedback across cultures", url: "https://example.com/webinars/feedback-across-cultures", summary: "Recording of last spring\u2019s session with the Berlin and Lagos teams.", minutes: 55, tags: ["feedback", "culture"], by: "tomas.reyes@example.com" }
    ]
  },
  {
    community: "leading-teams",
    items: [
      { type: "podcast", title: "The first 90 days as a manager", url: "https://example.com/podcasts/first-90-days", summary: "What to listen for, what to change, and what to leave alone in your first quarter.", minutes: 42, tags: ["new managers", "leadership"], by: "maya.patel@example.com", reviews: [["lea.schmidt@example.com", 5, 'Listened twice. The "leave alone" list is gold.']] },
      { type: "podcast", title: "Delegation without dumping", url: "https://example.com/podcasts/delegation", summary: "Delegate outcomes, not tasks \u2014 with a check-in rhythm both sides agree on.", minutes: 35, tags: ["delegation", "leadership"], by: "tomas.reyes@example.com" },
      { type: "video", title: "Running a blameless retrospective", url: "https://example.com/videos/blameless-retro", summary: "A 12-minute walk-through with a real retro board.", minutes: 12, tags: ["retrospectives", "teams"], by: "lea.schmidt@example.com" }
    ]
  }
];
async function seedDemoResources(tx, orgId2, everyone) {
  const byEmail = new Map(everyone.map((p) => [p.email, p.id]));
  const start2 = Date.now() - 10 * 24 * 36e5;
  const ids = {};
  let n = 0;
  for (const group of DEMO2) {
    const [c] = group.community ? await tx.select({ id: communities.id }).from(communities).where(and18(eq20(communities.orgId, orgId2), eq20(communities.slug, group.community))) : [null];
    for (const r of group.items) {
      const authorId = byEmail.get(r.by) ?? everyone[0].id;
      const at = new Date(start2 + n++ * 9 * 36e5);
      const reviews = (r.reviews ?? []).filter(([email]) => byEmail.has(email) && email !== r.by);
      const [row] = await tx.insert(resources).values({
        orgId: orgId2,
        communityId: c?.id ?? null,
        authorId,
        type: r.type,
        title: r.title,
        summary: r.summary,
        url: r.url,
        durationMinutes: r.minutes ?? null,
        tags: r.tags,
        ratingSum: reviews.reduce((s, [, stars]) => s + stars, 0),
        ratingCount: reviews.length,
        createdAt: at,
        updatedAt: at
      }).returning({ id: resources.id });
      ids[r.title] = row.id;
      if (reviews.length) {
        await tx.insert(resourceReviews).values(reviews.map(([email, rating, review]) => ({ orgId: orgId2, resourceId: row.id, personId: byEmail.get(email), rating, review })));
      }
    }
  }
  const owner = byEmail.get("maya.patel@example.com") ?? everyone[0].id;
  const [col] = await tx.insert(collections).values({ orgId: orgId2, ownerId: owner, title: "Starter kit for new managers", description: "Read and listen in this order during your first month.", updatedAt: sql32`now()` }).returning({ id: collections.id });
  const picks = [
    ["The first 90 days as a manager", "Start here on your commute."],
    ["How to run a great one-to-one", "Use the agenda template from week one."],
    ["Radical Candor", "The book behind half of our feedback training."]
  ];
  await tx.insert(collectionItems).values(picks.filter(([t]) => ids[t]).map(([t, note], position) => ({ orgId: orgId2, collectionId: col.id, resourceId: ids[t], position, note })));
}

// server/db/seeds/demo.ts
var DEMO_PASSWORD = "hearth-demo";
function buildDemoPeople(orgId2, passwordHash, size = 150) {
  const rand = prng(42);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const used = new Set(NAMED.map((n) => n.email));
  const drafts = [];
  const skillsFor = (dept) => {
    const have = /* @__PURE__ */ new Set();
    while (have.size < 3) have.add(rand() < 0.75 ? pick(dept.skills) : pick(SHARED_SKILLS));
    const want = /* @__PURE__ */ new Set();
    while (want.size < 2) {
      const s = rand() < 0.5 ? pick(pick(DEPARTMENTS).skills) : pick(SHARED_SKILLS);
      if (!have.has(s)) want.add(s);
    }
    return [...[...have].map((name) => ({ name, kind: "have", level: 2 + Math.floor(rand() * 4) })), ...[...want].map((name) => ({ name, kind: "want", level: 3 }))];
  };
  const person = (p) => {
    const dept = DEPARTMENTS.find((d) => d.name === p.department) ?? DEPARTMENTS[0];
    const place = PLACES[p.place ?? Math.floor(rand() * PLACES.length)];
    const interests = /* @__PURE__ */ new Set();
    while (interests.size < 3) interests.add(pick(INTERESTS));
    return {
      key: p.email,
      orgId: orgId2,
      email: p.email,
      name: p.name,
      title: p.title,
      department: p.department,
      team: null,
      location: place.location,
      timeZone: place.timeZone,
      roles: p.roles ?? [],
      interests: [...interests],
      bio: `${p.title} in ${p.department}, based in ${place.location}. Happy to talk about ${dept.skills[0].toLowerCase()} and ${[...interests][0].toLowerCase()}.`,
      status: "active",
      passwordHash,
      managerKey: p.managerKey,
      skills: skillsFor(dept)
    };
  };
  const uniqueEmail = (name) => {
    const base = name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]+/g, ".");
    let email = `${base}@example.com`;
    for (let i = 2; used.has(email); i++) email = `${base}${i}@example.com`;
    used.add(email);
    return email;
  };
  const ceo = person({ email: "jordan.lee@example.com", name: "Jordan Lee", department: "Operations", title: "Chief Executive Officer", place: 1 });
  used.add(ceo.email);
  drafts.push(ceo);
  const perDept = Math.floor((size - 1 - NAMED.length) / DEPARTMENTS.length);
  for (const [di, dept] of DEPARTMENTS.entries()) {
    const headName = `${FIRST[di * 7 % FIRST.length]} ${LAST[di * 3 % LAST.length]}`;
    const head = person({ email: uniqueEmail(headName), name: headName, department: dept.name, title: `Head of ${dept.name}`, managerKey: ceo.key });
    drafts.push(head);
    const leads = [];
    for (let i = 1; i < perDept; i++) {
      const name = `${pick(FIRST)} ${pick(LAST)}`;
      const isLead = i <= 2;
      const managerKey = isLead || !leads.length ? head.key : leads[i % leads.length].key;
      const d = person({ email: uniqueEmail(name), name, department: dept.name, title: isLead ? `${dept.titles[0]} Lead` : pick(dept.titles), managerKey });
      if (isLead) leads.push(d);
      drafts.push(d);
    }
  }
  for (const n of NAMED) {
    const head = drafts.find((d2) => d2.department === n.department && d2.title?.startsWith("Head of"));
    const d = person({ ...n, managerKey: n.title.includes("Manager") || n.title.startsWith("Head") ? head?.key : drafts.find((x) => x.department === n.department && x.title?.endsWith("Lead"))?.key });
    drafts.push(d);
  }
  const maya = drafts.find((d) => d.email === "maya.patel@example.com");
  drafts.filter((d) => d.department === "Engineering" && !d.title?.includes("Lead") && !d.title?.startsWith("Head") && d !== maya).slice(0, 4).forEach((d) => d.managerKey = maya?.key);
  return drafts;
}
async function seedDemo(db, opts = {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: opts.name ?? "Northwind Collective", slug: opts.slug ?? "demo", isDemo: true }).returning();
    const drafts = buildDemoPeople(org.id, passwordHash, opts.size);
    const inserted = await tx.insert(people).values(drafts.map(({ key, managerKey, skills, ...row }) => row)).returning({ id: people.id, email: people.email, department: people.department });
    const idOf = new Map(inserted.map((r) => [r.email, r.id]));
    for (const d of drafts) {
      if (d.managerKey) await tx.update(people).set({ managerId: idOf.get(d.managerKey) }).where(eq21(people.id, idOf.get(d.email)));
    }
    await tx.insert(personSkills).values(
      drafts.flatMap((d) => d.skills.map((s) => ({ orgId: org.id, personId: idOf.get(d.email), kind: s.kind, name: s.name, key: s.name.toLowerCase(), level: s.level })))
    );
    await seedDemoCommunities(tx, org.id, inserted);
    await seedDemoResources(tx, org.id, inserted);
    await seedDemoPrograms(tx, org.id, inserted);
    await seedDemoEvents(tx, org.id, inserted);
    await seedDemoLive(tx, org.id, inserted);
    await seedDemoMentoring(tx, org.id, inserted);
    return { org, count: inserted.length };
  });
}
async function ensureDemo(db) {
  const [existing] = await db.select().from(organizations).where(eq21(organizations.slug, "demo")).limit(1);
  if (existing) return { orgName: existing.name, created: false };
  const [any] = await db.select({ id: organizations.id }).from(organizations).limit(1);
  if (any) return { orgName: "(existing organizations kept)", created: false };
  const { org } = await seedDemo(db);
  return { orgName: org.name, created: true };
}

// server/src/main.ts
async function run() {
  const started = performance.now();
  const config = loadConfig();
  let database;
  try {
    database = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`Hearth cannot start: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const deps = await createDeps(config, database, { log: (m, err) => console.warn(m, err ?? "") });
  const app = await buildApp(deps);
  const wantDemo = config.HEARTH_DEMO === "on" || config.HEARTH_DEMO === "auto" && database.kind === "pglite";
  const demo = wantDemo ? await ensureDemo(deps.db) : null;
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;
  console.log(`
  Hearth is running at ${url}  (database: ${database.kind}, ready in ${((performance.now() - started) / 1e3).toFixed(1)} s)`);
  if (demo) console.log(`  Demo organization "${demo.orgName}"${demo.created ? " created" : ""}: sign in as admin@example.com / hearth-demo
`);
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: draining and shutting down`);
    const force = setTimeout(() => process.exit(1), 1e4);
    force.unref();
    deps.hub.closeAll(1001, "server shutting down");
    await app.close().catch(() => {
    });
    await deps.bus.close().catch(() => {
    });
    await database.close().catch(() => {
    });
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return void 0;
}
if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((code) => {
    if (code) process.exit(code);
  });
}
export {
  run
};
//# sourceMappingURL=main.mjs.map
