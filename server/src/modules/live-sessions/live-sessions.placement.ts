// Placing people during a running breakout, so that nobody reads a group's or pair's talk from before they were in
// it. Small groups (3–4) take late joiners, who read the chat from their arrival on (the read paths filter by
// membership time, see chatRepo.selectMessages). A pair stays two people: a late joiner is paired with another person who
// is waiting, or waits in the main room until one arrives or a facilitator places them — into an existing pair (a trio)
// only by that explicit choice. Nobody is ever moved out of a group, and an emptied pair never takes anyone in.
import type { FastifyRequest } from 'fastify';
import type { PlaceParticipantRequest } from '../../../../contracts/index.ts';
import { liveWaitingChannel } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { audit } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { assertLive, consoleChanged, groupChanged, groupKindOf, isGroupKind, loadForFacilitator, publish } from './live-sessions.access.ts';
import { chooseGroupForLateJoiner, placementRefusal } from './live-sessions.groups.ts';
import * as repo from './live-sessions.repo.ts';
import * as chatRepo from './live-sessions.chat.repo.ts';
import * as groupsRepo from './live-sessions.groups.repo.ts';

type SessionRow = repo.SessionRow;
type SegmentRow = repo.SegmentRow;

/**
 * Places a person who arrived (or came back) during a breakout; answers the group they are now in, or null when they
 * keep their group from before or wait for a partner. Runs in the join's transaction, under the session lock, so two
 * arrivals never take the same waiting person.
 */
export async function placeLateJoiner(tx: DbOrTx, s: SessionRow, seg: SegmentRow, personId: string): Promise<string | null> {
  if (await groupsRepo.selectMyGroupInSegment(tx, seg.id, personId)) return null;
  if (groupKindOf(seg.kind) === 'pair') {
    // The person waiting longest becomes their partner, in a new pair: nothing was written in it yet.
    const partner = (await groupsRepo.selectWaiting(tx, s.id, seg.id)).find((p) => p.id !== personId);
    return partner ? groupsRepo.insertGroup(tx, s, seg.id, 'pair', [partner.id, personId]) : null;
  }
  const groups = (await groupsRepo.selectSegmentGroups(tx, s.id, seg.id)).map((g) => ({ id: g.id, members: g.members.filter((m) => m.present && m.id !== personId).map((m) => m.id) }));
  const everyone = [personId, ...groups.flatMap((g) => g.members)];
  const known = new Set((await groupsRepo.selectKnownPairs(tx, s, everyone)).map((k) => `${k.a}|${k.b}`));
  const target = chooseGroupForLateJoiner(personId, groups, (a, b) => known.has(a < b ? `${a}|${b}` : `${b}|${a}`));
  // No group has anyone present: a new group rather than an abandoned one (its notes may hold what was said).
  if (!target) return groupsRepo.insertGroup(tx, s, seg.id, 'group', [personId]);
  await groupsRepo.insertGroupMember(tx, s, target, personId);
  return target;
}

const refused = (message: string) => new AppError('PLACEMENT_REFUSED', message);

/**
 * A facilitator places a waiting person into a group or pair of the running segment (a pair becomes a trio at most).
 * Audited: it decides who reads a breakout from then on. Answers the group id. 409 PLACEMENT_REFUSED when no breakout
 * runs, the person is not waiting, or the group is full or belongs to another segment; 404 for a person or group the
 * organization or session does not have.
 */
export async function placeWaitingPerson(tx: DbOrTx, actor: Actor, id: string, body: PlaceParticipantRequest, request: FastifyRequest | null): Promise<string> {
  const { s } = await loadForFacilitator(tx, actor, id, true);
  assertLive(s);
  const seg = s.currentSegmentId ? await repo.selectSegment(tx, s.id, s.currentSegmentId) : undefined;
  if (!seg || !isGroupKind(seg.kind)) throw refused('People are placed while small groups or pairs are running.');
  const person = (await repo.selectPeople(tx, s.orgId, [body.personId]))[0];
  if (!person) throw notFound('That person');
  if (!(await groupsRepo.selectWaiting(tx, s.id, seg.id)).some((w) => w.id === person.id)) {
    throw refused(`${person.name} is not waiting: they are not here, or already in a group of this breakout.`);
  }
  const g = await groupsRepo.selectGroup(tx, s.id, body.groupId);
  if (!g) throw notFound('That group');
  if (g.segmentId !== seg.id) throw refused('That group belongs to a breakout that has ended. Choose one that is running now.');
  const why = placementRefusal(g.kind as 'group' | 'pair', (await groupsRepo.selectGroupMembers(tx, g.id)).length);
  if (why) throw refused(why);
  await groupsRepo.insertGroupMember(tx, s, g.id, person.id);
  await audit(tx, request, {
    orgId: s.orgId,
    actorId: actor.personId,
    action: 'live_sessions.person_placed',
    target: g.id,
    data: { sessionId: s.id, personId: person.id, groupSize: (await groupsRepo.selectGroupMembers(tx, g.id)).length },
  });
  return g.id;
}

/**
 * After a placement: the console and the group's members refetch (ids only), and so do the screens of people waiting
 * (only they follow `live-waiting:<id>`), one of whom was just placed.
 */
export function announcePlacement(deps: AppDeps, sessionId: string, groupId: string) {
  consoleChanged(deps, sessionId, 'groups', groupId);
  groupChanged(deps, groupId, 'groups');
  publish(deps, liveWaitingChannel(sessionId), 'groups', sessionId);
}
