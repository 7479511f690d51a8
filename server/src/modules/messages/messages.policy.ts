import { MESSAGE_LIMITS } from '../../../../contracts/index.ts';

/** The key that makes a pair's one-to-one conversation unique: both ids, smaller first. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/** Why a new conversation with `others` (the actor excluded) and `title` is not allowed, as a field error, or null. */
export function conversationProblem(others: string[], title: string | undefined): { field: string; message: string } | null {
  if (others.length === 0) return { field: 'personIds', message: 'Choose at least one other person' };
  if (others.length === 1) return title ? { field: 'title', message: 'One-to-one conversations have no title' } : null;
  if (others.length < MESSAGE_LIMITS.groupMin || others.length > MESSAGE_LIMITS.groupMax) {
    return { field: 'personIds', message: `A group has ${MESSAGE_LIMITS.groupMin} to ${MESSAGE_LIMITS.groupMax} other people` };
  }
  return title ? null : { field: 'title', message: 'A group needs a title' };
}

/** Only groups can be left; a one-to-one conversation stays between its two people. */
export const canLeave = (c: { isGroup: boolean }) => c.isGroup;
