import { randomBytes } from 'node:crypto';
import { SEARCH_LIMITS } from '../../../../contracts/index.ts';

/**
 * Pure rules of search. Who may see which row is decided in SQL (search.repo.ts) so paging stays exact; this file
 * holds the parts that need no database: the prefix query for names-as-you-type, offsets, and snippet escaping.
 */

/** Words of a query as PostgreSQL's parser would split them, for a prefix query (`word:*`), at most 8. */
export function prefixQuery(q: string): string {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // Only letters and digits survive, so quoting them cannot break the tsquery syntax.
  return words
    .slice(0, 8)
    .map((w) => `'${w}':*`)
    .join(' & ');
}

/** Whether an offset decoded from a cursor is one we serve (deep paging is capped). */
export const isServedOffset = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= SEARCH_LIMITS.maxOffset;

/** Marker strings for one request: random, so text in a document can never pose as a marker. */
export function newMarkers() {
  const nonce = randomBytes(6).toString('hex');
  return { start: `[[hs${nonce}]]`, stop: `[[he${nonce}]]` };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes every character of `s`. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Turns ts_headline output into safe HTML: escape everything, then turn the (escape-proof) markers into `<mark>`.
 * A stray or unbalanced marker cannot occur (ts_headline emits them in pairs), but a stop without a start is dropped
 * and an open mark is closed, so the result is always well-formed.
 */
export function markedHtml(headline: string | null, m: { start: string; stop: string }): string {
  if (!headline) return '';
  let open = false;
  let out = '';
  for (const part of escapeHtml(headline).split(/(\[\[h[se][0-9a-f]{12}\]\])/)) {
    if (part === m.start && !open) {
      out += '<mark>';
      open = true;
    } else if (part === m.stop && open) {
      out += '</mark>';
      open = false;
    } else if (part !== m.start && part !== m.stop) out += part;
  }
  // U+E000 stands for "<" (see search.repo LT): it comes back as an escaped "&lt;".
  return (open ? `${out}</mark>` : out).replaceAll('\uE000', '&lt;');
}
