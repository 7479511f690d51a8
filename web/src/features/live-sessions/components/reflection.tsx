import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import type { JournalEntry } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { api } from '../../../lib/api-client.ts';

/**
 * Private reflection: the draft is kept in this browser (localStorage) and survives a reload; "Save to my journal"
 * saves it on the server as a private journal entry (one per session, rewritten on each save). Nobody else reads it
 * unless the person shares that entry from their journal.
 */
export function Reflection({ sessionId, segmentId, prompt }: { sessionId: string; segmentId: string; prompt: string }) {
  const key = `hearth.live.reflection.${sessionId}.${segmentId}`;
  const [text, setText] = useState(() => {
    try {
      return localStorage.getItem(key) ?? '';
    } catch {
      return '';
    }
  });
  const id = useId();
  const save = useMutation({ mutationFn: (body: string) => api<JournalEntry>(`/api/live-sessions/${encodeURIComponent(sessionId)}/reflection`, { method: 'POST', body: { body } }) });
  useEffect(() => {
    try {
      if (text) localStorage.setItem(key, text);
      else localStorage.removeItem(key);
    } catch {
      /* storage off: the text lives until the page closes */
    }
  }, [key, text]);
  return (
    <div className="reflection">
      <label htmlFor={id} className="field-label">
        Your reflection
      </label>
      <textarea id={id} className="textarea" rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={prompt || 'What will you do differently next week?'} />
      <p className="field-hint">Private. Save it to your journal to keep it; nobody else can read it unless you share that entry.</p>
      <div className="ft-inline" style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button size="sm" variant="secondary" disabled={!text.trim()} loading={save.isPending} onClick={() => save.mutate(text.trim())}>
          Save to my journal
        </Button>
        <span role="status" className="field-hint">
          {save.isSuccess ? 'Saved to your journal.' : save.isError ? `Not saved: ${save.error.message}` : ''}
        </span>
      </div>
    </div>
  );
}
