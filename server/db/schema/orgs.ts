import { sql } from 'drizzle-orm';
import { searchColumn } from './columns.ts';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, bigserial, bigint, type AnyPgColumn } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Tenants: every org-owned row carries org_id. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  isDemo: boolean('is_demo').notNull().default(false),
  /** Hosts (lower-case names, `*.` for subdomains) whose https images Markdown may embed; set by org admins. */
  imageHosts: text('image_hosts').array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
});

/** People of an organization; email is the sign-in name, unique across the deployment. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    team: text('team'),
    location: text('location'),
    timeZone: text('time_zone'),
    managerId: uuid('manager_id').references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
    bio: text('bio'),
    avatarUrl: text('avatar_url'),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').notNull().default('invited'),
    passwordHash: text('password_hash'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: searchColumn({ A: ['name'], B: ['title', 'department', 'team'], C: ['bio'] }),
  },
  (t) => [
    uniqueIndex('people_email_key').on(t.email),
    index('people_search_idx').using('gin', t.search),
    index('people_org_name_idx').on(t.orgId, t.name, t.id),
    index('people_org_department_idx').on(t.orgId, t.department),
    index('people_manager_idx').on(t.managerId),
  ],
);

/** Skills a person has or wants, one row each. */
export const personSkills = pgTable(
  'person_skills',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Lower-cased name for filtering. */
    key: text('key').notNull(),
    level: smallint('level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind, t.key] }), index('person_skills_org_key_idx').on(t.orgId, t.key)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

/**
 * Days (UTC) on which a person used Hearth with a session: written when a session starts and on the first touch of
 * each new day, so engagement analytics can count active people per day, week and month. A day, never a time or a page.
 */
export const personActiveDays = pgTable(
  'person_active_days',
  {
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.personId] }), index('person_active_days_person_idx').on(t.personId)],
);

/** Single-use tokens for invitations and password resets (hash only). */
export const authTokens = pgTable('auth_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  kind: text('kind').notNull(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/** Live connections per node and person; rows of a node that stopped heart-beating are ignored. */
export const presence = pgTable(
  'presence',
  {
    nodeId: text('node_id').notNull(),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    connections: integer('connections').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.nodeId, t.personId] }), index('presence_org_idx').on(t.orgId)],
);

/** Audit trail of security-relevant and administrative acts. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    target: text('target'),
    ip: text('ip'),
    requestId: text('request_id'),
    data: jsonb('data'),
    /** The changed fields as they were before the act (null when nothing existed before). */
    before: jsonb('before'),
    /** The changed fields as the act left them. */
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  // Append-only: a trigger (migration `audit_log_append_only`) refuses UPDATE, and DELETE except when the organization itself is deleted.
  (t) => [
    index('audit_org_created_idx').on(t.orgId, t.createdAt),
    index('audit_org_id_idx').on(t.orgId, t.id),
    index('audit_org_actor_idx').on(t.orgId, t.actorId, t.id),
    index('audit_org_target_idx').on(t.orgId, t.target, t.id),
  ],
);

/**
 * A change of a person's sign-in email. It takes effect only when the new address confirms it (token mailed there,
 * plus the account's password); the old address is told and may dispute it (cancel while pending, revert after).
 * Tokens are stored as SHA-256 only.
 */
export const emailChanges = pgTable(
  'email_changes',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    oldEmail: text('old_email').notNull(),
    newEmail: text('new_email').notNull(),
    requestedBy: uuid('requested_by').references((): AnyPgColumn => people.id, { onDelete: 'set null' }),
    /** pending | confirmed | cancelled | disputed (cancelled from the old address) | reverted (undone after confirmation). */
    status: text('status').notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash').notNull(),
    disputeTokenHash: text('dispute_token_hash').notNull(),
    /** Wrong passwords given with the confirm token; the change is cancelled after a few. */
    failedAttempts: smallint('failed_attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    disputeUntil: timestamp('dispute_until', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_changes_pending_person_key').on(t.personId).where(sql`status = 'pending'`),
    uniqueIndex('email_changes_confirm_key').on(t.confirmTokenHash),
    uniqueIndex('email_changes_dispute_key').on(t.disputeTokenHash),
  ],
);

/** Outbox of domain events, written in the same transaction as the change that caused them. */
export const domainEvents = pgTable(
  'domain_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id'),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('domain_events_type_id_idx').on(t.type, t.id), index('domain_events_created_idx').on(t.createdAt)],
);

/**
 * One row per (consumer, event) still to deliver, written with the event. Deleted once the consumer has handled
 * it; `status = 'dead'` parks it after too many failures (the dead-letter list). `run_after` is both the retry time
 * and the lease: a claim moves it past now, so no other node takes the row while it is handled.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    consumer: text('consumer').notNull(),
    /** pending | dead */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.consumer, t.eventId] }),
    index('event_deliveries_due_idx').on(t.runAfter).where(sql`status = 'pending'`),
    index('event_deliveries_event_idx').on(t.eventId),
  ],
);

/**
 * Side effects outside the database (a mail) that a consumer made for an event, one row per effect: a redelivery
 * of the event skips what was done already. Deleted with their event.
 */
export const eventEffects = pgTable(
  'event_effects',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => domainEvents.id, { onDelete: 'cascade' }),
    consumer: text('consumer').notNull(),
    /** What was done, e.g. `mail:<person id>`. */
    effect: text('effect').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId, t.effect] })],
);

/** Consumers this deployment has seen: a consumer seen for the first time may replay the retained history. */
export const eventConsumers = pgTable('event_consumers', {
  name: text('name').primaryKey(),
  createdAt: createdAt(),
});
