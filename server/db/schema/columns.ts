import { sql } from 'drizzle-orm';
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, people } from './orgs.ts';

/** PostgreSQL full-text vector (filled by a generated column, searched with a GIN index). */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A generated `search` column: weighted English tsvector of the given parts (A most important). `simple` config for
 * names keeps people findable by exact name parts; English stems the rest.
 */
export const searchColumn = (parts: { A?: string[]; B?: string[]; C?: string[] }) =>
  tsvector('search').generatedAlwaysAs(
    sql.raw(
      (Object.entries(parts) as [string, string[]][])
        .map(([weight, cols]) => `setweight(to_tsvector('english'::regconfig, ${cols.map((c) => `coalesce("${c}", '')`).join(" || ' ' || ")}), '${weight}')`)
        .join(' || '),
    ),
  );

/** created_at with a default of now(). */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** org_id referencing the tenant, cascading on delete. */
export const orgIdColumn = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

/** A required reference to a person, cascading on delete. */
export const personRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' });
