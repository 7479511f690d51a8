import type { AppDeps } from '../../kernel/deps.ts';
import type { DeliveredEvent } from '../../kernel/events.ts';
import * as repo from './network.repo.ts';
import { dayOf, pairsOf, pairsWith } from './network.ties.ts';

type P = Record<string, unknown>;
const str = (p: P, k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
const strs = (p: P, k: string) => (Array.isArray(p[k]) ? (p[k] as unknown[]).filter((x): x is string => typeof x === 'string') : []);

/**
 * Builds the interaction graph from other modules' events. Every consumer replays the retained history when it is
 * new (`replay`), and writes each event's ties exactly once (events.onceWithin), so a redelivery adds nothing.
 */
export function consumeEvents(deps: AppDeps) {
  const tie = (type: string, kind: string | ((e: DeliveredEvent) => string), pairs: (e: DeliveredEvent) => Promise<[string, string][][]> | [string, string][][]) =>
    deps.events.on(
      type,
      'network',
      async (e) => {
        if (!e.orgId) return;
        const orgId = e.orgId;
        const sets = await pairs(e);
        await deps.events.onceWithin(e, 'network', 'ties', async (tx) => {
          const k = typeof kind === 'string' ? kind : kind(e);
          for (const set of sets) await repo.addTies(tx, orgId, dayOf(e.at), k, set);
        });
      },
      { replay: true },
    );

  tie('discussions.reply_posted', 'reply', (e) => {
    const by = str(e.payload, 'personId');
    const author = str(e.payload, 'threadAuthorId');
    return by && author ? [pairsWith(by, [author])] : [];
  });
  tie('discussions.mentioned', 'mention', (e) => {
    const by = str(e.payload, 'by');
    return by ? [pairsWith(by, strs(e.payload, 'personIds'))] : [];
  });
  tie('discussions.answer_accepted', 'answer', (e) => {
    const asker = str(e.payload, 'askerId');
    const answerer = str(e.payload, 'answererId');
    return asker && answerer ? [pairsWith(asker, [answerer])] : [];
  });
  // Direct messages count as a tie between the sender and each recipient: counts only, never content.
  tie('messages.sent', 'message', (e) => {
    const author = str(e.payload, 'authorId');
    return author ? [pairsWith(author, strs(e.payload, 'recipientIds'))] : [];
  });
  tie('mentoring.matched', 'mentoring', (e) => {
    const mentor = str(e.payload, 'mentorId');
    const mentee = str(e.payload, 'menteeId');
    return mentor && mentee ? [pairsWith(mentor, [mentee])] : [];
  });
  // A published plan: everyone in the same cohort, breakout group or learning pair has met.
  const planKinds: Record<string, string> = { cohorts: 'cohort', rotation: 'breakout', partners: 'partner' };
  tie('programs.plan_published', (e) => planKinds[str(e.payload, 'kind') ?? ''] ?? 'cohort', async (e) => {
    const planId = str(e.payload, 'planId');
    return planId ? (await repo.selectPlanGroups(deps.db, planId)).map(pairsOf) : [];
  });
  tie('programs.partnered', 'partner', (e) => [pairsOf(strs(e.payload, 'personIds'))]);
  // A live session's breakout groups and pairs, once it has ended.
  tie('live_sessions.ended', 'breakout', async (e) => {
    const sessionId = str(e.payload, 'sessionId');
    return sessionId ? (await repo.selectSessionGroups(deps.db, sessionId)).map(pairsOf) : [];
  });
}
