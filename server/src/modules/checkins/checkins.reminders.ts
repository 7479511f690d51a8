import type { AppDeps } from '../../kernel/deps.ts';
import * as repo from './checkins.repo.ts';
import { dayOf } from './checkins.service.ts';

/** What one run sent: check-ins that fell due, second reminders to managers, escalations to facilitators. */
export interface CheckinRun {
  due: number;
  nudged: number;
  escalated: number;
}

const about = (r: repo.ClaimedRow) => ({ checkinId: r.id, subject: { checkinId: r.id }, url: '/checkins' });

/**
 * One check-in run (every node's timer calls it; tests call it with a chosen `now`): claims what fell due and what is
 * overdue, and emits the reminders in the same transaction, so a run fired twice, on two nodes at once or again after
 * a restart sends each once. The notifications module turns the events into in-app notifications and mail,
 * respecting each person's preferences.
 */
export async function runCheckinReminders(deps: AppDeps, now = new Date()): Promise<CheckinRun> {
  const today = dayOf(now);
  return deps.events.transaction(deps.db, async (tx, emit) => {
    const due = await repo.claimDue(tx, today);
    for (const r of due) {
      const program = `“${r.programTitle}”`;
      emit({ type: 'checkins.due', orgId: r.orgId, payload: { ...about(r), recipientIds: [r.learnerId], title: `Time to meet ${r.managerName} about how you use ${program}` } });
      emit({ type: 'checkins.due', orgId: r.orgId, payload: { ...about(r), recipientIds: [r.managerId], title: `Time to meet ${r.learnerName} about how they use ${program}` } });
    }
    const nudged = await repo.claimOverdue(tx, 'nudge', today);
    for (const r of nudged) {
      emit({ type: 'checkins.overdue', orgId: r.orgId, payload: { ...about(r), recipientIds: [r.managerId], title: `Your check-in with ${r.learnerName} after “${r.programTitle}” is a week overdue` } });
    }
    const escalated = await repo.claimOverdue(tx, 'escalate', today);
    for (const r of escalated) {
      if (!r.facilitatorIds.length) continue;
      emit({ type: 'checkins.escalated', orgId: r.orgId, payload: { ...about(r), recipientIds: r.facilitatorIds, title: `${r.managerName} has not yet met ${r.learnerName} after “${r.programTitle}” (two weeks overdue)`, url: `/programs/${r.programId}/checkins` } });
    }
    return { due: due.length, nudged: nudged.length, escalated: escalated.length };
  });
}
