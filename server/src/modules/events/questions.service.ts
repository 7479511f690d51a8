import type { EventQuestion, EventQuestions, ModerateQuestionRequest } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { assertOpen, eventChanged, type LoadedEvent, loadEvent, loadForEditor } from './events.access.ts';
import * as policy from './events.policy.ts';
import * as repo from './questions.repo.ts';

function present(actor: Actor, e: LoadedEvent, q: repo.QuestionRow): EventQuestion {
  const hidden = q.hiddenAt !== null;
  return {
    id: q.id,
    body: q.body,
    author: { id: q.authorId, name: q.authorName, title: q.authorTitle },
    createdAt: toIso(q.createdAt),
    upvotes: q.upvoteCount,
    upvotedByMe: q.upvotedByMe,
    answeredAt: q.answeredAt ? toIso(q.answeredAt) : null,
    hidden,
    abilities: {
      canUpvote: policy.canUpvote(actor, q.authorId, hidden) && policy.isOpen(e.subject, new Date()),
      canModerate: policy.canEdit(actor, e.subject, e.rel),
    },
  };
}

/** The event's Q&A for anyone who can see the event: most upvoted first, then oldest; hidden ones for hosts (and their authors). */
export async function findQuestions(db: DbOrTx, actor: Actor, id: string): Promise<EventQuestions> {
  const e = await loadEvent(db, actor, id);
  const rows = await repo.selectQuestions(db, e.row.id, actor.personId, policy.canEdit(actor, e.subject, e.rel));
  return { items: rows.map((q) => present(actor, e, q)) };
}

/** Going attendees, hosts and editors ask a question until the event ends; posting is limited per person. */
export async function askQuestion(deps: AppDeps, limiter: FailureLimiter, actor: Actor, id: string, body: string): Promise<EventQuestion> {
  const e = await loadEvent(deps.db, actor, id);
  assertOpen(e, new Date());
  if (!policy.canSeeJoinUrl(actor, e.subject, e.rel)) throw new AppError('FORBIDDEN', 'Answer “going” to ask a question.');
  const wait = limiter.retryAfter(actor.personId);
  if (wait) throw new AppError('RATE_LIMITED', `You are asking questions very fast. Try again in ${wait} s.`, { retryAfterSeconds: wait });
  limiter.fail(actor.personId);
  const q = await repo.insertQuestion(deps.db, { eventId: e.row.id, orgId: actor.orgId, authorId: actor.personId, body });
  eventChanged(deps, id, 'questions', q.id);
  return present(actor, e, (await repo.selectQuestion(deps.db, e.row.id, q.id, actor.personId)) as repo.QuestionRow);
}

/** Sets or takes back the viewer's upvote (one per person; nobody upvotes their own question). */
export async function upvoteQuestion(deps: AppDeps, actor: Actor, id: string, questionId: string, upvoted: boolean): Promise<EventQuestion> {
  const e = await loadEvent(deps.db, actor, id);
  const q = await repo.selectQuestion(deps.db, e.row.id, questionId, actor.personId);
  if (!q || (q.hiddenAt !== null && q.authorId !== actor.personId && !policy.canEdit(actor, e.subject, e.rel))) throw notFound('That question');
  assertOpen(e, new Date());
  if (!policy.canUpvote(actor, q.authorId, q.hiddenAt !== null)) {
    throw new AppError('FORBIDDEN', q.authorId === actor.personId ? 'You cannot upvote your own question.' : 'Hidden questions cannot be upvoted.');
  }
  await repo.setVote(deps.db, { questionId, personId: actor.personId, orgId: actor.orgId }, upvoted);
  eventChanged(deps, id, 'questions', questionId);
  return present(actor, e, (await repo.selectQuestion(deps.db, e.row.id, questionId, actor.personId)) as repo.QuestionRow);
}

/** Hosts and editors mark a question answered or hide it. */
export async function moderateQuestion(deps: AppDeps, actor: Actor, id: string, questionId: string, m: ModerateQuestionRequest): Promise<EventQuestion> {
  const e = await loadForEditor(deps.db, actor, id);
  if (!(await repo.selectQuestion(deps.db, e.row.id, questionId, actor.personId))) throw notFound('That question');
  await repo.moderateQuestion(deps.db, questionId, m);
  eventChanged(deps, id, 'questions', questionId);
  return present(actor, e, (await repo.selectQuestion(deps.db, e.row.id, questionId, actor.personId)) as repo.QuestionRow);
}
