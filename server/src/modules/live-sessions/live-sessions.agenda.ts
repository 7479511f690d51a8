// The agenda of a session: replacing it while scheduled, and changing only its future segments while it runs.
import type { Agenda, UpdateAgendaRequest } from '../../../../contracts/index.ts';
import { UpdateAgendaRequest as AgendaSchema } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { loadForFacilitator, sessionChanged } from './live-sessions.access.ts';
import { toSegment } from './live-sessions.service.ts';
import * as repo from './live-sessions.repo.ts';

type SegmentRow = repo.SegmentRow;

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
