import { type KeyboardEvent, type Ref, useId, useRef, useState } from 'react';
import { Avatar } from '../ui/avatar.tsx';
import { Icon, type IconName } from '../ui/icon.tsx';
import { RenderedHtml } from '../ui/rendered-html.tsx';
import { Spinner } from '../ui/spinner.tsx';
import { useDebouncedValue } from '../../lib/use-debounced-value.ts';
import { insertCode, insertLink, insertMention, mentionAt, prefixLines, type TextState, wrapSelection } from './markdown-edits.ts';
import { useMarkdownPreview } from './use-markdown-preview.ts';
import { useMentionCandidates } from './use-mention-candidates.ts';

type Tool = { label: string; icon: IconName; keys?: string; apply: (s: TextState) => TextState };

const TOOLS: Tool[] = [
  { label: 'Bold', icon: 'bold', keys: 'b', apply: (s) => wrapSelection(s, '**', '**', 'bold text') },
  { label: 'Italic', icon: 'italic', keys: 'i', apply: (s) => wrapSelection(s, '_', '_', 'italic text') },
  { label: 'Link', icon: 'link', keys: 'k', apply: insertLink },
  { label: 'Bulleted list', icon: 'list', apply: (s) => prefixLines(s, '- ') },
  { label: 'Quote', icon: 'quote', apply: (s) => prefixLines(s, '> ') },
  { label: 'Code', icon: 'code', apply: insertCode },
];

/** Whether a body is over its limit (forms use it to block submitting). */
export const isTooLong = (value: string, max: number) => value.length > max;

/**
 * The Markdown editor used for posts, replies and rules: Write/Preview tabs (the preview is the server's
 * own rendering), a formatting toolbar, @mention autocomplete (arrow keys + Enter insert
 * `[@Name](/people/<id>)`), a character counter and Ctrl/Cmd+Enter to submit.
 */
