import { z } from 'zod';
import { Id, text, TimeZone } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of events, shared by server validation and web forms. */
export const EVENT_LIMITS = {
  title: 160,
  description: 20_000,
  location: 300,
  url: 2000,
  hosts: 20,
  guestSpeakers: 20,
  resources: 30,
  question: 500,
  capacity: 100_000,
  /** Longest calendar range one request may ask for, in days. */
  rangeDays: 400,
  /** Most events one calendar range answers (`truncated` says when there were more). */
  perRange: 500,
  /** Longest event, in hours. */
  durationHours: 24 * 14,
} as const;

/** workshop | webinar | cohort_session (a live session of a cohort). */
export const EventKind = z.enum(['workshop', 'webinar', 'cohort_session']);
export type EventKind = z.infer<typeof EventKind>;

/** scheduled, or cancelled (kept, shown as cancelled; no RSVPs). */
export const EventStatus = z.enum(['scheduled', 'cancelled']);
export type EventStatus = z.infer<typeof EventStatus>;

/** The viewer's answer: going (has a seat), waitlisted (asked to go, no seat yet), not_going. */
export const RsvpStatus = z.enum(['going', 'waitlisted', 'not_going']);
export type RsvpStatus = z.infer<typeof RsvpStatus>;

/** An https URL (join links, recordings, attached links). */
export const HttpsUrl = z
  .string()
  .trim()
  .max(EVENT_LIMITS.url)
  .url('Enter a full URL')
  .refine((u) => /^https:\/\//i.test(u), 'Use an https:// link');

/** An instant, ISO 8601 with offset (stored and answered in UTC). */
const Instant = z.string().datetime({ offset: true });

/** A guest speaker from outside the organization (plain text). */
export const GuestSpeaker = z.object({
  /** Name. */
  name: text(120),
  /** Title or affiliation, e.g. "Professor of Design, TU Delft". */
  title: z.string().trim().max(160).nullable().default(null),
});
export type GuestSpeaker = z.infer<typeof GuestSpeaker>;

/** Something attached to an event afterwards: a Hearth resource, or a plain link. */
export const EventResource = z.object({
  /** Attachment id. */
  id: Id,
  /** The Hearth resource it points to, or null for a plain link. */
  resourceId: Id.nullable(),
  /** Title shown. */
  title: z.string(),
  /** Link (external URL of a link, or the resource's URL when it has one; null for uploads: open /resources/:id). */
  url: z.string().nullable(),
});
export type EventResource = z.infer<typeof EventResource>;

/** One attachment in a create/update request: a resource id (checked: the editor must be able to see it) or a link. */
export const AttachEventResource = z.union([
  z.object({ /** A Hearth resource. */ resourceId: Id }).strict(),
  z.object({ /** Link title. */ title: text(160), /** https link. */ url: HttpsUrl }).strict(),
]);
export type AttachEventResource = z.infer<typeof AttachEventResource>;

/** What the viewer may do with an event (the web never re-derives these rules). */
export const EventAbilities = z.object({
  /** Edit details, hosts, recording and resources. */
  canEdit: z.boolean(),
  /** Cancel the event. */
  canCancel: z.boolean(),
  /** Answer going / not going (scheduled and not ended). */
  canRsvp: z.boolean(),
  /** Join now (going attendees and hosts of a scheduled event that has not ended). */
  canJoin: z.boolean(),
  /** Post a question (going attendees and hosts, until the event ends). */
  canAsk: z.boolean(),
  /** Mark questions answered or hidden, see hidden ones (hosts and editors). */
  canModerateQuestions: z.boolean(),
  /** See the attendee list and mark attendance (hosts and editors). */
  canManageAttendees: z.boolean(),
});
export type EventAbilities = z.infer<typeof EventAbilities>;

/** The viewer's RSVP. */
export const MyRsvp = z.object({
  /** going, waitlisted or not_going. */
  status: RsvpStatus,
  /** 1-based place on the waitlist, null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** When the viewer's attendance was recorded, or null. */
  attendedAt: z.string().nullable(),
});
export type MyRsvp = z.infer<typeof MyRsvp>;

/** The community an event belongs to (its calendar). */
export const EventCommunityRef = z.object({ id: Id, name: z.string(), slug: z.string() });

/** An event in calendars. */
export const EventSummary = z.object({
  /** Event id. */
  id: Id,
  /** Title. */
  title: z.string(),
  /** workshop, webinar or cohort_session. */
  kind: EventKind,
  /** scheduled or cancelled. */
  status: EventStatus,
  /** Start, ISO 8601 UTC. */
  startsAt: z.string(),
  /** End, ISO 8601 UTC. */
  endsAt: z.string(),
  /** IANA time zone the event is planned in (show times in it and in the viewer's zone). */
  timeZone: z.string(),
  /** Where it happens (room, address), or null. */
  location: z.string().nullable(),
  /** Whether there is an online join link (the link itself only for going attendees and hosts). */
  isOnline: z.boolean(),
  /** The community whose calendar holds it, or null for the organization's calendar. */
  community: EventCommunityRef.nullable(),
  /** Program it belongs to, or null. */
  programId: Id.nullable(),
  /** Internal hosts and speakers. */
  hosts: z.array(PersonRef),
  /** Guest speakers from outside. */
  guestSpeakers: z.array(GuestSpeaker),
  /** Seats, or null when unlimited. */
  capacity: z.number().int().nullable(),
  /** People going. */
  goingCount: z.number().int(),
  /** People on the waitlist. */
  waitlistCount: z.number().int(),
  /** Whether a recording is attached. */
  hasRecording: z.boolean(),
  /** The viewer's RSVP, or null when they never answered. */
  myRsvp: MyRsvp.nullable(),
  /** Whether the viewer hosts it. */
  isHost: z.boolean(),
  /** What the viewer may do. */
  abilities: EventAbilities,
});
export type EventSummary = z.infer<typeof EventSummary>;

/** An event page. */
export const EventDetail = EventSummary.extend({
  /** Description as Markdown (for editing). */
  description: z.string(),
  /** Description as sanitized HTML. */
  descriptionHtml: z.string(),
  /** Online join link: only for going attendees and hosts (and editors), else null. */
  joinUrl: z.string().nullable(),
  /** The live session to join (live-sessions module), or null. */
  liveSessionId: Id.nullable(),
  /** Recording link, or null. */
  recordingUrl: z.string().nullable(),
  /** Resources and links attached (usually afterwards). */
  resources: z.array(EventResource),
  /** Calendar revision: +1 on every change of time, place or status (the .ics SEQUENCE). */
  sequence: z.number().int(),
  /** Who created it. */
  createdBy: PersonRef.nullable(),
  /** Created, ISO 8601. */
  createdAt: z.string(),
  /** Last changed, ISO 8601. */
  updatedAt: z.string(),
});
export type EventDetail = z.infer<typeof EventDetail>;

const eventFields = {
  /** Title. */
  title: text(EVENT_LIMITS.title),
  /** Description, Markdown. */
  description: z.string().trim().max(EVENT_LIMITS.description),
  /** workshop, webinar or cohort_session. */
  kind: EventKind,
  /** Start, ISO 8601 with offset. */
  startsAt: Instant,
  /** End, ISO 8601 with offset; after the start. */
  endsAt: Instant,
  /** IANA time zone the event is planned in. */
  timeZone: TimeZone,
  /** Room or address, or null. */
  location: z.string().trim().max(EVENT_LIMITS.location).nullable(),
  /** https join link, or null. */
  joinUrl: HttpsUrl.nullable(),
  /** Live session to join (stored as given), or null. */
  liveSessionId: Id.nullable(),
  /** Seats (at least 1), or null for unlimited. */
  capacity: z.number().int().min(1).max(EVENT_LIMITS.capacity).nullable(),
  /** Internal hosts and speakers (active people of the organization). */
  hostIds: z.array(Id).max(EVENT_LIMITS.hosts),
  /** Guest speakers. */
  guestSpeakers: z.array(GuestSpeaker).max(EVENT_LIMITS.guestSpeakers),
};

const endsAfterStart = (v: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) => {
  if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'The end must be after the start' });
  }
};

