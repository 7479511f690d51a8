import { z } from 'zod';
import { Cursor, Email, Id, LIMITS, TimeZone, page, text } from './common.ts';

/** Roles a person can hold explicitly; "manager" is derived from reporting lines. */
export const AssignableRole = z.enum(['facilitator', 'moderator', 'analyst', 'admin']);
export type AssignableRole = z.infer<typeof AssignableRole>;
/** Every role, including the derived ones. */
export const Role = z.enum(['member', 'manager', 'facilitator', 'moderator', 'analyst', 'admin']);
export type Role = z.infer<typeof Role>;

/** A skill a person has or wants to learn. */
export const Skill = z.object({
  /** Skill name, e.g. "Negotiation". */
  name: text(60),
  /** have = can share it, want = wants to learn it. */
  kind: z.enum(['have', 'want']),
  /** 1 (beginner) … 5 (expert); for "want" skills, the level aimed at. */
  level: z.number().int().min(1).max(5),
});
export type Skill = z.infer<typeof Skill>;

/** A short reference to a person (for managers, authors, reports). */
export const PersonRef = z.object({
  /** Person id. */
  id: Id,
  /** Display name. */
  name: z.string(),
  /** Job title. */
  title: z.string().nullable(),
});
export type PersonRef = z.infer<typeof PersonRef>;

/** One row of the directory. */
export const PersonSummary = z.object({
  /** Person id. */
  id: Id,
  /** Display name. */
  name: z.string(),
  /** Job title. */
  title: z.string().nullable(),
  /** Department. */
  department: z.string().nullable(),
  /** Office or city. */
  location: z.string().nullable(),
  /** IANA time zone. */
  timeZone: z.string().nullable(),
  /** Avatar image URL, or null to show initials. */
  avatarUrl: z.string().nullable(),
  /** Up to a few skills the person has, for the directory card. */
  topSkills: z.array(z.string()),
});
export type PersonSummary = z.infer<typeof PersonSummary>;

/** What the signed-in person may do with a profile. */
export const PersonAbilities = z.object({
  /** May edit the profile fields. */
  canEdit: z.boolean(),
  /** May change name, email, department, manager, roles and status (org admins). */
  canAdminister: z.boolean(),
});

/** A change of sign-in email waiting for the new address to confirm it. */
export const PendingEmailChange = z.object({
  /** The address the sign-in email will change to once confirmed. */
  email: z.string(),
  /** When the change was asked for. */
  requestedAt: z.string(),
  /** When the confirmation link stops working. */
  expiresAt: z.string(),
  /** Who asked for it (an org admin, or the person themself). */
  requestedBy: PersonRef.nullable(),
});
export type PendingEmailChange = z.infer<typeof PendingEmailChange>;

/** A full profile. */
export const Person = PersonSummary.extend({
  /** Work email (sign-in name). */
  email: z.string(),
  /** Team within the department. */
  team: z.string().nullable(),
  /** Free-text introduction. */
  bio: z.string().nullable(),
  /** Interests (free tags). */
  interests: z.array(z.string()),
  /** Skills had and wanted. */
  skills: z.array(Skill),
  /** The person's manager, if any. */
  manager: PersonRef.nullable(),
  /** Direct reports. */
  reports: z.array(PersonRef),
  /** Every role the person holds, derived ones included. */
  roles: z.array(Role),
  /** invited = has not set a password yet. */
  status: z.enum(['active', 'invited', 'deactivated']),
  /** A sign-in email change waiting for confirmation; shown to the person and org admins only (null for others). */
  pendingEmail: PendingEmailChange.nullable(),
  /** What the viewer may do. */
  abilities: PersonAbilities,
});
export type Person = z.infer<typeof Person>;

/** `GET /api/people` query. */
export const FindPeopleQuery = z.object({
  /** Free text over name, title, email, team. */
  q: z.string().trim().max(100).optional(),
  /** Exact department. */
  department: z.string().max(LIMITS.shortText).optional(),
  /** Exact location. */
  location: z.string().max(LIMITS.shortText).optional(),
  /** A skill the person has (case-insensitive). */
  skill: z.string().max(60).optional(),
  /** Page size. */
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  /** Cursor from the previous page. */
  cursor: Cursor.optional(),
});
export type FindPeopleQuery = z.infer<typeof FindPeopleQuery>;

/** `GET /api/people` answer. */
export const PeoplePage = page(PersonSummary);
export type PeoplePage = z.infer<typeof PeoplePage>;

