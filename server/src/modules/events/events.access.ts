import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound, nullWhenRefused } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import * as policy from './events.policy.ts';
import type { EventRow } from './events.repo.ts';
import * as repo from './events.repo.ts';

/** Realtime channel of an event (details, RSVPs, questions; ids only). */
export const eventChannel = (id: string) => `event:${id}`;

/** Tells everyone following the event what changed; they refetch over HTTP. */
export function eventChanged(deps: AppDeps, id: string, what: 'event' | 'rsvp' | 'questions', itemId = id) {
  const channel = eventChannel(id);
  void deps.hub.changed(channel, what, itemId);
}

/** The policy's view of an event row. */
export const subjectOf = (row: EventRow): policy.EventSubject => ({
  orgId: row.orgId,
  communityId: row.communityId,
  status: row.status,
  startsAt: new Date(toIso(row.startsAt)),
  endsAt: new Date(toIso(row.endsAt)),
});

/**
 * The viewer's relation from the calendar row: the same rules as communities' canRead (open, or an active member) and
 * canModerate (an active owner or moderator, or an org admin who can read), so a calendar page is one query.
 */
export function relationFromRow(actor: Actor, row: EventRow): policy.EventRelation {
  const canRead = row.communityId === null || row.communityVisibility === 'open' || row.memberStatus === 'active';
  const moderates = row.communityId !== null && ((row.memberStatus === 'active' && (row.memberRole === 'owner' || row.memberRole === 'moderator')) || (actor.isAdmin && canRead));
  return { isHost: row.isHost, canReadCommunity: canRead, canModerateCommunity: moderates, rsvp: row.myRsvp };
}

/** A loaded event with the viewer's relation. */
export interface LoadedEvent {
  row: EventRow;
  rel: policy.EventRelation;
  subject: policy.EventSubject;
}

/** Loads an event the actor may see (404 otherwise); a community event asks communities' loadCommunityAccess. */
export async function loadEvent(db: DbOrTx, actor: Actor, id: string): Promise<LoadedEvent> {
  const row = await repo.selectEvent(db, actor.orgId, actor.personId, id);
  if (!row) throw notFound('That event');
  let rel: policy.EventRelation = { isHost: row.isHost, canReadCommunity: true, canModerateCommunity: false, rsvp: row.myRsvp };
  if (row.communityId) {
    const access = await loadCommunityAccess(db, actor, row.communityId).catch(nullWhenRefused);
    rel = { ...rel, canReadCommunity: access?.canRead ?? false, canModerateCommunity: access?.canModerate ?? false };
  }
  const subject = subjectOf(row);
  if (!policy.canSee(actor, subject, rel)) throw notFound('That event');
  return { row, rel, subject };
}

/** Loads an event the actor may edit (403 when they can see but not edit it). */
export async function loadForEditor(db: DbOrTx, actor: Actor, id: string): Promise<LoadedEvent> {
  const e = await loadEvent(db, actor, id);
  if (!policy.canEdit(actor, e.subject, e.rel)) throw new AppError('FORBIDDEN', 'Only the event’s hosts and organizers can do that.');
  return e;
}

/** Throws 409 unless the event is scheduled and has not ended. */
export function assertOpen(e: LoadedEvent, now: Date) {
  if (e.subject.status === 'cancelled') throw new AppError('EVENT_CANCELLED', 'This event has been cancelled.');
  if (now.getTime() >= e.subject.endsAt.getTime()) throw new AppError('EVENT_ENDED', 'This event has already ended.');
}

/** Who may follow `event:<id>` live: people who can see the event. */
export async function canSeeEvent(db: DbOrTx, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
  return loadEvent(db, actor, id).then(
    () => true,
    () => false,
  );
}