/**
 * Body of `POST /api/events`: org admins and facilitators (any calendar), community owners/moderators (their
 * community's calendar). The creator hosts it unless `hostIds` names other hosts.
 */
export const CreateEventRequest = z
  .object({
    ...eventFields,
    description: eventFields.description.default(''),
    location: eventFields.location.default(null),
    joinUrl: eventFields.joinUrl.default(null),
    liveSessionId: eventFields.liveSessionId.default(null),
    capacity: eventFields.capacity.default(null),
    hostIds: eventFields.hostIds.default([]),
    guestSpeakers: eventFields.guestSpeakers.default([]),
    /** The community whose calendar holds it (only its readers see it), or null for the organization's calendar. */
    communityId: Id.nullable().default(null),
    /** Program it belongs to, or null. */
    programId: Id.nullable().default(null),
  })
  .strict()
  .superRefine(endsAfterStart);
export type CreateEventRequest = z.input<typeof CreateEventRequest>;

/**
 * Body of `PATCH /api/events/:id` (editors and hosts). A change of time or place raises `sequence` and mails an
 * updated invitation to everyone going. `recordingUrl` and `resources` (replaces the list) are usually set afterwards.
 */
export const UpdateEventRequest = z
  .object({
    ...eventFields,
    /** Recording link, or null. */
    recordingUrl: HttpsUrl.nullable(),
    /** Attachments (replaces the list). */
    resources: z.array(AttachEventResource).max(EVENT_LIMITS.resources),
  })
  .partial()
  .strict()
  .superRefine(endsAfterStart);
export type UpdateEventRequest = z.input<typeof UpdateEventRequest>;

