// Ask an expert: a question about a skill goes to up to 3 people who have the skill and have actually helped before
// (accepted answers in discussions, relationships as a mentor), ranked by help given then skill level. When nobody
// answers within the window (EXPERT_ANSWER_WINDOW_HOURS) or everybody declines, the next candidates get it; after the
// last round it is posted as a Q&A question in the asker's most relevant open community, or the asker is told nobody
// was found.
import type { AnswerExpertQuestionRequest, CreateExpertQuestionRequest, ExpertQuestion, ExpertQuestionList } from '../../../../contracts/index.ts';
import { MENTORING_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { DomainEvent } from '../../kernel/events.ts';
import { AppError, notFound, nullWhenRefused } from '../../kernel/errors.ts';
import { shorten } from '../../kernel/text.ts';
import { toIso } from '../../kernel/time.ts';
import { countAcceptedAnswers, createThread } from '../discussions/index.ts';
import * as repo from './mentoring.repo.ts';
import * as expertsRepo from './mentoring.experts.repo.ts';

/** A ranked expert candidate. */
export interface ExpertCandidate {
  id: string;
  name: string;
  accepted: number;
  mentored: number;
  level: number;
  why: string;
}

/**
 * People who have the skill and have helped before (at least one accepted answer or one relationship as a mentor),
 * except `exclude` and people marked unavailable; ranked by help given (accepted answers + relationships as mentor),
 * then skill level, then name. Someone who only lists the skill is never a candidate.
 */
export async function rankExperts(db: DbOrTx, orgId: string, skillKey: string, exclude: string[]): Promise<ExpertCandidate[]> {
  const holders = await expertsRepo.selectSkillHolders(db, orgId, skillKey, exclude);
  const accepted = await countAcceptedAnswers(db, orgId, holders.map((h) => h.id));
  return holders
    .map((h) => {
      const a = accepted.get(h.id) ?? 0;
      const m = Number(h.mentored);
      const parts = [a ? `${a} accepted answer${a === 1 ? '' : 's'}` : '', m ? `mentored ${m}` : '', `level ${h.level}`].filter(Boolean);
      return { id: h.id, name: h.name, accepted: a, mentored: m, level: Number(h.level), why: parts.join(', ') };
    })
    .filter((c) => c.accepted + c.mentored > 0)
    .sort((x, y) => y.accepted + y.mentored - (x.accepted + x.mentored) || y.level - x.level || x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1));
}

const windowEnd = (deps: AppDeps, from: Date) => new Date(from.getTime() + deps.config.EXPERT_ANSWER_WINDOW_HOURS * 3600_000);

/** Routes a question to the next up to 3 candidates as round `round`; returns how many got it. */
async function routeRound(deps: AppDeps, tx: DbOrTx, q: expertsRepo.QuestionRow, round: number, now: Date, emit: (e: DomainEvent) => void, askerName: string) {
  const already = (await expertsRepo.selectRoutes(tx, [q.id])).map((r) => r.personId);
  const picked = (await rankExperts(tx, q.orgId, q.skillKey, [q.askerId, ...already])).slice(0, MENTORING_LIMITS.expertsPerRound);
  if (picked.length === 0) return 0;
  await expertsRepo.insertRoutes(
    tx,
    // One millisecond apart, so listing routes by time keeps the ranking order.
    picked.map((c, i) => ({ questionId: q.id, personId: c.id, orgId: q.orgId, round, why: c.why, routedAt: new Date(now.getTime() + i) })),
  );
  await expertsRepo.updateQuestion(tx, q.id, { round, windowEndsAt: windowEnd(deps, now) });
  emit({
    type: 'mentoring.expert_routed',
    orgId: q.orgId,
    payload: {
      questionId: q.id,
      recipientIds: picked.map((c) => c.id),
      actorId: q.askerId,
      title: `${askerName} asks you, as an expert in ${q.skillName}, a question`,
      url: `/mentoring/expert-questions/${q.id}`,
      subject: { questionId: q.id },
    },
  });
  return picked.length;
}

const resolved = (q: expertsRepo.QuestionRow, title: string, url: string): DomainEvent => ({
  type: 'mentoring.expert_resolved',
  orgId: q.orgId,
  payload: { questionId: q.id, recipientIds: [q.askerId], actorId: null, title, url, subject: { questionId: q.id } },
});

/**
 * Falls back for one question when it is due (open, and its window has passed or nobody of the current round can still
 * answer): expires the open routes and routes the next round; after the last round (or with no candidates left) posts it
 * as a Q&A question in the asker's most relevant open community, else marks it unanswered. Returns what happened.
 */
