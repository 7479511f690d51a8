import type { AppDeps } from '../../kernel/deps.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { nullWhenRefused } from '../../kernel/errors.ts';
import type { DeliveredEvent as DomainEvent } from '../../kernel/events.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { canSeeEvent } from '../events/index.ts';
import { canSeePathway } from '../pathways/index.ts';
import { loadResourceAccess } from '../resources/index.ts';
import { canRemindAbout } from '../surveys/index.ts';
import { sendNotificationMail } from './notifications.mail.ts';
import * as policy from './notifications.policy.ts';
import * as repo from './notifications.repo.ts';
import { notify, recipientActor } from './notifications.service.ts';

type P = Record<string, string>;
const q = policy.quoteTitle;

/** Only people who can read the community (now) hear about its content. */
const canReadCommunity = (deps: AppDeps, communityId: string) => async (actor: Actor) => (await loadCommunityAccess(deps.db, actor, communityId)).canRead;

/** Loads what a thread-based notification needs; undefined when the thread or post is gone. */
async function threadContext(deps: AppDeps, e: DomainEvent, p: P) {
  const orgId = e.orgId as string;
  const thread = await repo.selectThreadContext(deps.db, orgId, p.threadId);
  if (!thread || thread.deleted || (p.postId && !(await repo.isLivePost(deps.db, p.postId)))) return undefined;
  return { orgId, thread, url: `/threads/${p.threadId}${p.postId ? `#post-${p.postId}` : ''}` };
}

/** Subscribes the notification handlers to the events of other modules. */
export function consumeEvents(deps: AppDeps) {
  deps.events.on('discussions.mentioned', 'notifications', async (e) => {
    const p = e.payload as P & { personIds: string[] };
    const ctx = await threadContext(deps, e, p);
    if (!ctx) return;
    const name = (await repo.selectName(deps.db, ctx.orgId, p.by)) ?? 'Someone';
    await notify(deps, {
      eventId: e.id,
      orgId: ctx.orgId,
      recipientIds: p.personIds,
      kind: 'mention',
      actorId: p.by,
      subject: { threadId: p.threadId, postId: p.postId },
      title: `${name} mentioned you in ${q(ctx.thread.title)}`,
      url: ctx.url,
      visible: canReadCommunity(deps, ctx.thread.communityId),
    });
  });

  deps.events.on('discussions.reply_posted', 'notifications', async (e) => {
    const p = e.payload as P;
    if (p.personId === p.threadAuthorId) return;
    // A reply that also mentions the thread's author gives them the mention only.
    if (await repo.isMentioned(deps.db, p.postId, p.threadAuthorId)) return;
    const ctx = await threadContext(deps, e, p);
    if (!ctx) return;
    const name = (await repo.selectName(deps.db, ctx.orgId, p.personId)) ?? 'Someone';
    const kind = policy.replyKind(ctx.thread.kind);
    await notify(deps, {
      eventId: e.id,
      orgId: ctx.orgId,
      recipientIds: [p.threadAuthorId],
      kind,
      actorId: p.personId,
      subject: { threadId: p.threadId, postId: p.postId },
      title: kind === 'answer' ? `${name} answered your question ${q(ctx.thread.title)}` : `${name} replied to ${q(ctx.thread.title)}`,
      url: ctx.url,
      visible: canReadCommunity(deps, ctx.thread.communityId),
    });
  });

  deps.events.on('discussions.answer_accepted', 'notifications', async (e) => {
    const p = e.payload as P;
    const ctx = await threadContext(deps, e, p);
    if (!ctx) return;
    const name = (await repo.selectName(deps.db, ctx.orgId, p.by)) ?? 'Someone';
    await notify(deps, {
      eventId: e.id,
      orgId: ctx.orgId,
      recipientIds: [p.answererId],
      kind: 'accepted',
      actorId: p.by,
      subject: { threadId: p.threadId, postId: p.postId },
      title: `${name} accepted your answer to ${q(ctx.thread.title)}`,
      url: ctx.url,
      visible: canReadCommunity(deps, ctx.thread.communityId),
    });
  });

  deps.events.on('communities.join_requested', 'notifications', async (e) => {
    const p = e.payload as P;
    const orgId = e.orgId as string;
    const c = await repo.selectCommunityContext(deps.db, orgId, p.communityId);
    if (!c) return;
    const name = (await repo.selectName(deps.db, orgId, p.personId)) ?? 'Someone';
    await notify(deps, {
      eventId: e.id,
      orgId,
      recipientIds: c.moderatorIds,
      kind: 'join_request',
      actorId: p.personId,
      subject: { communityId: p.communityId },
      title: `${name} asked to join ${c.name}`,
      url: `/communities/${c.slug}/members`,
      visible: async (actor) => (await loadCommunityAccess(deps.db, actor, p.communityId)).canModerate,
    });
  });

  deps.events.on('communities.member_invited', 'notifications', async (e) => {
    const p = e.payload as P;
    const orgId = e.orgId as string;
    const c = await repo.selectCommunityContext(deps.db, orgId, p.communityId);
    if (!c) return;
    const name = (await repo.selectName(deps.db, orgId, p.invitedBy)) ?? 'Someone';
    await notify(deps, {
      eventId: e.id,
      orgId,
      recipientIds: [p.personId],
      kind: 'invited',
      actorId: p.invitedBy,
      subject: { communityId: p.communityId },
      title: `${name} invited you to join ${c.name}`,
      url: `/communities/${c.slug}`,
      // Throws 404 unless the community exists for them (an invitation makes a secret one visible).
      visible: async (actor) => (await loadCommunityAccess(deps.db, actor, p.communityId)) !== undefined,
    });
  });

  deps.events.on('resources.reviewed', 'notifications', async (e) => {
    const p = e.payload as P & { rating: number };
    const orgId = e.orgId as string;
    if (p.personId === p.authorId) return;
    const [author] = await repo.selectRecipients(deps.db, orgId, [p.authorId]);
    if (!author) return;
    const access = await loadResourceAccess(deps.db, recipientActor(author), p.resourceId).catch(nullWhenRefused);
    if (!access?.canRead) return;
    const name = (await repo.selectName(deps.db, orgId, p.personId)) ?? 'Someone';
    await notify(deps, {
      eventId: e.id,
      orgId,
      recipientIds: [p.authorId],
      kind: 'review',
      actorId: p.personId,
      subject: { resourceId: p.resourceId },
      title: `${name} reviewed ${q(access.resource.title)}${typeof p.rating === 'number' ? ` (${p.rating}/5)` : ''}`,
      url: `/resources/${p.resourceId}`,
    });
  });

  // Mentoring events carry their recipients and a ready sentence (names only; never notes or check-in text).
  for (const type of ['mentoring.matched', 'mentoring.requested', 'mentoring.request_declined', 'mentoring.meeting_booked', 'mentoring.closed', 'mentoring.checkin_due', 'mentoring.expert_routed', 'mentoring.expert_resolved']) {
    deps.events.on(type, 'notifications', async (e) => {
      const p = e.payload as P & { recipientIds?: string[]; subject?: Record<string, string> };
      if (!p.recipientIds?.length || !p.title) return;
      await notify(deps, {
      eventId: e.id, orgId: e.orgId as string, recipientIds: p.recipientIds, kind: 'mentoring', actorId: p.actorId ?? null, subject: p.subject ?? {}, title: p.title, url: p.url });
    });
  }

  // Programs announce a late placement with its recipients and a ready sentence (cohort joined, partner found).
  for (const type of ['programs.cohort_joined', 'programs.partnered']) {
    deps.events.on(type, 'notifications', async (e) => {
      const p = e.payload as P & { recipientIds?: string[] };
      if (!p.recipientIds?.length || !p.title) return;
      await notify(deps, { eventId: e.id, orgId: e.orgId as string, recipientIds: p.recipientIds, kind: 'program', actorId: p.by ?? null, subject: { programId: p.programId }, title: p.title, url: p.url });
    });
  }

  // Check-ins after a program carry their recipients and a ready sentence (names and program title; never the note).
  for (const type of ['checkins.due', 'checkins.overdue', 'checkins.escalated', 'checkins.outcome_recorded']) {
    deps.events.on(type, 'notifications', async (e) => {
      const p = e.payload as P & { recipientIds?: string[]; subject?: Record<string, string> };
      if (!p.recipientIds?.length || !p.title) return;
      await notify(deps, { eventId: e.id, orgId: e.orgId as string, recipientIds: p.recipientIds, kind: 'checkin', actorId: p.actorId ?? null, subject: p.subject ?? {}, title: p.title, url: p.url });
    });
  }

  deps.events.on('events.reminder_due', 'notifications', async (e) => {
    const p = e.payload as P & { personIds: string[] };
    await notify(deps, {
      eventId: e.id,
      orgId: e.orgId as string,
      recipientIds: p.personIds,
      kind: 'event_reminder',
      actorId: null,
      subject: { eventId: p.eventId },
      title: `${q(p.title)} starts ${p.kind === 'soon' ? 'in 15 minutes' : 'within 24 hours'}`,
      url: `/events/${p.eventId}`,
      visible: (actor) => canSeeEvent(deps.db, actor, p.eventId),
    });
  });

  deps.events.on('pathways.assignment_due', 'notifications', async (e) => {
    const p = e.payload as P & { personIds: string[]; pathwayId: string; dueOn: string };
    await notify(deps, {
      eventId: e.id,
      orgId: e.orgId as string,
      recipientIds: p.personIds,
      kind: 'assignment',
      actorId: null,
      subject: { pathwayId: p.pathwayId },
      title: `${q(p.title)} is due on ${p.dueOn}`,
      url: `/pathways/${p.pathwayId}`,
      visible: (actor) => canSeePathway(deps.db, actor, p.pathwayId).catch(() => false),
    });
  });

  deps.events.on('surveys.reminder_due', 'notifications', async (e) => {
    const p = e.payload as P & { personIds: string[] };
    await notify(deps, {
      eventId: e.id,
      orgId: e.orgId as string,
      recipientIds: p.personIds,
      kind: 'survey',
      actorId: null,
      subject: { surveyId: p.surveyId },
      title: p.kind === 'closing' ? `${q(p.title)} closes within 24 hours: your answer counts` : `A survey awaits your answer: ${q(p.title)}`,
      url: `/surveys/${p.surveyId}`,
      // Checked again at delivery: someone who answered (or left the audience) meanwhile is not reminded.
      visible: (actor) => canRemindAbout(deps.db, actor, p.surveyId),
    });
  });

  // Direct messages have their own unread counts; the only notification is a mail for people who asked for one.
  deps.events.on('messages.sent', 'notifications', async (e) => {
    const p = e.payload as P & { recipientIds: string[] };
    const orgId = e.orgId as string;
    const name = (await repo.selectName(deps.db, orgId, p.authorId)) ?? 'Someone';
    // One mail per recipient and message, whatever the redeliveries; a failed mail fails the delivery, which is
    // retried for the recipients not mailed yet.
    const failures: unknown[] = [];
    for (const r of await repo.selectRecipients(deps.db, orgId, p.recipientIds.filter((id) => id !== p.authorId))) {
      if (!r.emailMessages) continue;
      const title = `${name} sent you a message`;
      const mail = () => sendNotificationMail(deps, r, { subject: title, intro: 'You have a new direct message in Hearth:', items: [{ title, url: `/messages/${p.conversationId}` }] });
      await deps.events.once(e, 'notifications', `mail:${r.id}`, mail).catch((err) => failures.push(err));
    }
    if (failures.length) throw failures[0];
  });
}
