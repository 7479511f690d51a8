import type { DbOrTx } from '../../kernel/db/database.ts';
import * as repo from './events.repo.ts';

/**
 * Gives free seats to the waitlist, first come first served, inside the caller's transaction (the event row is
 * locked). Returns the people promoted.
 */
export async function fillFromWaitlist(tx: DbOrTx, eventId: string, capacity: number | null): Promise<string[]> {
  const promoted: string[] = [];
  let going = await repo.countGoing(tx, eventId);
  while (capacity === null || going < capacity) {
    const personId = await repo.firstWaitlisted(tx, eventId);
    if (!personId) break;
    const row = await repo.selectRsvp(tx, eventId, personId);
    await repo.upsertRsvp(tx, { eventId, personId, orgId: row?.orgId as string, status: 'going' });
    promoted.push(personId);
    going++;
  }
  return promoted;
}
