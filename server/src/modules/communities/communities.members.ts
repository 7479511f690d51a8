// Community membership: joining (open, by request, by invitation), rules acceptance, leaving, the member list,
// moderators' invitations, approvals, role changes and removals, and expert endorsements.
import type { CommunityMember, FindMembersQuery, MemberPage, Membership, UpdateMemberRequest } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import * as repo from './communities.repo.ts';
import { communityChannel, loadCommunityAccess, membershipOf } from './communities.service.ts';
import { invalidateCommunity } from './community-access-cache.ts';

/**
 * Joins an open community, asks to join a request-to-join one, or accepts an invitation — always accepting the
 * current rules version (a stale version means the rules changed while the person read them).
 */
export async function joinCommunity(deps: AppDeps, actor: Actor, id: string, acceptRulesVersion: number): Promise<{ membership: Membership | null }> {
  const result = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockCommunity(tx, id);
    const access = await loadCommunityAccess(tx, actor, id);
    const { community: c, member: m } = access;
    if (m?.status === 'active' || m?.status === 'requested') return membershipOf(c, m);
    if (acceptRulesVersion !== c.rulesVersion) throw new AppError('RULES_OUTDATED', 'The rules changed while you were reading them. Please read the new version.');
    let status: 'active' | 'requested';
    if (m?.status === 'invited' || c.visibility === 'open') status = 'active';
    else if (c.visibility === 'request') status = 'requested';
    else throw new AppError('FORBIDDEN', 'This community is by invitation only. Ask one of its moderators to invite you.');
    const row = await repo.upsertMember(tx, { communityId: c.id, personId: actor.personId, orgId: actor.orgId, role: m?.role ?? 'member', status, rulesAccepted: acceptRulesVersion });
    if (status === 'active') {
      await repo.bumpMemberCount(tx, c.id, 1);
      emit({ type: 'communities.member_joined', orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
    } else emit({ type: 'communities.join_requested', orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
    return membershipOf(c, row);
  });
  invalidateCommunity(deps, id);
  void deps.hub.changed(communityChannel(id), 'members', actor.personId);
  return { membership: result };
}

/** Accepts changed rules again. */
export async function acceptRules(deps: AppDeps, actor: Actor, id: string, version: number): Promise<{ membership: Membership | null }> {
  const access = await loadCommunityAccess(deps.db, actor, id);
  if (access.member?.status !== 'active') throw new AppError('FORBIDDEN', 'Join the community first.');
  if (version !== access.community.rulesVersion) throw new AppError('RULES_OUTDATED', 'The rules changed while you were reading them. Please read the new version.');
  const row = await repo.updateMember(deps.db, access.community.id, actor.personId, { rulesAccepted: version });
  invalidateCommunity(deps, access.community.id);
  return { membership: membershipOf(access.community, row) };
}

/** Leaves a community (or withdraws a request, or declines an invitation). The last owner cannot leave. */
export async function leaveCommunity(deps: AppDeps, actor: Actor, id: string): Promise<{ membership: Membership | null }> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockCommunity(tx, id);
    const access = await loadCommunityAccess(tx, actor, id);
    const m = access.member;
    if (!m) return;
    if (m.status === 'active' && m.role === 'owner' && (await repo.countOwners(tx, m.communityId)) <= 1) {
      throw new AppError('LAST_OWNER', 'You are the only owner. Make someone else an owner before you leave.');
    }
    await repo.deleteMember(tx, m.communityId, actor.personId);
    if (m.status === 'active') {
      await repo.bumpMemberCount(tx, m.communityId, -1);
      emit({ type: 'communities.member_left', orgId: actor.orgId, payload: { communityId: m.communityId, personId: actor.personId } });
    }
  });
  invalidateCommunity(deps, id);
  void deps.hub.changed(communityChannel(id), 'members', actor.personId);
  return { membership: null };
}

function presentMember(r: repo.MemberListRow): CommunityMember {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    department: r.department,
    avatarUrl: r.avatarUrl,
    role: r.role as CommunityMember['role'],
    status: r.status as CommunityMember['status'],
    endorsements: r.endorsements,
    endorsedByMe: r.endorsedByMe,
    since: toIso(r.since),
  };
}

/** Members (anyone who can read); pending requests and invitations (moderators only). */
export async function findMembers(db: DbOrTx, actor: Actor, id: string, q: FindMembersQuery): Promise<MemberPage> {
  const access = await loadCommunityAccess(db, actor, id);
  if (!access.canRead) throw new AppError('FORBIDDEN', 'Only members can see who is in this community.');
  if (q.status !== 'active' && !access.canModerate) throw new AppError('FORBIDDEN', 'Only moderators can see requests and invitations.');
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectMemberPage(db, access.community.id, actor.personId, { status: q.status, after, limit: q.limit + 1 });
  return toPage(rows, q.limit, presentMember, (r) => [r.name, r.id]);
}

async function getMember(db: DbOrTx, actor: Actor, communityId: string, personId: string, status: string) {
  const [row] = await repo.selectMemberPage(db, communityId, actor.personId, { status, limit: 1, personId });
  if (!row) throw notFound('That member');
  return presentMember(row);
}

async function moderatorAccess(db: DbOrTx, actor: Actor, id: string) {
  const access = await loadCommunityAccess(db, actor, id);
  if (!access.canModerate) throw access.canRead ? new AppError('FORBIDDEN', 'Only the community’s moderators can do that.') : notFound('That community');
  return access;
}

