import type {
  Agenda,
  CreateLiveSessionRequest,
  DebriefConsent,
  DebriefList,
  FindLiveSessionsQuery,
  GroupNotes,
  GroupOverview,
  KeepPair,
  LiveChange,
  LiveMessage,
  LiveMessageList,
  LiveMessagesQuery,
  LiveSession,
  LiveSessionList,
  LiveSessionSummary,
  LivePerson,
  LiveState,
  MyGroup,
  PollResults,
  PollView,
  PostLiveMessageRequest,
  Segment,
  SegmentConfig,
  SessionAnalytics,
  TalkTimeFigures,
  UpdateAgendaRequest,
  UpdateLiveSessionRequest,
  VoteRequest,
  AnalyticsRow,
  MyTalkTime,
} from '../../../../contracts/index.ts';
import { CreateLiveSessionRequest as CreateSchema, GROUP_SEGMENT_KINDS, UpdateAgendaRequest as AgendaSchema, liveChannel, liveConsoleChannel, liveGroupChannel } from '../../../../contracts/index.ts';
import type { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { toCsv } from '../../kernel/csv.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { publishedPartners } from '../programs/index.ts';
import { formBreakoutGroups, formPairs, placeLateJoiner } from './live-sessions.groups.ts';
import { templateSegments } from './live-sessions.templates.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

const isGroupKind = (kind: string) => (GROUP_SEGMENT_KINDS as readonly string[]).includes(kind);
const groupKindOf = (segmentKind: string): 'group' | 'pair' => (segmentKind === 'pairs' ? 'pair' : 'group');
const iso = (v: Date | string | null) => (v === null ? null : toIso(v));
const minutes = (v: number | string) => Math.round(Number(v) * 10) / 10;

// ---------- realtime ----------

/**
 * Publishes a `changed` hint. A failed publish (database gone, node shutting down) only delays a refetch, so it is
 * dropped rather than left as an unhandled rejection.
 */
function publish(deps: AppDeps, channel: string, what: LiveChange, id: string) {
  void deps.hub.changed(channel, what, id);
}

/** Tells followers of a session what changed (ids only; they refetch over HTTP). */
function sessionChanged(deps: AppDeps, sessionId: string, what: LiveChange, id = sessionId) {
  const channel = liveChannel(sessionId);
  publish(deps, channel, what, id);
}

/** Tells the session's facilitators (console) what changed. */
function consoleChanged(deps: AppDeps, sessionId: string, what: LiveChange, id = sessionId) {
  const channel = liveConsoleChannel(sessionId);
  publish(deps, channel, what, id);
}

const throttles = new Map<string, ReturnType<typeof setTimeout>>();
/** Runs `fn` once at the end of a `ms` window however often it is asked within it (per key, on this node). */
function throttled(key: string, ms: number, fn: () => void) {
  if (throttles.has(key)) return;
  const timer = setTimeout(() => {
    throttles.delete(key);
    fn();
  }, ms);
  timer.unref?.();
  throttles.set(key, timer);
}

/** Activity in many groups refreshes the console's overview at most every 2 s. */
const groupActivity = (deps: AppDeps, sessionId: string) => throttled(`groups:${sessionId}`, 2000, () => consoleChanged(deps, sessionId, 'groups'));

/** Tells the members of a group what changed. */
function groupChanged(deps: AppDeps, groupId: string, what: LiveChange, id = groupId) {
  const channel = liveGroupChannel(groupId);
  publish(deps, channel, what, id);
}

// ---------- loading and authorization ----------

async function relationOf(db: DbOrTx, actor: Actor, s: SessionRow): Promise<policy.Relation> {
  const r = await repo.selectViewerRelation(db, s, actor.personId);
  let audience = true;
  if (s.programId) audience = r.enrolled;
  else if (s.communityId) audience = await loadCommunityAccess(db, actor, s.communityId).then((a) => a.canRead, () => false);
  return { facilitator: r.facilitator, audience, participant: r.participant !== null, present: r.participant !== null && r.participant.leftAt === null };
}

interface Loaded {
  s: SessionRow;
  rel: policy.Relation;
  facilitate: boolean;
}

/** A session the actor may see (404 otherwise, also for other organizations); `lock` serializes run-state changes. */
async function load(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<Loaded> {
  const s = await repo.selectSession(db, actor.orgId, id, lock);
  if (!s) throw notFound('That live session');
  const rel = await relationOf(db, actor, s);
  if (!policy.canView(actor, s, rel)) throw notFound('That live session');
  return { s, rel, facilitate: policy.canFacilitate(actor, s, rel) };
}

async function loadForFacilitator(db: DbOrTx, actor: Actor, id: string, lock = false) {
  const l = await load(db, actor, id, lock);
  if (!l.facilitate) throw new AppError('FORBIDDEN', 'Only the session’s facilitators can do that.');
  return l;
}

function assertLive(s: SessionRow) {
  if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
  if (s.status !== 'live') throw new AppError('CONFLICT', 'This session has not started yet.');
}

function assertSessionContent(actor: Actor, l: Loaded) {
  if (!policy.canReadSessionContent(actor, l.s, l.rel)) throw new AppError('FORBIDDEN', 'Join the session to see this.');
}

/**
 * A group or pair the actor is a member of. Everyone else gets 404 — facilitators and org admins included: what is
 * said in a breakout stays in it.
 */
async function loadMemberGroup(db: DbOrTx, actor: Actor, s: SessionRow, groupId: string) {
  const g = await repo.selectGroupForMember(db, s.id, groupId, actor.personId);
  if (!g || !policy.canReadGroup(g.isMember)) throw notFound('That group');
  return g;
}

/** Who may follow `live:<id>`: people who can see the session (messages carry ids only). */
export async function canFollowSession(db: DbOrTx, actor: Actor, id: string) {
  await load(db, actor, id);
  return true;
}

/** Who may follow `live-console:<id>`: the session's facilitators (and org admins). */
export async function canFollowConsole(db: DbOrTx, actor: Actor, id: string) {
  return (await load(db, actor, id)).facilitate;
}

/** Who may follow `live-group:<id>`: the group's members only (never facilitators or admins). */
export async function canFollowGroup(db: DbOrTx, actor: Actor, groupId: string) {
  const g = await repo.selectGroupInOrg(db, actor.orgId, groupId);
  return Boolean(g) && (await repo.isGroupMember(db, groupId, actor.personId));
}

/** Who may send a call signal in `live-group:<id>`: both people are members and the group's segment is running. */
export async function canSignalInGroup(db: DbOrTx, actor: Actor, groupId: string, toPersonId: string) {
  const g = await repo.selectGroupInOrg(db, actor.orgId, groupId);
  if (!g || toPersonId === actor.personId) return false;
  const s = await repo.selectSession(db, actor.orgId, g.sessionId);
  if (!s || s.status !== 'live' || s.currentSegmentId !== g.segmentId) return false;
  return (await repo.isGroupMember(db, g.id, actor.personId)) && (await repo.isGroupMember(db, g.id, toPersonId));
}

// ---------- presenting ----------

function toSegment(r: SegmentRow): Segment {
  return {
    id: r.id,
    position: r.position,
    kind: r.kind as Segment['kind'],
    title: r.title,
    prompt: r.prompt,
    durationMinutes: r.durationMinutes,
    config: (r.config ?? {}) as SegmentConfig,
    status: r.status as Segment['status'],
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
  };
}

type Context = Awaited<ReturnType<typeof repo.selectContexts>>[number];

function summaryOf(actor: Actor, r: SessionRow, rel: policy.Relation, x: { facilitators: LivePerson[]; ctx?: Context; present: number; mine: string | null }): LiveSessionSummary {
  const c = x.ctx;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status as LiveSessionSummary['status'],
    startsAt: toIso(r.startsAt),
    capacity: r.capacity,
    program: r.programId && c?.programTitle ? { id: r.programId, title: c.programTitle } : null,
    community: r.communityId && c?.communityName ? { id: r.communityId, name: c.communityName, slug: c.communitySlug ?? '' } : null,
    facilitators: x.facilitators,
    presentCount: x.present,
    myParticipation: x.mine as LiveSessionSummary['myParticipation'],
    abilities: {
      facilitate: policy.canFacilitate(actor, r, rel),
      join: policy.canJoin(actor, r, rel),
      edit: policy.canEdit(actor, r, rel),
    },
  };
}

async function summaries(db: DbOrTx, actor: Actor, rows: SessionRow[], relations?: Map<string, policy.Relation>): Promise<LiveSessionSummary[]> {
  const ids = rows.map((r) => r.id);
  const [facilitators, participation, contexts] = await Promise.all([repo.selectFacilitators(db, ids), repo.selectParticipation(db, ids, actor.personId), repo.selectContexts(db, ids)]);
  const part = new Map(participation.map((p) => [p.sessionId, p]));
  const ctx = new Map(contexts.map((c) => [c.sessionId, c]));
  const out: LiveSessionSummary[] = [];
  for (const r of rows) {
    const rel = relations?.get(r.id) ?? (await relationOf(db, actor, r));
    const p = part.get(r.id);
    const mine = facilitators.filter((f) => f.sessionId === r.id).map(({ id, name, department }) => ({ id, name, department }));
    out.push(summaryOf(actor, r, rel, { facilitators: mine, ctx: ctx.get(r.id), present: p?.present ?? 0, mine: p?.mine ?? null }));
  }
  return out;
}

/** What every viewer of a session shares in /state (agenda, facilitators, context, head-count, broadcasts). */
interface SharedView {
  segments: SegmentRow[];
  facilitators: LivePerson[];
  ctx?: Context;
  broadcasts: Awaited<ReturnType<typeof repo.selectBroadcasts>>;
}

const SHARED_TTL_MS = 1000;
const sharedViews = new Map<string, { expires: number; value: Promise<SharedView> }>();

/**
 * The shared part of /state, cached per session version for a second on this node: after an advance 500 screens
 * refetch at once, and each then costs only its own queries (relation, group, vote, head-count). Run-state changes and
 * broadcasts bump the version, so the cache never shows an old segment. The head-count is not cached: joins do not
 * bump the version, and a console refetching right after a join must see it.
 */
function sharedView(db: DbOrTx, s: SessionRow): Promise<SharedView> {
  const key = `${s.id}:${s.version}`;
  const now = Date.now();
  const hit = sharedViews.get(key);
  if (hit && hit.expires > now) return hit.value;
  const value = (async () => {
    const [segments, facilitators, contexts, broadcasts] = [
      await repo.selectSegments(db, s.id),
      await repo.selectFacilitators(db, [s.id]),
      await repo.selectContexts(db, [s.id]),
      await repo.selectBroadcasts(db, s.id, 5),
    ];
    return { segments, facilitators: facilitators.map(({ id, name, department }) => ({ id, name, department })), ctx: contexts[0], broadcasts };
  })();
  value.catch(() => sharedViews.delete(key));
  if (sharedViews.size > 500) for (const [k, v] of sharedViews) if (v.expires <= now) sharedViews.delete(k);
  sharedViews.set(key, { expires: now + SHARED_TTL_MS, value });
  return value;
}

async function presentSession(db: DbOrTx, actor: Actor, l: Loaded, loaded?: SegmentRow[]): Promise<LiveSession> {
  const [summary] = await summaries(db, actor, [l.s], new Map([[l.s.id, l.rel]]));
  const segments = loaded ?? (await repo.selectSegments(db, l.s.id));
  return { ...summary, ...runState(l.s, segments) };
}

/** The agenda and run state of a session as the API shows them. */
function runState(s: SessionRow, segments: SegmentRow[]) {
  return {
    segments: segments.map(toSegment),
    currentSegmentId: s.currentSegmentId,
    segmentEndsAt: iso(s.segmentEndsAt),
    startedAt: iso(s.startedAt),
    endedAt: iso(s.endedAt),
    version: s.version,
  };
}

// ---------- sessions ----------

/** Sessions the actor may see: live, then upcoming, then the 50 most recent ended ones. */
export async function findSessions(db: DbOrTx, actor: Actor, q: FindLiveSessionsQuery): Promise<LiveSessionList> {
  let readable: string[] = [];
  if (!actor.isAdmin) {
    const communityIds = await repo.selectCommunityIdsWithSessions(db, actor.orgId);
    for (const cid of communityIds) {
      if (await loadCommunityAccess(db, actor, cid).then((a) => a.canRead, () => false)) readable.push(cid);
    }
  }
  const ids = await repo.selectVisibleSessions(db, actor, { ...q, readableCommunityIds: readable });
  const rows = await repo.selectSessionsByIds(db, actor.orgId, ids.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: await summaries(db, actor, ids.map((r) => byId.get(r.id)).filter((r): r is SessionRow => Boolean(r))) };
}

/** One session with its agenda, run state and the viewer's abilities. */
export async function getSession(db: DbOrTx, actor: Actor, id: string): Promise<LiveSession> {
  return presentSession(db, actor, await load(db, actor, id));
}

/** Creates a scheduled session with an agenda from a template; the creator facilitates it. */
export async function createSession(deps: AppDeps, actor: Actor, raw: CreateLiveSessionRequest): Promise<LiveSession> {
  const input = CreateSchema.parse(raw);
  const db = deps.db;
  if (input.programId) {
    const p = await repo.selectProgramForCreator(db, actor.orgId, input.programId, actor.personId);
    if (!p || (p.status === 'draft' && !p.facilitator && !actor.isAdmin)) throw notFound('That program');
    if (!policy.canCreate(actor, { kind: 'program', programFacilitator: p.facilitator })) throw new AppError('FORBIDDEN', 'Only the program’s facilitators can schedule its live sessions.');
  } else if (input.communityId) {
    const access = await loadCommunityAccess(db, actor, input.communityId);
    if (!access.canRead) throw notFound('That community');
    if (!policy.canCreate(actor, { kind: 'community', communityModerator: access.canModerate })) throw new AppError('FORBIDDEN', 'Only the community’s owners and moderators can schedule its live sessions.');
  } else if (!policy.canCreate(actor, { kind: 'org' })) {
    throw new AppError('FORBIDDEN', 'Only facilitators and admins can schedule live sessions.');
  }
  const coIds = [...new Set(input.facilitatorIds)].filter((id) => id !== actor.personId);
  const id = await deps.events.transaction(db, async (tx, emit) => {
    if ((await repo.selectActivePeople(tx, actor.orgId, coIds)).length !== coIds.length) {
      throw new AppError('VALIDATION_FAILED', 'Some facilitators are not active people of your organization.', { errors: [{ field: 'facilitatorIds', message: 'Unknown person' }] });
    }
    const s = await repo.insertSession(tx, {
      orgId: actor.orgId,
      title: input.title,
      description: input.description,
      programId: input.programId,
      communityId: input.communityId,
      capacity: input.capacity,
      startsAt: new Date(input.startsAt),
      createdBy: actor.personId,
    });
    await repo.insertFacilitators(tx, actor.orgId, s.id, coIds);
    const segments = AgendaSchema.parse({ segments: templateSegments(input.template) }).segments;
    await repo.insertSegments(tx, segments.map((g, position) => ({ ...g, config: g.config, sessionId: s.id, orgId: actor.orgId, position })));
    emit({ type: 'live_sessions.created', orgId: actor.orgId, payload: { sessionId: s.id, programId: s.programId, communityId: s.communityId } });
    return s.id;
  });
  return getSession(db, actor, id);
}

/** Edits title, description, start and capacity (facilitators, before the end). */
export async function updateSession(deps: AppDeps, actor: Actor, id: string, patch: UpdateLiveSessionRequest): Promise<LiveSession> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    await repo.updateSession(tx, s.id, { ...patch, startsAt: patch.startsAt ? new Date(patch.startsAt) : undefined });
  });
  sessionChanged(deps, id, 'session');
  return getSession(deps.db, actor, id);
}

