import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Media, MediaKind, UploadMediaQuery } from '../../../../contracts/index.ts';
import { RESOURCE_LIMITS } from '../../../../contracts/index.ts';
import type { Actor } from '../../kernel/auth/sessions.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import type { DbOrTx } from '../../kernel/db/database.ts';
import { assertStorableText } from '../../kernel/http/storable-text.ts';
import { AppError, notFound, nullWhenRefused } from '../../kernel/errors.ts';
import { firstChars } from '../../kernel/text.ts';
import { assertCanPost, loadCommunityAccess } from '../communities/index.ts';
import * as repo from './media.repo.ts';
import { resolveType, SNIFF_BYTES, sniff } from './media.sniff.ts';
import { canSeeMediaThroughResources } from './resources.service.ts';

/** The largest upload of any kind; a body longer than this (plus multipart framing) is refused before it is read. */
export const MAX_MEDIA_BYTES = Math.max(...Object.values(RESOURCE_LIMITS.mediaBytes));
/** Room for multipart boundaries and part headers when comparing Content-Length with a file limit. */
export const MULTIPART_OVERHEAD = 16 * 1024;

/** One uploaded file part as @fastify/multipart hands it over. */
export interface UploadPart {
  file: NodeJS.ReadableStream;
  filename: string;
  mimetype: string;
}

const MB = 1024 * 1024;
const tooLarge = (kind: MediaKind) =>
  new AppError('PAYLOAD_TOO_LARGE', `This ${kind === 'pdf' ? 'PDF' : kind} is too large: the limit is ${RESOURCE_LIMITS.mediaBytes[kind] / MB} MB.`);
const unsupported = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', 'This file type is not accepted. Upload a JPEG, PNG, GIF or WebP image, MP3, M4A, OGG or WAV audio, MP4, MOV or WebM video, or a PDF — with a name that matches its content.');

/** Presents a media row. */
export function presentMedia(m: repo.MediaRow): Media {
  return { id: m.id, kind: m.kind as MediaKind, mime: m.mime, sizeBytes: Number(m.sizeBytes), originalName: m.originalName, url: `/api/media/${m.id}` };
}

/** Refuses a body that is longer than any accepted file before a byte of it is read. */
export function assertUploadLength(contentLength: number | undefined) {
  if (contentLength !== undefined && contentLength > MAX_MEDIA_BYTES + MULTIPART_OVERHEAD) {
    throw new AppError('PAYLOAD_TOO_LARGE', `This file is too large: the limit is ${MAX_MEDIA_BYTES / MB} MB for video and less for other kinds.`);
  }
}

/**
 * Checks the head of the stream once enough of it arrived: sniffs the type from the bytes, refuses a declared type or
 * name that contradicts it (415), refuses a Content-Length already over the kind's limit (413) without reading more,
 * then counts every byte and fails at the limit (413) for bodies without a trustworthy length. Hashes as it goes.
 */
function guard(part: UploadPart, contentLength: number | undefined) {
  const hash = createHash('sha256');
  let head: Buffer | null = Buffer.alloc(0);
  let size = 0;
  const found: { kind?: MediaKind; mime?: string } = {};
  const decide = (self: Transform) => {
    const type = resolveType(sniff(head as Buffer), part.mimetype, part.filename);
    if (!type) throw unsupported();
    Object.assign(found, type);
    if (contentLength !== undefined && contentLength > RESOURCE_LIMITS.mediaBytes[type.kind] + MULTIPART_OVERHEAD) throw tooLarge(type.kind);
    self.push(head);
    head = null;
  };
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        size += chunk.length;
        hash.update(chunk);
        if (head) {
          head = Buffer.concat([head, chunk]);
          if (head.length >= SNIFF_BYTES) decide(this);
        } else this.push(chunk);
        if (found.kind && size > RESOURCE_LIMITS.mediaBytes[found.kind]) throw tooLarge(found.kind);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        if (head) decide(this);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  return { stream, result: () => ({ kind: found.kind as MediaKind, mime: found.mime as string, size, sha256: hash.digest('hex') }) };
}

