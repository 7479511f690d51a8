import type {
  Community,
  CommunityMember,
  CommunityPage,
  CommunityRecommendations,
  CommunitySettings,
  CommunitySummary,
  CreateCommunityRequest,
  FindCommunitiesQuery,
  FindMembersQuery,
  MemberPage,
  Membership,
  UpdateCommunityRequest,
  UpdateMemberRequest,
} from '../../../../contracts/index.ts';
import { CreateCommunityRequest as CreateSchema } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, isUniqueViolation, notFound } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import * as policy from './communities.policy.ts';
import * as repo from './communities.repo.ts';
import { accessCacheFor, communityScope, invalidateCommunity } from './community-access-cache.ts';
import { DEFAULT_RULES, slugify } from './community-defaults.ts';
import { imageHostsOf } from '../organizations/index.ts';

/** Realtime channel of a community (membership and thread-list changes). */
export const communityChannel = (id: string) => `community:${id}`;

function membershipOf(c: policy.CommunitySubject, m: policy.MemberSubject | null): Membership | null {
  if (!m) return null;
  return { status: m.status as Membership['status'], role: m.role as Membership['role'], mustAcceptRules: policy.mustAcceptRules(c, m) };
}

function memberFromList(row: repo.CommunityListRow): policy.MemberSubject | null {
  return row.mStatus ? { status: row.mStatus, role: row.mRole ?? 'member', rulesAccepted: row.mRules ?? 0 } : null;
}

type SummaryColumns = Pick<repo.CommunityRow, 'id' | 'slug' | 'name' | 'description' | 'kind' | 'visibility' | 'topics' | 'memberCount' | 'threadCount' | 'rulesVersion' | 'orgId'> & {
  lastActivityAt: Date | string | null;
};

function summaryOf(c: SummaryColumns, m: policy.MemberSubject | null): CommunitySummary {
  return {
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    kind: c.kind as CommunitySummary['kind'],
    visibility: c.visibility as CommunitySummary['visibility'],
    topics: c.topics,
    memberCount: c.memberCount,
    threadCount: c.threadCount,
    lastActivityAt: c.lastActivityAt ? toIso(c.lastActivityAt) : null,
    membership: membershipOf(c, m),
  };
}

const presentSummary = (row: repo.CommunityListRow) => summaryOf(row, memberFromList(row));

/**
 * Loads a community for the actor, or 404 when it does not exist for them (other organization, secret).
 * Other modules (discussions) use this to authorize everything inside a community.
 */
export async function loadCommunityAccess(db: DbOrTx, actor: Actor, ref: string, opts: { cached?: boolean } = {}) {
  // Cached rows only when asked (hot reads by id outside transactions); policy is always evaluated per request.
  const cache = opts.cached ? accessCacheFor(db) : undefined;
  const found = cache
    ? await cache.getOrLoad(`${actor.orgId}:${ref}:${actor.personId}`, async () => {
        const rows = await repo.selectCommunity(db, actor.orgId, ref, actor.personId);
        return rows ? { scope: communityScope(rows.c.id), value: rows } : null;
      })
    : await repo.selectCommunity(db, actor.orgId, ref, actor.personId);
  if (!found || !policy.canSee(actor, found.c, found.m)) throw notFound('That community');
  const community = found.c;
  const member = found.m;
  return {
    community,
    member,
    canRead: policy.canRead(actor, community, member),
    canPost: policy.canPost(actor, community, member),
    canModerate: policy.canModerate(actor, community, member),
    mustAcceptRules: policy.mustAcceptRules(community, member),
  };
}

/** Throws the error that explains why the actor cannot post (404 when they cannot even read). */
export function assertCanPost(access: Awaited<ReturnType<typeof loadCommunityAccess>>) {
  if (access.canPost) return;
  if (!access.canRead) throw notFound('That community');
  if (access.mustAcceptRules) throw new AppError('RULES_NOT_ACCEPTED', 'The community rules changed. Read and accept them to post again.');
  throw new AppError('FORBIDDEN', 'Join the community to post here.');
}

async function presentCommunity(db: DbOrTx, actor: Actor, c: repo.CommunityRow, m: repo.MemberRow | null): Promise<Community> {
  const owners = await repo.countOwners(db, c.id);
  const experts = policy.canRead(actor, c, m) ? await repo.selectExperts(db, c.id) : [];
  const [creatorRef] = c.createdBy ? await repo.selectPersonRefs(db, c.orgId, [c.createdBy]) : [];
  return {
    ...summaryOf(c, m),
    rules: c.rules,
    rulesHtml: c.rulesHtml,
    rulesVersion: c.rulesVersion,
    createdBy: creatorRef ?? null,
    createdAt: toIso(c.createdAt),
    experts,
    abilities: policy.abilities(actor, c, m, owners),
  };
}

