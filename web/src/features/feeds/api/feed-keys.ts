/** Query keys of the feeds domain, so invalidation stays consistent. */
export const feedKeys = {
  all: ['feeds'] as const,
  home: ['feeds', 'home'] as const,
  community: (id: string) => ['feeds', 'community', id] as const,
  follows: ['feeds', 'follows'] as const,
  suggestions: ['feeds', 'follows', 'suggestions'] as const,
};
