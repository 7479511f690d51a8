import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Two layers on purpose: markdown-it with html:false never passes raw HTML through, and sanitize-html then
// enforces an allowlist on whatever markdown-it produced (so a parser bug cannot smuggle script, event
// handlers or javascript: URLs). Links are rewritten to carry rel="nofollow ugc noopener".
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url) => /^(https?:|mailto:|\/(?!\/)|#)/i.test(url.trim());

/**
 * Hosts whose https images an organization's Markdown may embed (lower-case names, `*.example.com` for every
 * subdomain, as contracts' ImageHost accepts them). Files uploaded to Hearth are always allowed.
 */
export type ImageHosts = readonly string[];

const MEDIA_SRC = /^\/api\/media\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * True when an image at `src` may be embedded: an upload (`/api/media/<id>`, same origin), or https on the default
 * port, without credentials, from a listed host. These are the sources the page's CSP img-src allows for the same
 * list, so what is rendered as an image is also what the browser will load.
 */
export function isAllowedImage(src: string, hosts: ImageHosts): boolean {
  if (MEDIA_SRC.test(src)) return true;
  let url: URL;
  try {
    url = new URL(src);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname;
  return hosts.some((h) => (h.startsWith('*.') ? host.length > h.length - 1 && host.endsWith(h.slice(1)) : host === h));
}

type Env = { imageHosts?: ImageHosts };

const defaultImage = md.renderer.rules.image;
// An image from anywhere else would tell its host the address and reading time of everyone who opens the page, so it
// is written as a plain link instead: following it is the reader's choice. Inside a link (a linked badge) only its
// text is kept, as a link cannot hold another.
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = String(token.attrGet('src') ?? '');
  if (isAllowedImage(src, (env as Env | undefined)?.imageHosts ?? [])) return defaultImage ? defaultImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  const alt = self.renderInlineAsText(token.children ?? [], options, env).trim();
  let where = '';
  try {
    where = new URL(src).hostname;
  } catch {
    /* a relative address: no host to name */
  }
  const label = alt ? `${alt} (image${where ? ` on ${where}` : ''})` : `Image${where ? ` on ${where}` : ''}`;
  let depth = 0;
  for (let i = 0; i < idx; i++) depth += tokens[i].type === 'link_open' ? 1 : tokens[i].type === 'link_close' ? -1 : 0;
  const text = md.utils.escapeHtml(label);
  return depth > 0 ? text : `<a href="${md.utils.escapeHtml(src)}">${text}</a>`;
};

const MENTION_HREF = /^\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const SANITIZE = {
  allowedTags: ['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img'],
  allowedAttributes: { a: ['href', 'rel', 'target', 'class', 'title'], img: ['src', 'alt', 'title'], ol: ['start'], th: ['style'], td: ['style'] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href ?? '';
      let out: sanitizeHtml.Attributes = { href, rel: 'nofollow ugc noopener noreferrer', target: '_blank' };
      if (MENTION_HREF.test(href)) out = { href, class: 'mention' };
      else if (href.startsWith('/') || href.startsWith('#')) out = { href };
      return { tagName, attribs: out };
    },
  },
} satisfies sanitizeHtml.IOptions;

/**
 * Renders user Markdown to sanitized HTML: no raw HTML, no scripts, no event handlers, no javascript: URLs, and images
 * only from uploads and `imageHosts` (others become links). The sanitizer drops any other <img> that a parser bug
 * might let through.
 */
export function renderMarkdown(source: string, imageHosts: ImageHosts = []): string {
  const env: Env = { imageHosts };
  return sanitizeHtml(md.render(source, env), {
    ...SANITIZE,
    exclusiveFilter: (frame) => frame.tag === 'img' && !isAllowedImage(frame.attribs.src ?? '', imageHosts),
  });
}

/** Ids of people mentioned as `[@Name](/people/<id>)`, without duplicates, in order. */
export function extractMentions(source: string): string[] {
  const ids = new Set<string>();
  for (const m of source.matchAll(/\[@[^\]]{1,120}\]\(\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi)) {
    ids.add(m[1].toLowerCase());
  }
  return [...ids];
}

/** Plain text of rendered Markdown, whitespace collapsed, cut at `max` characters on a word boundary. */
export function plainExcerpt(source: string, max = 200): string {
  const text = sanitizeHtml(md.render(source), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
