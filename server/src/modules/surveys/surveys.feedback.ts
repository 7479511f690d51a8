// Feedback attached automatically: when a live session ends (its durable `live_sessions.ended` event) and when an event
// has ended (by the clock: events emit nothing then, so a timer finds them), a short anonymous event-feedback survey
// opens for the participants / attendees. Idempotent: `surveys_source_key` is unique per organization and source, so a
// redelivered event or two nodes' timers open it once.
import { sql } from 'drizzle-orm';
import { SURVEY_TEMPLATES } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow, selectRows } from '../../kernel/db/rows.ts';
import * as repo from './surveys.repo.ts';
import { normalizeQuestion } from './surveys.templates.ts';

/** How long automatic feedback stays open. */
export const FEEDBACK_OPEN_DAYS = 7;
/** Events that ended longer ago than this get no feedback survey (a new deployment does not survey old events). */
const EVENT_LOOKBACK_HOURS = 48;

async function openFeedback(tx: DbOrTx, source: { orgId: string; kind: 'event' | 'live_session'; id: string; title: string }, now: Date) {
  const id = await repo.insertSurvey(tx, {
    orgId: source.orgId,
    kind: 'event_feedback',
    title: `Feedback: ${source.title}`.slice(0, 160),
    intro: 'A few quick questions. Your answers are anonymous: nobody, hosts and admins included, can see who said what, and results appear only once 5 or more people have answered.',
    audienceKind: source.kind,
    audienceId: source.id,
    anonymous: true,
    opensAt: now,
    closesAt: new Date(now.getTime() + FEEDBACK_OPEN_DAYS * 86_400_000),
    status: 'open',
    createdBy: null,
    sourceKey: `${source.kind}:${source.id}`,
  });
  if (id) await repo.replaceQuestions(tx, source.orgId, id, SURVEY_TEMPLATES.event_feedback.map(normalizeQuestion));
  return id;
}

/** Opens feedback for an ended live session that had participants (consumer of `live_sessions.ended`). */
export async function openSessionFeedback(deps: AppDeps, sessionId: string, now = new Date()) {
  return deps.db.transaction(async (tx) => {
    const s = await selectRow<{ orgId: string; title: string }>(
      tx,
      sql`select s.org_id as "orgId", s.title from live_sessions s where s.id = ${sessionId} and s.status = 'ended' and exists (select 1 from live_participants p where p.session_id = s.id)`,
    );
    return s ? openFeedback(tx, { orgId: s.orgId, kind: 'live_session', id: sessionId, title: s.title }, now) : undefined;
  });
}

/** Opens feedback for scheduled events that ended in the last 48 hours with attendance and have none yet; answers how many opened. */
export async function runEventFeedback(deps: AppDeps, now = new Date()) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const ended = await selectRows<{ id: string; orgId: string; title: string }>(
    deps.db,
    sql`select e.id, e.org_id as "orgId", e.title from events e
        where e.status = 'scheduled' and e.ends_at <= ${at} and e.ends_at > ${at} - make_interval(hours => ${EVENT_LOOKBACK_HOURS})
          and exists (select 1 from event_attendance a where a.event_id = e.id)
          and not exists (select 1 from surveys s where s.org_id = e.org_id and s.source_key = 'event:' || e.id::text)
        order by e.ends_at limit 100`,
  );
  let opened = 0;
  for (const e of ended) if (await deps.db.transaction((tx) => openFeedback(tx, { orgId: e.orgId, kind: 'event', id: e.id, title: e.title }, now))) opened += 1;
  return opened;
}
