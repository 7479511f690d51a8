import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Two layers on purpose: markdown-it with html:false never passes raw HTML through, and sanitize-html then
// enforces an allowlist on whatever markdown-it produced (so a parser bug cannot smuggle script, event
// handlers or javascript: URLs). Links are rewritten to carry rel="nofollow ugc noopener".
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
md.validateLink = (url) => /^(https?:|mailto:|\/(?!\/)|#)/i.test(url.trim());

const MENTION_HREF = /^\/people\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const SANITIZE: sanitizeHtml.IOptions = {
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
};

/** Renders user Markdown to sanitized HTML: no raw HTML, no scripts, no event handlers, no javascript: URLs. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE);
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
