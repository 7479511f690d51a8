/** Only the plan's owner changes a plan, its items, evidence and peers. */
export const canChange = (subject: { ownerId: string }, actorId: string) => subject.ownerId === actorId;

/** The owner and the item's named peers read and comment on the item (peers: that item only). */
export const canSeeItem = (item: { ownerId: string; peerIds: string[] }, actorId: string) => item.ownerId === actorId || item.peerIds.includes(actorId);

/** Peers must be other people: the owner is never their own peer. */
export const peerProblem = (ownerId: string, personIds: string[]) => (personIds.includes(ownerId) ? 'You cannot name yourself as a peer.' : null);

/** Today plus `days`, as YYYY-MM-DD (UTC). */
export const dueFrom = (today: Date, days: number | null) => (days === null ? null : new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10));
