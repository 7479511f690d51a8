import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { removeUnattachedMedia } from './media.service.ts';
import { resolveType, sniff } from './media.sniff.ts';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), randomBytes(4000)]);
const MB = 1024 * 1024;

let t: TestApp;
let mediaDir: string;
type Client = Awaited<ReturnType<TestApp['signIn']>>;
const c: Record<string, Client> = {};
const p: Record<string, { id: string; email: string }> = {};
const com: Record<string, string> = {};

/** A real multipart/form-data body with one file part. */
function multipart(filename: string, type: string, content: Buffer) {
  const boundary = `----hearth${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

function upload(client: Client, filename: string, type: string, content: Buffer, query = '') {
  const m = multipart(filename, type, content);
  return client.send({ method: 'POST', url: `/api/media${query}`, payload: m.body, headers: { 'content-type': m.type } });
}

/** Every file under the media folder. */
const stored = () => readdirSync(mediaDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());

beforeAll(async () => {
  mediaDir = mkdtempSync(join(tmpdir(), 'hearth-media-'));
  t = await createTestApp({ MEDIA_DIR: mediaDir, MEDIA_UPLOADS_PER_HOUR: '1000' });
  const org = await t.buildOrg('Acme');
  const other = await t.buildOrg('Other');
  p.owner = await t.buildPerson(org.id);
  p.member = await t.buildPerson(org.id);
  p.outsider = await t.buildPerson(org.id);
  p.stranger = await t.buildPerson(other.id);
  for (const k of Object.keys(p)) c[k] = await t.signIn(p[k].email);
  for (const v of ['open', 'private']) {
    com[v] = (await c.owner.post('/api/communities', { name: `Media ${v}`, visibility: v })).json().id;
    await c.owner.post(`/api/communities/${com[v]}/members`, { personIds: [p.member.id] });
    await c.member.post(`/api/communities/${com[v]}/join`, { acceptRulesVersion: 1 });
  }
});
afterAll(async () => {
  await t.close();
  rmSync(mediaDir, { recursive: true, force: true });
});

describe('uploading', () => {
  it('accepts a real PNG, stores it under <org>/<year>/<uuid> with its sha256, and serves it back to its owner', async () => {
    // The year is read when the file is stored: a run across midnight of 31 December may see either.
    const yearBefore = new Date().getUTCFullYear();
    const res = await upload(c.member, 'dot.png', 'image/png', PNG);
    const years = `(${yearBefore}|${new Date().getUTCFullYear()})`;
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ kind: 'image', mime: 'image/png', sizeBytes: PNG.length, originalName: 'dot.png', url: `/api/media/${m.id}` });
    const row = (await t.db.execute(sql`select storage_key, sha256 from media where id = ${m.id}`)) as unknown as { rows: { storage_key: string; sha256: string }[] };
    expect(row.rows[0].storage_key).toMatch(new RegExp(`^[0-9a-f-]{36}/${years}/${m.id}$`));
    expect(row.rows[0].sha256).toBe(createHash('sha256').update(PNG).digest('hex'));
    expect(readFileSync(join(mediaDir, row.rows[0].storage_key)).equals(PNG)).toBe(true);
    const got = await c.member.get(m.url);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect(got.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff', 'accept-ranges': 'bytes' });
    expect(got.headers['content-disposition']).toMatch(/^inline; filename="dot.png"/);
    expect(got.headers['cache-control']).toMatch(/^private/);
  });

  it('accepts a real PDF and serves it as an attachment', async () => {
    const m = (await upload(c.member, "Q3 (final) notes.pdf", 'application/pdf', PDF)).json();
    expect(m).toMatchObject({ kind: 'pdf', mime: 'application/pdf' });
    const got = await c.member.get(m.url);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="Q3 (final) notes.pdf"; filename*=UTF-8''Q3%20%28final%29%20notes.pdf`);
  });

  it('refuses by content with 415 and keeps no file: HTML named .png, SVG, an .exe, a zip, and a PNG named .pdf', async () => {
    const before = stored().length;
    const refused: [string, string, Buffer][] = [
      ['cat.png', 'image/png', Buffer.from('<!doctype html><html><script>alert(1)</script></html>')],
      ['logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['setup.exe', 'application/octet-stream', Buffer.concat([Buffer.from('MZ'), randomBytes(200)])],
      ['photos.zip', 'application/zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(200)])],
      ['report.pdf', 'application/pdf', PNG],
      ['dot.png', 'text/html', PNG],
      ['dot.exe', 'image/png', PNG],
      ['empty.png', 'image/png', Buffer.alloc(0)],
    ];
    for (const [name, type, content] of refused) {
      const res = await upload(c.member, name, type, content);
      expect(res.statusCode, name).toBe(415);
      expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(stored().length).toBe(before);
  });

  it('refuses a file name PostgreSQL cannot store (a NUL) with 400 naming the file, and keeps no file', async () => {
    const before = stored().length;
    const res = await upload(c.member, 'do\u0000t.png', 'image/png', PNG);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INVALID_CHARACTERS', errors: [{ field: 'file' }] });
    expect(stored().length).toBe(before);
    expect((await upload(c.member, 'd\u00f6t \ud83d\ude00.png', 'image/png', PNG)).json()).toMatchObject({ originalName: 'd\u00f6t \ud83d\ude00.png' });
  });

  it('refuses an over-size image with 413 while streaming (no Content-Length) and leaves no file on disk', async () => {
    const before = stored().length;
    const m = multipart('huge.png', 'image/png', Buffer.alloc(0));
    const [open, close] = [m.body.subarray(0, m.body.indexOf('\r\n\r\n') + 4), m.body.subarray(m.body.indexOf('\r\n\r\n') + 4)];
    const total = 12 * MB;
    let produced = 0;
    const body = Readable.from(
      (function* () {
        yield open;
        yield PNG.subarray(0, 16);
        while (produced < total) {
          produced += 256 * 1024;
          yield Buffer.alloc(256 * 1024);
        }
        yield close;
      })(),
    );
    const res = await c.member.send({ method: 'POST', url: '/api/media', payload: body, headers: { 'content-type': m.type } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.headers.connection).toBe('close');
    expect(produced).toBeLessThan(total);
    expect(stored().length).toBe(before);
  });

  it('refuses from Content-Length alone: a body above every limit is not read, an image body above 10 MB stops after the head', async () => {
    const before = stored().length;
    const big = await c.member.send({ method: 'POST', url: '/api/media', payload: 'x', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(300 * MB) } });
    expect(big.statusCode).toBe(413);
    const image = await upload(c.member, 'big.png', 'image/png', Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(10 * MB + 1)]));
    expect(image.statusCode).toBe(413);
    expect(image.json().detail).toContain('10 MB');
    const video = await upload(c.member, 'clip.mp4', 'video/mp4', MP4);
    expect(video.statusCode).toBe(201);
    expect(video.json()).toMatchObject({ kind: 'video', mime: 'video/mp4' });
    expect(stored().length).toBe(before + 1);
  });

  it('asks for a file (400 naming it) and needs posting rights to upload into a community', async () => {
    const m = multipart('x.png', 'image/png', PNG);
    const noFile = await c.member.send({
      method: 'POST',
      url: '/api/media',
      payload: Buffer.from(`--${m.type.split('=')[1]}--\r\n`),
      headers: { 'content-type': m.type },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors[0].field).toBe('file');
    const json = await c.member.post('/api/media', { file: 'iVBORw0KGgo=' });
    expect(json.statusCode).toBe(415);
    expect((await upload(c.outsider, 'x.png', 'image/png', PNG, `?communityId=${com.open}`)).statusCode).toBe(403);
    expect((await upload(c.outsider, 'x.png', 'image/png', PNG, `?communityId=${com.private}`)).statusCode).toBe(404);
    expect((await upload(c.stranger, 'x.png', 'image/png', PNG, `?communityId=${com.open}`)).statusCode).toBe(404);
  });
});

