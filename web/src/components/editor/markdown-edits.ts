/** A text with a selection, as a textarea holds it. */
export type TextState = { text: string; start: number; end: number };

/** Wraps the selection in `before`/`after` (or inserts a placeholder), keeping the inner text selected. */
export function wrapSelection(s: TextState, before: string, after: string, placeholder: string): TextState {
  const inner = s.text.slice(s.start, s.end) || placeholder;
  const text = s.text.slice(0, s.start) + before + inner + after + s.text.slice(s.end);
  const start = s.start + before.length;
  return { text, start, end: start + inner.length };
}

/** Prefixes every line touched by the selection (lists, quotes). */
export function prefixLines(s: TextState, prefix: string): TextState {
  const lineStart = s.text.lastIndexOf('\n', s.start - 1) + 1;
  const block = s.text.slice(lineStart, s.end) || '';
  const prefixed = block
    .split('\n')
    .map((l) => prefix + l)
    .join('\n');
  const text = s.text.slice(0, lineStart) + prefixed + s.text.slice(s.end);
  return { text, start: lineStart + prefix.length, end: lineStart + prefixed.length };
}

/** Makes the selection a link; the URL placeholder is selected so it can be typed over. */
export function insertLink(s: TextState): TextState {
  const label = s.text.slice(s.start, s.end) || 'link text';
  const inserted = `[${label}](https://)`;
  const text = s.text.slice(0, s.start) + inserted + s.text.slice(s.end);
  const urlStart = s.start + label.length + 3;
  return { text, start: urlStart, end: urlStart + 'https://'.length };
}

/** Code: inline for a part of a line, a fenced block for several lines or nothing selected on an empty line. */
export function insertCode(s: TextState): TextState {
  const selected = s.text.slice(s.start, s.end);
  if (selected && !selected.includes('\n')) return wrapSelection(s, '`', '`', 'code');
  const lead = s.start > 0 && s.text[s.start - 1] !== '\n' ? '\n' : '';
  return wrapSelection(s, `${lead}\`\`\`\n`, '\n```\n', 'code');
}

/** Appends a Markdown quote of `body` (by `name`) at the end, followed by an empty line to type in. */
export function appendQuote(text: string, name: string, body: string): string {
  const quoted = body
    .trim()
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  const lead = text.trim() ? `${text.replace(/\s+$/, '')}\n\n` : '';
  return `${lead}> **${name}** wrote:\n${quoted}\n\n`;
}

const MENTION = /(^|[\s(])@([\p{L}][\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*)?)$/u;

/** The "@partial name" being typed just before the caret, if any: where the @ is and the text after it. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - 40), caret);
  const m = MENTION.exec(before);
  if (!m) return null;
  const query = m[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Replaces "@partial" (from `start` to the caret) with the mention link syntax the server renders. */
export function insertMention(text: string, start: number, caret: number, person: { id: string; name: string }): TextState {
  const name = person.name.replace(/[[\]]/g, '');
  const link = `[@${name}](/people/${person.id}) `;
  const next = text.slice(0, start) + link + text.slice(caret);
  const pos = start + link.length;
  return { text: next, start: pos, end: pos };
}
