import { useState } from 'react';
import type { JournalEntry, JournalShareTargets } from '../../../../../contracts/index.ts';
import { JOURNAL_LIMITS } from '../../../../../contracts/index.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { SkeletonRows } from '../../../components/ui/skeleton.tsx';
import { Textarea } from '../../../components/ui/textarea.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { useJournal, useJournalActions, useSharedWithMe, useShareTargets } from '../api/use-follow-through.ts';
import '../follow-through.css';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Sharing controls of one of my entries: who sees it (revocable) and a picker of my manager and named peers. */
function EntrySharing({ e, targets }: { e: JournalEntry; targets: JournalShareTargets | undefined }) {
  const { share, revoke } = useJournalActions();
  const [to, setTo] = useState('');
  const shared = new Set(e.sharedWith.map((p) => p.id));
  const options = [...(targets?.manager ? [{ ...targets.manager, role: 'your manager' }] : []), ...(targets?.peers ?? []).map((p) => ({ ...p, role: 'peer' }))].filter((p) => !shared.has(p.id));
  return (
    <div className="ft-sharing">
      {e.sharedWith.length ? (
        <ul className="chips" aria-label="Shared with">
          {e.sharedWith.map((p) => (
            <li key={p.id} className="chip chip-ember">
              Shared with {p.name}
              <Button variant="ghost" size="sm" onClick={() => revoke.mutate({ id: e.id, personId: p.id })} aria-label={`Stop sharing with ${p.name}`}>
                Stop sharing
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">Private: only you can read this.</p>
      )}
      {options.length ? (
        <form
          className="ft-inline"
          onSubmit={(ev) => {
            ev.preventDefault();
            if (to) share.mutate({ id: e.id, personId: to }, { onSuccess: () => setTo('') });
          }}
        >
          <label className="visually-hidden" htmlFor={`share-${e.id}`}>
            Share this entry with
          </label>
          <Select id={`share-${e.id}`} value={to} onChange={(ev) => setTo(ev.target.value)}>
            <option value="">Share with…</option>
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.role})
              </option>
            ))}
          </Select>
          <Button type="submit" variant="secondary" size="sm" disabled={!to} loading={share.isPending}>
            Share
          </Button>
        </form>
      ) : null}
      {share.isError ? <Alert>{share.error.message}</Alert> : null}
    </div>
  );
}

/** /journal — my private reflections, shared one entry at a time, and the entries colleagues shared with me. */
export function JournalPage() {
  useDocumentTitle('Journal');
  const list = useJournal();
  const shared = useSharedWithMe();
  const targets = useShareTargets();
  const { write } = useJournalActions();
  const [body, setBody] = useState('');
  return (
    <div className="ft-page stack">
      <PageHeader title="Journal" subtitle="Reflect on what you learn. Entries are private; you can share one chosen entry with your manager or a peer, and stop sharing any time." />
      <Card title="New entry" id="journal-new">
        <form
          className="stack-sm"
          onSubmit={(ev) => {
            ev.preventDefault();
            const sent = body.trim();
            // Clears the box only if nothing was typed while saving.
            if (sent) write.mutate({ body: sent }, { onSuccess: () => setBody((b) => (b.trim() === sent ? '' : b)) });
          }}
        >
          <Field label="What did you learn, and how will you use it next week?">
            {(a) => <Textarea {...a} rows={4} maxLength={JOURNAL_LIMITS.body} value={body} onChange={(ev) => setBody(ev.target.value)} />}
          </Field>
          {write.isError ? <Alert>{write.error.message}</Alert> : null}
          <div>
            <Button type="submit" disabled={!body.trim()} loading={write.isPending}>
              Save entry
            </Button>
          </div>
        </form>
      </Card>
      <Card title="My entries" id="journal-mine">
        {list.isPending ? (
          <SkeletonRows rowClassName="ft-entry" label="Loading your journal" rows={2} />
        ) : list.isError ? (
          <ErrorState error={list.error} title="Your journal could not be loaded" onRetry={() => list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState icon="edit" title="No entries yet">
            Write your first reflection above. Reflections from live sessions land here too.
          </EmptyState>
        ) : (
          <ul className="ft-list">
            {list.data.items.map((e) => (
              <li key={e.id} className="ft-entry" aria-label={`Entry of ${day(e.createdAt)}`}>
                {e.prompt ? <p className="muted small">{e.prompt}</p> : null}
                <p className="ft-body">{e.body}</p>
                <p className="muted small">{day(e.createdAt)}</p>
                <EntrySharing e={e} targets={targets.data} />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Shared with me" id="journal-shared">
        {shared.isPending ? (
          <SkeletonRows rowClassName="ft-entry" label="Loading shared entries" rows={1} />
        ) : shared.isError ? (
          <ErrorState error={shared.error} title="Shared entries could not be loaded" onRetry={() => shared.refetch()} />
        ) : shared.data.items.length === 0 ? (
          <EmptyState icon="people" title="Nothing shared with you">
            When a colleague shares a journal entry with you, it appears here.
          </EmptyState>
        ) : (
          <ul className="ft-list">
            {shared.data.items.map((e) => (
              <li key={e.id} className="ft-entry">
                <p className="small">
                  <strong>{e.author.name}</strong> <span className="muted">· {day(e.createdAt)}</span>
                </p>
                {e.prompt ? <p className="muted small">{e.prompt}</p> : null}
                <p className="ft-body">{e.body}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
