import { z } from 'zod';
import { Cursor, Id, LIMITS, page } from './common.ts';

/** Audit actions with the words the admin screen shows; the log may hold others (shown by their code). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'people.invited': 'Invited a person',
  'people.imported': 'Imported people',
  'people.person_updated': 'Changed profile fields',
  'people.roles_changed': 'Changed roles',
  'people.status_changed': 'Changed status',
  'people.email_change_requested': 'Asked to change sign-in email',
  'people.email_change_confirmed': 'Sign-in email change confirmed',
  'people.email_change_cancelled': 'Sign-in email change cancelled',
  'people.email_change_confirm_failed': 'Wrong password when confirming an email change',
  'people.email_change_disputed': 'Sign-in email change disputed',
  'people.email_change_reverted': 'Sign-in email change reverted',
  'communities.owner_changed': 'Changed community ownership',
  'communities.member_removed': 'Removed a community member',
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Sign-in failed',
  'auth.signed_out': 'Signed out',
  'auth.invite_accepted': 'Accepted an invitation',
  'auth.password_reset_requested': 'Asked for a password reset',
  'auth.password_reset': 'Reset their password',
  'auth.password_changed': 'Changed their password',
};

/** `GET /api/audit` and `GET /api/audit/export.csv` query: every filter is optional and they combine. */
export const FindAuditQuery = z
  .object({
    /** Exact action code, e.g. people.roles_changed. */
    action: z.string().trim().max(80).optional(),
    /** Only acts of this person. */
    actorId: Id.optional(),
    /** Only acts on this person (the `person:<id>` target). */
    targetId: Id.optional(),
    /** From this instant (inclusive). */
    from: z.string().datetime({ offset: true }).optional(),
    /** Up to this instant (exclusive). */
    to: z.string().datetime({ offset: true }).optional(),
    /** Page size. */
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
    /** Cursor from the previous page. */
    cursor: Cursor.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: '"from" must be before "to"', path: ['to'] });
export type FindAuditQuery = z.infer<typeof FindAuditQuery>;

/** Someone or something an audit entry names. */
export const AuditRef = z.object({
  /** Kind of thing: person, community, organization … */
  type: z.string(),
  /** Its id. */
  id: z.string(),
  /** Its current name, when it still exists and is in this organization. */
  label: z.string().nullable(),
});
export type AuditRef = z.infer<typeof AuditRef>;

/** One audit entry: who did what to what, when, and the changed fields before and after. */
export const AuditEntry = z.object({
  /** Entry number (grows with time). */
  id: z.number().int(),
  /** When it happened (ISO 8601). */
  at: z.string(),
  /** Action code, e.g. people.roles_changed. */
  action: z.string(),
  /** Who acted; null for an unknown account. */
  actor: AuditRef.nullable(),
  /** What was acted on. */
  target: AuditRef.nullable(),
  /** Changed fields before the act. */
  before: z.record(z.string(), z.unknown()).nullable(),
  /** Changed fields after the act. */
  after: z.record(z.string(), z.unknown()).nullable(),
  /** Other facts (counts, how the act arrived). */
  data: z.record(z.string(), z.unknown()).nullable(),
  /** The address the request came from. */
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /api/audit` answer, newest first. */
export const AuditPage = page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
