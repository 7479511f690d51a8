import { type InfiniteData, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import type { Post, Thread } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';
import { discussionKeys } from './discussion-keys.ts';

const PAGE = 50;

/** A thread with its posts; later pages of posts load with `fetchNextPage`. */
export function useThread(id: string) {
  return useInfiniteQuery({
    queryKey: discussionKeys.thread(id),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api<Thread>(`/api/threads/${encodeURIComponent(id)}${toQueryString({ limit: PAGE, cursor: pageParam })}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Swaps one post in a cached thread for the server's newer copy (reactions, edits, deletes). */
export function replaceCachedPost(qc: QueryClient, post: Post) {
  qc.setQueryData<InfiniteData<Thread>>(discussionKeys.thread(post.threadId), (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, posts: p.posts.map((x) => (x.id === post.id ? post : x)) })) } : data,
  );
}
