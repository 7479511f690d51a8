// organizations: owns tenants (the organizations table) and their settings: the hosts whose images Markdown may embed
// (org admins change them; audited). Emits: none. Consumes: none.
// Public surface: register(app, deps); createOrganization/getOrganization/hasOrganizations; imageHostsOf (modules
// that render Markdown pass it to renderMarkdown; the web app's page CSP is built from it).
// Organizations themselves are created by the demo seed, tests and operators.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { organizations } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { organizationsRoutes } from './organizations.routes.ts';

export { imageHostsOf } from './organizations.service.ts';

/** An organization (tenant). */
export type Organization = typeof organizations.$inferSelect;

/** Registers the settings routes. */
export async function register(app: FastifyInstance, deps: AppDeps) {
  organizationsRoutes(app, deps);
}

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
