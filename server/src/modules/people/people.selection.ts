// Choosing people in bulk (bulk enrolment into programs, assigning pathways): departments, teams, locations, a manager's
// reports (direct and indirect) and a pasted or CSV list of emails resolve to one ordered list of lines, each naming a
// person or saying why not (unknown email, duplicate of an earlier line, deactivated). Callers add their own outcomes.
import { sql, type SQL } from 'drizzle-orm';
import { BULK_LIMITS, BULK_PROBLEMS, type BulkSelection } from '../../../../contracts/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';
import { AppError } from '../../kernel/errors.ts';

/** A person as a bulk report needs them. */
export interface ChosenPerson {
  id: string;
  email: string;
  name: string;
  status: string;
}

/** One resolved line: a list line (1-based) or a filter match (line null), and its person or its problem. */
export interface ChosenLine {
  line: number | null;
  input: string;
  person: ChosenPerson | null;
  problem: 'unknown_email' | 'duplicate' | 'deactivated' | null;
}

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>"]+$/;
const cols = sql`p.id, lower(p.email) as email, p.name, p.status`;
const list = (values: string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/** The email of one pasted line: the first comma-, semicolon- or tab-separated cell holding an @ (quotes and <> removed). */
export function emailOfLine(line: string) {
  const cells = line.split(/[,;\t]/).map((c) => c.trim().replace(/^["'<]+|["'>]+$/g, '').replace(/^.*<([^>]*)>$/, '$1').trim());
  const cell = cells.find((c) => c.includes('@'));
  return cell ? cell.toLowerCase() : null;
}

/** Non-blank lines of a pasted list with their 1-based line numbers; a first line without an @ is a CSV header. */
export function listLines(text: string) {
  const out: { line: number; raw: string; email: string | null }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const email = emailOfLine(raw);
    if (i === 0 && !email) return;
    out.push({ line: i + 1, raw: raw.trim(), email: email && EMAIL.test(email) ? email : null });
  });
  return out;
}

function selectByEmail(db: DbOrTx, orgId: string, emails: string[]) {
  if (!emails.length) return Promise.resolve([] as ChosenPerson[]);
  return selectRows<ChosenPerson>(db, sql`select ${cols} from people p where p.org_id = ${orgId} and lower(p.email) in (${list(emails)})`);
}

/** Non-deactivated people matching any filter, by name. */
function selectByFilters(db: DbOrTx, orgId: string, f: BulkSelection) {
  const any: SQL[] = [];
  if (f.departments.length) any.push(sql`p.department in (${list(f.departments)})`);
  if (f.teams.length) any.push(sql`p.team in (${list(f.teams)})`);
  if (f.locations.length) any.push(sql`p.location in (${list(f.locations)})`);
  if (f.managerIds.length) {
    // A cycle in the reporting lines ends the walk (union, not union all); the managers themselves are left out.
    any.push(sql`p.id in (with recursive r(id) as (select id from people where org_id = ${orgId} and manager_id in (${list(f.managerIds)})
        union select q.id from people q join r on q.manager_id = r.id where q.org_id = ${orgId})
      select id from r where id not in (${list(f.managerIds)}))`);
  }
  if (!any.length) return Promise.resolve([] as ChosenPerson[]);
  return selectRows<ChosenPerson>(db, sql`select ${cols} from people p where p.org_id = ${orgId} and p.status <> 'deactivated' and (${sql.join(any, sql` or `)}) order by p.name, p.id`);
}

/** Resolves a selection in an organization: list lines in order, then filter matches not named by the list. 400 when empty or too large. */
export async function resolveSelection(db: DbOrTx, orgId: string, s: BulkSelection): Promise<ChosenLine[]> {
  if (!s.departments.length && !s.teams.length && !s.locations.length && !s.managerIds.length && !s.managerEmails.length && !s.emails.trim()) {
    throw new AppError('VALIDATION_FAILED', 'Choose people by department, team, location or manager, or paste a list of emails.', { errors: [{ field: 'selection', message: 'Nothing chosen' }] });
  }
  const lines = listLines(s.emails);
  if (s.managerEmails.length) {
    const managers = await selectByEmail(db, orgId, [...new Set(s.managerEmails)]);
    const missing = s.managerEmails.filter((e) => !managers.some((m) => m.email === e));
    if (missing.length) throw new AppError('VALIDATION_FAILED', `Nobody in your organization has the email ${missing.join(', ')}.`, { errors: missing.map((e) => ({ field: 'selection.managerEmails', message: `${e}: unknown email` })) });
    s = { ...s, managerIds: [...new Set([...s.managerIds, ...managers.map((m) => m.id)])] };
  }
  const byEmail = new Map((await selectByEmail(db, orgId, [...new Set(lines.flatMap((l) => (l.email ? [l.email] : [])))])).map((p) => [p.email, p]));
  const matched = await selectByFilters(db, orgId, s);
  const reached = new Set([...[...byEmail.values()].map((p) => p.id), ...matched.map((p) => p.id)]);
  if (reached.size > BULK_LIMITS.people) throw new AppError('VALIDATION_FAILED', `This selection reaches ${reached.size} people; at most ${BULK_LIMITS.people} at a time.`, { errors: [{ field: 'selection', message: 'Too many people' }] });
  const seen = new Set<string>();
  const out: ChosenLine[] = [];
  for (const l of lines) {
    const p = (l.email && byEmail.get(l.email)) || null;
    const problem = !p ? 'unknown_email' : seen.has(p.id) ? 'duplicate' : p.status === 'deactivated' ? 'deactivated' : null;
    if (p) seen.add(p.id);
    out.push({ line: l.line, input: l.email ?? l.raw, person: p, problem });
  }
  for (const p of matched) if (!seen.has(p.id)) out.push({ line: null, input: p.email, person: p, problem: null });
  return out;
}

/** 400 with one error per problem line (`emails.line<N>`, or `selection` for a filter match) when any line is a problem. */
export function refuseProblemLines(lines: { line: number | null; input: string; outcome: string }[], nothingDone: string) {
  const problems = lines.filter((l) => (BULK_PROBLEMS as readonly string[]).includes(l.outcome));
  if (!problems.length) return;
  throw new AppError('VALIDATION_FAILED', `${problems.length} line(s) of this list need fixing; ${nothingDone}`, {
    errors: problems.map((l) => ({ field: l.line === null ? 'selection' : `emails.line${l.line}`, message: `${l.input}: ${l.outcome.replace('_', ' ')}` })),
  });
}
