import type { FastifyReply } from 'fastify';

/**
 * Sends JSON serialized earlier (and checked against its response contract then), e.g. a cached page, as UTF-8 bytes
 * or a string. Fastify sends it as is, skipping the route's serializer; the route keeps its response schema for the
 * OpenAPI document.
 */
export function sendJson(reply: FastifyReply, json: Buffer | string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
}
