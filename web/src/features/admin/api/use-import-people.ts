import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportReport } from '../../../../../contracts/index.ts';
import { api } from '../../../lib/api-client.ts';
import { peopleKeys } from '../../people/api/people-keys.ts';

/** Checks (dryRun) or applies an HR CSV; the server applies all rows or none. */
export function useImportPeople() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { csv: string; dryRun: boolean }) => api<ImportReport>('/api/people/import', { method: 'POST', body }),
    onSuccess: (report) => {
      if (report.applied) void qc.invalidateQueries({ queryKey: peopleKeys.all });
    },
  });
}