async function fallbackQuestion(deps: AppDeps, orgId: string, id: string, now: Date): Promise<'rerouted' | 'posted' | 'unanswered' | 'skipped'> {
  const step = await deps.events.transaction(deps.db, async (tx, emit) => {
    const q = await expertsRepo.selectQuestion(tx, orgId, id, true);
    if (!q || q.status !== 'open') return { kind: 'skipped' as const };
    const routes = (await expertsRepo.selectRoutes(tx, [q.id])).filter((r) => r.round === q.round);
    const pending = routes.some((r) => r.status === 'routed' || r.status === 'seen');
    if (pending && q.windowEndsAt && q.windowEndsAt > now) return { kind: 'skipped' as const };
    await expertsRepo.expireRoutes(tx, q.id);
    const [asker] = await repo.selectEmails(tx, orgId, [q.askerId]);
    if (q.round < MENTORING_LIMITS.expertRounds && (await routeRound(deps, tx, q, q.round + 1, now, emit, asker?.name ?? 'Someone')) > 0) return { kind: 'rerouted' as const };
    // Claimed here so another node's run skips it; becomes 'posted' when the community post succeeds.
    await expertsRepo.updateQuestion(tx, q.id, { status: 'unanswered', windowEndsAt: null, resolvedAt: now });
    return { kind: 'post' as const, q };
  });
  if (step.kind !== 'post') return step.kind;
  const q = step.q;
  const roles = await expertsRepo.selectRoles(deps.db, orgId, q.askerId);
  if (roles) {
    const asker: Actor = { personId: q.askerId, orgId, roles, isAdmin: roles.includes('admin'), csrfToken: '', sessionHash: '' };
    for (const c of await expertsRepo.selectRelevantCommunities(deps.db, orgId, q.askerId, q.skillKey)) {
      if (c.fit <= 0) break;
      const title = `${q.skillName}: ${q.question.replace(/\s+/g, ' ').trim()}`;
      const thread = await createThread(deps, asker, c.id, {
        kind: 'question',
        title: shorten(title, 160),
        body: `${q.question}\n\n*Asked through Ask an expert; no expert answered in time.*`,
      }).catch(nullWhenRefused);
      if (!thread) continue;
      await deps.events.transaction(deps.db, async (tx, emit) => {
        await expertsRepo.updateQuestion(tx, q.id, { status: 'posted', threadId: thread.id });
        emit(resolved(q, `No expert answered your ${q.skillName} question in time, so it was posted as a question in a community`, `/threads/${thread.id}`));
      });
      return 'posted';
    }
  }
  await deps.events.transaction(deps.db, async (_tx, emit) => {
    emit(resolved(q, `No expert was found for your ${q.skillName} question`, `/mentoring/expert-questions/${q.id}`));
  });
  return 'unanswered';
}

/** Runs the fallback for every due question (timer on each node; the row lock makes sure each falls back once). */
export async function runExpertFallback(deps: AppDeps, now = new Date()) {
  const counts = { rerouted: 0, posted: 0, unanswered: 0 };
  for (const q of await expertsRepo.selectDueQuestions(deps.db, now)) {
    const r = await fallbackQuestion(deps, q.orgId, q.id, now);
    if (r !== 'skipped') counts[r]++;
  }
  return counts;
}

function present(actor: Actor, q: expertsRepo.QuestionRow & { askerName: string; askerTitle: string | null }, routes: Awaited<ReturnType<typeof expertsRepo.selectRoutes>>): ExpertQuestion {
  const asker = q.askerId === actor.personId;
  const visible = routes.filter((r) => r.questionId === q.id && (asker || r.personId === actor.personId));
  const mine = routes.find((r) => r.questionId === q.id && r.personId === actor.personId);
  const canRespond = !!mine && (mine.status === 'routed' || mine.status === 'seen');
  return {
    id: q.id,
    role: asker ? 'asker' : 'expert',
    asker: { id: q.askerId, name: q.askerName, title: q.askerTitle },
    skill: q.skillName,
    question: q.question,
    status: q.status as ExpertQuestion['status'],
    round: q.round,
    windowEndsAt: q.windowEndsAt ? toIso(q.windowEndsAt) : null,
    threadUrl: q.threadId ? `/threads/${q.threadId}` : null,
    routes: visible.map((r) => ({
      person: { id: r.personId, name: r.name, title: r.title },
      round: r.round,
      status: r.status as ExpertQuestion['routes'][number]['status'],
      answer: r.answer,
      why: r.why,
      routedAt: toIso(r.routedAt),
      respondedAt: r.respondedAt ? toIso(r.respondedAt) : null,
    })),
    createdAt: toIso(q.createdAt),
    abilities: { canAnswer: canRespond, canDecline: canRespond },
  };
}

/** Questions I asked and questions routed to me. */
export async function listQuestions(db: DbOrTx, actor: Actor): Promise<ExpertQuestionList> {
  const qs = await expertsRepo.selectQuestionsFor(db, actor.orgId, actor.personId);
  const routes = await expertsRepo.selectRoutes(db, qs.map((q) => q.id));
  const all = qs.map((q) => present(actor, q, routes));
  return { asked: all.filter((q) => q.role === 'asker'), routedToMe: all.filter((q) => q.role === 'expert') };
}

