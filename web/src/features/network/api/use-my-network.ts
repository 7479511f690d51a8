import { useQuery } from '@tanstack/react-query';
import type { MyNetwork } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';

/** Query key of the signed-in person's own network. */
export const myNetworkKey = ['network', 'me'] as const;

/** The signed-in person's own network: departments met, this quarter against the last, colleagues to meet. */
export function useMyNetwork() {
  return useQuery({ queryKey: myNetworkKey, queryFn: ({ signal }) => api<MyNetwork>('/api/network/me', { signal }), staleTime: 60_000 });
}
