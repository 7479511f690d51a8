import type { ReactNode } from 'react';
import { type LiveState, liveGroupChannel } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { InstantCheckbox } from '../../../components/ui/instant-checkbox.tsx';
import { ChatPanel } from './chat-panel.tsx';
import { GroupNotes } from './group-notes.tsx';

type MyGroup = NonNullable<LiveState['myGroup']>;

/** Who can read what is written in this group or pair, said plainly above its chat and notes. */
export function ConfidentialNotice({ kind, size = 2 }: { kind: MyGroup['kind']; size?: number }) {
  return (
    <p className="confidential" data-kind={kind}>
      <Icon name="lock" size={16} />
      {kind === 'pair' ? (
        <span>
          <strong>Confidential:</strong> only the {size > 2 ? 'three' : 'two'} of you can see this — not the facilitators, not admins. It is never debriefed.
        </span>
      ) : (
        <span>
          <strong>Only your group sees this.</strong> Notes are shared only if everyone agrees in the debrief; chat never is.
        </span>
      )}
    </p>
  );
}

/** The members of my group or my learning partner, with names and departments. */
export function Members({ group, meId }: { group: MyGroup; meId: string }) {
  const others = group.members.filter((m) => m.id !== meId);
  return (
    <ul className="live-members" aria-label={group.kind === 'pair' ? 'Your learning partner' : 'Your group'}>
      {others.map((m) => (
        <li key={m.id} className="live-member">
          <Avatar personId={m.id} name={m.name} size="sm" showPresence />
          <span className="live-member-text">
            <strong className="live-member-name">{m.name}</strong>
            <span className="muted small">{m.department ?? 'No department'}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * My group or learning partner during a breakout: who, the prompt, who can read it, the call (media) slot, chat and
 * shared notes. When the breakout is over the chat is read-only; notes stay editable until the session ends.
 */
export function MyGroupCard({ sessionId, group, meId, media, footer, ended }: { sessionId: string; group: MyGroup; meId: string; media?: ReactNode; footer?: ReactNode; ended?: boolean }) {
  const channel = liveGroupChannel(group.id);
  const label = group.kind === 'pair' ? (group.members.length > 2 ? 'Your learning partners' : 'Your learning partner') : 'Your group';
  return (
    <section className="card my-group" aria-labelledby="my-group-title" data-kind={group.kind} data-group-id={group.id}>
      <header className="my-group-head">
        <h2 id="my-group-title" className="card-title">
          {label}
        </h2>
        {group.active ? <span className="badge badge-moss">Open now</span> : <span className="badge">{ended ? 'Closed' : 'Chat closed'}</span>}
      </header>
      <Members group={group} meId={meId} />
      <ConfidentialNotice kind={group.kind} size={group.members.length} />
      {group.joinedLate ? (
        <p className="small muted late-note">
          You joined at <time dateTime={group.memberSince}>{new Date(group.memberSince).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}</time>: you see what is written from then on, not what
          was said before you came.
        </p>
      ) : null}
      {media}
      <div className="my-group-work">
        <ChatPanel
          sessionId={sessionId}
          groupId={group.id}
          channel={channel}
          meId={meId}
          title={group.kind === 'pair' ? 'Partner chat' : 'Group chat'}
          closedReason={group.active ? null : 'This breakout has ended: the chat is read-only.'}
        />
        {group.notesVisible ? (
          <GroupNotes sessionId={sessionId} groupId={group.id} channel={channel} readOnly={ended} />
        ) : (
          <section className="notes notes-hidden" aria-labelledby="notes-hidden-title">
            <h3 id="notes-hidden-title" className="notes-label">
              Shared notes
            </h3>
            <p className="muted">
              {group.kind === 'pair' ? 'Your partners' : 'Your group'} started these notes before you joined, so they stay with the people who wrote them. Use the chat to add your ideas.
            </p>
          </section>
        )}
      </div>
      {footer}
    </section>
  );
}

/** The pair's choice to keep their chat and notes after the session (deleted at the end unless both keep them). */
export function KeepChoice({ group, onChange, saving }: { group: MyGroup; onChange: (keep: boolean) => void; saving: boolean }) {
  if (group.kind !== 'pair' || !group.keep) return null;
  const { mine, all } = group.keep;
  const trio = group.members.length > 2;
  return (
    <div className="keep-choice">
      <label className="checkbox">
        <InstantCheckbox checked={mine} disabled={saving} onChange={onChange} />
        Keep our partner chat and notes after the session
      </label>
      <p className="field-hint">
        {trio
          ? all
            ? 'You all chose to keep them: only the three of you can read them later.'
            : mine
              ? 'Kept only if your partners choose this too; otherwise they are deleted when the session ends.'
              : 'Unless you all choose to keep them, they are deleted when the session ends.'
          : all
            ? 'You both chose to keep them: only the two of you can read them later.'
            : mine
              ? 'Kept only if your partner chooses this too; otherwise they are deleted when the session ends.'
              : 'Unless you both choose to keep them, they are deleted when the session ends.'}
      </p>
    </div>
  );
}

/** Debrief consent for my group: share our notes with the session only if every member agrees. */
export function DebriefConsentCard({ group, onChange, saving }: { group: MyGroup; onChange: (share: boolean) => void; saving: boolean }) {
  if (group.kind !== 'group' || !group.debrief) return null;
  const d = group.debrief;
  return (
    <section className="card debrief-consent" aria-labelledby="debrief-title">
      <h2 id="debrief-title" className="card-title">
        Share your group's notes?
      </h2>
      <p>
        Your notes are shown to the whole session only if all {d.members} of you agree. Your chat is never shared.
        {group.notesVisible ? '' : ' The notes were started before you joined, so you have not seen them; your agreement is asked all the same.'}
      </p>
      <div className="row" role="group" aria-label="Your choice">
        <Button variant={d.mine === true ? 'primary' : 'secondary'} aria-pressed={d.mine === true} loading={saving && d.mine !== true} onClick={() => onChange(true)}>
          <Icon name="check" size={16} /> Share our notes
        </Button>
        <Button variant={d.mine === false ? 'primary' : 'secondary'} aria-pressed={d.mine === false} onClick={() => onChange(false)} disabled={saving}>
          Keep them private
        </Button>
      </div>
      <p className="debrief-count" role="status">
        {d.shared ? (
          <>
            <Icon name="checkCircle" size={16} /> Everyone agreed: your notes are shared with the session.
          </>
        ) : (
          `${d.consented} of ${d.members} agreed so far.${d.mine === false ? ' You chose to keep them private, so they stay in the group.' : ''}`
        )}
      </p>
    </section>
  );
}
