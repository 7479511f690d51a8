// Talk-time analytics (minutes and counts, never content) and the facilitators' CSV export.
import type { AnalyticsRow, LiveSession, MyTalkTime, Segment, SegmentConfig, SessionAnalytics, TalkTimeFigures } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { toCsv } from '../../kernel/csv.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { toIso } from '../../kernel/time.ts';
import { load, loadForFacilitator } from './live-sessions.access.ts';
import { results } from './live-sessions.polls.ts';
import * as repo from './live-sessions.repo.ts';
import * as analyticsRepo from './live-sessions.analytics.repo.ts';
import * as chatRepo from './live-sessions.chat.repo.ts';

type SessionRow = repo.SessionRow;

const minutes = (v: number | string) => Math.round(Number(v) * 10) / 10;

const zeroFigures = (): TalkTimeFigures => ({ plenaryMinutes: 0, groupMinutes: 0, pairMinutes: 0, chatMessages: 0, pollVotes: 0, newPeopleMet: 0 });

function toFigures(r: Awaited<ReturnType<typeof analyticsRepo.selectFigures>>[number]): TalkTimeFigures {
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
  const rows: AnalyticsRow[] = (await analyticsRepo.selectFigures(db, s.orgId, { sessionId: s.id })).map((r) => ({ personId: r.personId, name: r.name, ...toFigures(r) }));
  const segments = (await analyticsRepo.selectSegmentMinutes(db, s.id)).map((g) => ({ id: g.id, kind: g.kind as Segment['kind'], title: g.title, minutes: minutes(g.minutes) }));
  return { sessionId: s.id, rows, totals: { ...sum(rows), participants: rows.length }, segments };
}

/** The viewer's own row in a session (zeros when they never joined). */
export async function getMyAnalytics(db: DbOrTx, actor: Actor, id: string): Promise<AnalyticsRow> {
  const { s } = await load(db, actor, id);
  const [r] = await analyticsRepo.selectFigures(db, s.orgId, { sessionId: s.id, personId: actor.personId });
  const me = (await repo.selectPeople(db, s.orgId, [actor.personId]))[0];
  return { personId: actor.personId, name: me?.name ?? '', ...(r ? toFigures(r) : zeroFigures()) };
}

/** The viewer's figures across every session they joined. */
export async function getMyTalkTime(db: DbOrTx, actor: Actor): Promise<MyTalkTime> {
  const rows = await analyticsRepo.selectFigures(db, actor.orgId, { personId: actor.personId });
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
  const figures = await analyticsRepo.selectFigures(db, s.orgId, { sessionId: s.id });
  const rows: (string | number | null)[][] = [['section', 'name', 'plenary minutes', 'group minutes', 'pair minutes', 'chat messages', 'poll votes', 'new people met']];
  for (const r of figures) {
    const f = toFigures(r);
    rows.push(['attendance', r.name, f.plenaryMinutes, f.groupMinutes, f.pairMinutes, f.chatMessages, f.pollVotes, f.newPeopleMet]);
  }
  rows.push([], ['section', 'poll', 'answer', 'votes']);
  for (const seg of await analyticsRepo.selectPollSegments(db, s.id)) {
    const r = await results(db, seg);
    const q = (seg.config as SegmentConfig).question ?? seg.title;
    for (const o of r.options) rows.push(['poll', q, o.label, o.count]);
    for (const h of r.histogram) rows.push(['poll', q, String(h.value), h.count]);
    for (const w of r.words) rows.push(['poll', q, w.word, w.count]);
  }
  rows.push([], ['section', 'time', 'name', 'message']);
  for (const m of await chatRepo.selectPlenaryChat(db, s.id)) rows.push(['plenary chat', toIso(m.createdAt), m.name, m.body]);
  const slug = s.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'session';
  return { filename: `live-${slug}.csv`, csv: toCsv(rows) };
}

