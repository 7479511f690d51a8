/** Query keys of the discussions domain, so invalidation stays consistent. */
export const discussionKeys = {
  all: ['discussions'] as const,
  threads: (communityId: string, filter: string) => ['discussions', 'threads', communityId, filter] as const,
  communityThreads: (communityId: string) => ['discussions', 'threads', communityId] as const,
  thread: (id: string) => ['discussions', 'thread', id] as const,
  revisions: (postId: string) => ['discussions', 'revisions', postId] as const,
};
