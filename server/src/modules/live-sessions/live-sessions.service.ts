// Sessions, agenda, run state, joining and /state. Chat, notes and debriefs are in live-sessions.chat.ts, polls in
// .polls.ts, analytics in .analytics.ts, late placement in .placement.ts; loading and realtime in .access.ts.
import type {
  Agenda,
  CreateLiveSessionRequest,
  FindLiveSessionsQuery,
  GroupOverview,
  LiveSession,
  LiveSessionList,
  LiveSessionSummary,
  LivePerson,
  LiveState,
  MyGroup,
  PlaceParticipantRequest,
  Segment,
  SegmentConfig,
  UpdateAgendaRequest,
  UpdateLiveSessionRequest,
} from '../../../../contracts/index.ts';
import { CreateLiveSessionRequest as CreateSchema, UpdateAgendaRequest as AgendaSchema } from '../../../../contracts/index.ts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { publishedPartners } from '../programs/index.ts';
import {
  type Loaded,
  assertLive,
  consoleChanged,
  debriefSegment,
  groupKindOf,
  groupSegmentInView,
  isGroupKind,
  iso,
  load,
  loadForFacilitator,
  relationOf,
  sessionChanged,
} from './live-sessions.access.ts';
import { formBreakoutGroups, formPairs } from './live-sessions.groups.ts';
import { announcePlacement, placeLateJoiner, placeWaitingPerson } from './live-sessions.placement.ts';
import { pollView } from './live-sessions.polls.ts';
import { templateSegments } from './live-sessions.templates.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;
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
    return placeLateJoiner(tx, s, seg, actor.personId);
  });
  consoleChanged(deps, id, 'session');
  if (placed) announcePlacement(deps, id, placed);
  return getState(deps.db, actor, id);
}

/** A facilitator places a waiting person (see placeWaitingPerson); answers the facilitator's state. */
export async function placeParticipant(deps: AppDeps, actor: Actor, id: string, body: PlaceParticipantRequest, request: FastifyRequest | null): Promise<LiveState> {
  const groupId = await deps.events.transaction(deps.db, (tx) => placeWaitingPerson(tx, actor, id, body, request));
  announcePlacement(deps, id, groupId);
  return getState(deps.db, actor, id);
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


async function myGroupView(db: DbOrTx, actor: Actor, s: SessionRow, segments: SegmentRow[]): Promise<MyGroup | null> {
  const current = segments.find((g) => g.id === s.currentSegmentId);
  // During a debrief, the group that may debrief; otherwise the running (or last) breakout.
  const seg = current?.kind === 'debrief' ? (debriefSegment(segments) ?? groupSegmentInView(segments, s.currentSegmentId)) : groupSegmentInView(segments, s.currentSegmentId);
  if (!seg) return null;
  const g = await repo.selectMyGroupInSegment(db, seg.id, actor.personId);
  if (!g) return null;
  const [members, membership] = [await repo.selectGroupMembers(db, g.id), await repo.selectMembership(db, g.id, actor.personId)];
  const me = members.find((m) => m.id === actor.personId);
  return {
    id: g.id,
    kind: g.kind as MyGroup['kind'],
    segmentId: seg.id,
    active: s.status === 'live' && s.currentSegmentId === seg.id,
    members: members.map(({ id, name, department }) => ({ id, name, department })),
    memberSince: toIso(membership?.joinedAt ?? g.createdAt),
    joinedLate: Boolean(membership?.late),
    notesVisible: Boolean(membership?.notesVisible),
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
  const myGroup = !l.facilitate && l.rel.participant ? await myGroupView(db, actor, l.s, segments) : null;
  const breakout = l.s.status === 'live' && current && isGroupKind(current.kind) ? current : undefined;
  return {
    session,
    role: l.facilitate ? 'facilitator' : l.rel.present ? 'participant' : 'audience',
    present: l.rel.present,
    segment: current ? { ...toSegment(current), timerEndsAt: iso(l.s.segmentEndsAt) } : null,
    myGroup,
    waiting: Boolean(breakout && !l.facilitate && l.rel.present && myGroup?.segmentId !== breakout.id),
    waitingPeople: l.facilitate ? (breakout ? await repo.selectWaiting(db, l.s.id, breakout.id) : []) : null,
    poll: current?.kind === 'poll' && content ? await pollView(db, actor, current, l.facilitate) : null,
    broadcasts: broadcasts.map((b) => ({ id: b.id, text: b.text, author: b.author ?? { id: actor.personId, name: 'Former facilitator', department: null }, createdAt: toIso(b.createdAt) })),
    groups: l.facilitate ? await groupsOverview(db, l.s, segments) : null,
    version: l.s.version,
  };
}