describe('serving', () => {
  it('answers a Range request with 206 and exactly those bytes, and an unsatisfiable one with 416', async () => {
    const m = (await upload(c.member, 'clip.mp4', 'video/mp4', MP4)).json();
    const part = await c.member.send({ method: 'GET', url: m.url, headers: { range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${MP4.length}`);
    expect(part.rawPayload.equals(MP4.subarray(100, 200))).toBe(true);
    const tail = await c.member.send({ method: 'GET', url: m.url, headers: { range: 'bytes=-10' } });
    expect(tail.rawPayload.equals(MP4.subarray(MP4.length - 10))).toBe(true);
    const open = await c.member.send({ method: 'GET', url: m.url, headers: { range: `bytes=${MP4.length - 5}-` } });
    expect(open.rawPayload.equals(MP4.subarray(MP4.length - 5))).toBe(true);
    const bad = await c.member.send({ method: 'GET', url: m.url, headers: { range: `bytes=${MP4.length}-` } });
    expect(bad.statusCode).toBe(416);
    expect(bad.headers['content-range']).toBe(`bytes */${MP4.length}`);
  });

  it('serves bytes only to people who may see them: owner, community readers, readers of a resource it is attached to; 404 otherwise', async () => {
    const inPrivate = (await upload(c.member, 'private.png', 'image/png', PNG, `?communityId=${com.private}`)).json();
    const personal = (await upload(c.member, 'personal.png', 'image/png', PNG)).json();
    const inOpen = (await upload(c.member, 'open.png', 'image/png', PNG, `?communityId=${com.open}`)).json();
    const matrix: [string, string, number][] = [
      ['member', inPrivate.url, 200],
      ['owner', inPrivate.url, 200],
      ['outsider', inPrivate.url, 404],
      ['stranger', inPrivate.url, 404],
      ['outsider', personal.url, 404],
      ['owner', personal.url, 404],
      ['outsider', inOpen.url, 200],
      ['stranger', inOpen.url, 404],
    ];
    for (const [who, url, status] of matrix) expect((await c[who].get(url)).statusCode, `${who} ${url}`).toBe(status);
    // Attached to a library resource: the whole organization sees it; once the resource is deleted, only the owner.
    const r = await c.member.post('/api/resources', { type: 'other', title: 'Slide', mediaId: personal.id });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().media).toMatchObject({ id: personal.id, kind: 'image', url: personal.url });
    expect((await c.outsider.get(personal.url)).statusCode).toBe(200);
    expect((await c.stranger.get(personal.url)).statusCode).toBe(404);
    // Attached to a resource in the private community: still not for non-members.
    const hidden = (await upload(c.member, 'hidden.png', 'image/png', PNG)).json();
    await c.member.post('/api/resources', { type: 'other', title: 'Hidden slide', mediaId: hidden.id, communityId: com.private });
    expect((await c.outsider.get(hidden.url)).statusCode).toBe(404);
    expect((await c.owner.get(hidden.url)).statusCode).toBe(200);
    await c.member.send({ method: 'DELETE', url: `/api/resources/${r.json().id}` });
    expect((await c.outsider.get(personal.url)).statusCode).toBe(404);
    // Nobody attaches someone else's upload.
    const stolen = await c.outsider.post('/api/resources', { type: 'other', title: 'Mine now', mediaId: inOpen.id });
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().errors[0].field).toBe('mediaId');
  });
});

describe('unattached uploads', () => {
  it('are deleted (record and file) once a day has passed without a resource; attached ones stay, even when the resource is deleted', async () => {
    const png = (name: string) => upload(c.member, name, 'image/png', PNG).then((r) => r.json() as { id: string; url: string });
    const [abandoned, kept, ofDeleted, fresh, raced] = await Promise.all(['abandoned.png', 'kept.png', 'of-deleted.png', 'fresh.png', 'raced.png'].map(png));
    expect((await c.member.post('/api/resources', { type: 'other', title: 'Kept', mediaId: kept.id })).statusCode).toBe(201);
    const gone = (await c.member.post('/api/resources', { type: 'other', title: 'Deleted later', mediaId: ofDeleted.id })).json();
    expect((await c.member.send({ method: 'DELETE', url: `/api/resources/${gone.id}` })).statusCode).toBe(204);
    const keyOf = async (id: string) => ((await t.db.execute(sql`select storage_key from media where id = ${id}`)).rows[0] as { storage_key: string }).storage_key;
    const abandonedKey = await keyOf(abandoned.id);
    const backdate = async (ids: string[]) => {
      for (const id of ids) await t.db.execute(sql`update media set created_at = now() - interval '25 hours' where id = ${id}`);
    };
    await backdate([abandoned.id, kept.id, ofDeleted.id]);
    const onDisk = () => stored().map((d) => join(d.parentPath, d.name));
    expect(onDisk()).toContain(join(mediaDir, abandonedKey));

    expect(await removeUnattachedMedia(t.deps)).toBe(1);
    expect((await c.member.get(abandoned.url)).statusCode).toBe(404);
    expect(onDisk()).not.toContain(join(mediaDir, abandonedKey));
    for (const m of [kept, ofDeleted, fresh]) expect((await c.member.get(m.url)).statusCode, m.url).toBe(200);
    expect(await removeUnattachedMedia(t.deps)).toBe(0);

    // Two nodes running the cleanup at once remove it once between them.
    await backdate([raced.id]);
    const counts = await Promise.all([removeUnattachedMedia(t.deps), removeUnattachedMedia(t.deps)]);
    expect(counts[0] + counts[1]).toBe(1);
    expect((await c.member.get(raced.url)).statusCode).toBe(404);
  });
});

describe('upload rate limit', () => {
  it('answers 429 with Retry-After past the per-person hourly budget', async () => {
    const small = await createTestApp({ MEDIA_DIR: mediaDir, MEDIA_UPLOADS_PER_HOUR: '2' });
    try {
      const org = await small.buildOrg('Tiny');
      const a = await small.signIn((await small.buildPerson(org.id)).email);
      const b = await small.signIn((await small.buildPerson(org.id)).email);
      const go = (client: Client) => {
        const m = multipart('x.png', 'image/png', PNG);
        return client.send({ method: 'POST', url: '/api/media', payload: m.body, headers: { 'content-type': m.type } });
      };
      expect((await go(a)).statusCode).toBe(201);
      expect((await go(a)).statusCode).toBe(201);
      const third = await go(a);
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect((await go(b)).statusCode).toBe(201);
    } finally {
      await small.close();
    }
  });
});

describe('content sniffing', () => {
  it('recognizes each accepted format by its magic bytes and lets the declared type choose audio or video in containers', () => {
    const cases: [Buffer, string, string, string | null][] = [
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'a.jpg', 'image/jpeg', 'image/jpeg'],
      [Buffer.from('GIF89a......'), 'a.gif', '', 'image/gif'],
      [Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), 'a.webp', 'image/webp', 'image/webp'],
      [Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '), 'a.wav', 'audio/wav', 'audio/wav'],
      [Buffer.from('ID3\x04\x00\x00\x00\x00'), 'a.mp3', 'audio/mpeg', 'audio/mpeg'],
      [Buffer.from([0xff, 0xfb, 0x90, 0x44]), 'a.mp3', 'audio/mpeg', 'audio/mpeg'],
      [Buffer.from('OggS\x00\x02............vorbis'), 'a.ogg', 'audio/ogg', 'audio/ogg'],
      [Buffer.from('\x00\x00\x00\x20ftypM4A \x00\x00'), 'a.m4a', 'audio/x-m4a', 'audio/mp4'],
      [Buffer.from('\x00\x00\x00\x20ftypmp42\x00\x00'), 'a.m4a', 'audio/mp4', 'audio/mp4'],
      [Buffer.from('\x00\x00\x00\x14ftypqt  \x00\x00'), 'IMG_0001.MOV', 'video/quicktime', 'video/quicktime'],
      [Buffer.from('\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm', 'latin1'), 'a.webm', 'video/webm', 'video/webm'],
      [Buffer.from('\x00\x00\x00\x18ftypheic\x00\x00'), 'a.heic', 'image/heic', null],
      [Buffer.from([0xff, 0xf1, 0x50, 0x80]), 'a.aac', 'audio/aac', null],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg', 'image/svg+xml', null],
      [Buffer.from('%PDF-1.7'), 'a.pdf', 'image/png', null],
    ];
    for (const [head, name, declared, mime] of cases) expect(resolveType(sniff(head), declared, name)?.mime ?? null, name).toBe(mime);
  });
});
