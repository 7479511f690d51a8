import { z } from 'zod';

/** Limits shared by server validation and web forms. */
export const LIMITS = {
  name: 120,
  email: 254,
  shortText: 120,
  bio: 2000,
  password: { min: 10, max: 200 },
  skills: 50,
  interests: 30,
  pageSize: { default: 50, max: 100 },
  importBytes: 5 * 1024 * 1024,
} as const;

/** An opaque keyset cursor: pass back `nextCursor` to get the following page. */
export const Cursor = z.string().max(500);

/** A page of results with the cursor of the next page (null at the end). */
export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    /** The items on this page, in the list's order. */
    items: z.array(item),
    /** Cursor for the following page, null when this is the last page. */
    nextCursor: z.string().nullable(),
  });

/** The body of every error response (application/problem+json). */
export const ProblemResponse = z.object({
  /** HTTP status code repeated for convenience. */
  status: z.number().int(),
  /** Stable machine-readable code, e.g. VALIDATION_FAILED, NOT_FOUND. */
  code: z.string(),
  /** Short human title. */
  title: z.string(),
  /** A sentence a person understands. */
  detail: z.string(),
  /** For validation errors, the fields that were wrong. */
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** Request id to quote when reporting a server error. */
  requestId: z.string().optional(),
});
export type ProblemResponse = z.infer<typeof ProblemResponse>;

/** `GET /api/health` answer. */
export const HealthResponse = z.object({
  /** "ok" when the database answers. */
  status: z.literal('ok'),
  /** Which database this node runs on. */
  database: z.enum(['pglite', 'postgres']),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** A trimmed non-empty string with a max length. */
export const text = (max: number) => z.string().trim().min(1).max(max);
/** An email address, normalized to lower case. */
export const Email = z.string().trim().max(LIMITS.email).email().transform((s) => s.toLowerCase());
/** A UUID identifier. */
export const Id = z.string().uuid();
/** An IANA time-zone name such as Europe/Berlin. */
export const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone (use an IANA name such as Europe/Berlin)');

/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  // Date.parse rolls 2027-02-29 or 04-31 over into the next month instead of refusing them: the day must come back.
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
  }, 'Not a real date')
  // Year 0000 is a date to JavaScript but not to PostgreSQL; nothing in Hearth is dated before 1900.
  .refine((s) => s >= '1900-01-01', 'Use a date from 1900 on');