/** Moderators invite colleagues; people already in (or invited) are left as they are. */
export async function inviteMembers(deps: AppDeps, actor: Actor, id: string, personIds: string[]): Promise<{ invited: number }> {
  const invited = await deps.events.transaction(deps.db, async (tx, emit) => {
    const { community: c } = await moderatorAccess(tx, actor, id);
    const found = await repo.selectActivePeople(tx, actor.orgId, [...new Set(personIds)]);
    if (found.length !== new Set(personIds).size) throw new AppError('VALIDATION_FAILED', 'Some of these people are not active in your organization.', { errors: [{ field: 'personIds', message: 'Unknown person' }] });
    let n = 0;
    for (const p of found) {
      const existing = await repo.selectCommunity(tx, actor.orgId, c.id, p.id);
      if (existing?.m) continue;
      await repo.upsertMember(tx, { communityId: c.id, personId: p.id, orgId: actor.orgId, status: 'invited', role: 'member', rulesAccepted: 0 });
      emit({ type: 'communities.member_invited', orgId: actor.orgId, payload: { communityId: c.id, personId: p.id, invitedBy: actor.personId } });
      n++;
    }
    return n;
  });
  invalidateCommunity(deps, id);
  return { invited };
}

/** Moderators approve requests and change roles; only owners make or unmake owners; an owner cannot demote the last owner. */
export async function updateMember(deps: AppDeps, actor: Actor, id: string, personId: string, input: UpdateMemberRequest): Promise<CommunityMember> {
  const status = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockCommunity(tx, id);
    const { community: c, member: me } = await moderatorAccess(tx, actor, id);
    const target = (await repo.selectCommunity(tx, actor.orgId, c.id, personId))?.m;
    if (!target) throw notFound('That member');
    const actorIsOwner = me?.status === 'active' && me.role === 'owner';
    if ((input.role === 'owner' || target.role === 'owner') && input.role && input.role !== target.role && !actorIsOwner && !actor.isAdmin) {
      throw new AppError('FORBIDDEN', 'Only owners can make or remove owners.');
    }
    if (target.role === 'owner' && input.role && input.role !== 'owner' && (await repo.countOwners(tx, c.id)) <= 1) {
      throw new AppError('LAST_OWNER', 'A community needs at least one owner.');
    }
    const values: { status?: string; role?: string } = {};
    if (input.role) values.role = input.role;
    if (input.status === 'active' && target.status === 'requested') {
      values.status = 'active';
      await repo.bumpMemberCount(tx, c.id, 1);
      emit({ type: 'communities.member_joined', orgId: actor.orgId, payload: { communityId: c.id, personId, approvedBy: actor.personId } });
    } else if (input.status === 'active' && target.status !== 'active') {
      throw new AppError('CONFLICT', 'An invitation is accepted by the invited person, not by a moderator.');
    }
    if (Object.keys(values).length) await repo.updateMember(tx, c.id, personId, values);
    if (values.role && values.role !== target.role && (values.role === 'owner' || target.role === 'owner')) {
      await audit(tx, null, {
        orgId: actor.orgId, actorId: actor.personId, action: 'communities.owner_changed', target: `community:${c.id}`,
        before: { personId, role: target.role }, after: { personId, role: values.role }, data: { asOrgAdmin: !actorIsOwner },
      });
    }
    return values.status ?? target.status;
  });
  invalidateCommunity(deps, id);
  void deps.hub.changed(communityChannel(id), 'members', personId);
  return getMember(deps.db, actor, id, personId, status);
}

/** Moderators remove members, decline requests and withdraw invitations (not the last owner). */
export async function removeMember(deps: AppDeps, actor: Actor, id: string, personId: string): Promise<void> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockCommunity(tx, id);
    const { community: c } = await moderatorAccess(tx, actor, id);
    const target = (await repo.selectCommunity(tx, actor.orgId, c.id, personId))?.m;
    if (!target) throw notFound('That member');
    if (target.status === 'active' && target.role === 'owner' && (await repo.countOwners(tx, c.id)) <= 1) throw new AppError('LAST_OWNER', 'A community needs at least one owner.');
    await repo.deleteMember(tx, c.id, personId);
    if (target.status === 'active') {
      await audit(tx, null, {
        orgId: actor.orgId, actorId: actor.personId, action: target.role === 'owner' ? 'communities.owner_changed' : 'communities.member_removed', target: `community:${c.id}`,
        before: { personId, role: target.role }, after: { personId, role: null },
      });
      await repo.bumpMemberCount(tx, c.id, -1);
      emit({ type: 'communities.member_removed', orgId: actor.orgId, payload: { communityId: c.id, personId, removedBy: actor.personId } });
    }
  });
  invalidateCommunity(deps, id);
  void deps.hub.changed(communityChannel(id), 'members', personId);
}

/** Active members endorse an active member as an expert of the community (not themselves). */
export async function endorseExpert(deps: AppDeps, actor: Actor, id: string, personId: string, endorse: boolean): Promise<CommunityMember> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const access = await loadCommunityAccess(tx, actor, id);
    if (access.member?.status !== 'active') throw access.canRead ? new AppError('FORBIDDEN', 'Only members can endorse experts.') : notFound('That community');
    if (personId === actor.personId) throw new AppError('CONFLICT', 'You cannot endorse yourself.');
    const target = (await repo.selectCommunity(tx, actor.orgId, access.community.id, personId))?.m;
    if (target?.status !== 'active') throw notFound('That member');
    await repo.setEndorsement(tx, { communityId: access.community.id, personId, endorsedBy: actor.personId, orgId: actor.orgId }, endorse);
    emit({ type: endorse ? 'communities.expert_endorsed' : 'communities.endorsement_withdrawn', orgId: actor.orgId, payload: { communityId: access.community.id, personId, endorsedBy: actor.personId } });
  });
  invalidateCommunity(deps, id);
  return getMember(deps.db, actor, id, personId, 'active');
}
