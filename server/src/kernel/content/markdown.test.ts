import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isImageHost } from '../../../../contracts/index.ts';
import { withImageHosts } from '../http/security-headers.ts';
import { renderMarkdown } from './markdown.ts';

const MEDIA = '/api/media/0b7d5c0e-1e2b-4a5b-9c3d-123456789abc';

// What a browser's CSP `img-src 'self' data: https://<host>…` lets an <img> of ours load (CSP 3 host-source
// matching for an https source without port or path: https only, default port, no credentials in our case, `*.`
// matching one or more labels in front). Written from the CSP rules, not from the renderer, so the two are compared.
function cspAllows(src: string, hosts: readonly string[]): boolean {
  if (src.startsWith(`/api/media/`)) return true;
  const m = /^https:\/\/([^/?#@:]+)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i.exec(src);
  if (!m) return false;
  const host = m[1].toLowerCase();
  return hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : host === h));
}

const imgs = (html: string): { tag: string; src: string }[] => [...html.matchAll(/<img\b[^>]*>/g)].map((m) => ({ tag: m[0], src: /src="([^"]*)"/.exec(m[0])?.[1] ?? '' }));
const decode = (s: string) => s.replace(/&amp;/g, '&');

// Sources an author could write, with the near-misses that matter: ports, credentials, look-alike and suffix hosts,
// the bare parent of a wildcard, plain http, protocol-relative, upper case, paths that name an allowed host.
const SOURCES = [
  'https://images.example.com/cat.png',
  'https://IMAGES.Example.COM/cat.png?size=2#x',
  'https://images.example.com:8443/cat.png',
  'https://user:pw@images.example.com/cat.png',
  'https://images.example.com.evil.test/cat.png',
  'https://evilimages.example.com/cat.png',
  'https://evil.test/images.example.com/cat.png',
  'https://evil.test/?u=https://images.example.com/',
  'http://images.example.com/cat.png',
  '//images.example.com/cat.png',
  'https://a.cdn.example.org/x.png',
  'https://a.b.cdn.example.org/x.png',
  'https://cdn.example.org/x.png',
  'https://tracker.test/pixel.gif',
  MEDIA,
  `${MEDIA}?x=1`,
  '/api/media/not-an-id',
  '/api/people/me',
  'data:image/png;base64,iVBORw0KGgo=',
  'javascript:alert(1)',
];
const HOST_LISTS: string[][] = [[], ['images.example.com'], ['*.cdn.example.org'], ['images.example.com', '*.cdn.example.org', 'tracker.test']];

const arbImage = fc.record({ src: fc.constantFrom(...SOURCES), alt: fc.constantFrom('', 'a cat', 'diagram *bold*', 'x"y<z>'), linked: fc.boolean() });
const md = (i: { src: string; alt: string; linked: boolean }) => (i.linked ? `[![${i.alt}](${i.src})](https://example.net/page)` : `![${i.alt}](${i.src})`);

describe('Markdown images', () => {
  it('embeds only images the page CSP allows for the same host list, and keeps every other one readable as a link or text', () => {
    fc.assert(
      fc.property(fc.array(arbImage, { minLength: 1, maxLength: 6 }), fc.constantFrom(...HOST_LISTS), fc.constantFrom(' ', '\n\n', ' and '), (images, hosts, sep) => {
        const html = renderMarkdown(images.map(md).join(sep), hosts);
        // No image loads from a source the CSP would block, or from anywhere outside the list.
        for (const img of imgs(html)) expect(cspAllows(decode(img.src), hosts), img.tag).toBe(true);
        const shown = imgs(html).map((i) => decode(i.src));
        const text = decode(html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'));
        for (const i of images) {
          // Uploads by their exact address, and https images from a listed host: nothing the CSP allows is lost.
          const expected = i.src === MEDIA || (i.src.startsWith('https://') && cspAllows(i.src, hosts));
          expect(shown.includes(i.src), i.src).toBe(expected);
          // The alt text stays readable, whether the image was embedded (alt), turned into a link or kept as text.
          const alt = i.alt.replace(/\*/g, '');
          if (alt && !/^(javascript|data):/.test(i.src)) expect(expected ? html.includes(`alt="${alt.replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`) : text.includes(alt), i.alt).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('writes a disallowed image as a link to it that names its host, or as text inside a link', () => {
    expect(renderMarkdown('![a cat](https://tracker.test/cat.png)', ['images.example.com'])).toBe(
      '<p><a href="https://tracker.test/cat.png" rel="nofollow ugc noopener noreferrer" target="_blank">a cat (image on tracker.test)</a></p>\n',
    );
    expect(renderMarkdown('![](https://tracker.test/cat.png)')).toContain('>Image on tracker.test</a>');
    // A badge inside a link keeps the outer link only: links cannot nest.
    expect(renderMarkdown('[![build](https://tracker.test/b.svg)](https://ci.example.net)')).toBe(
      '<p><a href="https://ci.example.net" rel="nofollow ugc noopener noreferrer" target="_blank">build (image on tracker.test)</a></p>\n',
    );
    expect(renderMarkdown(`![diagram](${MEDIA})`)).toBe(`<p><img src="${MEDIA}" alt="diagram" /></p>\n`);
    expect(renderMarkdown('![x](https://images.example.com/a.png "t")', ['images.example.com'])).toBe('<p><img src="https://images.example.com/a.png" alt="x" title="t" /></p>\n');
  });

  it('without a host list allows uploads only', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SOURCES), (src) => {
        for (const img of imgs(renderMarkdown(`![x](${src})`))) expect(img.src).toBe(MEDIA);
      }),
    );
  });
});

describe('the page CSP for an image host list', () => {
  const BASE = "default-src 'self';img-src 'self' data:;script-src 'self';object-src 'none'";
  const directives = (csp: string) => csp.split(';').map((d) => d.trim().split(/\s+/)[0]);

  it('adds exactly the valid hosts to img-src and never another directive, whatever the stored list holds', () => {
    const hostile = fc.constantFrom("x.com; script-src 'unsafe-inline'", 'x.com *', '*', "'unsafe-eval'", 'https://x.com', 'a.com,b.com', 'A.COM', 'x.com\r\nSet-Cookie: a=b', 'data:', '1.2.3.4', '*.com.', ' a.com');
    const valid = fc.constantFrom('images.example.com', '*.cdn.example.org', 'xn--bcher-kva.example', 'a-b.c-d.io');
    fc.assert(
      fc.property(fc.array(fc.oneof(hostile, valid, fc.string()), { maxLength: 8 }), (hosts) => {
        const csp = withImageHosts(BASE, hosts);
        expect(directives(csp)).toEqual(directives(BASE));
        const img = csp.split(';').find((d) => d.startsWith('img-src')) ?? '';
        expect(img).toBe(["img-src 'self' data:", ...hosts.filter(isImageHost).map((h) => `https://${h}`)].join(' '));
        expect(csp).not.toMatch(/[\r\n,]/);
      }),
    );
  });
});
