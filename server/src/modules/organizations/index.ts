// organizations: owns tenants (the organizations table). Emits: none. Consumes: none.
// Other modules use createOrganization/getOrganization/findOrganizations; no HTTP routes yet
// (organizations are created by the demo seed, tests and operators).
import { eq } from 'drizzle-orm';
import { organizations } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { notFound } from '../../kernel/errors.ts';

/** An organization (tenant). */
export type Organization = typeof organizations.$inferSelect;

/** Creates an organization. */
export async function createOrganization(db: DbOrTx, input: { name: string; slug: string; isDemo?: boolean }): Promise<Organization> {
  const [org] = await db.insert(organizations).values(input).returning();
  return org;
}

/** Gets one organization by id; NOT_FOUND if absent. */
export async function getOrganization(db: DbOrTx, id: string): Promise<Organization> {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw notFound('The organization');
  return org;
}

/** True when at least one organization exists. */
export async function hasOrganizations(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length > 0;
}
