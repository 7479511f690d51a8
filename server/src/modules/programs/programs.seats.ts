// Seats: enrolment against capacity with a waitlist in order of arrival, and what changes in cohort spaces after a
// placement commits. Runs inside the caller's transaction under the program's row lock.
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { communityChannel, invalidateCommunity } from '../communities/index.ts';
import * as repo from './programs.repo.ts';

/** Promotes people from the waitlist, in order, while seats are free; `promoted` hears each one. */
export async function fillFromWaitlist(tx: DbOrTx, programId: string, capacity: number | null, promoted: (personId: string) => void) {
  for (;;) {
    if (capacity !== null && (await repo.countEnrolled(tx, programId)) >= capacity) break;
    const personId = await repo.promoteFromWaitlist(tx, programId);
    if (!personId) break;
    promoted(personId);
  }
  await repo.refreshEnrolledCount(tx, programId);
}

/** Enrols people (self or assigned): enrolled while seats are left, waitlisted after that; existing rows are kept. */
export async function enroll(tx: DbOrTx, row: repo.ProgramRow, personIds: string[], source: 'self' | 'assigned') {
  let enrolled = await repo.countEnrolled(tx, row.id);
  const added: { personId: string; status: string }[] = [];
  for (const personId of personIds) {
    if (await repo.selectEnrollment(tx, row.id, personId)) continue;
    const status = row.capacity === null || enrolled < row.capacity ? 'enrolled' : 'waitlisted';
    if (status === 'enrolled') enrolled++;
    await repo.insertEnrollment(tx, { programId: row.id, personId, orgId: row.orgId, status, source });
    added.push({ personId, status });
  }
  await repo.refreshEnrolledCount(tx, row.id);
  return added;
}

/** After commit: cohort spaces whose members changed drop cached access on every node and tell their followers. */
export function spacesChanged(deps: AppDeps, communityIds: Iterable<string>) {
  for (const id of communityIds) {
    invalidateCommunity(deps, id);
    void deps.hub.changed(communityChannel(id), 'members');
  }
}