/** Query of `GET /api/events`: the calendar between `from` and `to` (events overlapping the range), by start. */
export const FindEventsQuery = z
  .object({
    /** Range start, ISO 8601 (default: now − 1 day). */
    from: Instant.optional(),
    /** Range end, ISO 8601 (default: from + 60 days; at most 400 days after from). */
    to: Instant.optional(),
    /** Only this community's calendar. */
    communityId: Id.optional(),
    /** Only this program's events. */
    programId: Id.optional(),
    /** Only events I host or answered going / waitlisted. */
    mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
    /** Only this kind. */
    kind: EventKind.optional(),
  })
  .strict();
export type FindEventsQuery = z.infer<typeof FindEventsQuery>;

/** `GET /api/events`: every event in the range the viewer may see, by start time (at most 500). */
export const EventCalendar = z.object({
  /** Events by start time, then id. */
  items: z.array(EventSummary),
  /** The range answered. */
  from: z.string(),
  to: z.string(),
  /** True when the range held more than 500 events: ask for a narrower range (from the last item's start). */
  truncated: z.boolean(),
});
export type EventCalendar = z.infer<typeof EventCalendar>;

/** Body of `PUT /api/events/:id/rsvp`. Going on a full event puts you on the waitlist. */
export const RsvpRequest = z.object({ /** going or not_going. */ status: z.enum(['going', 'not_going']) }).strict();
export type RsvpRequest = z.infer<typeof RsvpRequest>;

/** `POST /api/events/:id/join`: records attendance and answers where to go. */
export const JoinEventResponse = z.object({
  /** The online link to open, or null. */
  joinUrl: z.string().nullable(),
  /** The live session to open, or null. */
  liveSessionId: Id.nullable(),
  /** When attendance was recorded (the first join). */
  attendedAt: z.string(),
});
export type JoinEventResponse = z.infer<typeof JoinEventResponse>;

/** One person on the attendee list (hosts and editors). */
export const EventAttendee = PersonRef.extend({
  /** Email (for the host's follow-up). */
  email: z.string(),
  /** Their answer, or null for someone marked attended without an RSVP. */
  status: RsvpStatus.nullable(),
  /** 1-based waitlist place, null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** When they answered, or null. */
  respondedAt: z.string().nullable(),
  /** When attendance was recorded, or null. */
  attendedAt: z.string().nullable(),
});
export type EventAttendee = z.infer<typeof EventAttendee>;

/** `GET /api/events/:id/attendees` (`?format=csv` for a CSV file): going, then the waitlist in order, then not going. */
export const EventAttendees = z.object({ items: z.array(EventAttendee) });
export type EventAttendees = z.infer<typeof EventAttendees>;

/** Query of `GET /api/events/:id/attendees`. */
export const EventAttendeesQuery = z.object({ /** json (default) or csv. */ format: z.enum(['json', 'csv']).default('json') }).strict();

/** Body of `PUT /api/events/:id/attendance/:personId` (hosts and editors mark attendance). */
export const MarkAttendanceRequest = z.object({ /** Attended or not. */ attended: z.boolean() }).strict();
export type MarkAttendanceRequest = z.infer<typeof MarkAttendanceRequest>;

/** A question in the event's Q&A. */
export const EventQuestion = z.object({
  /** Question id. */
  id: Id,
  /** Plain text (React escapes it). */
  body: z.string(),
  /** Who asked. */
  author: PersonRef,
  /** Asked at, ISO 8601. */
  createdAt: z.string(),
  /** Upvotes (the author cannot upvote their own question). */
  upvotes: z.number().int(),
  /** Whether the viewer upvoted it. */
  upvotedByMe: z.boolean(),
  /** When a host marked it answered, or null. */
  answeredAt: z.string().nullable(),
  /** Hidden by a host (only hosts and the author see hidden questions). */
  hidden: z.boolean(),
  /** What the viewer may do with it. */
  abilities: z.object({ canUpvote: z.boolean(), canModerate: z.boolean() }),
});
export type EventQuestion = z.infer<typeof EventQuestion>;

/** `GET /api/events/:id/questions`: most upvoted first, then oldest first. */
export const EventQuestions = z.object({ items: z.array(EventQuestion) });
export type EventQuestions = z.infer<typeof EventQuestions>;

/** Body of `POST /api/events/:id/questions` (going attendees and hosts, until the event ends; rate-limited). */
export const AskQuestionRequest = z.object({ /** Plain text. */ body: text(EVENT_LIMITS.question) }).strict();
export type AskQuestionRequest = z.infer<typeof AskQuestionRequest>;

/** Body of `PUT /api/events/:id/questions/:questionId/upvote` (set or take back one's upvote). */
export const UpvoteQuestionRequest = z.object({ /** true to upvote, false to take it back. */ upvoted: z.boolean() }).strict();
export type UpvoteQuestionRequest = z.infer<typeof UpvoteQuestionRequest>;

/** Body of `PATCH /api/events/:id/questions/:questionId` (hosts and editors). */
export const ModerateQuestionRequest = z
  .object({ /** Mark answered or not. */ answered: z.boolean(), /** Hide or show. */ hidden: z.boolean() })
  .partial()
  .strict();
export type ModerateQuestionRequest = z.infer<typeof ModerateQuestionRequest>;
