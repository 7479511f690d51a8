import type { AdminUpdatePersonRequest } from '../../../../contracts/index.ts';
import type { AuditEntry } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import * as policy from './people.policy.ts';
import type { PersonRow } from './people.repo.ts';

type Columns = Omit<AdminUpdatePersonRequest, 'skills' | 'email'>;
type SkillLine = { name: string; kind: string; level: number };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const skillText = (s: SkillLine[]) => s.map((x) => `${x.name} (${x.kind} ${x.level})`).sort();

/**
 * Audit entries for an edit of a person: one per kind of admin act (roles, status, other fields), each with only the
 * fields that changed before and after. A person editing their own profile fields is not an admin act and yields none.
 */
export function personEditEntries(actor: Actor, row: PersonRow, columns: Columns, skills?: { before: SkillLine[]; after: SkillLine[] }): AuditEntry[] {
  const adminAct = actor.personId !== row.id || Object.keys(columns).some((k) => !policy.SELF_EDITABLE.has(k));
  if (!adminAct) return [];
  const base = { orgId: row.orgId, actorId: actor.personId, target: `person:${row.id}` };
  const entries: AuditEntry[] = [];
  if (columns.roles && !same([...row.roles].sort(), [...columns.roles].sort())) {
    entries.push({ ...base, action: 'people.roles_changed', before: { roles: row.roles }, after: { roles: columns.roles } });
  }
  if (columns.status && columns.status !== row.status) {
    entries.push({ ...base, action: 'people.status_changed', before: { status: row.status }, after: { status: columns.status } });
  }
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(columns)) {
    if (key === 'roles' || key === 'status') continue;
    const was = row[key as keyof PersonRow];
    if (!same(was, value)) {
      before[key] = was ?? null;
      after[key] = value ?? null;
    }
  }
  if (skills && !same(skillText(skills.before), skillText(skills.after))) {
    before.skills = skillText(skills.before);
    after.skills = skillText(skills.after);
  }
  if (Object.keys(after).length) entries.push({ ...base, action: 'people.person_updated', before, after });
  return entries;
}