/** Organization settings for communities. */
export function getCommunitySettings(db: DbOrTx, _actor: Actor): Promise<CommunitySettings> {
  return repo.selectSettings(db, _actor.orgId);
}

/** Org admins decide who may create communities. */
export async function updateCommunitySettings(deps: AppDeps, actor: Actor, input: CommunitySettings): Promise<CommunitySettings> {
  if (!policy.canChangeSettings(actor)) throw new AppError('FORBIDDEN', 'Only organization admins can change community settings.');
  await deps.db.transaction(async (tx) => {
    const before = await repo.selectSettings(tx, actor.orgId);
    await repo.upsertSettings(tx, actor.orgId, input.whoCanCreate);
    await audit(tx, null, { orgId: actor.orgId, actorId: actor.personId, action: 'communities.settings_changed', target: `org:${actor.orgId}`, before, after: { ...before, whoCanCreate: input.whoCanCreate } });
  });
  return repo.selectSettings(deps.db, actor.orgId);
}

/** Communities the actor can see, by name, keyset-paged. */
export async function findCommunities(db: DbOrTx, actor: Actor, q: FindCommunitiesQuery): Promise<CommunityPage> {
  const after = q.cursor ? decodeCursor<[string, string]>(q.cursor, 2) : undefined;
  const rows = await repo.selectCommunityPage(db, actor, { q: q.q || undefined, mine: q.mine, kind: q.kind, after, limit: q.limit + 1 });
  return toPage(rows, q.limit, presentSummary, (r) => [r.name, r.id]);
}

/**
 * Communities the actor is not in, scored by topics matching the skills they have (×2) or want to learn (×3) and
 * their interests (×2), colleagues from their department (up to +3) and size; each comes with its reasons.
 */
export async function findRecommendedCommunities(db: DbOrTx, actor: Actor, limit = 6): Promise<CommunityRecommendations> {
  const me = await repo.selectPersonTopics(db, actor.personId);
  const candidates = await repo.selectRecommendationCandidates(db, actor, me.department);
  const have = new Set(me.have);
  const want = new Set(me.want);
  const interests = new Set(me.interests.map((i) => i.toLowerCase()));
  const scored = candidates.map((row) => {
    const reasons: string[] = [];
    let score = Math.log2(1 + row.memberCount) / 4;
    const wanted = row.topics.filter((t) => want.has(t));
    const had = row.topics.filter((t) => have.has(t));
    const liked = row.topics.filter((t) => interests.has(t) && !want.has(t) && !have.has(t));
    if (wanted.length) reasons.push(`Helps you learn ${wanted.slice(0, 2).join(' and ')}`);
    if (had.length) reasons.push(`Your skills in ${had.slice(0, 2).join(' and ')} are welcome here`);
    if (liked.length) reasons.push(`Matches your interest in ${liked.slice(0, 2).join(' and ')}`);
    if (row.deptMembers > 0 && me.department) reasons.push(`${row.deptMembers} ${row.deptMembers === 1 ? 'person' : 'people'} from ${me.department}`);
    if (row.mStatus === 'invited') reasons.unshift('You are invited');
    score += 3 * wanted.length + 2 * had.length + 2 * liked.length + Math.min(3, row.deptMembers / 2) + (row.mStatus === 'invited' ? 10 : 0);
    return { row, score, reasons };
  });
  const items = scored
    .filter((s) => s.reasons.length > 0)
    .sort((a, b) => b.score - a.score || a.row.name.localeCompare(b.row.name))
    .slice(0, limit)
    .map((s) => ({ ...presentSummary(s.row), reasons: s.reasons }));
  return { items };
}

/** Creates a community; the creator becomes its owner and has accepted its rules. */
export async function createCommunity(deps: AppDeps, actor: Actor, raw: CreateCommunityRequest): Promise<Community> {
  const input = CreateSchema.parse(raw);
  const settings = await repo.selectSettings(deps.db, actor.orgId);
  if (!policy.canCreate(actor, settings.whoCanCreate)) throw new AppError('FORBIDDEN', 'In this organization only admins can create communities.');
  const rules = input.rules || DEFAULT_RULES;
  const base = slugify(input.name);
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await deps.events.transaction(deps.db, async (tx, emit) => {
        const taken = await repo.selectSlugsLike(tx, actor.orgId, base);
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        const c = await repo.insertCommunity(tx, {
          orgId: actor.orgId,
          slug,
          name: input.name,
          description: input.description,
          kind: input.kind,
          visibility: input.visibility,
          topics: [...new Set(input.topics)],
          rules,
          rulesHtml: renderMarkdown(rules, await imageHostsOf(tx, actor.orgId)),
          createdBy: actor.personId,
          memberCount: 1,
        });
        await repo.upsertMember(tx, { communityId: c.id, personId: actor.personId, orgId: actor.orgId, role: 'owner', status: 'active', rulesAccepted: c.rulesVersion });
        emit({ type: 'communities.created', orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
        return c.id;
      });
      return getCommunity(deps.db, actor, id);
    } catch (err) {
      // Two people creating "Data Science" at the same moment: take the next free slug.
      if (attempt < 3 && isUniqueViolation(err, 'communities_org_slug_key')) continue;
      throw err;
    }
  }
}

