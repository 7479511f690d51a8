import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateJournalEntryRequest,
  Id,
  JournalEntry,
  JournalEntryList,
  JournalPrompts,
  JournalShareTargets,
  SaveReflectionRequest,
  UpdateJournalEntryRequest,
} from '../../../../contracts/index.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as service from './journal.service.ts';

const IdParams = z.object({ id: Id });
const ShareParams = z.object({ id: Id, personId: Id });

/** HTTP routes of the journal module. */
export function journalRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['journal'];
  r.get('/api/journal', { schema: { tags, response: { 200: JournalEntryList } } }, (req) => service.listOwn(deps.db, requireActor(req)));
  r.get('/api/journal/shared-with-me', { schema: { tags, response: { 200: JournalEntryList } } }, (req) => service.listSharedWithMe(deps.db, requireActor(req)));
  r.get('/api/journal/share-targets', { schema: { tags, response: { 200: JournalShareTargets } } }, (req) => service.shareTargets(deps.db, requireActor(req)));
  r.post('/api/journal', { schema: { tags, body: CreateJournalEntryRequest, response: { 201: JournalEntry } } }, async (req, reply) =>
    reply.code(201).send(await service.createEntry(deps.db, requireActor(req), req.body)),
  );
  r.get('/api/journal/:id', { schema: { tags, params: IdParams, response: { 200: JournalEntry } } }, (req) => service.getEntry(deps.db, requireActor(req), req.params.id));
  r.patch('/api/journal/:id', { schema: { tags, params: IdParams, body: UpdateJournalEntryRequest, response: { 200: JournalEntry } } }, (req) =>
    service.updateEntry(deps.db, requireActor(req), req.params.id, req.body.body),
  );
  r.delete('/api/journal/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteEntry(deps.db, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put('/api/journal/:id/shares/:personId', { schema: { tags, params: ShareParams, response: { 200: JournalEntry } } }, (req) =>
    service.share(deps.db, requireActor(req), req.params.id, req.params.personId),
  );
  r.delete('/api/journal/:id/shares/:personId', { schema: { tags, params: ShareParams, response: { 200: JournalEntry } } }, (req) =>
    service.revoke(deps.db, requireActor(req), req.params.id, req.params.personId),
  );
  r.get('/api/programs/:id/journal-prompts', { schema: { tags, params: IdParams, response: { 200: JournalPrompts } } }, (req) =>
    service.getPrompts(deps.db, requireActor(req), req.params.id),
  );
  r.put('/api/programs/:id/journal-prompts', { schema: { tags, params: IdParams, body: JournalPrompts, response: { 200: JournalPrompts } } }, (req) =>
    service.setPrompts(deps.db, requireActor(req), req.params.id, req.body.prompts),
  );
  r.post('/api/live-sessions/:id/reflection', { schema: { tags, params: IdParams, body: SaveReflectionRequest, response: { 200: JournalEntry } } }, (req) =>
    service.saveReflection(deps.db, requireActor(req), req.params.id, req.body.body),
  );
}
