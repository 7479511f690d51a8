import type { AppDeps } from '../../kernel/deps.ts';
import type { DeliveredEvent as DomainEvent } from '../../kernel/events.ts';
import { communityChannel } from '../communities/index.ts';
import * as repo from './feeds.repo.ts';

type Payload = Record<string, unknown>;
const str = (p: Payload, k: string) => (typeof p[k] === 'string' ? (p[k] as string) : null);
const tagsOf = (v: unknown) => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()) : []);

/**
 * Writes feed activities from other modules' events (after their commit). Titles are read from the database, or
 * taken from the payload for modules that send them; discussion activities carry the community's topics as tags,
 * so following a tag also follows discussions in communities about it. Community feeds are told over the
 * `community:<id>` channel (ids only).
 */
export function registerFeedHandlers(deps: AppDeps) {
  const write = async (a: repo.NewActivity) => {
    // Undefined: this event's activity was written already (a redelivery), and was announced then.
    const id = await repo.insertActivity(deps.db, a);
    if (id !== undefined && a.communityId) void deps.hub.changed(communityChannel(a.communityId), 'feed', a.subjectId);
  };
  const discussion = (verb: string, subjectKind: 'thread' | 'post', subjectOf: (p: Payload) => string | null, actorOf: (p: Payload) => string | null) => async (e: DomainEvent) => {
    const threadId = str(e.payload, 'threadId');
    const subjectId = subjectOf(e.payload);
    const actorId = actorOf(e.payload);
    const t = threadId ? await repo.selectThreadFacts(deps.db, threadId) : undefined;
    if (!t || !subjectId || !actorId) return;
    await write({ eventId: e.id, orgId: t.orgId, communityId: t.communityId, actorId, verb, subjectKind, subjectId, title: t.title, tags: t.topics });
  };
  const community = (verb: string) => async (e: DomainEvent) => {
    const communityId = str(e.payload, 'communityId');
    const actorId = str(e.payload, 'personId');
    const c = communityId ? await repo.selectCommunityFacts(deps.db, communityId) : undefined;
    if (!c || !communityId || !actorId) return;
    await write({ eventId: e.id, orgId: c.orgId, communityId, actorId, verb, subjectKind: 'community', subjectId: communityId, title: c.name, tags: c.topics });
  };
  const shared = (verb: string, subjectKind: 'resource' | 'pathway', idKey: string) => async (e: DomainEvent) => {
    const subjectId = str(e.payload, idKey);
    const actorId = str(e.payload, 'personId');
    const title = str(e.payload, 'title');
    if (!e.orgId || !subjectId || !actorId || !title) return;
    await write({ eventId: e.id, orgId: e.orgId, communityId: str(e.payload, 'communityId'), actorId, verb, subjectKind, subjectId, title, tags: tagsOf(e.payload.tags) });
  };

  deps.events.on('discussions.thread_created', 'feeds', discussion('thread_created', 'thread', (p) => str(p, 'threadId'), (p) => str(p, 'personId')));
  deps.events.on('discussions.reply_posted', 'feeds', discussion('reply_posted', 'post', (p) => str(p, 'postId'), (p) => str(p, 'personId')));
  deps.events.on('discussions.answer_accepted', 'feeds', discussion('answer_accepted', 'post', (p) => str(p, 'postId'), (p) => str(p, 'by')));
  deps.events.on('communities.created', 'feeds', community('community_created'));
  deps.events.on('communities.member_joined', 'feeds', community('member_joined'));
  deps.events.on('resources.shared', 'feeds', shared('resource_shared', 'resource', 'resourceId'));
  deps.events.on('pathways.published', 'feeds', shared('pathway_published', 'pathway', 'pathwayId'));
}
