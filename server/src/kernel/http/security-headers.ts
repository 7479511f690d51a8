import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { isImageHost } from '../../../../contracts/index.ts';
import type { Config } from '../../config.ts';

/** Helmet options for Hearth: a strict CSP for the single-page app, HSTS in production. */
export function helmetOptions(config: Config): HelmetOptions {
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Uploads and inline icons only; a page served to a signed-in person adds their organization's image hosts
        // (withImageHosts). Markdown renders any other image as a link, and this stops one already stored.
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.NODE_ENV === 'production' ? [] : null,
      },
    },
    hsts: config.NODE_ENV === 'production',
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  };
}

/** The headers helmet sets for these options. They depend on configuration only (no per-request nonces). */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = { setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = String(value)), removeHeader: () => {} };
  helmet(options)({} as never, recorder as never, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

/**
 * Sets helmet's security headers (CSP, nosniff, referrer policy, frame options…) on every response.
 * Computed once at boot: @fastify/helmet rebuilds helmet's middleware, CSP parsing included, on every request,
 * which cost about 40% of the throughput of a small JSON route.
 */
export function installSecurityHeaders(app: FastifyInstance, config: Config) {
  const documentHeaders = helmetHeaders(helmetOptions(config));
  const api = apiHeaders(documentHeaders);
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(isApiData(request.url) ? api : documentHeaders);
    done();
  });
  const csp = documentHeaders['content-security-policy'] ?? '';
  return {
    /** The page CSP allowing images from these hosts too (https, default port), as Markdown renders them. */
    documentCsp: (imageHosts: readonly string[]) => withImageHosts(csp, imageHosts),
  };
}

/**
 * Adds `https://<host>` to a CSP's img-src for each host. Hosts that are not plain DNS names (what contracts'
 * ImageHost accepts) are skipped, so a bad value in the database can never add a directive or a wildcard.
 */
export function withImageHosts(csp: string, imageHosts: readonly string[]): string {
  const sources = imageHosts.filter(isImageHost).map((h) => ` https://${h}`).join('');
  if (!sources) return csp;
  return csp.replace(/(^|;)(\s*img-src [^;]*)/, (_m, sep: string, directive: string) => `${sep}${directive}${sources}`);
}

/** JSON API answers (not the HTML of /api/docs): never cached, never rendered as a document. */
export const isApiData = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Headers for JSON API answers (OWASP REST guidance): the page-only headers of a document (script sources, DNS
 * prefetch, cross-origin isolation…) protect nothing on JSON, so an API answer carries a deny-all CSP, nosniff, frame
 * denial, same-origin resource policy, the referrer policy, HSTS when configured, and no-store. Half the headers of a
 * document: each one is validated and written per response, and the directory is the most read route.
 */
export function apiHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': documentHeaders['referrer-policy'] ?? 'strict-origin-when-cross-origin',
    'cache-control': 'no-store',
  };
  if (documentHeaders['strict-transport-security']) headers['strict-transport-security'] = documentHeaders['strict-transport-security'];
  return headers;
}
