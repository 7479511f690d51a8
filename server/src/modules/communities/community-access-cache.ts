import { ScopedCache } from '../../kernel/cache.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { CommunityRow, MemberRow } from './communities.repo.ts';

/** A community row with one person's membership row, as loaded for authorization. */
export type AccessRows = { c: CommunityRow; m: MemberRow | null };

// One cache per app (keyed by its database handle), so several apps in one process (tests) never share entries.
const caches = new WeakMap<object, ScopedCache<AccessRows>>();

/**
 * Creates this node's cache of (community, person) access rows for hot reads such as the thread page. Entries are
 * scoped by community: every membership or community change invalidates the community on all nodes over the bus.
 */
export function createAccessCache(deps: AppDeps, log?: (msg: string, err?: unknown) => void) {
  const cache = new ScopedCache<AccessRows>(deps.hub.bus, 'community-access', { ttlMs: 15_000, max: 50_000, log });
  caches.set(deps.db, cache);
  return cache;
}

/** The cache of the app whose database handle is `db` (undefined inside a transaction: those always read fresh). */
export const accessCacheFor = (db: object) => caches.get(db);

/** Scope of everything cached about one community. */
export const communityScope = (id: string) => `community:${id}`;

/** Drops what this app caches about a community, on every node. Call after the write committed. */
export function invalidateCommunity(deps: AppDeps, id: string) {
  void accessCacheFor(deps.db)?.invalidate(communityScope(id));
}
