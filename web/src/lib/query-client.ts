import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

/** Query key of the signed-in session; set to null when the server says we are signed out. */
export const SESSION_KEY = ['session'] as const;

function onAnyError(client: () => QueryClient) {
  return (error: Error) => {
    // Any 401 means the session ended (idle/absolute expiry, signed out elsewhere): drop to sign-in.
    if (error instanceof ApiError && error.status === 401) client().setQueryData(SESSION_KEY, null);
  };
}

/** Builds the app's query client: sensible retries (never on 4xx) and global session-expiry handling. */
export function createQueryClient(): QueryClient {
  const qc: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onAnyError(() => qc) }),
    mutationCache: new MutationCache({ onError: onAnyError(() => qc) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return qc;
}
