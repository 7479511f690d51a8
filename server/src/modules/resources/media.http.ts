import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { MediaRow } from './media.repo.ts';

/** A single byte range `bytes=a-b`, `bytes=a-` or `bytes=-n` resolved against the size; null = not satisfiable; undefined = no (usable) range. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or other units: answer the whole file (allowed by RFC 9110).
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || size === 0) return null;
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return null;
  return { start, end };
}

/** Percent-encodes a file name for `filename*` (RFC 5987: also ' ( ) * which encodeURIComponent leaves). */
const encodeRfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const INLINE_KINDS = new Set(['image', 'audio', 'video']);

/**
 * Sends a stored file with the detected type, nosniff, inline for image/audio/video and attachment for PDF, a private
 * cache header and single-range support (206/416), so phone videos seek in the browser.
 */
export function sendMediaFile(reply: FastifyReply, f: { media: MediaRow; path: string; size: number }, rangeHeader: string | undefined) {
  const { media, path, size } = f;
  const disposition = INLINE_KINDS.has(media.kind) ? 'inline' : 'attachment';
  const fallback = media.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  reply
    .header('Content-Type', media.mime)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Disposition', `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(media.originalName)}`)
    .header('Cache-Control', 'private, max-age=3600')
    .header('Accept-Ranges', 'bytes')
    .header('ETag', `"${media.sha256}"`);
  const range = parseRange(rangeHeader, size);
  if (range === null) return reply.code(416).header('Content-Range', `bytes */${size}`).send();
  if (range) {
    reply.code(206).header('Content-Range', `bytes ${range.start}-${range.end}/${size}`).header('Content-Length', range.end - range.start + 1);
    return reply.send(createReadStream(path, { start: range.start, end: range.end }));
  }
  return reply.code(200).header('Content-Length', size).send(createReadStream(path));
}
