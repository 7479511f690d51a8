import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Collection,
  CollectionList,
  CreateCollectionRequest,
  CreateResourceRequest,
  FindCollectionsQuery,
  FindResourcesQuery,
  Id,
  Media,
  PutCollectionItemRequest,
  ReorderCollectionRequest,
  Resource,
  ResourcePage,
  ReviewResourceRequest,
  UpdateCollectionRequest,
  UpdateResourceRequest,
  UploadMediaQuery,
} from '../../../../contracts/index.ts';
import { FailureLimiter } from '../../kernel/auth/failure-limiter.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { requireActor } from '../../kernel/http/security.ts';
import * as collections from './collections.service.ts';
import { sendMediaFile } from './media.http.ts';
import * as media from './media.service.ts';
import * as service from './resources.service.ts';

const IdParams = z.object({ id: Id });
const ItemParams = z.object({ id: Id, resourceId: Id });
const contentLength = (req: FastifyRequest) => (req.headers['content-length'] ? Number(req.headers['content-length']) : undefined);

/** HTTP routes of resources, reviews and collections. */
export function resourcesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['resources'];
  r.get('/api/resources', { schema: { tags, querystring: FindResourcesQuery, response: { 200: ResourcePage } } }, (req) =>
    service.findResources(deps.db, requireActor(req), req.query),
  );
  r.post('/api/resources', { schema: { tags, body: CreateResourceRequest, response: { 201: Resource } } }, async (req, reply) =>
    reply.code(201).send(await service.createResource(deps, requireActor(req), req.body)),
  );
  r.get('/api/resources/:id', { schema: { tags, params: IdParams, response: { 200: Resource } } }, (req) => service.getResource(deps.db, requireActor(req), req.params.id));
  r.patch('/api/resources/:id', { schema: { tags, params: IdParams, body: UpdateResourceRequest, response: { 200: Resource } } }, (req) =>
    service.updateResource(deps, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/resources/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await service.deleteResource(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put('/api/resources/:id/review', { schema: { tags, params: IdParams, body: ReviewResourceRequest, response: { 200: Resource } } }, (req) =>
    service.reviewResource(deps, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/resources/:id/review', { schema: { tags, params: IdParams, response: { 200: Resource } } }, (req) =>
    service.deleteReview(deps, requireActor(req), req.params.id),
  );

  r.get('/api/collections', { schema: { tags, querystring: FindCollectionsQuery, response: { 200: CollectionList } } }, (req) =>
    collections.findCollections(deps.db, requireActor(req), req.query),
  );
  r.post('/api/collections', { schema: { tags, body: CreateCollectionRequest, response: { 201: Collection } } }, async (req, reply) =>
    reply.code(201).send(await collections.createCollection(deps, requireActor(req), req.body)),
  );
  r.get('/api/collections/:id', { schema: { tags, params: IdParams, response: { 200: Collection } } }, (req) =>
    collections.getCollection(deps.db, requireActor(req), req.params.id),
  );
  r.patch('/api/collections/:id', { schema: { tags, params: IdParams, body: UpdateCollectionRequest, response: { 200: Collection } } }, (req) =>
    collections.updateCollection(deps, requireActor(req), req.params.id, req.body),
  );
  r.delete('/api/collections/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    await collections.deleteCollection(deps, requireActor(req), req.params.id);
    return reply.code(204).send();
  });
  r.put('/api/collections/:id/items/:resourceId', { schema: { tags, params: ItemParams, body: PutCollectionItemRequest, response: { 200: Collection } } }, (req) =>
    collections.putItem(deps, requireActor(req), req.params.id, req.params.resourceId, req.body),
  );
  r.delete('/api/collections/:id/items/:resourceId', { schema: { tags, params: ItemParams, response: { 200: Collection } } }, (req) =>
    collections.removeItem(deps, requireActor(req), req.params.id, req.params.resourceId),
  );
  r.put('/api/collections/:id/order', { schema: { tags, params: IdParams, body: ReorderCollectionRequest, response: { 200: Collection } } }, (req) =>
    collections.reorderItems(deps, requireActor(req), req.params.id, req.body),
  );

  r.get(
    '/api/media/:id',
    {
      schema: { tags, params: IdParams },
      // Runs after the app-wide `no-store` of /api answers: a file's bytes never change, so the browser may keep them
      // privately (not shared caches), which lets videos seek without refetching.
      onSend: async (_req, reply, payload) => {
        if (reply.statusCode < 300) reply.header('cache-control', 'private, max-age=3600');
        return payload;
      },
    },
    async (req, reply) =>
      sendMediaFile(reply, await media.getMediaFile(deps, requireActor(req), req.params.id), req.headers.range),
  );
}

/**
 * `POST /api/media` in its own encapsulated scope, so the multipart parser (with limits) exists only for uploads.
 * Over-long bodies are refused in onRequest, before any of the body is read; uploads are limited per person.
 */
export async function mediaUploadRoutes(app: FastifyInstance, deps: AppDeps) {
  const uploads = new FailureLimiter(deps.config.MEDIA_UPLOADS_PER_HOUR, 3_600_000);
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: media.MAX_MEDIA_BYTES + 1, files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 20 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/media',
      {
        schema: { tags: ['resources'], querystring: UploadMediaQuery, response: { 201: Media } },
        onRequest: async (req) => media.assertUploadLength(contentLength(req)),
        preHandler: async (req) => {
          const actor = requireActor(req);
          if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data with one "file" part.');
          const wait = uploads.retryAfter(actor.personId);
          if (wait) throw new AppError('RATE_LIMITED', `You are uploading very fast. Please wait ${wait} seconds.`, { retryAfterSeconds: wait });
          uploads.fail(actor.personId);
        },
      },
      async (req, reply) => {
        try {
          const uploaded = await media.uploadMedia(deps, requireActor(req), req.query, () => req.file(), contentLength(req));
          return reply.code(201).send(uploaded);
        } catch (err) {
          // The rest of a refused body is not read: close the connection rather than drain it.
          if (err instanceof AppError && err.status === 413) reply.header('Connection', 'close');
          throw err;
        }
      },
    );
  });
}
