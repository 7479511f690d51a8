import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client.ts';

/** The server's exact rendering of a Markdown body (sanitized HTML), fetched only while `enabled`. */
export function useMarkdownPreview(body: string, enabled: boolean) {
  return useQuery({
    queryKey: ['markdown-preview', body],
    queryFn: ({ signal }) => api<{ html: string }>('/api/markdown/preview', { method: 'POST', body: { body }, signal }),
    enabled: enabled && body.trim().length > 0,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
  });
}
