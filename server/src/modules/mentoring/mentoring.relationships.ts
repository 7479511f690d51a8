// Relationships (mentoring or coaching): goals, meetings with calendar invites, pair-private notes, check-ins, closing.
// Privacy: notes, check-in text and closing text are read only by the two partners; program admins (org admins and
// facilitators) get 404 on every route that carries them and see ratings only.
import { createEvent } from 'ics';
import type {
  CheckInList,
  CloseRelationshipRequest,
  CreateCheckInRequest,
  CreateGoalRequest,
  CreateMeetingRequest,
  CreateNoteRequest,
  FindRelationshipsQuery,
  MatchFactor,
  RelationshipDetail,
  RelationshipGoal,
  RelationshipList,
  RelationshipMeeting,
  RelationshipNote,
  RelationshipNoteList,
  RelationshipSummary,
  UpdateGoalRequest,
} from '../../../../contracts/index.ts';
import { MENTORING_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { Mail } from '../../kernel/mail.ts';
import { toIso } from '../../kernel/time.ts';
import * as policy from './mentoring.policy.ts';
import * as repo from './mentoring.repo.ts';
import * as relationshipsRepo from './mentoring.relationships.repo.ts';
import { imageHostsOf } from '../organizations/index.ts';

const gone = () => notFound('That relationship');

/** The live channel of a relationship: only its two partners may follow it (pair-private content changes there). */
export const relationshipChannel = (id: string) => `mentoring:${id}`;

/** Tells the partners' open pages what changed (ids only; each page refetches what it may read). */
function announce(deps: AppDeps, id: string, what: 'goals' | 'meetings' | 'notes' | 'check-ins' | 'status') {
  const channel = relationshipChannel(id);
  void deps.hub.changed(channel, what, id);
}

function summaryOf(r: relationshipsRepo.RelationshipRow, role: policy.RelationshipRole): RelationshipSummary {
  return {
    id: r.id,
    kind: r.kind,
    role,
    mentor: { id: r.mentorId, name: r.mentorName, title: r.mentorTitle },
    mentee: { id: r.menteeId, name: r.menteeName, title: r.menteeTitle },
    status: r.status,
    source: r.source,
    score: r.score,
    explanation: r.explanation as MatchFactor[],
    goalProgress: r.goalProgress === null ? null : Number(r.goalProgress),
    createdAt: toIso(r.createdAt),
    endedAt: r.endedAt ? toIso(r.endedAt) : null,
  };
}

/** Mine, or (scope program, admins and facilitators only) every relationship of the organization. */
export async function listRelationships(db: DbOrTx, actor: Actor, q: FindRelationshipsQuery): Promise<RelationshipList> {
  if (q.scope === 'program' && !policy.canRunMatching(actor)) throw new AppError('FORBIDDEN', 'Only organization admins and facilitators see all relationships.');
  const rows = await relationshipsRepo.selectRelationships(db, actor.orgId, q.scope === 'program' ? null : actor.personId);
  return { items: rows.map((r) => summaryOf(r, policy.relationshipRole(actor, r) ?? 'admin')) };
}

/** Loads a relationship and the actor's role in it; 404 for anyone who may not see it. */
async function access(db: DbOrTx, actor: Actor, id: string) {
  const r = await relationshipsRepo.selectRelationship(db, actor.orgId, id);
  const role = r ? policy.relationshipRole(actor, r) : null;
  if (!r || !role) throw gone();
  return { r, role };
}

/** Partners only: everyone else (admins included) gets 404, so pair-private content never shows that it exists. */
async function partnerAccess(db: DbOrTx, actor: Actor, id: string) {
  const a = await access(db, actor, id);
  if (!policy.isPartner(a.role)) throw gone();
  return a as { r: relationshipsRepo.RelationshipRow; role: 'mentor' | 'mentee' };
}

/** Partners of an active relationship may change it; admins may only look (403); ended → 409. */
async function editable(db: DbOrTx, actor: Actor, id: string) {
  const a = await access(db, actor, id);
  if (!policy.isPartner(a.role)) throw new AppError('FORBIDDEN', 'Only the two partners change a relationship.');
  if (a.r.status !== 'active') throw new AppError('CONFLICT', 'This relationship is closed.');
  return a as { r: relationshipsRepo.RelationshipRow; role: 'mentor' | 'mentee' };
}

const presentGoal = (g: Awaited<ReturnType<typeof relationshipsRepo.selectGoals>>[number]): RelationshipGoal => ({
  id: g.id,
  title: g.title,
  progress: g.progress,
  status: g.status as RelationshipGoal['status'],
  updatedAt: toIso(g.updatedAt),
});

const icsPath = (matchId: string, meetingId: string) => `/api/mentoring/relationships/${matchId}/meetings/${meetingId}/invite.ics`;

const presentMeeting = (m: relationshipsRepo.MeetingRow): RelationshipMeeting => ({
  id: m.id,
  startsAt: toIso(m.startsAt),
  durationMinutes: m.durationMinutes,
  agenda: m.agenda,
  createdBy: m.createdBy && m.creatorName ? { id: m.createdBy, name: m.creatorName, title: m.creatorTitle } : null,
  icsUrl: icsPath(m.matchId, m.id),
});

/**
 * One relationship. Partners: goals, meetings, the check-in rating trend and closing feedback with text. Program
 * admins: goals, the number of meetings, the rating trend and closing ratings, never any text.
 */
export async function getRelationship(db: DbOrTx, actor: Actor, id: string): Promise<RelationshipDetail> {
  const { r, role } = await access(db, actor, id);
  const partner = policy.isPartner(role);
  const [goals, meetings, meetingCount, trend, closings] = await Promise.all([
    relationshipsRepo.selectGoals(db, r.id),
    partner ? relationshipsRepo.selectMeetings(db, r.id) : Promise.resolve([]),
    relationshipsRepo.countMeetings(db, r.id),
    relationshipsRepo.selectRatingTrend(db, r.id),
    relationshipsRepo.selectClosings(db, r.id),
  ]);
  const side = (personId: string) => (personId === r.mentorId ? 'mentor' : 'mentee') as 'mentor' | 'mentee';
  const closedByMe = closings.some((c) => c.personId === actor.personId);
  return {
    ...summaryOf(r, role),
    goals: goals.map(presentGoal),
    meetings: meetings.map(presentMeeting),
    meetingCount,
    ratingTrend: trend.map((t) => ({ by: side(t.personId), rating: t.rating, at: toIso(t.at) })),
    closing: closings.map((c) => ({ by: side(c.personId), rating: c.rating, text: partner ? c.text : null, at: toIso(c.createdAt) })),
    abilities: {
      canEdit: partner && r.status === 'active',
      canSeeNotes: partner,
      canClose: partner && !closedByMe,
      closingAsked: partner && !closedByMe && r.status === 'ended',
    },
  };
}

/** Adds an agreed goal (partners of an active relationship). */
export async function addGoal(deps: AppDeps, actor: Actor, id: string, body: CreateGoalRequest): Promise<RelationshipGoal> {
  const { r } = await editable(deps.db, actor, id);
  if ((await relationshipsRepo.selectGoals(deps.db, r.id)).length >= MENTORING_LIMITS.relationshipGoals) {
    throw new AppError('CONFLICT', `A relationship has at most ${MENTORING_LIMITS.relationshipGoals} goals.`);
  }
  const g = await relationshipsRepo.insertGoal(deps.db, { orgId: actor.orgId, matchId: r.id, title: body.title, progress: body.progress, status: body.status, createdBy: actor.personId });
  announce(deps, r.id, 'goals');
  return presentGoal(g);
}

/** Changes a goal's title, progress or status. */
export async function updateGoal(deps: AppDeps, actor: Actor, id: string, goalId: string, body: UpdateGoalRequest): Promise<RelationshipGoal> {
  const { r } = await editable(deps.db, actor, id);
  const g = await relationshipsRepo.updateGoal(deps.db, r.id, goalId, body);
  if (!g) throw notFound('That goal');
  announce(deps, r.id, 'goals');
  return presentGoal(g);
}

/** The calendar invite of a meeting (RFC 5545 text) with both partners as attendees. */
function inviteOf(deps: AppDeps, r: relationshipsRepo.RelationshipRow, m: { id: string; startsAt: Date | string; durationMinutes: number; agenda: string }, people: { id: string; name: string; email: string }[]) {
  const mentor = people.find((p) => p.id === r.mentorId);
  const mentee = people.find((p) => p.id === r.menteeId);
  const label = r.kind === 'coaching' ? 'Coaching' : 'Mentoring';
  const link = `${(deps.config.PUBLIC_URL ?? `http://localhost:${deps.config.PORT}`).replace(/\/$/, '')}/mentoring/relationships/${r.id}`;
  const { error, value } = createEvent({
    uid: `${m.id}@hearth`,
    productId: 'hearth/mentoring',
    method: 'REQUEST',
    start: new Date(m.startsAt).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: m.durationMinutes },
    title: `${label}: ${r.mentorName} & ${r.menteeName}`,
    description: `${m.agenda ? `Agenda:\n${m.agenda}\n\n` : ''}${link}`,
    ...(mentor ? { organizer: { name: mentor.name, email: mentor.email } } : {}),
    attendees: [mentor, mentee].filter((p) => p !== undefined).map((p) => ({ name: p.name, email: p.email, rsvp: true, partstat: 'NEEDS-ACTION' as const, role: 'REQ-PARTICIPANT' as const })),
  });
  if (error || !value) throw error ?? new Error('calendar invite could not be built');
  return value;
}

