import { and, eq } from 'drizzle-orm';
import { UpdateAgendaRequest } from '../../../contracts/index.ts';
import type { DbOrTx } from '../../src/kernel/db/database.ts';
import { templateSegments } from '../../src/modules/live-sessions/index.ts';
import { liveSegments, liveSessions, programs } from '../schema/index.ts';

type Person = { id: string; email: string };

/** A live session of the demo program "New Manager Journey": graduated agenda, tomorrow at 15:00 UTC, facilitated by Tomás. */
export async function seedDemoLive(tx: DbOrTx, orgId: string, everyone: Person[]) {
  const tomas = everyone.find((p) => p.email === 'tomas.reyes@example.com');
  const [program] = await tx.select({ id: programs.id }).from(programs).where(and(eq(programs.orgId, orgId), eq(programs.title, 'New Manager Journey')));
  if (!tomas || !program) return;
  const tomorrow = new Date();
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  tomorrow.setUTCHours(15, 0, 0, 0);
  const [session] = await tx
    .insert(liveSessions)
    .values({
      orgId,
      programId: program.id,
      title: 'Live: one-to-ones that matter',
      description: 'Icebreaker in threes, a quick poll, small-group discussion, then time with your learning partner. What is shared here stays here.',
      startsAt: tomorrow,
      capacity: 40,
      createdBy: tomas.id,
    })
    .returning({ id: liveSessions.id });
  const segments = UpdateAgendaRequest.parse({ segments: templateSegments('graduated') }).segments;
  await tx.insert(liveSegments).values(segments.map((s, position) => ({ ...s, sessionId: session.id, orgId, position })));
}