/** One question (its asker and the people it was routed to; 404 for anyone else). A routed expert opening it marks it seen. */
export async function getQuestion(deps: AppDeps, actor: Actor, id: string): Promise<ExpertQuestion> {
  const q = (await expertsRepo.selectQuestionsFor(deps.db, actor.orgId, actor.personId)).find((x) => x.id === id);
  if (!q) throw notFound('That question');
  let routes = await expertsRepo.selectRoutes(deps.db, [q.id]);
  const mine = routes.find((r) => r.personId === actor.personId);
  if (mine?.status === 'routed') {
    await expertsRepo.updateRoute(deps.db, q.id, actor.personId, { status: 'seen', seenAt: new Date() });
    routes = await expertsRepo.selectRoutes(deps.db, [q.id]);
  }
  return present(actor, q, routes);
}

/** Asks a question about a known skill (400 naming `skill` when nobody in the organization has it) and routes it. */
export async function askExpert(deps: AppDeps, actor: Actor, body: CreateExpertQuestionRequest, now = new Date()): Promise<ExpertQuestion> {
  const key = body.skill.trim().toLowerCase();
  const skillName = await expertsRepo.selectKnownSkill(deps.db, actor.orgId, key);
  if (!skillName) {
    const message = 'Nobody in your organization lists this skill.';
    throw new AppError('VALIDATION_FAILED', `Unknown skill “${body.skill}”.`, { errors: [{ field: 'skill', message }] });
  }
  const { id, routed } = await deps.events.transaction(deps.db, async (tx, emit) => {
    const q = await expertsRepo.insertQuestion(tx, { orgId: actor.orgId, askerId: actor.personId, skillKey: key, skillName, question: body.question, round: 1, windowEndsAt: windowEnd(deps, now), createdAt: now });
    const [me] = await repo.selectEmails(tx, actor.orgId, [actor.personId]);
    return { id: q.id, routed: await routeRound(deps, tx, q, 1, now, emit, me?.name ?? 'Someone') };
  });
  if (routed === 0) await fallbackQuestion(deps, actor.orgId, id, now);
  return getQuestion(deps, actor, id);
}

/** Locks the question and my open route on it; 404 unless it was routed to me, 409 when I already responded. */
async function myOpenRoute(tx: DbOrTx, actor: Actor, id: string) {
  const q = await expertsRepo.selectQuestion(tx, actor.orgId, id, true);
  const route = q && (await expertsRepo.selectRoutes(tx, [q.id])).find((r) => r.personId === actor.personId);
  if (!q || !route) throw notFound('That question');
  if (route.status !== 'routed' && route.status !== 'seen') throw new AppError('CONFLICT', `You already responded to this question (${route.status}).`);
  return { q, route };
}

/** A routed expert answers; the question counts as answered and the asker is notified. */
export async function answerQuestion(deps: AppDeps, actor: Actor, id: string, body: AnswerExpertQuestionRequest): Promise<ExpertQuestion> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const { q } = await myOpenRoute(tx, actor, id);
    const now = new Date();
    await expertsRepo.updateRoute(tx, q.id, actor.personId, { status: 'answered', answer: body.answer, respondedAt: now });
    if (q.status === 'open') await expertsRepo.updateQuestion(tx, q.id, { status: 'answered', windowEndsAt: null, resolvedAt: now });
    const [me] = await repo.selectEmails(tx, actor.orgId, [actor.personId]);
    const title = `${me?.name ?? 'An expert'} answered your ${q.skillName} question`;
    emit({ ...resolved(q, title, `/mentoring/expert-questions/${q.id}`), payload: { questionId: q.id, recipientIds: [q.askerId], actorId: actor.personId, title, url: `/mentoring/expert-questions/${q.id}`, subject: { questionId: q.id } } });
  });
  return getQuestion(deps, actor, id);
}

/** A routed expert declines; when nobody of the round can still answer, the fallback runs at once. */
export async function declineQuestion(deps: AppDeps, actor: Actor, id: string): Promise<ExpertQuestion> {
  const { orgId, pending } = await deps.events.transaction(deps.db, async (tx) => {
    const { q } = await myOpenRoute(tx, actor, id);
    await expertsRepo.updateRoute(tx, q.id, actor.personId, { status: 'declined', respondedAt: new Date() });
    const left = (await expertsRepo.selectRoutes(tx, [q.id])).some((r) => r.round === q.round && (r.status === 'routed' || r.status === 'seen'));
    return { orgId: q.orgId, pending: left || q.status !== 'open' };
  });
  if (!pending) await fallbackQuestion(deps, orgId, id, new Date());
  return getQuestion(deps, actor, id);
}
