import { join } from 'node:path';
import { z } from 'zod';
import { IceServer } from '../../contracts/index.ts';

/** Every setting Hearth reads from the environment; nothing else reads process.env. */
const ConfigSchema = z.object({
  /** Port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind. */
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL connection string; when absent Hearth runs on embedded PGlite. */
  DATABASE_URL: z.string().url().optional(),
  /**
   * PostgreSQL connection string of a read replica; when set (with DATABASE_URL), engagement analytics and the
   * organization network report read through a pool to it, so they never load the primary. Ignored on PGlite.
   */
  DATABASE_READ_URL: z.string().url().optional(),
  /** Folder of the embedded database and uploads. */
  HEARTH_DATA_DIR: z.string().default('./data'),
  /** Public base URL used in links in emails and for the WebSocket Origin check. */
  PUBLIC_URL: z.string().url().optional(),
  /** Extra allowed browser origins, comma separated. */
  ALLOWED_ORIGINS: z.string().default(''),
  /** SMTP server URL for outgoing mail, e.g. smtp://user:pass@mail.example.com:587; unset = mail is logged, not sent. */
  SMTP_URL: z.string().optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().default('Hearth <hearth@localhost>'),
  /** Create the demo organization at start when the database has none (defaults to on for PGlite only). */
  HEARTH_DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  /** Hours after sign-in after which a session ends regardless of activity. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Trust X-Forwarded-For from a reverse proxy (true, or a comma-separated list of proxy addresses). */
  TRUST_PROXY: z.string().default('false'),
  /** Log level: fatal, error, warn, info, debug, trace, silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** production enables Secure cookies and refuses unsafe defaults. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Sign-in attempts allowed per IP per minute. */
  SIGNIN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Failed sign-ins per account from one source (an IP, an IPv6 /64, or one known device) per 15 minutes before it waits. */
  SIGNIN_FAILURES_PER_SOURCE: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins per account from all unknown devices together per 15 minutes before they wait (known devices never do). */
  SIGNIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
  /** Days a browser stays a known device of the account it signed in to (cookie lifetime); 0 = no known devices. */
  SIGNIN_KNOWN_DEVICE_DAYS: z.coerce.number().int().min(0).max(730).default(180),
  /** Requests per minute per person (or per IP when signed out) across the API. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Threads and replies one person may post per minute (429 with Retry-After past it). */
  POSTS_PER_MINUTE: z.coerce.number().int().min(1).default(12),
  /** Direct messages one person may send per minute (429 with Retry-After past it). */
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Seconds between daily-digest runs on this node; 0 turns the digest timer off (tests call the run directly). */
  DIGEST_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(600),
  /** Seconds between event-reminder runs on this node (24 h and 15 min before start); 0 turns the timer off (tests). */
  EVENT_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Seconds between pathway-assignment reminder runs on this node (one reminder, 3 days before the due date); 0 turns the timer off (tests). */
  ASSIGNMENT_REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Seconds between survey runs on this node (reminders at opening and ~24 h before the close; feedback for ended events); 0 turns the timer off (tests). */
  SURVEY_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Seconds between program check-in runs on this node (due, overdue, escalated); 0 turns the timer off (tests). */
  CHECKIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(300),
  /** Hours an expert question waits for an answer before it falls back to the next experts / a community post. */
  EXPERT_ANSWER_WINDOW_HOURS: z.coerce.number().min(0).default(48),
  /** Seconds between expert-question fallback runs on this node; 0 turns the timer off (tests call the run directly). */
  EXPERT_FALLBACK_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(600),
  /** Days without a check-in after which a partner of an active mentoring relationship is reminded (at most once per period); 0 = never. */
  CHECKIN_REMINDER_DAYS: z.coerce.number().int().min(0).max(365).default(28),
  /** on: this node delivers domain events to their consumers; off: it writes them and leaves delivery to other nodes. */
  EVENT_DELIVERY: z.enum(['on', 'off']).default('on'),
  /** Milliseconds between this node's looks for due event deliveries (retries, and events a crashed node left). */
  EVENT_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
  /** First retry of a failed event delivery after this many milliseconds; each next one waits twice as long (at most an hour). */
  EVENT_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(1000),
  /** A delivery that failed this many times is parked in the dead-letter list (System page). */
  EVENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  /** Delivered domain events are deleted after this many days; 0 keeps them for ever. */
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  /** Folder of uploaded media files (defaults to <HEARTH_DATA_DIR>/media). */
  MEDIA_DIR: z.string().optional(),
  /** Media uploads one person may make per hour (429 with Retry-After past it). */
  MEDIA_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(60),
  /** Seconds between runs that delete uploads never attached to a resource within a day; 0 turns the timer off (tests call the run directly). */
  MEDIA_CLEANUP_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(3600),
  /** Node identity for presence bookkeeping (defaults to host:pid). */
  NODE_ID: z.string().optional(),
  /**
   * STUN/TURN servers for breakout audio/video, as JSON: [{"urls":"turn:turn.example.com:3478","username":"u","credential":"p"}].
   * Unset = none: members on one network (office LAN, VPN) still connect directly.
   */
  LIVE_ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((raw, ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of {"urls": …, "username"?, "credential"?}' });
        return z.NEVER;
      }
      const parsed = z.array(IceServer).safeParse(value);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: `must be a JSON array of ICE servers: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}` });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

/** Parsed configuration. */
export type Config = z.infer<typeof ConfigSchema> & { trustProxy: boolean | string[]; mediaDir: string };

/** Parses the environment once at boot; throws a readable error listing bad variables. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const trustProxy = c.TRUST_PROXY === 'true' ? true : c.TRUST_PROXY === 'false' ? false : c.TRUST_PROXY.split(',').map((s) => s.trim());
  return { ...c, trustProxy, mediaDir: c.MEDIA_DIR ?? join(c.HEARTH_DATA_DIR, 'media') };
}
