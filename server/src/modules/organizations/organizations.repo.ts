import { eq } from 'drizzle-orm';
import { organizations } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';

/** The settings columns of one organization, or undefined; `lock` holds the row until the transaction ends. */
export async function selectSettings(db: DbOrTx, orgId: string, lock = false) {
  const q = db.select({ name: organizations.name, imageHosts: organizations.imageHosts }).from(organizations).where(eq(organizations.id, orgId));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Replaces an organization's image hosts. */
export async function updateImageHosts(db: DbOrTx, orgId: string, imageHosts: string[]) {
  await db.update(organizations).set({ imageHosts }).where(eq(organizations.id, orgId));
}
