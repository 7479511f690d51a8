import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { OrganizationSettings, UpdateOrganizationSettingsRequest } from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './organizations.service.ts';

/** HTTP routes of the organizations module: the signed-in person's organization's settings. */
export function organizationsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];
  r.get('/api/organization/settings', { schema: { tags, response: { 200: OrganizationSettings } } }, (req) => service.getSettings(deps.db, requireActor(req)));
  r.patch('/api/organization/settings', { schema: { tags, body: UpdateOrganizationSettingsRequest, response: { 200: OrganizationSettings } } }, (req) =>
    service.updateSettings(deps.db, req, requireActor(req), req.body),
  );
}
