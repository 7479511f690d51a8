import type { MediaKind } from '../../../../contracts/index.ts';

/** Bytes of the file's head the sniffer looks at. */
export const SNIFF_BYTES = 64;

/** What the content can be: MIME type per kind, preferred kind first (MP4, WebM and Ogg hold audio or video). */
export type Sniffed = Partial<Record<MediaKind, string>>;

const ascii = (b: Buffer, at: number, s: string) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

/**
 * Decides the type from the first bytes (magic numbers), never from the name or the declared type. Returns null for
 * anything not accepted (SVG, HTML, executables, archives, text…). Hand-written on purpose: eight formats, no
 * dependency, and no format is accepted that is not listed here.
 */
export function sniff(head: Buffer): Sniffed | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { image: 'image/jpeg' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { image: 'image/png' };
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return { image: 'image/gif' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return { image: 'image/webp' };
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return { audio: 'audio/wav' };
  if (ascii(head, 0, '%PDF-')) return { pdf: 'application/pdf' };
  if (ascii(head, 0, 'ID3')) return { audio: 'audio/mpeg' };
  // An MPEG audio frame: 11 sync bits, then a version and a layer that are not "reserved" (ADTS AAC has layer 00).
  if (head.length >= 2 && head[0] === 0xff && (head[1] & 0xe0) === 0xe0 && (head[1] & 0x06) !== 0 && (head[1] & 0x18) !== 0x08) return { audio: 'audio/mpeg' };
  if (ascii(head, 0, 'OggS')) return head.includes('theora', 0, 'latin1') ? { video: 'video/ogg' } : { audio: 'audio/ogg', video: 'video/ogg' };
  if (ascii(head, 4, 'ftyp')) {
    const brand = head.toString('latin1', 8, 12);
    if (brand === 'M4A ' || brand === 'M4B ' || brand === 'M4P ') return { audio: 'audio/mp4' };
    if (brand === 'qt  ') return { video: 'video/quicktime' };
    // HEIC/AVIF images are ftyp too; they are not accepted (browsers cannot show HEIC).
    if (/^(hei|hev|mif|msf|avi)/.test(brand)) return null;
    return { video: 'video/mp4', audio: 'audio/mp4' };
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) {
    return head.includes('webm', 0, 'latin1') ? { video: 'video/webm', audio: 'audio/webm' } : { video: 'video/x-matroska' };
  }
  return null;
}

const EXTENSION_KIND: Record<string, MediaKind> = {
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image',
  mp3: 'audio', m4a: 'audio', m4b: 'audio', wav: 'audio', ogg: 'audio', oga: 'audio', opus: 'audio', weba: 'audio',
  mp4: 'video', m4v: 'video', mov: 'video', webm: 'video', mkv: 'video', ogv: 'video',
  pdf: 'pdf',
};

/** The kind a declared MIME type names; undefined when it declares nothing useful (empty, octet-stream); null when not accepted. */
function declaredMimeKind(mime: string): MediaKind | null | undefined {
  const m = mime.toLowerCase().split(';')[0].trim();
  if (!m || m === 'application/octet-stream') return undefined;
  if (m === 'application/pdf') return 'pdf';
  const top = m.split('/')[0];
  if ((top === 'image' || top === 'audio' || top === 'video') && !m.includes('svg')) return top;
  return null;
}

/** The kind a file name's extension names; undefined without an extension; null for an extension not accepted. */
function extensionKind(name: string): MediaKind | null | undefined {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return undefined;
  return EXTENSION_KIND[name.slice(dot + 1).toLowerCase()] ?? null;
}

/**
 * Resolves the stored kind and MIME type: the content decides; a declared type or extension may pick between the
 * kinds a container can hold (an .m4a is audio), but one that contradicts the content is refused (null → 415).
 */
export function resolveType(sniffed: Sniffed | null, declaredMime: string, fileName: string): { kind: MediaKind; mime: string } | null {
  if (!sniffed) return null;
  const declared = [declaredMimeKind(declaredMime), extensionKind(fileName)];
  if (declared.some((k) => k === null)) return null;
  const wanted = declared.filter((k): k is MediaKind => k !== undefined);
  const candidates = Object.keys(sniffed) as MediaKind[];
  // Audio-in-video containers: audio/* declared for an .mp4/.webm is fine, so compare against all candidates.
  if (wanted.some((k) => !candidates.includes(k))) return null;
  const kind = wanted[0] ?? candidates[0];
  return { kind, mime: sniffed[kind] as string };
}
