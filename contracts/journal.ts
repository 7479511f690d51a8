// Contracts of the journal module (issue 15 item 2): reflective entries, private unless shared entry by entry.
import { z } from 'zod';
import { Id, text } from './common.ts';
import { PersonRef } from './people.ts';

/** Limits of journal entries and program prompts. */
export const JOURNAL_LIMITS = { body: 8000, prompt: 300, prompts: 20, list: 200 } as const;

/** One journal entry as its author or a viewer it is shared with sees it. */
export const JournalEntry = z.object({
  id: Id,
  author: PersonRef,
  /** Program whose prompt it answers, or null. */
  programId: Id.nullable(),
  /** The prompt answered, or null. */
  prompt: z.string().nullable(),
  body: z.string(),
  /** Live session whose reflection segment wrote it, or null. */
  liveSessionId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** True when the actor wrote it. */
  mine: z.boolean(),
  /** People it is shared with (only shown to its author; empty for viewers). */
  sharedWith: z.array(PersonRef),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** A list of entries, newest first (at most JOURNAL_LIMITS.list). */
export const JournalEntryList = z.object({ items: z.array(JournalEntry) });
export type JournalEntryList = z.infer<typeof JournalEntryList>;

/** Writes an entry; a prompt may be answered from a program the author can see. */
export const CreateJournalEntryRequest = z.object({
  body: text(JOURNAL_LIMITS.body),
  programId: Id.optional(),
  prompt: text(JOURNAL_LIMITS.prompt).optional(),
});
export type CreateJournalEntryRequest = z.infer<typeof CreateJournalEntryRequest>;

/** Edits an entry's text. */
export const UpdateJournalEntryRequest = z.object({ body: text(JOURNAL_LIMITS.body) });
export type UpdateJournalEntryRequest = z.infer<typeof UpdateJournalEntryRequest>;

/** Who the actor may share an entry with: their manager and the peers named on their action-plan items. */
export const JournalShareTargets = z.object({
  manager: PersonRef.nullable(),
  peers: z.array(PersonRef),
});
export type JournalShareTargets = z.infer<typeof JournalShareTargets>;

/** A program's journal prompts. */
export const JournalPrompts = z.object({ prompts: z.array(text(JOURNAL_LIMITS.prompt)).max(JOURNAL_LIMITS.prompts) });
export type JournalPrompts = z.infer<typeof JournalPrompts>;

/** A live session's reflection saved into the participant's journal (one entry per session, rewritten on save). */
export const SaveReflectionRequest = z.object({ body: text(JOURNAL_LIMITS.body) });
export type SaveReflectionRequest = z.infer<typeof SaveReflectionRequest>;
