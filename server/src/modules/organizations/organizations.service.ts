import type { FastifyRequest } from 'fastify';
import type { OrganizationSettings, UpdateOrganizationSettingsRequest } from '../../../../contracts/index.ts';
import { audit } from '../../kernel/audit.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { Db, DbOrTx } from '../../kernel/db/database.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import * as policy from './organizations.policy.ts';
import * as repo from './organizations.repo.ts';

const present = (actor: Actor, row: { name: string; imageHosts: string[] }): OrganizationSettings => ({
  name: row.name,
  imageHosts: row.imageHosts,
  abilities: { canEdit: policy.canEditSettings(actor) },
});

/** The actor's organization's settings. */
export async function getSettings(db: DbOrTx, actor: Actor): Promise<OrganizationSettings> {
  const row = await repo.selectSettings(db, actor.orgId);
  if (!row) throw notFound('The organization');
  return present(actor, row);
}

/**
 * Replaces the organization's settings (org admins). Audited with the list before and after, read under a row lock
 * so two admins saving at once each record what they really replaced. Content already rendered keeps its HTML: the
 * page's CSP (built from the current list) stops images of a host that was removed.
 */
export async function updateSettings(db: Db, request: FastifyRequest, actor: Actor, input: UpdateOrganizationSettingsRequest): Promise<OrganizationSettings> {
  if (!policy.canEditSettings(actor)) throw new AppError('FORBIDDEN', 'Only an org admin can change the organization settings.');
  return db.transaction(async (tx) => {
    const before = await repo.selectSettings(tx, actor.orgId, true);
    if (!before) throw notFound('The organization');
    const same = before.imageHosts.length === input.imageHosts.length && before.imageHosts.every((h, i) => h === input.imageHosts[i]);
    if (same) return present(actor, before);
    await repo.updateImageHosts(tx, actor.orgId, input.imageHosts);
    await audit(tx, request, {
      orgId: actor.orgId,
      actorId: actor.personId,
      action: 'organizations.image_hosts_changed',
      target: actor.orgId,
      data: { before: before.imageHosts, after: input.imageHosts },
    });
    return present(actor, { name: before.name, imageHosts: input.imageHosts });
  });
}

/** Hosts whose https images the organization's Markdown may embed (none for an unknown organization). */
export async function imageHostsOf(db: DbOrTx, orgId: string): Promise<string[]> {
  return (await repo.selectSettings(db, orgId))?.imageHosts ?? [];
}