/** A mail that also carries attachments (the mailer passes them on to nodemailer as they are). */
type MailWithAttachments = Mail & { attachments: { filename: string; content: string; contentType: string }[] };

/**
 * Logs a meeting (partners of an active relationship) and, unless emailInvite is false, mails the calendar invite
 * (.ics) to both partners; the other partner also gets an in-app notification. A failing mail server does not undo
 * the meeting (the invite stays downloadable).
 */
export async function addMeeting(deps: AppDeps, actor: Actor, id: string, body: CreateMeetingRequest): Promise<RelationshipMeeting> {
  const { r } = await editable(deps.db, actor, id);
  const other = actor.personId === r.mentorId ? r.menteeId : r.mentorId;
  const m = await deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await relationshipsRepo.insertMeeting(tx, { orgId: actor.orgId, matchId: r.id, startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes, agenda: body.agenda, createdBy: actor.personId });
    const me = actor.personId === r.mentorId ? r.mentorName : r.menteeName;
    emit({
      type: 'mentoring.meeting_booked',
      orgId: actor.orgId,
      payload: { matchId: r.id, meetingId: row.id, recipientIds: [other], actorId: actor.personId, title: `${me} booked a meeting with you`, url: `/mentoring/relationships/${r.id}`, subject: { matchId: r.id } },
    });
    return row;
  });
  if (body.emailInvite) {
    const people = await repo.selectEmails(deps.db, actor.orgId, [r.mentorId, r.menteeId]);
    const ics = inviteOf(deps, r, m, people);
    const when = new Date(m.startsAt).toUTCString();
    for (const p of people) {
      const mail: MailWithAttachments = {
        to: p.email,
        subject: `Invitation: ${r.kind === 'coaching' ? 'coaching' : 'mentoring'} meeting ${when}`,
        text: `${r.mentorName} and ${r.menteeName} meet on ${when} for ${m.durationMinutes} minutes. The calendar invite is attached.`,
        attachments: [{ filename: 'invite.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }],
      };
      await deps.mailer.send(mail).catch(() => {});
    }
  }
  const [row] = (await relationshipsRepo.selectMeetings(deps.db, r.id)).filter((x) => x.id === m.id);
  announce(deps, r.id, 'meetings');
  return presentMeeting(row);
}

/** The .ics of a meeting (partners only; 404 for everyone else). */
export async function meetingInvite(deps: AppDeps, actor: Actor, id: string, meetingId: string): Promise<string> {
  const { r } = await partnerAccess(deps.db, actor, id);
  const m = (await relationshipsRepo.selectMeetings(deps.db, r.id)).find((x) => x.id === meetingId);
  if (!m) throw notFound('That meeting');
  return inviteOf(deps, r, m, await repo.selectEmails(deps.db, actor.orgId, [r.mentorId, r.menteeId]));
}

/** Pair-private notes (partners only; 404 for everyone else, admins included). */
export async function listNotes(db: DbOrTx, actor: Actor, id: string): Promise<RelationshipNoteList> {
  const { r } = await partnerAccess(db, actor, id);
  const rows = await relationshipsRepo.selectNotes(db, r.id);
  return {
    items: rows.map((n) => ({
      id: n.id,
      author: n.authorId && n.authorName ? { id: n.authorId, name: n.authorName, title: n.authorTitle } : null,
      body: n.body,
      html: n.html,
      createdAt: toIso(n.createdAt),
      canDelete: n.authorId === actor.personId,
    })),
  };
}

/** Adds a pair-private note (Markdown; partners only, also after closing). */
export async function addNote(deps: AppDeps, actor: Actor, id: string, body: CreateNoteRequest): Promise<RelationshipNote> {
  const { r } = await partnerAccess(deps.db, actor, id);
  const n = await relationshipsRepo.insertNote(deps.db, { orgId: actor.orgId, matchId: r.id, authorId: actor.personId, body: body.body, html: renderMarkdown(body.body, await imageHostsOf(deps.db, actor.orgId)) });
  const me = actor.personId === r.mentorId ? { id: r.mentorId, name: r.mentorName, title: r.mentorTitle } : { id: r.menteeId, name: r.menteeName, title: r.menteeTitle };
  announce(deps, r.id, 'notes');
  return { id: n.id, author: me, body: n.body, html: n.html, createdAt: toIso(n.createdAt), canDelete: true };
}

/** Deletes one of my own notes. */
export async function deleteNote(deps: AppDeps, actor: Actor, id: string, noteId: string): Promise<void> {
  const { r } = await partnerAccess(deps.db, actor, id);
  if (!(await relationshipsRepo.deleteNote(deps.db, r.id, noteId, actor.personId))) throw notFound('That note');
  announce(deps, r.id, 'notes');
}

/** Records a check-in (partners of an active relationship); the text stays readable by its author only. */
export async function addCheckIn(deps: AppDeps, actor: Actor, id: string, body: CreateCheckInRequest): Promise<CheckInList['items'][number]> {
  const { r } = await editable(deps.db, actor, id);
  const c = await relationshipsRepo.insertCheckIn(deps.db, { orgId: actor.orgId, matchId: r.id, personId: actor.personId, rating: body.rating, text: body.text || null });
  announce(deps, r.id, 'check-ins');
  return { id: c.id, rating: c.rating, text: c.text, createdAt: toIso(c.createdAt) };
}

/** My own check-ins with their text (partners only; 404 for everyone else). */
export async function listCheckIns(db: DbOrTx, actor: Actor, id: string): Promise<CheckInList> {
  const { r } = await partnerAccess(db, actor, id);
  const rows = await relationshipsRepo.selectOwnCheckIns(db, r.id, actor.personId);
  return { items: rows.map((c) => ({ id: c.id, rating: c.rating, text: c.text, createdAt: toIso(c.createdAt) })) };
}

/**
 * Closing feedback. The first partner to close ends the relationship (its seat frees up) and the other partner is
 * asked for their feedback by a notification; they answer through the same route. 409 when I already gave mine.
 */
export async function closeRelationship(deps: AppDeps, actor: Actor, id: string, body: CloseRelationshipRequest): Promise<RelationshipDetail> {
  const { r } = await partnerAccess(deps.db, actor, id);
  await deps.events.transaction(deps.db, async (tx, emit) => {
    const row = await relationshipsRepo.lockRelationship(tx, actor.orgId, r.id);
    if (!row) throw gone();
    if (!(await relationshipsRepo.insertClosing(tx, { orgId: actor.orgId, matchId: r.id, personId: actor.personId, rating: body.rating, text: body.text }))) {
      throw new AppError('CONFLICT', 'You already gave your closing feedback.');
    }
    if (row.status === 'active') {
      await relationshipsRepo.endRelationship(tx, r.id, actor.personId, new Date());
      const other = actor.personId === r.mentorId ? r.menteeId : r.mentorId;
      const me = actor.personId === r.mentorId ? r.mentorName : r.menteeName;
      emit({
        type: 'mentoring.closed',
        orgId: actor.orgId,
        payload: { matchId: r.id, recipientIds: [other], actorId: actor.personId, title: `${me} closed your ${r.kind} relationship: how did it go? Share your feedback`, url: `/mentoring/relationships/${r.id}`, subject: { matchId: r.id } },
      });
    }
  });
  announce(deps, r.id, 'status');
  return getRelationship(deps.db, actor, id);
}

/** Whether the actor may follow a relationship live: its two partners only (404-equivalent for everyone else). */
export async function canFollowRelationship(db: DbOrTx, actor: Actor, id: string): Promise<boolean> {
  return partnerAccess(db, actor, id).then(
    () => true,
    () => false,
  );
}

/**
 * Reminds partners of active relationships to check in: a partner whose latest check-in, latest reminder and the start
 * are all CHECKIN_REMINDER_DAYS (28) old is claimed once (across nodes) and gets an in-app notification naming the
 * other partner. The claim and the notifications' events are written in one transaction. Answers how many were reminded.
 */
export async function runCheckInReminders(deps: AppDeps, now = new Date()): Promise<number> {
  const days = deps.config.CHECKIN_REMINDER_DAYS;
  if (!days) return 0;
  return deps.events.transaction(deps.db, async (tx, emit) => {
    let reminded = 0;
    for (const r of await relationshipsRepo.claimCheckInReminders(tx, now, days)) {
      const sides = [
        { personId: r.mentorId, due: r.mentorDue, partner: r.menteeName },
        { personId: r.menteeId, due: r.menteeDue, partner: r.mentorName },
      ];
      for (const side of sides.filter((x) => x.due)) {
        reminded += 1;
        emit({
          type: 'mentoring.checkin_due',
          orgId: r.orgId,
          payload: { matchId: r.id, recipientIds: [side.personId], title: `How is your ${r.kind} with ${side.partner} going? Take a minute to check in`, url: `/mentoring/relationships/${r.id}`, subject: { matchId: r.id } },
        });
      }
    }
    return reminded;
  });
}
