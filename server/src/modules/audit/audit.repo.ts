import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { selectRows } from '../../kernel/db/rows.ts';

/** One audit row with the current names of who acted and what it was done to. */
export interface AuditRow {
  id: number | string;
  at: Date | string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  target: string | null;
  targetLabel: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  data: Record<string, unknown> | null;
  ip: string | null;
}

/** Filters of the audit list, already validated. */
export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/**
 * Newest-first, keyset-paged (by entry id) audit rows of one organization. Names are looked up in the same
 * organization only, so an entry can never reveal another tenant's person or community.
 */
export function selectAuditPage(db: DbOrTx, orgId: string, f: AuditFilter, afterId: number | undefined, limit: number): Promise<AuditRow[]> {
  const where: SQL[] = [sql`a.org_id = ${orgId}`];
  if (f.action) where.push(sql`a.action = ${f.action}`);
  if (f.actorId) where.push(sql`a.actor_id = ${f.actorId}::uuid`);
  if (f.targetId) where.push(sql`a.target = ${`person:${f.targetId}`}`);
  if (f.from) where.push(sql`a.created_at >= ${f.from}::timestamptz`);
  if (f.to) where.push(sql`a.created_at < ${f.to}::timestamptz`);
  if (afterId !== undefined) where.push(sql`a.id < ${afterId}`);
  return selectRows<AuditRow>(
    db,
    sql`select a.id, a.created_at as at, a.action, a.actor_id as "actorId", ap.name as "actorName", a.target,
          coalesce(tp.name, tc.name, og.name) as "targetLabel", a.before, a.after, a.data, a.ip
        from audit_log a
        left join people ap on ap.id = a.actor_id and ap.org_id = a.org_id
        left join people tp on a.target like 'person:%' and tp.org_id = a.org_id and tp.id::text = substr(a.target, 8)
        left join communities tc on a.target like 'community:%' and tc.org_id = a.org_id and tc.id::text = substr(a.target, 11)
        left join organizations og on a.target like 'org:%' and og.id = a.org_id and og.id::text = substr(a.target, 5)
        where ${sql.join(where, sql` and `)}
        order by a.id desc limit ${limit}`,
  );
}
