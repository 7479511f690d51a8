import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ImportIssue, ImportReport } from '../../../../contracts/index.ts';
import { Email, LIMITS, TimeZone } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { audit, type AuditEntry } from '../../kernel/audit.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import * as policy from './people.policy.ts';
import * as repo from './people.repo.ts';
import { findCycles } from './reporting-lines.ts';

/** Header spellings HR exports use, mapped to our field names. */
const HEADER_ALIASES: Record<string, string> = {
  name: 'name', full_name: 'name', fullname: 'name', employee_name: 'name',
  email: 'email', work_email: 'email', email_address: 'email',
  department: 'department', dept: 'department',
  title: 'title', job_title: 'title',
  manager_email: 'manager_email', manager: 'manager_email', managers_email: 'manager_email', manager_email_address: 'manager_email',
  location: 'location', office: 'location', city: 'location',
  time_zone: 'time_zone', timezone: 'time_zone', tz: 'time_zone',
  team: 'team',
};

interface ParsedRow {
  line: number;
  name: string;
  email: string;
  department: string | null;
  title: string | null;
  managerEmail: string | null;
  location: string | null;
  timeZone: string | null;
  team: string | null;
}

const normHeader = (h: string) => h.trim().toLowerCase().replace(/['’]/g, '').replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
const optional = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

/** Parses and checks the file row by row; returns rows and every issue found (nothing is written). */
export function checkCsv(csv: string): { rows: ParsedRow[]; issues: ImportIssue[]; dataRows: number } {
  const issues: ImportIssue[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { rows: [], dataRows: 0, issues: [{ row: e.lines ?? 1, field: '(file)', code: 'MALFORMED_CSV', message: `The file is not valid CSV: ${e.message}` }] };
  }
  if (!records.length) return { rows: [], dataRows: 0, issues: [{ row: 1, field: '(file)', code: 'EMPTY_FILE', message: 'The file has no header row.' }] };
  const header = records[0].record.map((h) => HEADER_ALIASES[normHeader(h)] ?? null);
  for (const required of ['name', 'email']) {
    if (!header.includes(required)) issues.push({ row: 1, field: required, code: 'MISSING_COLUMN', message: `The header has no "${required}" column.` });
  }
  if (issues.length) return { rows: [], issues, dataRows: records.length - 1 };
  const rows: ParsedRow[] = [];
  const firstLineOfEmail = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const get = (f: string) => {
      const i = header.indexOf(f);
      return i >= 0 ? record[i] : undefined;
    };
    const problem = (field: string, code: string, message: string) => issues.push({ row: line, field, code, message });
    const name = optional(get('name'));
    if (!name) problem('name', 'REQUIRED', 'Name is empty.');
    else if (name.length > LIMITS.name) problem('name', 'TOO_LONG', `Name is longer than ${LIMITS.name} characters.`);
    const rawEmail = optional(get('email'));
    const email = rawEmail ? Email.safeParse(rawEmail) : null;
    if (!rawEmail) problem('email', 'REQUIRED', 'Email is empty.');
    else if (!email?.success) problem('email', 'INVALID_EMAIL', `"${rawEmail.slice(0, 80)}" is not a valid email address.`);
    else if (firstLineOfEmail.has(email.data)) problem('email', 'DUPLICATE_EMAIL', `${email.data} already appears on line ${firstLineOfEmail.get(email.data)}.`);
    else firstLineOfEmail.set(email.data, line);
    const rawManager = optional(get('manager_email'));
    const manager = rawManager ? Email.safeParse(rawManager) : null;
    if (rawManager && !manager?.success) problem('manager_email', 'INVALID_EMAIL', `"${rawManager.slice(0, 80)}" is not a valid email address.`);
    const tz = optional(get('time_zone'));
    if (tz && !TimeZone.safeParse(tz).success) problem('time_zone', 'UNKNOWN_TIME_ZONE', `"${tz.slice(0, 64)}" is not a time zone (use a name such as Europe/Berlin).`);
    for (const f of ['department', 'title', 'location', 'team'] as const) {
      const v = optional(get(f));
      if (v && v.length > LIMITS.shortText) problem(f, 'TOO_LONG', `${f} is longer than ${LIMITS.shortText} characters.`);
    }
    if (name && email?.success) {
      rows.push({
        line,
        name,
        email: email.data,
        department: optional(get('department')),
        title: optional(get('title')),
        managerEmail: manager?.success ? manager.data : null,
        location: optional(get('location')),
        timeZone: tz,
        team: optional(get('team')),
      });
    }
  }
  return { rows, issues, dataRows: records.length - 1 };
}

const FIELDS = ['name', 'department', 'title', 'location', 'timeZone', 'team'] as const;

/**
 * Dry-runs or applies an HR import. Rows match existing people by email; everything is checked first
 * and the writes happen in one transaction only when there are no issues, so nothing is half-imported.
 */
export async function importPeople(deps: AppDeps, actor: Actor, csv: string, dryRun: boolean): Promise<ImportReport> {
  if (!policy.canManagePeople(actor)) throw new AppError('FORBIDDEN', 'Only an org admin can import people.');
  const checked = checkCsv(csv);
  return deps.events.transaction(deps.db, async (tx, emit) => {
    const issues = [...checked.issues];
    const existing = await repo.selectAllPeople(tx, actor.orgId);
    const byEmail = new Map(existing.map((p) => [p.email, p]));
    const fileEmails = new Map(checked.rows.map((r) => [r.email, r]));
    // Emails used in another organization cannot be imported here (sign-in names are global).
    for (const r of checked.rows) {
      if (!byEmail.has(r.email) && (await repo.selectPersonByEmail(tx, r.email))) {
        issues.push({ row: r.line, field: 'email', code: 'EMAIL_TAKEN', message: `${r.email} belongs to an account in another organization.` });
      }
    }
    // Resolve managers against the file and the organization, then look for loops in the result.
    const managerOf = new Map<string, string | null>(existing.map((p) => [p.email, existing.find((m) => m.id === p.managerId)?.email ?? null]));
    for (const r of checked.rows) {
      if (r.managerEmail && !fileEmails.has(r.managerEmail) && !byEmail.has(r.managerEmail)) {
        issues.push({ row: r.line, field: 'manager_email', code: 'UNKNOWN_MANAGER', message: `No one with email ${r.managerEmail} is in the file or the organization.` });
      } else if (r.managerEmail === r.email) {
        issues.push({ row: r.line, field: 'manager_email', code: 'MANAGER_CYCLE', message: 'A person cannot be their own manager.' });
      }
      managerOf.set(r.email, r.managerEmail && r.managerEmail !== r.email ? r.managerEmail : null);
    }
    const cycle = findCycles(managerOf);
    for (const r of checked.rows) {
      if (cycle.has(r.email) && r.managerEmail !== r.email) {
        issues.push({ row: r.line, field: 'manager_email', code: 'MANAGER_CYCLE', message: `Reporting lines loop back to ${r.email} (${[...cycle].slice(0, 4).join(' → ')}…).` });
      }
    }
    issues.sort((a, b) => a.row - b.row || a.field.localeCompare(b.field));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    for (const r of checked.rows) {
      const p = byEmail.get(r.email);
      if (!p) created++;
      else if (FIELDS.some((f) => (p[f] ?? null) !== r[f]) || (managerOf.get(r.email) ?? null) !== (existing.find((m) => m.id === p.managerId)?.email ?? null)) updated++;
      else unchanged++;
    }
    const report: ImportReport = { rows: checked.dataRows, created, updated, unchanged, issues, applied: false };
    if (dryRun || issues.length) return report;

    const newRows = checked.rows.filter((r) => !byEmail.has(r.email));
    const inserted = newRows.length
      ? await repo.insertPeople(tx, newRows.map((r) => ({ orgId: actor.orgId, email: r.email, name: r.name, department: r.department, title: r.title, location: r.location, timeZone: r.timeZone, team: r.team, status: 'invited' })))
      : [];
    const idOf = new Map([...existing, ...inserted].map((p) => [p.email, p.id]));
    const base = { orgId: actor.orgId, actorId: actor.personId, data: { via: 'import' } };
    const entries: AuditEntry[] = [{ ...base, action: 'people.imported', target: `org:${actor.orgId}`, data: { rows: checked.dataRows, created, updated } }];
    for (const r of checked.rows) {
      const managerId = r.managerEmail ? (idOf.get(r.managerEmail) ?? null) : null;
      const p = byEmail.get(r.email);
      if (p) {
        const next = { name: r.name, department: r.department, title: r.title, location: r.location, timeZone: r.timeZone, team: r.team, managerId };
        const keys = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (p[k] ?? null) !== next[k]);
        if (keys.length) {
          await repo.updatePersonRow(tx, actor.orgId, p.id, next);
          const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
          entries.push({ ...base, action: 'people.person_updated', target: `person:${p.id}`, before: pick(p), after: pick(next) });
        }
      } else {
        const id = idOf.get(r.email) as string;
        if (managerId) await repo.updatePersonRow(tx, actor.orgId, id, { managerId });
        entries.push({ ...base, action: 'people.invited', target: `person:${id}`, before: null, after: { name: r.name, email: r.email, department: r.department, title: r.title, managerId } });
      }
    }
    await audit(tx, null, entries);
    emit({ type: 'people.imported', orgId: actor.orgId, payload: { by: actor.personId, created, updated } });
    return { ...report, applied: true };
  });
}
