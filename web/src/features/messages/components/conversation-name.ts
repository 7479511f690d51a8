import type { ConversationSummary } from '../../../../../contracts/index.ts';

/** What a conversation is called: the group title, or the other person's name. */
export function conversationName(c: ConversationSummary): string {
  if (c.title) return c.title;
  return c.members.map((m) => m.name).join(', ') || 'Just you';
}
