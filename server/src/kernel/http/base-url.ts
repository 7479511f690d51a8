import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';

/** Base URL for links in mail: PUBLIC_URL when set, else the address the request came to. */
export function baseUrl(config: Config, request: FastifyRequest): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  return `${request.protocol}://${request.host}`;
}
