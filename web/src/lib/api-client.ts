import { ApiError } from './api-error.ts';
import { csrfToken } from './csrf-token.ts';

type Options = { method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; body?: unknown; signal?: AbortSignal };

/**
 * Calls the Hearth API: JSON in and out, the CSRF header on every non-GET request,
 * and any failure turned into an ApiError built from the problem+json body.
 */
export async function api<T>(path: string, { method = 'GET', body, signal }: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['content-type'] = 'application/json';
    const token = csrfToken.get();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw ApiError.network();
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const p = (data ?? {}) as Partial<{ status: number; code: string; title: string; detail: string; errors: { field: string; message: string }[]; requestId: string }>;
    throw new ApiError({
      status: res.status,
      code: p.code ?? `HTTP_${res.status}`,
      title: p.title ?? res.statusText,
      detail: p.detail ?? `Something went wrong (HTTP ${res.status}). Please try again.`,
      errors: p.errors,
      requestId: p.requestId,
    });
  }
  return data as T;
}
