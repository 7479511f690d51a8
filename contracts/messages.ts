// Contracts of the messages module (issue 3).
import { z } from 'zod';
import { Cursor, Id, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of direct messages shared by server validation and web forms. */
export const MESSAGE_LIMITS = {
  /** Characters of Markdown in one message. */
  body: 4000,
  /** Title of a group conversation. */
  title: 80,
  /** Other people in a group conversation (besides its creator). */
  groupMin: 2,
  groupMax: 8,
} as const;

/** One conversation in the list (and the header of the conversation page). */
export const ConversationSummary = z.object({
  /** Conversation id. */
  id: Id,
  /** True for a group conversation, false for one-to-one. */
  isGroup: z.boolean(),
  /** Group title; null for one-to-one conversations (show the other person's name). */
  title: z.string().nullable(),
  /** The other people currently in the conversation (not the actor). */
  members: z.array(PersonRef),
  /** Time of the last message (ISO), or null when none was sent yet. */
  lastMessageAt: z.string().nullable(),
  /** Plain-text start of the last message, or null. */
  lastMessagePreview: z.string().nullable(),
  /** Messages from others the actor has not read. */
  unreadCount: z.number().int(),
  /** The actor may leave (groups only). */
  canLeave: z.boolean(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

/** A page of conversations, most recently active first. */
export const ConversationPage = z.object({
  /** Conversations on this page. */
  items: z.array(ConversationSummary),
  /** Cursor of the following page, null at the end. */
  nextCursor: z.string().nullable(),
});
export type ConversationPage = z.infer<typeof ConversationPage>;

/** Query of `GET /api/conversations`. */
export const FindConversationsQuery = z
  .object({
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type FindConversationsQuery = z.infer<typeof FindConversationsQuery>;

/** Body of `POST /api/conversations`: one person = one-to-one (the existing conversation is reused); 2–8 = a group with a title. */
export const CreateConversationRequest = z
  .object({
    /** The other people (active, same organization). */
    personIds: z.array(Id).min(1).max(MESSAGE_LIMITS.groupMax),
    /** Title, required for groups and not allowed for one-to-one conversations. */
    title: text(MESSAGE_LIMITS.title).optional(),
  })
  .strict();
export type CreateConversationRequest = z.infer<typeof CreateConversationRequest>;

/** One message. */
export const Message = z.object({
  /** Message id. */
  id: Id,
  /** Conversation it belongs to. */
  conversationId: Id,
  /** Who wrote it. */
  author: PersonRef,
  /** Markdown source. */
  body: z.string(),
  /** Sanitized HTML rendered from the Markdown on the server (same rules as posts). */
  html: z.string(),
  /** When it was sent (ISO). */
  createdAt: z.string(),
  /** True when the actor wrote it. */
  mine: z.boolean(),
});
export type Message = z.infer<typeof Message>;

/** A page of messages, newest first (the next page holds older ones). */
export const MessagePage = z.object({
  /** Messages on this page, newest first. */
  items: z.array(Message),
  /** Cursor of the page of older messages, null at the beginning of the conversation. */
  nextCursor: z.string().nullable(),
});
export type MessagePage = z.infer<typeof MessagePage>;

/** Query of `GET /api/conversations/:id/messages`. */
export const FindMessagesQuery = z
  .object({
    /** Cursor from the previous (newer) page. */
    cursor: Cursor.optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type FindMessagesQuery = z.infer<typeof FindMessagesQuery>;

/** Body of `POST /api/conversations/:id/messages`. */
export const SendMessageRequest = z
  .object({
    /** Markdown text. */
    body: text(MESSAGE_LIMITS.body),
  })
  .strict();
export type SendMessageRequest = z.infer<typeof SendMessageRequest>;
