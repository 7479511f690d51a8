import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { LIVE_LIMITS } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useLiveChat } from '../api/use-live-chat.ts';

const timeFmt = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/**
 * A chat: the log (announced politely as messages arrive), then a composer. Enter sends, Shift+Enter breaks the line.
 * When the segment is closed the log stays readable and the composer says why it is off.
 */
export function ChatPanel({
  sessionId,
  groupId,
  channel,
  meId,
  title,
  notice,
  closedReason,
}: {
  sessionId: string;
  groupId: string | null;
  channel: string;
  meId: string;
  title: string;
  notice?: ReactNode;
  closedReason?: string | null;
}) {
  const chat = useLiveChat(sessionId, groupId, channel);
  const [draft, setDraft] = useState('');
  // A log, not a list: role="log" on an <ol> would leave its items outside any list (axe: listitem).
  const logRef = useRef<HTMLDivElement>(null);
  const inputId = useId();
  const count = chat.messages.length + chat.pending.length;

  // Keep the newest message in view as the log grows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll whenever the number of messages changes
  useEffect(() => {
    const el = logRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [count]);

  const send = (e?: FormEvent) => {
    e?.preventDefault();
    const body = draft.trim();
    if (!body || closedReason) return;
    setDraft('');
    void chat.post(body);
  };

  return (
    <section className="chat" aria-label={title}>
      <header className="chat-head">
        <h3>{title}</h3>
        {notice}
      </header>
      {chat.query.isPending ? (
        <div className="chat-log" aria-busy="true">
          <Skeleton height={36} />
          <Skeleton height={36} width="70%" />
        </div>
      ) : chat.query.isError ? (
        <p className="chat-empty" role="alert">
          Could not load the chat.{' '}
          <button type="button" className="link-btn" onClick={() => chat.query.refetch()}>
            Try again
          </button>
        </p>
      ) : (
        <div className="chat-log" ref={logRef} role="log" aria-live="polite" aria-label={`${title} messages`} tabIndex={0}>
          {count === 0 ? <div className="chat-empty">No messages yet. Say hello.</div> : null}
          {chat.messages.map((m) => (
            <div key={m.id} className="chat-msg" data-mine={m.author.id === meId || undefined}>
              <span className="chat-meta">
                <strong>{m.author.id === meId ? 'You' : m.author.name}</strong>
                <time dateTime={m.createdAt}>{timeFmt.format(new Date(m.createdAt))}</time>
              </span>
              <span className="chat-body">{m.body}</span>
            </div>
          ))}
          {chat.pending.map((p) => (
            <div key={p.clientId} className="chat-msg" data-mine="true" data-pending={p.error ? 'failed' : 'sending'}>
              <span className="chat-meta">
                <strong>You</strong>
                <span>{p.error ? 'Not sent' : 'Sending…'}</span>
              </span>
              <span className="chat-body">{p.body}</span>
              {p.error ? (
                <span className="chat-failed">
                  <span>{p.error}</span>
                  <button type="button" className="link-btn" onClick={() => void chat.post(p.body, p.clientId)}>
                    Retry
                  </button>
                  <button type="button" className="link-btn" onClick={() => chat.discard(p.clientId)}>
                    Discard
                  </button>
                </span>
              ) : null}
            </div>
          ))}
        </div>
      )}
      {closedReason ? (
        <p className="chat-closed">
          <Icon name="lock" size={16} /> {closedReason}
        </p>
      ) : (
        <form className="chat-form" onSubmit={send}>
          <label htmlFor={inputId} className="visually-hidden">
            Message to {title.toLowerCase()}
          </label>
          <textarea
            id={inputId}
            className="textarea chat-input"
            rows={1}
            value={draft}
            maxLength={LIVE_LIMITS.message}
            placeholder="Write a message…"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) send(e);
            }}
          />
          <Button type="submit" disabled={!draft.trim()} aria-label="Send message">
            <Icon name="arrowRight" size={18} />
            <span className="chat-send-label">Send</span>
          </Button>
        </form>
      )}
    </section>
  );
}