/** A community page header with rules, experts and the actor's abilities. */
export async function getCommunity(db: DbOrTx, actor: Actor, ref: string): Promise<Community> {
  const access = await loadCommunityAccess(db, actor, ref);
  return presentCommunity(db, actor, access.community, access.member);
}

/** Moderators edit name, description, visibility, topics and rules; new rules must be accepted again. */
export async function updateCommunity(deps: AppDeps, actor: Actor, id: string, input: UpdateCommunityRequest): Promise<Community> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const access = await loadCommunityAccess(tx, actor, id);
    if (!access.canModerate) throw access.canRead ? new AppError('FORBIDDEN', 'Only the community’s moderators can change it.') : notFound('That community');
    const c = access.community;
    const rulesChanged = input.rules !== undefined && input.rules !== c.rules;
    const topics = input.topics ? [...new Set(input.topics.map((t) => t.toLowerCase()))] : undefined;
    const updated = await repo.updateCommunityRow(tx, c.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      ...(topics ? { topics } : {}),
      ...(rulesChanged ? { rules: input.rules, rulesHtml: renderMarkdown(input.rules as string, await imageHostsOf(tx, actor.orgId)), rulesVersion: c.rulesVersion + 1 } : {}),
    });
    // Who changed a community's name, visibility or rules, and from what, is kept (moderators' and admins' acts alike).
    const fields = (['name', 'description', 'visibility', 'topics', 'rules'] as const).filter((f) => input[f] !== undefined && JSON.stringify(input[f]) !== JSON.stringify(c[f]));
    if (fields.length)
      await audit(tx, null, {
        orgId: actor.orgId, actorId: actor.personId, action: 'communities.updated', target: `community:${c.id}`,
        before: Object.fromEntries(fields.map((f) => [f, c[f]])), after: Object.fromEntries(fields.map((f) => [f, f === 'topics' ? topics : input[f]])),
      });
    // The moderator who changed the rules has accepted them.
    if (rulesChanged && access.member?.status === 'active') await repo.updateMember(tx, c.id, actor.personId, { rulesAccepted: updated.rulesVersion });
    emit({ type: rulesChanged ? 'communities.rules_changed' : 'communities.updated', orgId: actor.orgId, payload: { communityId: c.id, personId: actor.personId } });
  });
  invalidateCommunity(deps, id);
  void deps.hub.changed(communityChannel(id), 'community', id);
  return getCommunity(deps.db, actor, id);
}

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

/**
 * Creates a cohort's own space (a private community of kind "cohort") for a program: facilitators own it, members are
 * in it at once and accept its rules on their first visit. Runs inside the caller's transaction (the program publishes).
 */
export async function createCohortSpace(
  tx: DbOrTx,
  orgId: string,
  space: { name: string; description: string; ownerIds: string[]; memberIds: string[]; createdBy: string },
): Promise<{ id: string; slug: string }> {
  const base = slugify(space.name);
  const taken = await repo.selectSlugsLike(tx, orgId, base);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const owners = [...new Set(space.ownerIds)];
  const members = [...new Set(space.memberIds)].filter((id) => !owners.includes(id));
  const c = await repo.insertCommunity(tx, {
    orgId,
    slug,
    name: space.name,
    description: space.description,
    kind: 'cohort',
    visibility: 'private',
    rules: DEFAULT_RULES,
    rulesHtml: renderMarkdown(DEFAULT_RULES),
    createdBy: space.createdBy,
    memberCount: owners.length + members.length,
  });
  for (const id of owners) await repo.upsertMember(tx, { communityId: c.id, personId: id, orgId, role: 'owner', status: 'active', rulesAccepted: c.rulesVersion });
  for (const id of members) await repo.upsertMember(tx, { communityId: c.id, personId: id, orgId, role: 'member', status: 'active', rulesAccepted: 0 });
  return { id: c.id, slug: c.slug };
}
