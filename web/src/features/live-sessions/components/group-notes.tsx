import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { type GroupNotes as Notes, LIVE_LIMITS } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { api } from '../../../lib/api-client.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { relativeTime } from '../../../lib/relative-time.ts';
import { useChannel } from '../../../lib/use-channel.ts';
import { liveKeys } from '../api/live-keys.ts';
import { useGroupNotes } from '../api/use-live.ts';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string } | { kind: 'conflict'; theirs: Notes };

/**
 * Shared notes of a group or pair. Edits save themselves a second after typing stops, against the version they
 * started from; when someone else saved in between, nothing is overwritten: the person sees both and chooses to take
 * theirs, keep both (theirs, then mine) or replace with mine. Others' saves flow in live while one is not typing.
 */
export function GroupNotes({ sessionId, groupId, channel, readOnly }: { sessionId: string; groupId: string; channel: string; readOnly?: boolean }) {
  const qc = useQueryClient();
  const notes = useGroupNotes(sessionId, groupId);
  const [text, setText] = useState<string | null>(null);
  const [base, setBase] = useState(0);
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const id = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const textRef = useRef(text);
  textRef.current = text;

  // Adopt the server's copy when there are no unsaved edits.
  useEffect(() => {
    if (notes.data && !dirty && save.kind !== 'conflict') {
      setText(notes.data.body);
      setBase(notes.data.version);
    }
  }, [notes.data, dirty, save.kind]);

  useChannel(channel, (e) => {
    if (e.type === 'resynced' || e.what === 'notes') void qc.invalidateQueries({ queryKey: liveKeys.notes(sessionId, groupId) });
  });

  const put = async (body: string, version: number) => {
    setSave({ kind: 'saving' });
    try {
      const saved = await api<Notes>(`/api/live-sessions/${encodeURIComponent(sessionId)}/groups/${encodeURIComponent(groupId)}/notes`, { method: 'PUT', body: { body, version } });
      qc.setQueryData(liveKeys.notes(sessionId, groupId), saved);
      setBase(saved.version);
      // Typing may have continued while saving: stay dirty then, and the next save follows.
      if (textRef.current === body) setDirty(false);
      setSave({ kind: 'saved', at: saved.updatedAt ?? new Date().toISOString() });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'NOTES_CONFLICT') {
        const theirs = await api<Notes>(`/api/live-sessions/${encodeURIComponent(sessionId)}/groups/${encodeURIComponent(groupId)}/notes`).catch(() => null);
        if (theirs) {
          qc.setQueryData(liveKeys.notes(sessionId, groupId), theirs);
          setSave({ kind: 'conflict', theirs });
          return;
        }
      }
      setSave({ kind: 'error', message: err instanceof ApiError ? err.detail : 'Could not save. Your text is kept here; we will try again.' });
    }
  };

  // Autosave one second after typing stops.
  useEffect(() => {
    if (!dirty || text === null || save.kind === 'conflict' || save.kind === 'saving') return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void put(text, base), 1000);
    return () => clearTimeout(timer.current);
    // biome-ignore lint/correctness/useExhaustiveDependencies: save on text changes only
  }, [text, dirty, save.kind]);

  if (notes.isPending || text === null) return <Skeleton height={120} />;
  if (notes.isError) return <p role="alert">Could not load the notes.</p>;

  const resolve = (choice: 'theirs' | 'both' | 'mine') => {
    if (save.kind !== 'conflict') return;
    const theirs = save.theirs;
    if (choice === 'theirs') {
      setText(theirs.body);
      setBase(theirs.version);
      setDirty(false);
      setSave({ kind: 'idle' });
      return;
    }
    // Keep both: their text, then the lines of mine they do not already have.
    const theirLines = new Set(theirs.body.split('\n'));
    const extra = text.split('\n').filter((l) => l.trim() && !theirLines.has(l));
    const body = choice === 'both' ? [theirs.body, ...extra].filter(Boolean).join('\n') : text;
    setText(body);
    setBase(theirs.version);
    void put(body, theirs.version);
  };

  const status =
    save.kind === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : save.kind === 'saved' ? `Saved ${relativeTime(save.at)}` : notes.data.updatedBy ? `Last edited by ${notes.data.updatedBy.name}` : 'Nothing written yet';

  return (
    <div className="notes">
      <div className="notes-head">
        <label htmlFor={id} className="notes-label">
          Shared notes
        </label>
        <span className="notes-status" role="status">
          {status}
        </span>
      </div>
      {save.kind === 'conflict' ? (
        <div className="notes-conflict" role="alert">
          <p>
            <Icon name="alert" size={16} /> <strong>Someone else edited these notes</strong>
            {save.theirs.updatedBy ? ` (${save.theirs.updatedBy.name})` : ''} while you were typing. Nothing was overwritten.
          </p>
          <details>
            <summary>Their version</summary>
            <pre className="notes-theirs">{save.theirs.body || '(empty)'}</pre>
          </details>
          <div className="row">
            <Button size="sm" variant="secondary" onClick={() => resolve('theirs')}>
              Reload theirs
            </Button>
            <Button size="sm" variant="secondary" onClick={() => resolve('both')}>
              Merge: keep both
            </Button>
            <Button size="sm" variant="ghost" onClick={() => resolve('mine')}>
              Replace with mine
            </Button>
          </div>
        </div>
      ) : null}
      {save.kind === 'error' ? (
        <p className="field-error" role="alert">
          <Icon name="alert" size={16} /> {save.message}{' '}
          <button type="button" className="link-btn" onClick={() => void put(text, base)}>
            Retry now
          </button>
        </p>
      ) : null}
      <textarea
        id={id}
        className="textarea notes-input"
        rows={6}
        value={text}
        readOnly={readOnly}
        maxLength={LIVE_LIMITS.notes}
        placeholder={readOnly ? 'No notes were written.' : 'Ideas, answers, what you agreed on… everyone in the group can edit.'}
        onChange={(e) => {
          setText(e.target.value);
          setDirty(true);
          if (save.kind === 'error' || save.kind === 'saved') setSave({ kind: 'idle' });
        }}
      />
    </div>
  );
}
