import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import * as repo from './presence.repo.ts';

/** The channel every member of an organization listens on. */
export const orgChannel = (orgId: string) => `org:${orgId}`;

/** The channel of one person (all their sockets on every node). */
export const personChannel = (personId: string) => `person:${personId}`;

/** How long arrivals and departures are gathered before one message per organization goes out. */
export const ANNOUNCE_WINDOW_MS = 200;

/**
 * Arrivals and departures announced in batches: one message per organization and window instead of one per
 * connection. A morning wave of N people connecting to one organization would otherwise send N messages to each of
 * N sockets (N² sends: 25 million for 5,000 people); batched, each socket gets a few messages per second.
 */
class PresenceAnnouncer {
  private pending = new Map<string, Map<string, boolean>>();
  private timer: NodeJS.Timeout | null = null;
  constructor(private deps: AppDeps) {}

  announce(orgId: string, personId: string, online: boolean) {
    let changes = this.pending.get(orgId);
    if (!changes) this.pending.set(orgId, (changes = new Map()));
    changes.set(personId, online); // the latest state of a person in the window wins
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), ANNOUNCE_WINDOW_MS);
      this.timer.unref();
    }
  }

  flush() {
    this.timer = null;
    const batches = this.pending;
    this.pending = new Map();
    for (const [orgId, changes] of batches) {
      const online: string[] = [];
      const offline: string[] = [];
      for (const [personId, isOnline] of changes) (isOnline ? online : offline).push(personId);
      void this.deps.hub.publish(orgChannel(orgId), { type: 'presence', online, offline });
    }
  }
}

const announcers = new WeakMap<object, PresenceAnnouncer>();
function announcer(deps: AppDeps) {
  let a = announcers.get(deps.hub);
  if (!a) announcers.set(deps.hub, (a = new PresenceAnnouncer(deps)));
  return a;
}

/** Sends announcements still waiting in this app's window (shutdown). */
export function flushAnnouncements(deps: AppDeps) {
  announcers.get(deps.hub)?.flush();
}

/** Who is online in the actor's organization. */
export async function findOnline(deps: AppDeps, actor: Actor): Promise<string[]> {
  return repo.selectOnline(deps.db, actor.orgId);
}

/**
 * The `hello` message for a new socket, shared by the connections of one organization that arrive together: a
 * connection wave then costs one query and one serialization, not one per socket. Any presence message of the
 * organization (from any node, through the bus) drops it, and a load that overlaps such a message is not kept.
 */
class HelloCache {
  private entries = new Map<string, { generation: number; json: Promise<string> }>();
  private generations = new Map<string, number>();
  constructor(private deps: AppDeps) {
    deps.hub.bus.subscribe(({ channel, message }) => {
      if (message.type !== 'presence' || !channel.startsWith('org:')) return;
      const orgId = channel.slice(4);
      this.generations.set(orgId, (this.generations.get(orgId) ?? 0) + 1);
      this.entries.delete(orgId);
    });
  }

  get(orgId: string): Promise<string> {
    const generation = this.generations.get(orgId) ?? 0;
    const hit = this.entries.get(orgId);
    if (hit && hit.generation === generation) return hit.json;
    const json = repo.selectOnline(this.deps.db, orgId).then((online) => JSON.stringify({ type: 'hello', online }));
    this.entries.set(orgId, { generation, json });
    json.then(
      () => {
        // Kept only while nothing changed since the load began; at most 1 s, a bound for rows of crashed nodes.
        setTimeout(() => this.entries.get(orgId)?.json === json && this.entries.delete(orgId), 1000).unref();
      },
      () => this.entries.get(orgId)?.json === json && this.entries.delete(orgId),
    );
    return json;
  }
}

const helloCaches = new WeakMap<object, HelloCache>();

/** The serialized `hello` (who is online now) for a socket of this organization. */
export function helloFor(deps: AppDeps, orgId: string): Promise<string> {
  let c = helloCaches.get(deps.hub);
  if (!c) helloCaches.set(deps.hub, (c = new HelloCache(deps)));
  return c.get(orgId);
}

/** Records a new connection and tells the organization the person is online. */
export async function connected(deps: AppDeps, actor: Actor) {
  await repo.addConnection(deps.db, deps.nodeId, actor.personId, actor.orgId);
  announcer(deps).announce(actor.orgId, actor.personId, true);
}

/** Records a closed connection; announces offline only when no node still has one. */
export async function disconnected(deps: AppDeps, actor: Actor) {
  await repo.removeConnection(deps.db, deps.nodeId, actor.personId);
  if (!(await repo.isOnline(deps.db, actor.personId))) announcer(deps).announce(actor.orgId, actor.personId, false);
}
