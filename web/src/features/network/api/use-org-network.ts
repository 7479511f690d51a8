import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NetworkDepartments, NetworkGraph, NetworkReport } from '../../../../../contracts/index.ts';
import type { DayRange } from '../../../components/range/range-picker.tsx';
import { api } from '../../../lib/api-client.ts';
import { toQueryString } from '../../../lib/query-string.ts';

/** The organization's network report over `range`: people, ties, density, isolates, E-I, brokers (org admins). */
export function useNetworkReport(range: DayRange, enabled = true) {
  return useQuery({
    queryKey: ['network', 'report', range],
    queryFn: ({ signal }) => api<NetworkReport>(`/api/network/report${toQueryString(range)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The same range by department: the matrix, E-I month by month, communities against departments (org admins). */
export function useDepartmentNetwork(range: DayRange, enabled = true) {
  return useQuery({
    queryKey: ['network', 'departments', range],
    queryFn: ({ signal }) => api<NetworkDepartments>(`/api/network/departments${toQueryString(range)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The network to draw over `range`: people with department, community and broker score, and the ties (org admins, analysts). */
export function useNetworkGraph(range: DayRange, enabled = true) {
  return useQuery({
    queryKey: ['network', 'graph', range],
    queryFn: ({ signal }) => api<NetworkGraph>(`/api/network/graph${toQueryString(range)}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
