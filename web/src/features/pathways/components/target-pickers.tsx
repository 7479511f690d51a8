import { useState } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { ApiError } from '../../../lib/api-error.ts';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useMyCommunities, useResourceOptions, useSearchOptions, useThreadOptions } from '../api/use-step-targets.ts';

/** What a step points at, as the editor keeps it. */
export type TargetRef = { id: string; title: string; meta?: string };

type PickerProps = {
  /** Id of the first control (the field's label points at it). */
  id: string;
  describedBy?: string;
  invalid?: boolean;
  value: TargetRef | null;
  onChange: (v: TargetRef) => void;
  /** Names the step in control labels ("step 2"). */
  stepLabel: string;
};

type Option = { id: string; title: string; sub: string; icon: IconName };

function message(error: unknown) {
  return error instanceof ApiError ? error.detail : 'Something went wrong. Please try again.';
}

/** The chosen target with a Change button. */
function Chosen({ id, value, onOpen, describedBy, invalid, what, stepLabel }: { id: string; value: TargetRef | null; onOpen: () => void; describedBy?: string; invalid?: boolean; what: string; stepLabel: string }) {
  return (
    <div className="target-chosen" data-invalid={invalid || undefined}>
      {value ? (
        <span className="target-chosen-text">
          <strong>{value.title}</strong>
          {value.meta ? <span className="muted small">{value.meta}</span> : null}
        </span>
      ) : (
        <span className="muted">No {what} chosen yet</span>
      )}
      <Button id={id} variant="secondary" size="sm" onClick={onOpen} aria-describedby={describedBy} aria-label={`${value ? 'Change' : 'Choose'} the ${what} of ${stepLabel}`}>
        {value ? 'Change' : `Choose ${what}`}
      </Button>
    </div>
  );
}

