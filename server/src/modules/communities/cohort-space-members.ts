// Membership of cohort spaces as the programs module changes it after publishing: a late enrollee joins their
// cohort's space, a person moved between cohorts changes spaces, and someone who leaves the program leaves it.
// Owners (the program's facilitators) are never touched. Runs inside the caller's transaction; the caller drops the
// access cache (invalidateCommunity) and tells the space's followers after commit.
import type { DbOrTx } from '../../kernel/db/database.ts';
import * as repo from './communities.repo.ts';

/** Adds a person to a cohort space as an active member (rules not yet accepted); true when they were not one. */
export async function addCohortSpaceMember(tx: DbOrTx, orgId: string, communityId: string, personId: string): Promise<boolean> {
  await repo.lockCommunity(tx, communityId);
  const row = await repo.selectCommunity(tx, orgId, communityId, personId);
  if (!row || row.c.kind !== 'cohort') return false;
  if (row.m?.status === 'active') return false;
  await repo.upsertMember(tx, { communityId, personId, orgId, role: row.m?.role ?? 'member', status: 'active', rulesAccepted: 0 });
  await repo.bumpMemberCount(tx, communityId, 1);
  return true;
}

/** Removes a member (not an owner) from a cohort space; true when they were an active member. */
export async function removeCohortSpaceMember(tx: DbOrTx, orgId: string, communityId: string, personId: string): Promise<boolean> {
  await repo.lockCommunity(tx, communityId);
  const row = await repo.selectCommunity(tx, orgId, communityId, personId);
  if (!row?.m || row.c.kind !== 'cohort' || row.m.role === 'owner') return false;
  await repo.deleteMember(tx, communityId, personId);
  if (row.m.status !== 'active') return false;
  await repo.bumpMemberCount(tx, communityId, -1);
  return true;
}