/** JSON with object keys sorted (jsonb reorders keys, so stored and sent configs are compared by content). */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v);

const sameSegment = (row: SegmentRow, input: ReturnType<typeof AgendaSchema.parse>['segments'][number]) =>
  row.kind === input.kind && row.title === input.title && row.prompt === input.prompt && row.durationMinutes === input.durationMinutes && canonical(row.config ?? {}) === canonical(input.config);

/**
 * Replaces the agenda. While scheduled anything goes; while live, segments that ran or run now must come first,
 * unchanged and in order, and only future segments are edited, added or removed.
 */
export async function updateAgenda(deps: AppDeps, actor: Actor, id: string, raw: UpdateAgendaRequest): Promise<Agenda> {
  const input = AgendaSchema.parse(raw).segments;
  const result = await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended; its agenda can no longer change.');
    const existing = await repo.selectSegments(tx, s.id);
    const byId = new Map(existing.map((r) => [r.id, r]));
    const ids = input.map((g) => g.id).filter((x): x is string => Boolean(x));
    if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'A segment is listed twice.', { errors: [{ field: 'segments', message: 'Duplicate id' }] });
    const unknown = ids.findIndex((x) => !byId.has(x));
    if (unknown >= 0) throw new AppError('VALIDATION_FAILED', 'A segment does not belong to this session.', { errors: [{ field: `segments.${unknown}.id`, message: 'Unknown segment' }] });
    const locked = existing.filter((r) => r.status !== 'pending');
    locked.forEach((r, i) => {
      const g = input[i];
      if (!g || g.id !== r.id || !sameSegment(r, g)) throw new AppError('CONFLICT', 'Segments that already ran or are running cannot be changed, moved or removed.');
    });
    if (input.slice(locked.length).some((g) => g.id && byId.get(g.id)?.status !== 'pending')) {
      throw new AppError('CONFLICT', 'Segments that already ran or are running cannot be changed, moved or removed.');
    }
    const keep = new Set(ids);
    await repo.deleteSegments(tx, s.id, existing.filter((r) => r.status === 'pending' && !keep.has(r.id)).map((r) => r.id));
    // Positions are rewritten in two steps so no transient order matters.
    for (let i = locked.length; i < input.length; i++) {
      const g = input[i];
      const v = { kind: g.kind, title: g.title, prompt: g.prompt, durationMinutes: g.durationMinutes, config: g.config, position: i };
      if (g.id) await repo.updateSegment(tx, g.id, v);
      else await repo.insertSegments(tx, [{ ...v, sessionId: s.id, orgId: s.orgId }]);
    }
    const row = await repo.updateSession(tx, s.id, {});
    return { segments: (await repo.selectSegments(tx, s.id)).map(toSegment), version: row.version };
  });
  sessionChanged(deps, id, 'session');
  return result;
}