/**
 * Streams one uploaded file to `<MEDIA_DIR>/<org>/<yyyy>/<uuid>` and records it. The file is never buffered whole;
 * on any refusal or failure the partial file is deleted before the error is answered.
 */
export async function uploadMedia(
  deps: AppDeps,
  actor: Actor,
  q: UploadMediaQuery,
  nextPart: () => Promise<UploadPart | undefined>,
  contentLength: number | undefined,
): Promise<Media> {
  assertUploadLength(contentLength);
  if (q.communityId) assertCanPost(await loadCommunityAccess(deps.db, actor, q.communityId));
  const part = await nextPart();
  if (!part) throw new AppError('VALIDATION_FAILED', 'Choose a file to upload.', { errors: [{ field: 'file', message: 'Required' }] });
  const id = randomUUID();
  const storageKey = [actor.orgId, String(new Date().getUTCFullYear()), id].join('/');
  const path = join(deps.config.mediaDir, storageKey);
  await mkdir(dirname(path), { recursive: true });
  const g = guard(part, contentLength);
  const out = createWriteStream(path, { flags: 'wx', mode: 0o640 });
  // The file is created when its open completes, which can be after a refusal of the first bytes has already failed
  // the pipeline: the partial file is deleted only once the stream has closed, or it would be created after the rm.
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  try {
    await pipeline(part.file, g.stream, out);
    if ((part.file as { truncated?: boolean }).truncated) throw tooLarge('video');
    const r = g.result();
    // The file name arrives in the multipart head, past the request-wide text check: checked here (the file is removed below).
    assertStorableText(part.filename, 'upload', 'file');
    const row = await repo.insertMedia(deps.db, {
      id,
      orgId: actor.orgId,
      ownerId: actor.personId,
      communityId: q.communityId ?? null,
      kind: r.kind,
      mime: r.mime,
      sizeBytes: r.size,
      storageKey,
      originalName: firstChars(part.filename, 200) || 'upload',
      sha256: r.sha256,
    });
    return presentMedia(row);
  } catch (err) {
    out.destroy();
    await closed;
    await rm(path, { force: true });
    throw err;
  }
}

/** Where a stored file lives on disk; null for a key that would leave the media folder. */
function mediaPath(deps: AppDeps, storageKey: string): string | null {
  const root = resolve(deps.config.mediaDir);
  const path = resolve(root, storageKey);
  return path.startsWith(root + sep) ? path : null;
}

/**
 * A media file the actor may see, with its path on disk: the owner; people who can read the community it was
 * uploaded into; people who can read a live resource it is attached to. 404 for everyone else.
 */
export async function getMediaFile(deps: AppDeps, actor: Actor, id: string) {
  const m = await repo.selectMedia(deps.db, actor.orgId, id);
  if (!m || !(await canSeeMedia(deps.db, actor, m))) throw notFound('That file');
  const path = mediaPath(deps, m.storageKey);
  if (!path) throw notFound('That file');
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw notFound('That file');
  return { media: m, path, size };
}

async function canSeeMedia(db: DbOrTx, actor: Actor, m: repo.MediaRow) {
  if (m.ownerId === actor.personId) return true;
  if (m.communityId) {
    const access = await loadCommunityAccess(db, actor, m.communityId).catch(nullWhenRefused);
    if (access?.canRead) return true;
  }
  return canSeeMediaThroughResources(db, actor, m.id);
}

/** Uploads are attached to a resource right after they finish; one still unattached after this long was abandoned. */
export const UNATTACHED_MEDIA_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes uploads nobody attached to a resource within a day: the record first (so the file is never served again),
 * then the file. Works in batches; answers how many were removed.
 */
export async function removeUnattachedMedia(deps: AppDeps, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - UNATTACHED_MEDIA_GRACE_MS);
  let removed = 0;
  for (;;) {
    const rows = await repo.deleteUnattachedMedia(deps.db, before, 200);
    for (const { storageKey } of rows) {
      const path = mediaPath(deps, storageKey);
      if (path) await rm(path, { force: true });
    }
    removed += rows.length;
    if (rows.length < 200) return removed;
  }
}
