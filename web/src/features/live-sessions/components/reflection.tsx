import { useEffect, useId, useState } from 'react';

/**
 * Private reflection, kept only in this browser (localStorage), never sent to Hearth: nobody else can read it,
 * not the facilitators, not the group. The text survives a reload on this device.
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
      <p className="field-hint">Kept only in this browser on this device. It is never sent to Hearth — nobody else can read it.</p>
    </div>
  );
}