// ---------- run state ----------

/** Starts a segment: marks it active and forms its groups or pairs among the people present. */
/**
 * Each person's learning partners: the program's published partners plan first; for people it does not pair, the
 * first pair they had in the program's live sessions (or this session's, without a program). Partners the plan gave
 * someone else are not claimed from live history, so plan pairs stay whole.
 */
async function learningPartners(tx: DbOrTx, s: SessionRow): Promise<Map<string, string[]>> {
  const plan = s.programId ? await publishedPartners(tx, s.programId) : new Map<string, string[]>();
  const out = new Map(plan);
  for (const r of await repo.selectFirstPartners(tx, s)) {
    if (plan.has(r.personId)) continue;
    out.set(r.personId, r.members.filter((id) => id !== r.personId && !plan.has(id)));
  }
  return out;
}

async function activate(tx: DbOrTx, s: SessionRow, seg: SegmentRow, now: Date) {
  await repo.updateSegment(tx, seg.id, { status: 'active', startedAt: now });
  if (isGroupKind(seg.kind)) {
    const present = await repo.selectPresentPeople(tx, s.id);
    const known = (await repo.selectKnownPairs(tx, s, present.map((p) => p.id))).map((k) => ({ a: k.a, b: k.b, weight: k.n }));
    const seed = seg.position + 1;
    let groups: string[][];
    if (seg.kind === 'pairs') {
      groups = formPairs(present, await learningPartners(tx, s), known, seed);
    } else {
      groups = formBreakoutGroups(present, (seg.config as SegmentConfig).groupSize ?? (seg.kind === 'icebreaker' ? 3 : 4), known, seed);
    }
    await repo.insertGroups(tx, s, seg.id, groupKindOf(seg.kind), groups);
  }
  return new Date(now.getTime() + seg.durationMinutes * 60_000);
}

