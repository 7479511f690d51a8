// The organization's ties between departments, for other modules: programs pass them to engine/grouping so that
// cohorts, rotations and partners prefer departments with few or no ties. Counts only, never who.
import { NETWORK_MIN_GROUP } from '../../../../contracts/index.ts';
import type { DepartmentTies } from '../../../../engine/grouping/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import * as repo from './network.repo.ts';

/** How far back the interaction graph counts when groups are formed. */
export const DEPARTMENT_TIES_DAYS = 365;

/** Department tie counts and which departments are large enough to be named in figures. */
export interface DepartmentTieCounts {
  /** Distinct tied pairs of active people per pair of departments (and within one) over the last year. */
  ties: DepartmentTies[];
  /** Departments with at least NETWORK_MIN_GROUP active people: only pairs of these may be shown by name. */
  nameable: Set<string>;
}

/** The organization's department tie counts over the last DEPARTMENT_TIES_DAYS days (UTC), read in two queries. */
export async function departmentTieCounts(db: DbOrTx, orgId: string, now = new Date()): Promise<DepartmentTieCounts> {
  const from = new Date(now.getTime() - DEPARTMENT_TIES_DAYS * 86_400_000).toISOString().slice(0, 10);
  const { ties, heads } = await repo.selectDepartmentTies(db, orgId, from);
  return { ties, nameable: new Set(heads.filter((h) => h.people >= NETWORK_MIN_GROUP).map((h) => h.department)) };
}
