import { Link } from 'wouter';
import { AUDIT_ACTION_LABELS, type AuditEntry } from '../../../../../contracts/index.ts';
import { fullTime } from '../../../lib/relative-time.ts';

/** A field value as an admin reads it. */
function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(none)';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Plain words for a stored field name. */
const FIELD_WORDS: Record<string, string> = {
  pendingEmail: 'pending email',
  managerId: 'manager',
  timeZone: 'time zone',
  personId: 'person',
  avatarUrl: 'avatar',
  failedAttempts: 'wrong passwords',
  asOrgAdmin: 'as org admin',
};

/** One audit entry: when, who, what, on what, and each changed field before → after. */
export function AuditEntryItem({ entry, filterHref }: { entry: AuditEntry; filterHref: (key: 'actorId' | 'targetId', id: string) => string }) {
  const keys = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
  // Ids (who asked for a change) are in the CSV; the screen names people where it can.
  const details = Object.entries(entry.data ?? {}).filter(([k, v]) => v !== null && typeof v !== 'object' && k !== 'requestedBy');
  return (
    <li className="audit-entry" data-action={entry.action}>
      <time className="audit-when muted" dateTime={entry.at}>
        {fullTime(entry.at)}
      </time>
      <p className="audit-what">
        {entry.actor ? (
          <Link href={filterHref('actorId', entry.actor.id)} className="audit-person">
            <span className="visually-hidden">Show acts by </span>
            {entry.actor.label ?? 'A former person'}
          </Link>
        ) : (
          <span className="muted">Unknown account</span>
        )}{' '}
        <span className="audit-action">{AUDIT_ACTION_LABELS[entry.action]?.toLowerCase() ?? entry.action}</span>
        {entry.target ? (
          <>
            {' · '}
            {entry.target.type === 'person' ? (
              <Link href={filterHref('targetId', entry.target.id)} className="audit-person">
                <span className="visually-hidden">Show acts on </span>
                {entry.target.label ?? 'a former person'}
              </Link>
            ) : (
              <span>
                {entry.target.type === 'org' ? 'organization' : entry.target.type} {entry.target.label ?? entry.target.id}
              </span>
            )}
          </>
        ) : null}
      </p>
      {keys.length ? (
        <dl className="audit-changes">
          {keys.map((k) => (
            <div key={k}>
              <dt>{FIELD_WORDS[k] ?? k}</dt>
              <dd>
                {entry.before && entry.after && k in entry.before && k in entry.after ? (
                  <>
                    <span className="audit-before">{show(entry.before[k])}</span> <span aria-hidden="true">→</span>
                    <span className="visually-hidden">changed to</span> <span className="audit-after">{show(entry.after[k])}</span>
                  </>
                ) : (
                  // A field on one side only is context (e.g. the current email beside a new pending one).
                  <span>{show(entry.before?.[k] ?? entry.after?.[k])}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {details.length || entry.ip ? (
        <p className="audit-details muted">
          {details.map(([k, v]) => `${FIELD_WORDS[k] ?? k}: ${show(v)}`).join(' · ')}
          {details.length && entry.ip ? ' · ' : ''}
          {entry.ip ? `from ${entry.ip}` : ''}
        </p>
      ) : null}
    </li>
  );
}