async function endCurrent(tx: DbOrTx, s: SessionRow, now: Date) {
  if (s.currentSegmentId) await repo.updateSegment(tx, s.currentSegmentId, { status: 'done', endedAt: now });
}

/** Starts the session and its first segment. */
export async function start(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    if (s.status === 'live') throw new AppError('CONFLICT', 'This session is already running.');
    const now = new Date();
    const first = (await repo.selectSegments(tx, s.id)).find((g) => g.status === 'pending');
    const endsAt = first ? await activate(tx, s, first, now) : null;
    await repo.updateSession(tx, s.id, { status: 'live', startedAt: now, currentSegmentId: first?.id ?? null, segmentEndsAt: endsAt });
    emit({ type: 'live_sessions.started', orgId: s.orgId, payload: { sessionId: s.id } });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/**
 * Ends the current segment and starts the next one. `fromSegmentId` is what the facilitator saw as current: when
 * another facilitator advanced first it differs → 409 STALE_STATE, so two clicks advance once (the row lock orders them).
 */
export async function advance(deps: AppDeps, actor: Actor, id: string, fromSegmentId: string | null): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    assertLive(s);
    if ((s.currentSegmentId ?? null) !== fromSegmentId) throw new AppError('STALE_STATE', 'The session moved on already (another facilitator advanced it). Refresh to see where it is.');
    const next = (await repo.selectSegments(tx, s.id)).find((g) => g.status === 'pending');
    if (!next && !s.currentSegmentId) throw new AppError('CONFLICT', 'There is no next segment. Add one to the agenda or end the session.');
    const now = new Date();
    await endCurrent(tx, s, now);
    const endsAt = next ? await activate(tx, s, next, now) : null;
    await repo.updateSession(tx, s.id, { currentSegmentId: next?.id ?? null, segmentEndsAt: endsAt });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/** Adds minutes to the running segment's timer (counting from now when it already ran out). */
export async function extend(deps: AppDeps, actor: Actor, id: string, addMinutes: number): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    assertLive(s);
    if (!s.currentSegmentId) throw new AppError('CONFLICT', 'No segment is running.');
    const base = Math.max(Date.now(), s.segmentEndsAt ? new Date(s.segmentEndsAt).getTime() : 0);
    await repo.updateSession(tx, s.id, { segmentEndsAt: new Date(base + addMinutes * 60_000) });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/** Sends a banner to everyone in the session. */
export async function broadcast(deps: AppDeps, actor: Actor, id: string, text: string): Promise<LiveState> {
  const b = await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    // The version moves so screens (and the shared /state view) pick the banner up at once.
    await repo.updateSession(tx, s.id, {});
    return repo.insertBroadcast(tx, { sessionId: s.id, orgId: s.orgId, authorId: actor.personId, text });
  });
  sessionChanged(deps, id, 'broadcast', b.id);
  return getState(deps.db, actor, id);
}

/** Ends the running breakout (groups or pairs) and brings everyone back to the main room. */
export async function recall(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    assertLive(s);
    const cur = s.currentSegmentId ? await repo.selectSegment(tx, s.id, s.currentSegmentId) : undefined;
    if (!cur || !isGroupKind(cur.kind)) throw new AppError('CONFLICT', 'No breakout is running.');
    await endCurrent(tx, s, new Date());
    await repo.updateSession(tx, s.id, { currentSegmentId: null, segmentEndsAt: null });
  });
  sessionChanged(deps, id, 'segment');
  return getState(deps.db, actor, id);
}

/**
 * Ends the session for everyone: closes attendance, and deletes each pair's chat and notes unless every partner chose
 * to keep them.
 */
export async function end(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { s } = await loadForFacilitator(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended already.');
    const now = new Date();
    await endCurrent(tx, s, now);
    await repo.updateSession(tx, s.id, { status: 'ended', endedAt: now, currentSegmentId: null, segmentEndsAt: null });
    await repo.closeAllAttendance(tx, s.id);
    await repo.purgeUnkeptPairs(tx, s.id);
    emit({ type: 'live_sessions.ended', orgId: s.orgId, payload: { sessionId: s.id } });
  });
  sessionChanged(deps, id, 'session');
  return getState(deps.db, actor, id);
}

// ---------- participants ----------

/**
 * Joins as a participant (idempotent). Capacity counts people present (never facilitators); a full session → 409
 * SESSION_FULL, an ended one → 409 SESSION_ENDED. Joining during a breakout places the person at once.
 */
