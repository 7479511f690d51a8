// Communities themselves: access for this module and its neighbours, settings, finding and recommending, creating,
// showing and editing a community, and cohort spaces. Membership is in communities.members.ts.
import type {
  Community,
  CommunityPage,
  CommunityRecommendations,
  CommunitySettings,
  CommunitySummary,
  CreateCommunityRequest,
  FindCommunitiesQuery,
  Membership,
  UpdateCommunityRequest,
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

/** The actor's membership as the contracts show it (null when they are not in the community). */
export function membershipOf(c: policy.CommunitySubject, m: policy.MemberSubject | null): Membership | null {
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
