// Contracts of the notifications module (issue 3).
import { z } from 'zod';
import { Cursor, Id } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits and timings of notifications shared by server and web. */
export const NOTIFICATION_LIMITS = {
  /** Unread notifications must be this old before a daily digest mails them (hours). */
  digestDelayHours: 3,
  /** At most one digest per person per this many hours. */
  digestEveryHours: 24,
  /** Notifications listed in one digest mail. */
  digestItems: 20,
} as const;

/**
 * What a notification is about: mention (someone @mentioned you), reply (a reply in your thread), answer (a reply to
 * your question), accepted (your answer was accepted), join_request (someone asks to join a community you moderate),
 * invited (you were invited to a community), review (your resource was reviewed), mentoring (a match, request,
 * meeting, closing or expert question in mentoring), event_reminder (an event you are going to starts soon), program (placed in a cohort or given a learning partner after a program's plans were published), assignment (a pathway assigned to you is due soon).
 */
export const NotificationKind = z.enum(['mention', 'reply', 'answer', 'accepted', 'join_request', 'invited', 'review', 'mentoring', 'event_reminder', 'program', 'survey', 'assignment', 'checkin']);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** One in-app notification. */
export const Notification = z.object({
  /** Notification id. */
  id: Id,
  /** What it is about. */
  kind: NotificationKind,
  /** Plain-text sentence built by the server, e.g. “Sam Okafor mentioned you in “How do I…””. */
  title: z.string(),
  /** Where it leads inside the app (a path such as /threads/<id>#post-<id>). */
  url: z.string(),
  /** Who caused it, or null when that person was removed. */
  actor: PersonRef.nullable(),
  /** When it happened (ISO). */
  createdAt: z.string(),
  /** When the person read it (ISO), or null while unread. */
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

/** A page of notifications, newest first. */
export const NotificationPage = z.object({
  /** Notifications on this page, newest first. */
  items: z.array(Notification),
  /** Cursor of the following page, null at the end. */
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Query of `GET /api/notifications`. */
export const FindNotificationsQuery = z
  .object({
    /** Only unread notifications. */
    unread: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type FindNotificationsQuery = z.infer<typeof FindNotificationsQuery>;

/** `GET /api/notifications/unread-count` answer. */
export const UnreadCountResponse = z.object({
  /** Unread items. */
  count: z.number().int(),
});
export type UnreadCountResponse = z.infer<typeof UnreadCountResponse>;

/** A person's notification preferences. */
export const NotificationPrefs = z.object({
  /** Email me at once when someone mentions me. */
  emailMentions: z.boolean(),
  /** Email me at once when someone answers my question. */
  emailAnswers: z.boolean(),
  /** Email me when someone sends me a direct message. */
  emailMessages: z.boolean(),
  /** daily = one mail a day with unread notifications; off = none. */
  digest: z.enum(['off', 'daily']),
  /** Kinds I do not want to be notified about at all. */
  muted: z.array(NotificationKind),
});
export type NotificationPrefs = z.infer<typeof NotificationPrefs>;

/** Body of `PUT /api/notifications/preferences`: any subset of the preferences. */
export const UpdateNotificationPrefsRequest = NotificationPrefs.partial()
  .extend({
    /** Muted kinds (replaces the list; duplicates are dropped). */
    muted: z.array(NotificationKind).max(NotificationKind.options.length).optional(),
  })
  .strict();
export type UpdateNotificationPrefsRequest = z.infer<typeof UpdateNotificationPrefsRequest>;

/** Body of `POST /api/notifications/unsubscribe` (the web confirmation page); mail clients put the token in the query. */
export const UnsubscribeRequest = z
  .object({
    /** The token from the unsubscribe link of a mail. */
    token: z.string().min(20).max(100),
  })
  .strict();
export type UnsubscribeRequest = z.infer<typeof UnsubscribeRequest>;

/** Answer of a successful unsubscribe. */
export const UnsubscribeResponse = z.object({
  /** A sentence for the person. */
  message: z.string(),
});
export type UnsubscribeResponse = z.infer<typeof UnsubscribeResponse>;
