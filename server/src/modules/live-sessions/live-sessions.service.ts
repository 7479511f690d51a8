// Sessions: listing, reading, creating and editing them, and how a session and its segments are presented (shared
// with the other live-sessions services). The agenda is in live-sessions.agenda.ts, running a session and joining it
// in .run.ts, /state in .state.ts; chat, notes and debriefs in .chat.ts, polls in .polls.ts, analytics in
// .analytics.ts, late placement in .placement.ts; loading and realtime in .access.ts.
import type {
  CreateLiveSessionRequest,
  FindLiveSessionsQuery,
  LiveSession,
  LiveSessionList,
  LiveSessionSummary,
  LivePerson,
  Segment,
  SegmentConfig,
  UpdateLiveSessionRequest,
} from '../../../../contracts/index.ts';
import { CreateLiveSessionRequest as CreateSchema, UpdateAgendaRequest as AgendaSchema } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { type Loaded, iso, load, loadForFacilitator, relationOf, sessionChanged } from './live-sessions.access.ts';
import { templateSegments } from './live-sessions.templates.ts';
import * as policy from './live-sessions.policy.ts';
import * as repo from './live-sessions.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

// ---------- presenting ----------

export function toSegment(r: SegmentRow): Segment {
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

/** Program title and community of a session. */
export type Context = Awaited<ReturnType<typeof repo.selectContexts>>[number];

export function summaryOf(actor: Actor, r: SessionRow, rel: policy.Relation, x: { facilitators: LivePerson[]; ctx?: Context; present: number; mine: string | null }): LiveSessionSummary {
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

async function presentSession(db: DbOrTx, actor: Actor, l: Loaded, loaded?: SegmentRow[]): Promise<LiveSession> {
  const [summary] = await summaries(db, actor, [l.s], new Map([[l.s.id, l.rel]]));
  const segments = loaded ?? (await repo.selectSegments(db, l.s.id));
  return { ...summary, ...runState(l.s, segments) };
}

/** The agenda and run state of a session as the API shows them. */
export function runState(s: SessionRow, segments: SegmentRow[]) {
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
