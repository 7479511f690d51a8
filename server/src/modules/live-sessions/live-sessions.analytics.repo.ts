// Typed SQL of talk-time figures (minutes and counts, never content) and the export's segments.
import { and, eq, sql } from 'drizzle-orm';
import { liveSegments } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';

/** Figures per participant of one or more sessions (minutes, counts; never content). */
export function selectFigures(db: DbOrTx, orgId: string, where: { sessionId?: string; personId?: string }) {
  const filter = [sql`lp.org_id = ${orgId}`];
  if (where.sessionId) filter.push(sql`lp.session_id = ${where.sessionId}`);
  if (where.personId) filter.push(sql`lp.person_id = ${where.personId}`);
  const overlap = (kinds: string[], member: boolean) => sql`coalesce((
      select sum(greatest(0, extract(epoch from (least(coalesce(a.to_at, now()), coalesce(sg.ended_at, now())) - greatest(a.from_at, sg.started_at)))))
      from live_attendance a join live_segments sg on sg.session_id = a.session_id and sg.started_at is not null
      where a.session_id = lp.session_id and a.person_id = lp.person_id and sg.kind in ${kinds}
        ${member ? sql`and exists (select 1 from live_groups g join live_group_members gm on gm.group_id = g.id where g.segment_id = sg.id and gm.person_id = lp.person_id)` : sql``}
    ), 0) / 60.0`;
  return selectRows<{
    sessionId: string;
    personId: string;
    name: string;
    plenaryMinutes: number | string;
    groupMinutes: number | string;
    pairMinutes: number | string;
    chatMessages: number;
    pollVotes: number;
    newPeopleMet: number;
  }>(
    db,
    sql`select lp.session_id as "sessionId", lp.person_id as "personId", p.name,
          ${overlap(['plenary', 'poll', 'chat', 'reflection', 'debrief'], false)} as "plenaryMinutes",
          ${overlap(['icebreaker', 'groups'], true)} as "groupMinutes",
          ${overlap(['pairs'], true)} as "pairMinutes",
          (select count(*)::int from live_messages m where m.session_id = lp.session_id and m.author_id = lp.person_id) as "chatMessages",
          (select count(*)::int from live_poll_votes v where v.session_id = lp.session_id and v.person_id = lp.person_id) as "pollVotes",
          (select count(distinct o.person_id)::int from live_group_members me join live_group_members o on o.group_id = me.group_id and o.person_id <> me.person_id
            where me.session_id = lp.session_id and me.person_id = lp.person_id
              and not exists (select 1 from live_group_members pm join live_group_members po on po.group_id = pm.group_id
                join live_sessions ps on ps.id = pm.session_id join live_sessions cur on cur.id = lp.session_id
                where pm.person_id = lp.person_id and po.person_id = o.person_id and ps.org_id = ${orgId}
                  and ps.id <> cur.id and coalesce(ps.started_at, ps.starts_at) < coalesce(cur.started_at, cur.starts_at))) as "newPeopleMet"
        from live_participants lp join people p on p.id = lp.person_id
        where ${sql.join(filter, sql` and `)} order by p.name, lp.person_id`,
  );
}

/** Minutes each segment was active. */
export function selectSegmentMinutes(db: DbOrTx, sessionId: string) {
  return selectRows<{ id: string; kind: string; title: string; minutes: number | string }>(
    db,
    sql`select id, kind, title, coalesce(extract(epoch from (coalesce(ended_at, now()) - started_at)) / 60.0, 0) as minutes
        from live_segments where session_id = ${sessionId} order by position`,
  );
}

/** Poll segments of a session with vote counts for the export. */
export function selectPollSegments(db: DbOrTx, sessionId: string) {
  return db.select().from(liveSegments).where(and(eq(liveSegments.sessionId, sessionId), eq(liveSegments.kind, 'poll'))).orderBy(liveSegments.position);
}
