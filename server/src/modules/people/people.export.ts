import { toCsv } from '../../kernel/csv.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import * as policy from './people.policy.ts';
import * as repo from './people.repo.ts';

/** The organization's people as CSV in the import format (round-trips through import). */
export async function exportPeopleCsv(db: DbOrTx, actor: Actor): Promise<string> {
  if (!policy.canManagePeople(actor)) throw new AppError('FORBIDDEN', 'Only an org admin can export people.');
  const all = await repo.selectAllPeople(db, actor.orgId);
  const emailOf = new Map(all.map((p) => [p.id, p.email]));
  all.sort((a, b) => a.name.localeCompare(b.name));
  return toCsv([
    ['name', 'email', 'department', 'title', 'manager_email', 'location', 'time_zone', 'team'],
    ...all.map((p) => [p.name, p.email, p.department, p.title, p.managerId ? emailOf.get(p.managerId) : '', p.location, p.timeZone, p.team]),
  ]);
}
