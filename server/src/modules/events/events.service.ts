import type { CreateEventRequest, EventCalendar, EventDetail, EventSummary, FindEventsQuery, UpdateEventRequest } from '../../../../contracts/index.ts';
import { CreateEventRequest as CreateSchema, EVENT_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { renderMarkdown } from '../../kernel/content/markdown.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, type FieldError, nullWhenRefused } from '../../kernel/errors.ts';
import { toIso } from '../../kernel/time.ts';
import { loadCommunityAccess } from '../communities/index.ts';
import { loadResourceAccess } from '../resources/index.ts';
import { eventChanged, type LoadedEvent, loadEvent, loadForEditor, relationFromRow, subjectOf } from './events.access.ts';
import { icsOf, mailInBackground } from './events.ics.ts';
import * as policy from './events.policy.ts';
import type { EventRow } from './events.repo.ts';
import * as repo from './events.repo.ts';
import { fillFromWaitlist } from './waitlist.ts';
import { imageHostsOf } from '../organizations/index.ts';

const invalid = (errors: FieldError[]) => new AppError('VALIDATION_FAILED', `Some fields are not valid: ${errors.map((e) => e.field).join(', ')}.`, { errors });


async function summaries(db: DbOrTx, actor: Actor, items: { row: EventRow; rel: policy.EventRelation }[], now: Date): Promise<EventSummary[]> {
  const ids = items.map((i) => i.row.id);
  const hosts = await repo.selectHosts(db, ids);
  const mine = new Map((await repo.selectMyRsvps(db, actor.personId, ids)).map((r) => [r.eventId, r]));
  return items.map(({ row, rel }) => {
    const r = mine.get(row.id);
    return {
      id: row.id,
      title: row.title,
      kind: row.kind as EventSummary['kind'],
      status: row.status as EventSummary['status'],
      startsAt: toIso(row.startsAt),
      endsAt: toIso(row.endsAt),
      timeZone: row.timeZone,
      location: row.location,
      isOnline: row.joinUrl !== null || row.liveSessionId !== null,
      community: row.communityId && row.communityName && row.communitySlug ? { id: row.communityId, name: row.communityName, slug: row.communitySlug } : null,
      programId: row.programId,
      hosts: hosts.filter((h) => h.eventId === row.id).map(({ id, name, title }) => ({ id, name, title })),
      guestSpeakers: row.guestSpeakers,
      capacity: row.capacity,
      goingCount: row.goingCount,
      waitlistCount: row.waitlistCount,
      hasRecording: row.recordingUrl !== null,
      myRsvp: r ? { status: r.status as 'going' | 'waitlisted' | 'not_going', waitlistPosition: r.position, attendedAt: r.attendedAt ? toIso(r.attendedAt) : null } : null,
      isHost: row.isHost,
      abilities: policy.abilities(actor, subjectOf(row), rel, now),
    };
  });
}

/** The calendar between two instants: every event the viewer may see, by start time (at most 500). */
export async function findEvents(db: DbOrTx, actor: Actor, q: FindEventsQuery): Promise<EventCalendar> {
  const now = new Date();
  const from = q.from ? new Date(q.from) : new Date(now.getTime() - 86_400_000);
  const to = q.to ? new Date(q.to) : new Date(from.getTime() + 60 * 86_400_000);
  if (to <= from) throw invalid([{ field: 'to', message: 'Must be after from' }]);
  if (to.getTime() - from.getTime() > EVENT_LIMITS.rangeDays * 86_400_000) throw invalid([{ field: 'to', message: `At most ${EVENT_LIMITS.rangeDays} days after from` }]);
  const rows = await repo.selectCalendar(db, actor, {
    from: from.toISOString(),
    to: to.toISOString(),
    communityId: q.communityId,
    programId: q.programId,
    mine: q.mine,
    kind: q.kind,
    limit: EVENT_LIMITS.perRange + 1,
  });
  const kept = rows.slice(0, EVENT_LIMITS.perRange);
  const items = await summaries(db, actor, kept.map((row) => ({ row, rel: relationFromRow(actor, row) })), now);
  return { items, from: from.toISOString(), to: to.toISOString(), truncated: rows.length > EVENT_LIMITS.perRange };
}

/** An event page; the join link only for going attendees, hosts and editors. */
export async function presentEvent(db: DbOrTx, actor: Actor, e: LoadedEvent): Promise<EventDetail> {
  const now = new Date();
  const [summary] = await summaries(db, actor, [e], now);
  const { row } = e;
  const [creator] = row.createdBy ? await repo.selectRefs(db, row.orgId, [row.createdBy]) : [];
  return {
    ...summary,
    description: row.description,
    descriptionHtml: row.descriptionHtml,
    joinUrl: policy.canSeeJoinUrl(actor, e.subject, e.rel) ? row.joinUrl : null,
    liveSessionId: row.liveSessionId,
    recordingUrl: row.recordingUrl,
    resources: await readableResources(db, actor, row.id),
    sequence: row.sequence,
    createdBy: creator ?? null,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

/** The event's attachments the viewer may read: a resource from a community they cannot read is left out. */
async function readableResources(db: DbOrTx, actor: Actor, eventId: string) {
  const items = await repo.selectResources(db, eventId);
  const readable = await Promise.all(items.map((i) => (i.resourceId ? loadResourceAccess(db, actor, i.resourceId).then(() => true, () => false) : true)));
  return items.filter((_, i) => readable[i]);
}

/** One event the actor may see. */
export async function getEvent(db: DbOrTx, actor: Actor, id: string): Promise<EventDetail> {
  return presentEvent(db, actor, await loadEvent(db, actor, id));
}

function checkDuration(startsAt: Date, endsAt: Date) {
  if (endsAt <= startsAt) throw invalid([{ field: 'endsAt', message: 'The end must be after the start' }]);
  if (endsAt.getTime() - startsAt.getTime() > EVENT_LIMITS.durationHours * 3_600_000) throw invalid([{ field: 'endsAt', message: `At most ${EVENT_LIMITS.durationHours / 24} days long` }]);
}

async function checkHosts(tx: DbOrTx, orgId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if ((await repo.selectActivePeople(tx, orgId, unique)).length !== unique.length) throw invalid([{ field: 'hostIds', message: 'Unknown person' }]);
  return unique;
}

async function checkResources(tx: DbOrTx, actor: Actor, items: NonNullable<UpdateEventRequest['resources']>) {
  for (const [i, item] of items.entries()) {
    if (!('resourceId' in item)) continue;
    await loadResourceAccess(tx, actor, item.resourceId).catch(() => {
      throw invalid([{ field: `resources.${i}.resourceId`, message: 'Unknown resource' }]);
    });
  }
  return items as { resourceId?: string; title?: string; url?: string }[];
}

/**
 * Creates an event: org admins and facilitators anywhere; a community's owners and moderators (and organizers who can
 * read it) on its calendar. The hosts are `hostIds`, or the creator when none are named.
 */
export async function createEvent(deps: AppDeps, actor: Actor, raw: CreateEventRequest): Promise<EventDetail> {
  const input = CreateSchema.parse(raw);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkDuration(startsAt, endsAt);
  let community: { canRead: boolean; canModerate: boolean } | null = null;
  if (input.communityId) {
    community = await loadCommunityAccess(deps.db, actor, input.communityId).catch(nullWhenRefused);
    if (!community?.canRead) throw invalid([{ field: 'communityId', message: 'Unknown community' }]);
  }
  if (!policy.canCreate(actor, community)) {
    throw new AppError('FORBIDDEN', community ? 'Only the community’s owners and moderators can add events to its calendar.' : 'Only facilitators and admins can create organization events.');
  }
  const id = await deps.events.transaction(deps.db, async (tx, emit) => {
    if (input.programId && !(await repo.programExists(tx, actor.orgId, input.programId))) throw invalid([{ field: 'programId', message: 'Unknown program' }]);
    const hostIds = await checkHosts(tx, actor.orgId, input.hostIds.length ? input.hostIds : [actor.personId]);
    const e = await repo.insertEvent(tx, {
      orgId: actor.orgId,
      communityId: input.communityId,
      programId: input.programId,
      liveSessionId: input.liveSessionId,
      kind: input.kind,
      title: input.title,
      description: input.description,
      descriptionHtml: renderMarkdown(input.description, await imageHostsOf(tx, actor.orgId)),
      startsAt,
      endsAt,
      timeZone: input.timeZone,
      location: input.location || null,
      joinUrl: input.joinUrl,
      capacity: input.capacity,
      guestSpeakers: input.guestSpeakers,
      createdBy: actor.personId,
    });
    await repo.setHosts(tx, actor.orgId, e.id, hostIds);
    emit({ type: 'events.created', orgId: actor.orgId, payload: { eventId: e.id, personId: actor.personId, communityId: input.communityId } });
    return e.id;
  });
  return getEvent(deps.db, actor, id);
}

const same = (a: Date | string | null, b: Date | string | null) => (a === null || b === null ? a === b : toIso(a) === toIso(b));

/**
 * Editors and hosts change an event. A change of what a calendar shows (title, description, time, zone, place, join
 * link) raises `sequence`; a change of time or place also mails everyone going an updated invitation (same UID).
 * A larger capacity lets people in from the waitlist, in order; a smaller one never removes anyone already going.
 */
export async function updateEvent(deps: AppDeps, actor: Actor, id: string, input: UpdateEventRequest): Promise<EventDetail> {
  const now = new Date();
  const result = await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockEvent(tx, actor.orgId, id);
    const { row } = await loadForEditor(tx, actor, id);
    const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : new Date(toIso(row.startsAt));
    const endsAt = input.endsAt !== undefined ? new Date(input.endsAt) : new Date(toIso(row.endsAt));
    if (input.startsAt !== undefined || input.endsAt !== undefined) checkDuration(startsAt, endsAt);
    const { hostIds, resources, description, location, ...rest } = input;
    const timeChanged = !same(startsAt, row.startsAt) || !same(endsAt, row.endsAt) || (input.timeZone !== undefined && input.timeZone !== row.timeZone);
    const placeChanged = (location !== undefined && (location || null) !== row.location) || (input.joinUrl !== undefined && input.joinUrl !== row.joinUrl);
    const textChanged = (input.title !== undefined && input.title !== row.title) || (description !== undefined && description !== row.description);
    await repo.updateEventRow(tx, row.id, {
      ...rest,
      startsAt,
      endsAt,
      ...(location !== undefined ? { location: location || null } : {}),
      ...(description !== undefined ? { description, descriptionHtml: renderMarkdown(description, await imageHostsOf(tx, actor.orgId)) } : {}),
      ...(timeChanged || placeChanged || textChanged ? { sequence: row.sequence + 1 } : {}),
    });
    if (hostIds) await repo.setHosts(tx, actor.orgId, row.id, await checkHosts(tx, actor.orgId, hostIds));
    if (resources) await repo.setResources(tx, actor.orgId, row.id, await checkResources(tx, actor, resources));
    if (timeChanged) await repo.resetReminders(tx, row.id);
    const promoted = input.capacity !== undefined && row.status === 'scheduled' && now < endsAt ? await fillFromWaitlist(tx, row.id, input.capacity) : [];
    await repo.refreshCounts(tx, row.id);
    for (const personId of promoted) emit({ type: 'events.promoted', orgId: actor.orgId, payload: { eventId: row.id, personId } });
    emit({ type: 'events.updated', orgId: actor.orgId, payload: { eventId: row.id, personId: actor.personId, timeChanged, placeChanged } });
    return { promoted, notify: (timeChanged || placeChanged) && row.status === 'scheduled' && now < endsAt };
  });
  const fresh = await loadEvent(deps.db, actor, id);
  const ics = icsOf(fresh.row);
  if (result.notify) {
    const going = (await repo.selectGoing(deps.db, id)).filter((p) => !result.promoted.includes(p.id));
    mailInBackground(deps, ics, 'REQUEST', going, 'update');
  }
  if (result.promoted.length) mailInBackground(deps, ics, 'REQUEST', await repo.selectRecipients(deps.db, actor.orgId, result.promoted), 'invite');
  eventChanged(deps, id, 'event');
  return presentEvent(deps.db, actor, fresh);
}

/** Cancels an event: kept (shown as cancelled), `sequence` + 1, and everyone going gets a calendar cancellation. */
export async function cancelEvent(deps: AppDeps, actor: Actor, id: string): Promise<EventDetail> {
  await deps.events.transaction(deps.db, async (tx, emit) => {
    await repo.lockEvent(tx, actor.orgId, id);
    const { row, subject } = await loadForEditor(tx, actor, id);
    if (row.status === 'cancelled') throw new AppError('EVENT_CANCELLED', 'This event is already cancelled.');
    if (Date.now() >= subject.endsAt.getTime()) throw new AppError('EVENT_ENDED', 'This event has already ended.');
    await repo.updateEventRow(tx, row.id, { status: 'cancelled', cancelledAt: new Date(), sequence: row.sequence + 1 });
    emit({ type: 'events.cancelled', orgId: actor.orgId, payload: { eventId: row.id, personId: actor.personId } });
  });
  const fresh = await loadEvent(deps.db, actor, id);
  mailInBackground(deps, icsOf(fresh.row), 'CANCEL', await repo.selectGoing(deps.db, id), 'cancel');
  eventChanged(deps, id, 'event');
  return presentEvent(deps.db, actor, fresh);
}