/** Values present in the organization, for directory filters. */
export const PeopleFacets = z.object({
  /** Departments with head-counts. */
  departments: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Locations with head-counts. */
  locations: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Most common skills people have. */
  skills: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type PeopleFacets = z.infer<typeof PeopleFacets>;

const profileFields = {
  /** Job title. */
  title: z.string().trim().max(LIMITS.shortText).nullable(),
  /** Team within the department. */
  team: z.string().trim().max(LIMITS.shortText).nullable(),
  /** Office or city. */
  location: z.string().trim().max(LIMITS.shortText).nullable(),
  /** IANA time zone. */
  timeZone: TimeZone.nullable(),
  /** Free-text introduction. */
  bio: z.string().trim().max(LIMITS.bio).nullable(),
  /** Interests (free tags). */
  interests: z.array(text(40)).max(LIMITS.interests),
  /** Skills had and wanted. */
  skills: z.array(Skill).max(LIMITS.skills),
  /** Avatar image URL (https only). */
  avatarUrl: z.string().url().max(500).startsWith('https://').nullable(),
};

/** `PATCH /api/people/:id` by the person themself: only these fields. */
export const UpdateProfileRequest = z.object(profileFields).partial().strict();
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequest>;

/** `PATCH /api/people/:id` by an org admin: profile fields plus HR fields and roles. */
export const AdminUpdatePersonRequest = z
  .object({
    ...profileFields,
    /** Display name. */
    name: text(LIMITS.name),
    /** Work email: a change waits until the new address confirms it (see `pendingEmail`). */
    email: Email,
    /** Department. */
    department: z.string().trim().max(LIMITS.shortText).nullable(),
    /** Manager's id, or null. */
    managerId: Id.nullable(),
    /** Explicit roles. */
    roles: z.array(AssignableRole).max(4),
    /** Deactivate or reactivate. */
    status: z.enum(['active', 'deactivated']),
  })
  .partial()
  .strict();
export type AdminUpdatePersonRequest = z.infer<typeof AdminUpdatePersonRequest>;

/** `POST /api/people/import` body: the CSV text and whether to only check it. */
export const ImportPeopleRequest = z
  .object({
    /** CSV with a header row: name,email,department,title,manager_email,location,time_zone (team optional). */
    csv: z.string().min(1).max(LIMITS.importBytes),
    /** true = report only, change nothing. */
    dryRun: z.boolean().default(true),
  })
  .strict();
export type ImportPeopleRequest = z.infer<typeof ImportPeopleRequest>;

/** One problem found in an import file. */
export const ImportIssue = z.object({
  /** 1-based line number in the file (the header is line 1). */
  row: z.number().int(),
  /** Column name the problem is in. */
  field: z.string(),
  /** Stable code: INVALID_EMAIL, UNKNOWN_MANAGER, MANAGER_CYCLE, DUPLICATE_EMAIL, REQUIRED, TOO_LONG, UNKNOWN_TIME_ZONE, UNKNOWN_COLUMN. */
  code: z.string(),
  /** What is wrong, in words. */
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** Result of an import or dry run. */
export const ImportReport = z.object({
  /** Data rows read. */
  rows: z.number().int(),
  /** People that would be / were created. */
  created: z.number().int(),
  /** Existing people (matched by email) that would be / were changed. */
  updated: z.number().int(),
  /** Existing people with no change. */
  unchanged: z.number().int(),
  /** Problems; the import applies nothing while there are any. */
  issues: z.array(ImportIssue),
  /** Whether the changes were written. */
  applied: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** `POST /api/people` body: an admin invites one person. */
export const InvitePersonRequest = z
  .object({
    /** Display name. */
    name: text(LIMITS.name),
    /** Work email. */
    email: Email,
    /** Department. */
    department: z.string().trim().max(LIMITS.shortText).nullable().optional(),
    /** Job title. */
    title: z.string().trim().max(LIMITS.shortText).nullable().optional(),
    /** Manager's id. */
    managerId: Id.nullable().optional(),
  })
  .strict();
export type InvitePersonRequest = z.infer<typeof InvitePersonRequest>;

/** Who is online now in the organization. */
export const PresenceResponse = z.object({
  /** Ids of people with at least one live connection. */
  online: z.array(Id),
});
export type PresenceResponse = z.infer<typeof PresenceResponse>;
