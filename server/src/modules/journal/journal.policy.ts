/** Who an entry may be shared with: the author's manager or a peer they named on one of their action-plan items. */
export function canShareWith(targetId: string, authorId: string, managerId: string | null, peerIds: string[]): boolean {
  if (targetId === authorId) return false;
  return targetId === managerId || peerIds.includes(targetId);
}

/** Only the author edits, deletes and shares an entry; a viewer it is shared with only reads it. */
export const canChange = (entry: { personId: string }, actorId: string) => entry.personId === actorId;
