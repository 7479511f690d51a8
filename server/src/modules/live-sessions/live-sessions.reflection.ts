// What the journal needs to save a participant's reflection on the server: the session's program and the prompt of
// its reflection segment (the active one, else the first), for participants only.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRow } from '../../kernel/db/rows.ts';
import { notFound } from '../../kernel/errors.ts';
import { load } from './live-sessions.access.ts';

/** The session's program and reflection prompt when the actor took part and the agenda has a reflection (404 otherwise). */
export async function loadLiveSessionForReflection(db: DbOrTx, actor: Actor, id: string): Promise<{ programId: string | null; prompt: string | null }> {
  const { s, rel } = await load(db, actor, id);
  if (!rel.participant) throw notFound('That live session’s reflection');
  const seg = await selectRow<{ prompt: string }>(
    db,
    sql`select prompt from live_segments where session_id = ${s.id} and kind = 'reflection'
         order by (status = 'active') desc, position limit 1`,
  );
  if (!seg) throw notFound('That live session’s reflection');
  return { programId: s.programId ?? null, prompt: seg.prompt || null };
}
