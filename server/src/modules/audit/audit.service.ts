import type { AuditEntry, AuditPage, FindAuditQuery } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import { toCsv } from '../../kernel/csv.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { AppError } from '../../kernel/errors.ts';
import { decodeCursor, toPage } from '../../kernel/pagination.ts';
import { toIso } from '../../kernel/time.ts';
import * as policy from './audit.policy.ts';
import * as repo from './audit.repo.ts';

/** Most rows one CSV export carries (the newest that match); narrow the filters for older ones. */
export const EXPORT_MAX_ROWS = 100_000;

const forbidden = () => new AppError('FORBIDDEN', 'Only an org admin can read the audit log.');

function ref(kindAndId: string | null, label: string | null) {
  if (!kindAndId) return null;
  const i = kindAndId.indexOf(':');
  return i < 0 ? { type: 'other', id: kindAndId, label } : { type: kindAndId.slice(0, i), id: kindAndId.slice(i + 1), label };
}

function present(r: repo.AuditRow): AuditEntry {
  return {
    id: Number(r.id),
    at: toIso(r.at),
    action: r.action,
    actor: r.actorId ? { type: 'person', id: r.actorId, label: r.actorName } : null,
    target: ref(r.target, r.targetLabel),
    before: r.before,
    after: r.after,
    data: r.data,
    ip: r.ip,
  };
}

/** A page of the organization's audit log, newest first, filtered. */
export async function findAuditEntries(db: DbOrTx, actor: Actor, q: FindAuditQuery): Promise<AuditPage> {
  if (!policy.canReadAudit(actor)) throw forbidden();
  const after = q.cursor ? decodeCursor<[number]>(q.cursor, 1)[0] : undefined;
  if (after !== undefined && typeof after !== 'number') throw new AppError('VALIDATION_FAILED', 'The cursor is not valid; start again from the first page.', { errors: [{ field: 'cursor', message: 'Invalid cursor' }] });
  const rows = await repo.selectAuditPage(db, actor.orgId, q, after, q.limit + 1);
  return toPage(rows, q.limit, present, (r) => [Number(r.id)]);
}

/** The entries matching the filters as CSV (newest first, at most EXPORT_MAX_ROWS), formulas neutralized. */
export async function exportAuditCsv(db: DbOrTx, actor: Actor, q: Omit<FindAuditQuery, 'cursor' | 'limit'>): Promise<{ csv: string; truncated: boolean }> {
  if (!policy.canReadAudit(actor)) throw forbidden();
  const lines: (string | number | null)[][] = [['id', 'time', 'action', 'actor_id', 'actor', 'target', 'target_name', 'before', 'after', 'details', 'ip']];
  let after: number | undefined;
  let truncated = false;
  for (;;) {
    const rows = await repo.selectAuditPage(db, actor.orgId, q, after, 2000);
    for (const r of rows) {
      if (lines.length > EXPORT_MAX_ROWS) {
        truncated = true;
        break;
      }
      const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
      lines.push([Number(r.id), toIso(r.at), r.action, r.actorId, r.actorName, r.target, r.targetLabel, json(r.before), json(r.after), json(r.data), r.ip]);
    }
    if (truncated || rows.length < 2000) break;
    after = Number(rows[rows.length - 1].id);
  }
  return { csv: toCsv(lines), truncated };
}
