import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import * as repo from './presence.repo.ts';

/** The channel every member of an organization listens on. */
export const orgChannel = (orgId: string) => `org:${orgId}`;

/** The channel of one person (all their sockets on every node). */
export const personChannel = (personId: string) => `person:${personId}`;

/** Who is online in the actor's organization. */
export async function findOnline(deps: AppDeps, actor: Actor): Promise<string[]> {
  return repo.selectOnline(deps.db, actor.orgId);
}

/** Records a new connection and tells the organization the person is online. */
export async function connected(deps: AppDeps, actor: Actor) {
  await repo.addConnection(deps.db, deps.nodeId, actor.personId, actor.orgId);
  await deps.hub.publish(orgChannel(actor.orgId), { type: 'presence', personId: actor.personId, online: true });
}

/** Records a closed connection; announces offline only when no node still has one. */
export async function disconnected(deps: AppDeps, actor: Actor) {
  await repo.removeConnection(deps.db, deps.nodeId, actor.personId);
  if (!(await repo.isOnline(deps.db, actor.personId))) {
    await deps.hub.publish(orgChannel(actor.orgId), { type: 'presence', personId: actor.personId, online: false });
  }
}
