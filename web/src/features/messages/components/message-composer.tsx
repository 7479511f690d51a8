import { type KeyboardEvent, useState } from 'react';
import { MESSAGE_LIMITS } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { ApiError } from '../../../lib/api-error.ts';

/** The message box: Enter sends, Shift+Enter starts a new line; the text stays when sending fails. */
export function MessageComposer({ onSend, pending, error }: { onSend: (body: string, done: () => void) => void; pending: boolean; error: unknown }) {
  const [value, setValue] = useState('');
  const tooLong = value.length > MESSAGE_LIMITS.body;
  const submit = () => {
    if (!value.trim() || tooLong || pending) return;
    onSend(value, () => setValue(''));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  const apiError = error instanceof ApiError ? error : null;
  return (
    <form
      className="message-composer"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {apiError ? <Alert>{apiError.code === 'RATE_LIMITED' ? `${apiError.detail} Your message is still here.` : apiError.detail}</Alert> : null}
      {tooLong ? <Alert>That message is too long ({value.length} of {MESSAGE_LIMITS.body} characters).</Alert> : null}
      <div className="message-composer-row">
        <label htmlFor="message-body" className="visually-hidden">
          Message
        </label>
        <textarea
          id="message-body"
          className="textarea"
          rows={2}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Write a message. Markdown works."
          aria-describedby="message-hint"
        />
        <Button type="submit" loading={pending} disabled={!value.trim() || tooLong} aria-label="Send message">
          <Icon name="arrowRight" size={18} />
          <span className="send-label">Send</span>
        </Button>
      </div>
      <span id="message-hint" className="field-hint">
        Enter to send, Shift+Enter for a new line
      </span>
    </form>
  );
}