export function MarkdownEditor({
  label,
  value,
  onChange,
  maxLength,
  onSubmit,
  placeholder,
  hint,
  error,
  disabled,
  rows = 6,
  textareaRef,
  hideLabel,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  onSubmit?: () => void;
  placeholder?: string;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
  rows?: number;
  textareaRef?: Ref<HTMLTextAreaElement | null>;
  hideLabel?: boolean;
}) {
  const id = useId();
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const area = useRef<HTMLTextAreaElement | null>(null);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(mention?.query ?? '', 150);
  const candidates = useMentionCandidates(mention ? query : '');
  const people = mention ? (candidates.data?.items ?? []) : [];
  const showList = Boolean(mention && query && people.length);
  const preview = useMarkdownPreview(value, tab === 'preview');
  const over = isTooLong(value, maxLength);
  const near = value.length > maxLength * 0.9;

  const setRef = (el: HTMLTextAreaElement | null) => {
    area.current = el;
    if (typeof textareaRef === 'function') textareaRef(el);
    else if (textareaRef) (textareaRef as { current: HTMLTextAreaElement | null }).current = el;
  };

  const apply = (next: TextState) => {
    onChange(next.text);
    // Restore the selection after React re-renders the controlled value.
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.start, next.end);
    });
  };

  const applyTool = (tool: Tool) => {
    const el = area.current;
    if (!el) return;
    apply(tool.apply({ text: value, start: el.selectionStart, end: el.selectionEnd }));
  };

  const track = (text: string, caret: number) => {
    const m = mentionAt(text, caret);
    setMention(m);
    if (m?.query !== mention?.query) setActive(0);
  };

  const choose = (person: { id: string; name: string }) => {
    const el = area.current;
    if (!el || !mention) return;
    apply(insertMention(value, mention.start, el.selectionStart, person));
    setMention(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (showList) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : -1) + people.length) % people.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        const p = people[active];
        if (p) {
          e.preventDefault();
          choose(p);
          return;
        }
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        setMention(null);
        return;
      }
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      onSubmit?.();
      return;
    }
    if (e.ctrlKey || e.metaKey) {
      const tool = TOOLS.find((t) => t.keys === e.key.toLowerCase());
      if (tool) {
        e.preventDefault();
        applyTool(tool);
      }
    }
  };

  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const counterId = `${id}-count`;
  const describedBy = [hint ? hintId : null, error ? errorId : null, counterId].filter(Boolean).join(' ');

  return (
    <div className="md-editor" data-disabled={disabled || undefined}>
      <div className="md-editor-top">
        <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
          {label}
        </label>
        <div className="md-tabs" role="tablist" aria-label="Write or preview">
          {(['write', 'preview'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`${id}-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`${id}-panel-${t}`}
              tabIndex={tab === t ? 0 : -1}
              className="md-tab"
              disabled={disabled}
              onClick={() => setTab(t)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  const next = t === 'write' ? 'preview' : 'write';
                  setTab(next);
                  document.getElementById(`${id}-tab-${next}`)?.focus();
                }
              }}
            >
              {t === 'write' ? 'Write' : 'Preview'}
            </button>
          ))}
        </div>
      </div>
      <div className="md-frame" data-invalid={over || Boolean(error) || undefined}>
        <div id={`${id}-panel-write`} role="tabpanel" aria-labelledby={`${id}-tab-write`} hidden={tab !== 'write'}>
          <div className="md-toolbar" role="toolbar" aria-label="Formatting" aria-controls={id}>
            {TOOLS.map((t) => (
              <button
                key={t.label}
                type="button"
                className="icon-btn"
                title={t.keys ? `${t.label} (Ctrl+${t.keys.toUpperCase()})` : t.label}
                aria-label={t.label}
                disabled={disabled}
                onClick={() => applyTool(t)}
              >
                <Icon name={t.icon} size={17} />
              </button>
            ))}
            <span className="md-toolbar-note">Markdown · type @ to mention</span>
          </div>
          <div className="md-area-wrap">
            <textarea
              ref={setRef}
              id={id}
              className="md-textarea"
              value={value}
              rows={rows}
              placeholder={placeholder}
              disabled={disabled}
              aria-invalid={over || Boolean(error) || undefined}
              aria-describedby={describedBy}
              aria-autocomplete="list"
              aria-controls={showList ? listId : undefined}
              aria-activedescendant={showList ? `${listId}-${active}` : undefined}
              onChange={(e) => {
                onChange(e.target.value);
                track(e.target.value, e.target.selectionStart);
              }}
              onKeyDown={onKeyDown}
              onClick={(e) => track(value, e.currentTarget.selectionStart)}
              onBlur={() => setTimeout(() => setMention(null), 150)}
            />
            {showList ? (
              <ul className="md-mentions" role="listbox" id={listId} aria-label="People to mention">
                {people.map((p, i) => (
                  <li
                    key={p.id}
                    id={`${listId}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className="md-mention"
                    onMouseDown={(e) => {
                      e.preventDefault();
                      choose(p);
                    }}
                    onMouseEnter={() => setActive(i)}
                  >
                    <Avatar personId={p.id} name={p.name} src={p.avatarUrl} size="xs" />
                    <span>
                      <strong>{p.name}</strong>
                      {p.title ? <span className="muted"> · {p.title}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
        <div id={`${id}-panel-preview`} role="tabpanel" aria-labelledby={`${id}-tab-preview`} hidden={tab !== 'preview'} className="md-preview" tabIndex={0}>
          {tab !== 'preview' ? null : !value.trim() ? (
            <p className="muted">Nothing to preview yet.</p>
          ) : preview.isPending ? (
            <Spinner label="Rendering preview" />
          ) : preview.isError ? (
            <p className="field-error">The preview could not be rendered. Your text is safe; try again in a moment.</p>
          ) : (
            <RenderedHtml html={preview.data.html} />
          )}
        </div>
      </div>
      <div className="md-editor-foot">
        <span>
          {hint ? (
            <span id={hintId} className="field-hint">
              {hint}
            </span>
          ) : null}
          {error ? (
            <span id={errorId} className="field-error">
              <Icon name="alert" size={16} />
              {error}
            </span>
          ) : null}
        </span>
        <span id={counterId} className="md-counter" data-state={over ? 'over' : near ? 'near' : undefined} aria-live={near ? 'polite' : 'off'}>
          {over ? `${(value.length - maxLength).toLocaleString()} characters over the limit` : `${value.length.toLocaleString()} / ${maxLength.toLocaleString()}`}
        </span>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {showList ? `${people.length} people found. Use the up and down arrows and Enter to mention.` : ''}
      </span>
    </div>
  );
}