export async function join(deps: AppDeps, actor: Actor, id: string): Promise<LiveState> {
  const placed = await deps.events.transaction(deps.db, async (tx) => {
    const { s, rel, facilitate } = await load(tx, actor, id, true);
    if (s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended.');
    if (facilitate) throw new AppError('FORBIDDEN', 'Facilitators run the session; they do not join it as participants.');
    if (!policy.canJoin(actor, s, rel)) throw new AppError('FORBIDDEN', 'This session is for its program’s or community’s members.');
    if (rel.present) return null;
    if (s.capacity !== null && (await repo.countPresent(tx, s.id)) >= s.capacity) throw new AppError('SESSION_FULL', 'This session is full.');
    await repo.markPresent(tx, s.orgId, s.id, actor.personId);
    if (s.status !== 'live' || !s.currentSegmentId) return null;
    const seg = await repo.selectSegment(tx, s.id, s.currentSegmentId);
    if (!seg || !isGroupKind(seg.kind)) return null;
    return placeLate(tx, s, seg, actor.personId);
  });
  consoleChanged(deps, id, 'session');
  if (placed) {
    consoleChanged(deps, id, 'groups', placed);
    groupChanged(deps, placed, 'groups');
  }
  return getState(deps.db, actor, id);
}

/** Places a late joiner in the running breakout; returns the group id. */
async function placeLate(tx: DbOrTx, s: SessionRow, seg: SegmentRow, personId: string): Promise<string | null> {
  const mine = await repo.selectMyGroupInSegment(tx, seg.id, personId);
  if (mine) return null;
  const kind = groupKindOf(seg.kind);
  const groups = (await repo.selectSegmentGroups(tx, s.id, seg.id)).map((g) => ({ id: g.id, members: g.members.filter((m) => m.present && m.id !== personId).map((m) => m.id) }));
  let target: string | null;
  if (!groups.length) {
    const [g] = await repo.insertGroups(tx, s, seg.id, kind, [[personId]]);
    return g.id;
  }
  const everyone = [personId, ...groups.flatMap((g) => g.members)];
  const known = new Set((await repo.selectKnownPairs(tx, s, everyone)).map((k) => `${k.a}|${k.b}`));
  const knows = (a: string, b: string) => known.has(a < b ? `${a}|${b}` : `${b}|${a}`);
  const first = kind === 'pair' ? ((await learningPartners(tx, s)).get(personId) ?? []) : [];
  target = placeLateJoiner(personId, kind, groups, knows, first);
  if (!target) return null;
  await repo.insertGroupMember(tx, s, target, personId);
  return target;
}

/** Leaves the session (their group keeps their place). A facilitator leaving changes nothing for anyone. */
export async function leave(deps: AppDeps, actor: Actor, id: string) {
  const left = await deps.events.transaction(deps.db, async (tx) => {
    const { s, rel } = await load(tx, actor, id);
    if (!rel.present) return false;
    await repo.markLeft(tx, s.id, actor.personId);
    return true;
  });
  if (left) consoleChanged(deps, id, 'session');
}

// ---------- state ----------

async function pollView(db: DbOrTx, actor: Actor, seg: SegmentRow, facilitate: boolean): Promise<PollView> {
  const c = seg.config as SegmentConfig;
  const mine = await repo.selectMyVote(db, seg.id, actor.personId);
  const seeResults = facilitate || Boolean(mine) || seg.status === 'done';
  return {
    segmentId: seg.id,
    question: c.question ?? seg.title,
    type: c.type ?? 'single',
    options: c.options ?? [],
    scale: c.type === 'rating' ? (c.scale ?? 5) : null,
    open: seg.status === 'active',
    myVote: mine ? mine.choice : null,
    results: seeResults ? await results(db, seg) : null,
  };
}

async function results(db: DbOrTx, seg: SegmentRow): Promise<PollResults> {
  const c = seg.config as SegmentConfig;
  const votes = await repo.selectVotes(db, seg.id);
  const type = c.type ?? 'single';
  const out: PollResults = { segmentId: seg.id, type, voters: votes.length, options: [], histogram: [], mean: null, words: [] };
  if (type === 'single' || type === 'multiple') {
    out.options = (c.options ?? []).map((label, i) => ({ label, count: votes.filter((v) => v.choice.choices?.includes(i)).length }));
  } else if (type === 'rating') {
    const scale = c.scale ?? 5;
    const ratings = votes.map((v) => v.choice.rating).filter((r): r is number => typeof r === 'number');
    out.histogram = Array.from({ length: scale }, (_, i) => ({ value: i + 1, count: ratings.filter((r) => r === i + 1).length }));
    out.mean = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
  } else {
    const counts = new Map<string, number>();
    for (const v of votes) for (const w of new Set(v.choice.words ?? [])) counts.set(w, (counts.get(w) ?? 0) + 1);
    out.words = [...counts].map(([word, count]) => ({ word, count })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, 100);
  }
  return out;
}

/** The group segment whose groups the screens show: the running one, else the most recent that ran. */
function groupSegmentInView(segments: SegmentRow[], currentId: string | null): SegmentRow | undefined {
  const cur = segments.find((g) => g.id === currentId);
  if (cur && isGroupKind(cur.kind)) return cur;
  return segments.filter((g) => isGroupKind(g.kind) && g.status !== 'pending').sort((a, b) => b.position - a.position)[0];
}

/** The segment whose groups may debrief: the latest icebreaker or group discussion that ran. */
function debriefSegment(segments: SegmentRow[]): SegmentRow | undefined {
  return segments.filter((g) => (g.kind === 'groups' || g.kind === 'icebreaker') && g.status !== 'pending').sort((a, b) => b.position - a.position)[0];
}

async function myGroupView(db: DbOrTx, actor: Actor, s: SessionRow, segments: SegmentRow[]): Promise<MyGroup | null> {
  const current = segments.find((g) => g.id === s.currentSegmentId);
  // During a debrief, the group that may debrief; otherwise the running (or last) breakout.
  const seg = current?.kind === 'debrief' ? (debriefSegment(segments) ?? groupSegmentInView(segments, s.currentSegmentId)) : groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return null;
  const g = await repo.selectMyGroupInSegment(db, seg.id, actor.personId);
  if (!g) return null;
  const members = await repo.selectGroupMembers(db, g.id);
  const me = members.find((m) => m.id === actor.personId);
  return {
    id: g.id,
    kind: g.kind as MyGroup['kind'],
    segmentId: seg.id,
    active: s.status === 'live' && s.currentSegmentId === seg.id,
    members: members.map(({ id, name, department }) => ({ id, name, department })),
    prompt: seg.prompt,
    keep: g.kind === 'pair' ? { mine: Boolean(me?.keep), all: members.every((m) => m.keep) } : null,
    debrief:
      g.kind === 'group'
        ? { mine: me?.debriefConsent ?? null, consented: members.filter((m) => m.debriefConsent === true).length, members: members.length, shared: members.every((m) => m.debriefConsent === true) }
        : null,
  };
}

async function groupsOverview(db: DbOrTx, s: SessionRow, segments: SegmentRow[]): Promise<GroupOverview[]> {
  const seg = groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return [];
  const [groups, counts] = await Promise.all([repo.selectSegmentGroups(db, s.id, seg.id), repo.selectGroupMessageCounts(db, s.id, seg.id)]);
  const n = new Map(counts.map((c) => [c.groupId, c.n]));
  return groups.map((g) => ({
    id: g.id,
    kind: g.kind,
    memberCount: g.members.filter((m) => m.present).length,
    members: g.members.map(({ id, name }) => ({ id, name })),
    messageCount: n.get(g.id) ?? 0,
    lastActivityAt: iso(g.lastActivityAt),
  }));
}

/** Everything a participant or facilitator screen shows now; facilitators also get the group overview (no content). */
export async function getState(db: DbOrTx, actor: Actor, id: string): Promise<LiveState> {
  const l = await load(db, actor, id);
  const shared = await sharedView(db, l.s);
  const present = await repo.countPresent(db, l.s.id);
  const segments = shared.segments;
  const mine = l.rel.participant ? (l.rel.present ? 'present' : 'left') : null;
  const session: LiveSession = {
    ...summaryOf(actor, l.s, l.rel, { facilitators: shared.facilitators, ctx: shared.ctx, present, mine }),
    ...runState(l.s, segments),
  };
  const current = segments.find((g) => g.id === l.s.currentSegmentId && g.status === 'active');
  const content = policy.canReadSessionContent(actor, l.s, l.rel);
  const broadcasts = content ? shared.broadcasts : [];
  return {
    session,
    role: l.facilitate ? 'facilitator' : l.rel.present ? 'participant' : 'audience',
    present: l.rel.present,
    segment: current ? { ...toSegment(current), timerEndsAt: iso(l.s.segmentEndsAt) } : null,
    myGroup: !l.facilitate && l.rel.participant ? await myGroupView(db, actor, l.s, segments) : null,
    poll: current?.kind === 'poll' && content ? await pollView(db, actor, current, l.facilitate) : null,
    broadcasts: broadcasts.map((b) => ({ id: b.id, text: b.text, author: b.author ?? { id: actor.personId, name: 'Former facilitator', department: null }, createdAt: toIso(b.createdAt) })),
    groups: l.facilitate ? await groupsOverview(db, l.s, segments) : null,
    version: l.s.version,
  };
}

// ---------- messages ----------

function toMessage(r: repo.MessageRow): LiveMessage {
  return { id: r.id, segmentId: r.segmentId, groupId: r.groupId, author: r.author, body: r.body, clientId: r.clientId, createdAt: toIso(r.createdAt) };
}

/** Chat of the plenary (participants and facilitators) or of a group/pair (its members only). */
export async function findMessages(db: DbOrTx, actor: Actor, id: string, q: LiveMessagesQuery): Promise<LiveMessageList> {
  const l = await load(db, actor, id);
  const groupId = q.groupId ?? null;
  if (groupId) await loadMemberGroup(db, actor, l.s, groupId);
  else assertSessionContent(actor, l);
  if (q.after && !(await repo.messageInRoom(db, l.s.id, groupId, q.after))) {
    throw new AppError('VALIDATION_FAILED', 'That message is not in this chat.', { errors: [{ field: 'after', message: 'Unknown message' }] });
  }
  return { items: (await repo.selectMessages(db, l.s.id, groupId, q.after, q.limit)).map(toMessage) };
}

/**
 * Posts a chat message while its segment runs (else 409 SEGMENT_CLOSED). A retry with the same clientId returns the
 * first message (created = false), even when the segment closed or the sender hit the rate limit meanwhile. The
 * common path takes four round trips: session, relation, group membership, and one statement that inserts the
 * message and marks the group active.
 */
export async function postMessage(deps: AppDeps, actor: Actor, id: string, input: PostLiveMessageRequest, limiter: FailureLimiter): Promise<{ message: LiveMessage; created: boolean }> {
  const l = await load(deps.db, actor, id);
  const s = l.s;
  const groupId = input.groupId ?? null;
  let segmentId: string | null = null;
  let refusal: AppError | null = null;
  if (groupId) {
    const g = await repo.selectGroupForMember(deps.db, s.id, groupId, actor.personId);
    if (!g || !policy.canReadGroup(g.isMember)) refusal = notFound('That group');
    else if (s.status !== 'live' || s.currentSegmentId !== g.segmentId) refusal = new AppError('SEGMENT_CLOSED', 'This breakout has ended; its chat is read-only.');
    else segmentId = g.segmentId;
  } else if (!l.facilitate && !l.rel.present) {
    refusal = new AppError('FORBIDDEN', 'Join the session to chat.');
  } else {
    const cur = s.status === 'live' && s.currentSegmentId ? await repo.selectSegment(deps.db, s.id, s.currentSegmentId) : undefined;
    if (!cur || (cur.kind !== 'plenary' && cur.kind !== 'chat')) refusal = new AppError('SEGMENT_CLOSED', 'The session chat is open during plenary and chat segments only.');
    else segmentId = cur.id;
  }
  const wait = refusal ? 0 : limiter.retryAfter(actor.personId);
  if (wait > 0) refusal = new AppError('RATE_LIMITED', `You are sending messages quickly. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
  if (refusal || !segmentId) {
    // Only a refused request looks for the message it may be a retry of.
    const again = await repo.selectMessageByClientId(deps.db, s.id, actor.personId, input.clientId);
    if (again) return { message: toMessage(again), created: false };
    throw refusal ?? notFound('That chat');
  }
  const result = await repo.insertMessage(deps.db, { sessionId: s.id, orgId: s.orgId, segmentId, groupId, authorId: actor.personId, body: input.body, clientId: input.clientId });
  if (result.created) {
    limiter.fail(actor.personId);
    if (groupId) {
      groupChanged(deps, groupId, 'chat', result.row.id);
      groupActivity(deps, s.id);
    } else sessionChanged(deps, s.id, 'chat', result.row.id);
  }
  return { message: toMessage(result.row), created: result.created };
}

// ---------- notes, debrief, keep ----------

async function notesOf(db: DbOrTx, orgId: string, groupId: string): Promise<GroupNotes> {
  const n = await repo.selectNotes(db, groupId);
  const by = n?.updatedBy ? (await repo.selectPeople(db, orgId, [n.updatedBy]))[0] : undefined;
  return { groupId, body: n?.body ?? '', version: n?.version ?? 0, updatedBy: by ?? null, updatedAt: n ? toIso(n.updatedAt) : null };
}

/** A group's notes: its members; after a unanimous debrief also the session's participants and facilitators. */
export async function getNotes(db: DbOrTx, actor: Actor, id: string, groupId: string): Promise<GroupNotes> {
  const l = await load(db, actor, id);
  const g = await repo.selectGroup(db, l.s.id, groupId);
  if (!g) throw notFound('That group');
  if (!(await repo.isGroupMember(db, g.id, actor.personId))) {
    const members = g.kind === 'group' ? await repo.selectGroupMembers(db, g.id) : [];
    const shared = members.length > 0 && members.every((m) => m.debriefConsent === true);
    if (!shared || !policy.canReadSessionContent(actor, l.s, l.rel)) throw notFound('That group');
  }
  return notesOf(db, l.s.orgId, g.id);
}

/** Saves a group's notes (members only) when `version` is current; else 409 NOTES_CONFLICT. */
export async function putNotes(deps: AppDeps, actor: Actor, id: string, groupId: string, body: string, version: number): Promise<GroupNotes> {
  const notes = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (l.s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended; its notes are read-only.');
    if (!(await repo.writeNotes(tx, l.s.orgId, g.id, body, version, actor.personId))) {
      throw new AppError('NOTES_CONFLICT', 'Someone in your group changed the notes meanwhile. Reload them, then apply your edit again.');
    }
    await repo.touchGroup(tx, g.id);
    return notesOf(tx, l.s.orgId, g.id);
  });
  groupChanged(deps, groupId, 'notes');
  groupActivity(deps, id);
  return notes;
}

/**
 * A member's consent to share the group's notes with the session during the debrief. Notes are shared only when
 * every member agreed. Pairs never debrief → 409 PAIR_PRIVATE.
 */
export async function setDebriefConsent(deps: AppDeps, actor: Actor, id: string, groupId: string, share: boolean): Promise<DebriefConsent> {
  const out = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id, true);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (g.kind === 'pair') throw new AppError('PAIR_PRIVATE', 'Learning-partner conversations are private; they are never debriefed.');
    const segments = await repo.selectSegments(tx, l.s.id);
    const cur = segments.find((x) => x.id === l.s.currentSegmentId);
    if (l.s.status !== 'live' || cur?.kind !== 'debrief') throw new AppError('SEGMENT_CLOSED', 'Debrief consent is asked during the debrief segment.');
    if (debriefSegment(segments)?.id !== g.segmentId) throw new AppError('CONFLICT', 'Only the groups of the latest discussion debrief.');
    await repo.setMemberChoice(tx, g.id, actor.personId, { debriefConsent: share });
    const members = await repo.selectGroupMembers(tx, g.id);
    const consented = members.filter((m) => m.debriefConsent === true).length;
    return { groupId: g.id, mine: share, consented, members: members.length, shared: consented === members.length };
  });
  groupChanged(deps, groupId, 'debrief');
  sessionChanged(deps, id, 'debrief', groupId);
  return out;
}

/** Shared debrief notes (groups whose every member agreed): participants and facilitators. */
export async function findDebriefs(db: DbOrTx, actor: Actor, id: string): Promise<DebriefList> {
  const l = await load(db, actor, id);
  assertSessionContent(actor, l);
  const rows = await repo.selectSharedDebriefs(db, l.s.id);
  const items = [];
  for (const r of rows) {
    const members = await repo.selectGroupMembers(db, r.groupId);
    if (!members.length) continue;
    items.push({ groupId: r.groupId, segmentTitle: r.segmentTitle, members: members.map(({ id: mid, name, department }) => ({ id: mid, name, department })), notes: r.notes ?? '', updatedAt: iso(r.updatedAt) });
  }
  return { items };
}

/** A partner's choice to keep the pair's chat and notes after the session (kept only when every partner chose to). */
export async function setKeep(deps: AppDeps, actor: Actor, id: string, groupId: string, keep: boolean): Promise<KeepPair> {
  const out = await deps.events.transaction(deps.db, async (tx) => {
    const l = await load(tx, actor, id, true);
    const g = await loadMemberGroup(tx, actor, l.s, groupId);
    if (g.kind !== 'pair') throw new AppError('CONFLICT', 'Only learning partners choose whether to keep their conversation.');
    if (l.s.status === 'ended') throw new AppError('SESSION_ENDED', 'This session has ended; the choice was made at its end.');
    await repo.setMemberChoice(tx, g.id, actor.personId, { keep });
    const members = await repo.selectGroupMembers(tx, g.id);
    return { groupId: g.id, mine: keep, all: members.every((m) => m.keep) };
  });
  groupChanged(deps, groupId, 'groups');
  return out;
}

// ---------- polls ----------

async function loadPoll(db: DbOrTx, s: SessionRow, segmentId: string) {
  const seg = await repo.selectSegment(db, s.id, segmentId);
  if (!seg || seg.kind !== 'poll') throw notFound('That poll');
  return seg;
}

const invalidVote = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { errors: [{ field, message }] });

/** Checks a vote against the poll's type and options; returns what is stored. */
function normalizeVote(c: SegmentConfig, v: VoteRequest) {
  const type = c.type ?? 'single';
  const given = (['choices', 'rating', 'words'] as const).filter((k) => v[k] !== undefined);
  const expected = type === 'rating' ? 'rating' : type === 'wordcloud' ? 'words' : 'choices';
  if (given.length !== 1 || given[0] !== expected) throw invalidVote(expected, `This ${type} poll takes "${expected}" only.`);
  if (type === 'single' || type === 'multiple') {
    const choices = v.choices as number[];
    const n = c.options?.length ?? 0;
    if (choices.some((i) => i >= n)) throw invalidVote('choices', 'That option does not exist.');
    if (new Set(choices).size !== choices.length) throw invalidVote('choices', 'An option is chosen twice.');
    if (type === 'single' && choices.length !== 1) throw invalidVote('choices', 'Choose exactly one option.');
    return { choices: [...choices].sort((a, b) => a - b) };
  }
  if (type === 'rating') {
    const scale = c.scale ?? 5;
    if ((v.rating as number) > scale) throw invalidVote('rating', `Rate from 1 to ${scale}.`);
    return { rating: v.rating as number };
  }
  const words = [...new Set((v.words as string[]).map((w) => w.toLowerCase().replace(/\s+/g, ' ').trim()).filter(Boolean))];
  if (!words.length) throw invalidVote('words', 'Give at least one word.');
  return { words };
}

/** Votes once in a running poll: ALREADY_VOTED for a second vote, POLL_CLOSED after (or before) the segment. */
export async function vote(deps: AppDeps, actor: Actor, id: string, segmentId: string, v: VoteRequest): Promise<PollView> {
  const { s, rel, facilitate } = await load(deps.db, actor, id);
  const seg = await loadPoll(deps.db, s, segmentId);
  if (facilitate) throw new AppError('FORBIDDEN', 'Facilitators see the results; participants vote.');
  if (!rel.present) throw new AppError('FORBIDDEN', 'Join the session to vote.');
  if (s.status !== 'live' || seg.status !== 'active' || s.currentSegmentId !== seg.id) {
    throw new AppError('POLL_CLOSED', seg.status === 'pending' ? 'This poll has not opened yet.' : 'This poll is closed.');
  }
  const choice = normalizeVote(seg.config as SegmentConfig, v);
  const inserted = await deps.events.transaction(deps.db, (tx) => repo.insertVote(tx, { segmentId: seg.id, personId: actor.personId, sessionId: s.id, orgId: s.orgId, choice }));
  if (!inserted) throw new AppError('ALREADY_VOTED', 'You already voted in this poll; a vote cannot be changed.');
  consoleChanged(deps, s.id, 'poll', seg.id);
  throttled(`poll:${seg.id}`, 2000, () => sessionChanged(deps, s.id, 'poll', seg.id));
  return pollView(deps.db, actor, seg, false);
}

/** Poll results: facilitators always; participants after voting or once the poll closed. */
export async function getResults(db: DbOrTx, actor: Actor, id: string, segmentId: string): Promise<PollResults> {
  const l = await load(db, actor, id);
  const seg = await loadPoll(db, l.s, segmentId);
  assertSessionContent(actor, l);
  if (!l.facilitate && seg.status !== 'done' && !(await repo.selectMyVote(db, seg.id, actor.personId))) {
    throw new AppError('FORBIDDEN', 'Results show once you voted or the poll closed.');
  }
  return results(db, seg);
}

// ---------- analytics ----------

const zeroFigures = (): TalkTimeFigures => ({ plenaryMinutes: 0, groupMinutes: 0, pairMinutes: 0, chatMessages: 0, pollVotes: 0, newPeopleMet: 0 });

function toFigures(r: Awaited<ReturnType<typeof repo.selectFigures>>[number]): TalkTimeFigures {
  return {
    plenaryMinutes: minutes(r.plenaryMinutes),
    groupMinutes: minutes(r.groupMinutes),
    pairMinutes: minutes(r.pairMinutes),
    chatMessages: r.chatMessages,
    pollVotes: r.pollVotes,
    newPeopleMet: r.newPeopleMet,
  };
}

function sum(rows: TalkTimeFigures[]): TalkTimeFigures {
  const t = zeroFigures();
  for (const r of rows) for (const k of Object.keys(t) as (keyof TalkTimeFigures)[]) t[k] += r[k];
  for (const k of ['plenaryMinutes', 'groupMinutes', 'pairMinutes'] as const) t[k] = Math.round(t[k] * 10) / 10;
  return t;
}

/** Talk-time and participation per participant (facilitators): minutes and counts, never content. */
export async function getAnalytics(db: DbOrTx, actor: Actor, id: string): Promise<SessionAnalytics> {
  const { s } = await loadForFacilitator(db, actor, id);
  const rows: AnalyticsRow[] = (await repo.selectFigures(db, s.orgId, { sessionId: s.id })).map((r) => ({ personId: r.personId, name: r.name, ...toFigures(r) }));
  const segments = (await repo.selectSegmentMinutes(db, s.id)).map((g) => ({ id: g.id, kind: g.kind as Segment['kind'], title: g.title, minutes: minutes(g.minutes) }));
  return { sessionId: s.id, rows, totals: { ...sum(rows), participants: rows.length }, segments };
}

/** The viewer's own row in a session (zeros when they never joined). */
export async function getMyAnalytics(db: DbOrTx, actor: Actor, id: string): Promise<AnalyticsRow> {
  const { s } = await load(db, actor, id);
  const [r] = await repo.selectFigures(db, s.orgId, { sessionId: s.id, personId: actor.personId });
  const me = (await repo.selectPeople(db, s.orgId, [actor.personId]))[0];
  return { personId: actor.personId, name: me?.name ?? '', ...(r ? toFigures(r) : zeroFigures()) };
}

/** The viewer's figures across every session they joined. */
export async function getMyTalkTime(db: DbOrTx, actor: Actor): Promise<MyTalkTime> {
  const rows = await repo.selectFigures(db, actor.orgId, { personId: actor.personId });
  const sessions = await repo.selectSessionsByIds(db, actor.orgId, rows.map((r) => r.sessionId));
  const byId = new Map(sessions.map((x) => [x.id, x]));
  const items = rows
    .filter((r) => byId.has(r.sessionId))
    .map((r) => {
      const x = byId.get(r.sessionId) as SessionRow;
      return { sessionId: x.id, title: x.title, startsAt: toIso(x.startsAt), status: x.status as LiveSession['status'], ...toFigures(r) };
    })
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { sessions: items, totals: sum(items) };
}

/** CSV for facilitators: attendance and talk-time, poll results, plenary chat — never group or pair content. */
export async function exportCsv(db: DbOrTx, actor: Actor, id: string): Promise<{ filename: string; csv: string }> {
  const { s } = await loadForFacilitator(db, actor, id);
  const figures = await repo.selectFigures(db, s.orgId, { sessionId: s.id });
  const rows: (string | number | null)[][] = [['section', 'name', 'plenary minutes', 'group minutes', 'pair minutes', 'chat messages', 'poll votes', 'new people met']];
  for (const r of figures) {
    const f = toFigures(r);
    rows.push(['attendance', r.name, f.plenaryMinutes, f.groupMinutes, f.pairMinutes, f.chatMessages, f.pollVotes, f.newPeopleMet]);
  }
  rows.push([], ['section', 'poll', 'answer', 'votes']);
  for (const seg of await repo.selectPollSegments(db, s.id)) {
    const r = await results(db, seg);
    const q = (seg.config as SegmentConfig).question ?? seg.title;
    for (const o of r.options) rows.push(['poll', q, o.label, o.count]);
    for (const h of r.histogram) rows.push(['poll', q, String(h.value), h.count]);
    for (const w of r.words) rows.push(['poll', q, w.word, w.count]);
  }
  rows.push([], ['section', 'time', 'name', 'message']);
  for (const m of await repo.selectPlenaryChat(db, s.id)) rows.push(['plenary chat', toIso(m.createdAt), m.name, m.body]);
  const slug = s.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'session';
  return { filename: `live-${slug}.csv`, csv: toCsv(rows) };
}