/** Results of a picker: loading, error, empty, or buttons to choose from (with "load more" when browsing). */
function Options({
  label,
  state,
  options,
  empty,
  onPick,
  more,
}: {
  label: string;
  state: { pending: boolean; error: unknown };
  options: Option[];
  empty: string;
  onPick: (o: Option) => void;
  more?: { has: boolean; loading: boolean; load: () => void; label: string };
}) {
  if (state.pending)
    return (
      <p className="muted small target-picker-note" role="status">
        Loading…
      </p>
    );
  if (state.error)
    return (
      <p className="field-error target-picker-note" role="alert">
        <Icon name="alert" size={16} />
        {message(state.error)}
      </p>
    );
  return (
    <ul className="picker-results" aria-label={label}>
      {options.length === 0 ? <li className="muted target-picker-note">{empty}</li> : null}
      {options.map((o) => (
        <li key={o.id}>
          <button type="button" onClick={() => onPick(o)}>
            <Icon name={o.icon} size={18} />
            <span className="target-option">
              <strong>{o.title}</strong>
              <span className="muted small">{o.sub}</span>
            </span>
          </button>
        </li>
      ))}
      {more?.has ? (
        <li>
          <button type="button" className="picker-more" onClick={more.load} disabled={more.loading}>
            {more.loading ? 'Loading…' : more.label}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

/** Picks a shared resource the author can see: the newest ones, or search by words. */
export function ResourcePicker({ id, describedBy, invalid, value, onChange, stepLabel }: PickerProps) {
  const [open, setOpen] = useState(!value);
  const [q, setQ] = useState('');
  const words = useDebouncedValue(q.trim(), 250);
  const list = useResourceOptions(null, open && !words);
  const search = useSearchOptions('resources', open ? words : '');
  if (!open) return <Chosen id={id} value={value} onOpen={() => setOpen(true)} describedBy={describedBy} invalid={invalid} what="resource" stepLabel={stepLabel} />;
  const options: Option[] = words
    ? (search.data?.items ?? []).map((h) => ({ id: h.id, title: h.title, sub: [h.meta, h.community?.name ?? 'Library'].filter(Boolean).join(' · '), icon: 'file' }))
    : (list.data?.pages.flatMap((p) => p.items) ?? []).map((r) => ({ id: r.id, title: r.title, sub: [r.type, r.community?.name ?? 'Library'].join(' · '), icon: 'file' }));
  const pick = (o: Option) => {
    onChange({ id: o.id, title: o.title, meta: o.sub });
    setOpen(false);
    setQ('');
  };
  return (
    <div className="target-picker">
      <div className="row target-picker-bar">
        <div className="input-with-icon" style={{ flex: 1, minWidth: 180 }}>
          <Icon name="search" size={18} />
          <Input
            id={id}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search resources, or pick a recent one"
            aria-label={`Find a resource for ${stepLabel}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            autoComplete="off"
          />
        </div>
        {value ? (
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        ) : null}
      </div>
      <Options
        label={`Resources for ${stepLabel}`}
        state={words ? { pending: search.isPending, error: search.error } : { pending: list.isPending, error: list.error }}
        options={options}
        empty={words ? 'No resource matches those words.' : 'No resources have been shared yet.'}
        onPick={pick}
        more={words ? undefined : { has: list.hasNextPage, loading: list.isFetchingNextPage, load: () => void list.fetchNextPage(), label: 'Load more resources' }}
      />
    </div>
  );
}

/** Picks a discussion thread: browse one of the person's communities, or search every thread they can see. */
export function ThreadPicker({ id, describedBy, invalid, value, onChange, stepLabel, defaultCommunityId }: PickerProps & { defaultCommunityId: string | null }) {
  const [open, setOpen] = useState(!value);
  const [q, setQ] = useState('');
  const words = useDebouncedValue(q.trim(), 250);
  const communities = useMyCommunities();
  const mine = (communities.data?.items ?? []).filter((c) => c.membership?.status === 'active');
  const [chosen, setChosen] = useState<string | null>(null);
  const communityId = chosen ?? (defaultCommunityId && mine.some((c) => c.id === defaultCommunityId) ? defaultCommunityId : (mine[0]?.id ?? null));
  const threads = useThreadOptions(open && !words ? communityId : null);
  const search = useSearchOptions('threads', open ? words : '');
  if (!open) return <Chosen id={id} value={value} onOpen={() => setOpen(true)} describedBy={describedBy} invalid={invalid} what="discussion" stepLabel={stepLabel} />;
  const community = mine.find((c) => c.id === communityId);
  const options: Option[] = words
    ? (search.data?.items ?? []).map((h) => ({ id: h.id, title: h.title, sub: h.community?.name ?? '', icon: 'message' }))
    : (threads.data?.pages.flatMap((p) => p.items) ?? []).map((t) => ({
        id: t.id,
        title: t.title,
        sub: `${community?.name ?? ''} · ${t.replyCount === 1 ? '1 reply' : `${t.replyCount} replies`}`,
        icon: t.kind === 'question' ? 'question' : 'message',
      }));
  const pick = (o: Option) => {
    onChange({ id: o.id, title: o.title, meta: o.sub.split(' · ')[0] || undefined });
    setOpen(false);
    setQ('');
  };
  const browsing = !words;
  return (
    <div className="target-picker">
      <div className="row target-picker-bar">
        <div className="input-with-icon" style={{ flex: 1, minWidth: 180 }}>
          <Icon name="search" size={18} />
          <Input
            id={id}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search discussions"
            aria-label={`Find a discussion for ${stepLabel}`}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            autoComplete="off"
          />
        </div>
        {browsing && mine.length > 0 ? (
          <Select value={communityId ?? ''} onChange={(e) => setChosen(e.target.value)} aria-label={`Browse discussions of a community for ${stepLabel}`}>
            {mine.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        ) : null}
        {value ? (
          <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        ) : null}
      </div>
      {browsing && !communities.isPending && !communities.isError && mine.length === 0 ? (
        <p className="muted small target-picker-note">Search for a discussion above, or join a community to browse its threads.</p>
      ) : (
        <Options
          label={`Discussions for ${stepLabel}`}
          state={words ? { pending: search.isPending, error: search.error } : { pending: communities.isPending || threads.isPending, error: communities.error ?? threads.error }}
          options={options}
          empty={words ? 'No discussion matches those words.' : 'No discussions in this community yet.'}
          onPick={pick}
          more={words ? undefined : { has: threads.hasNextPage, loading: threads.isFetchingNextPage, load: () => void threads.fetchNextPage(), label: 'Load more discussions' }}
        />
      )}
    </div>
  );
}
