import type { SegmentKind } from '../../../../../contracts/index.ts';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';

type KindInfo = { label: string; icon: IconName; stage: 'plenary' | 'groups' | 'pairs' | 'solo'; who: string; hint: string };

/** How each segment kind is named and pictured, which stage of the graduated sequence it belongs to, and who sees what. */
export const KINDS: Record<SegmentKind, KindInfo> = {
  plenary: { label: 'Plenary', icon: 'megaphone', stage: 'plenary', who: 'Everyone in the session', hint: 'Everyone together, in the built-in room or an external meeting link.' },
  icebreaker: { label: 'Icebreaker', icon: 'smile', stage: 'groups', who: 'Only your small group', hint: 'Small groups of new faces with a light, low-stakes prompt.' },
  poll: { label: 'Poll', icon: 'list', stage: 'plenary', who: 'Everyone sees the counts, never who voted what', hint: 'A quick anonymous vote: single or multiple choice, rating or word cloud.' },
  chat: { label: 'Chat', icon: 'message', stage: 'plenary', who: 'Everyone in the session', hint: 'A shared chat for the whole room.' },
  groups: { label: 'Small groups', icon: 'people', stage: 'groups', who: 'Only your group', hint: 'Discussion in groups of 3–4 with a prompt, a timer, chat and shared notes.' },
  pairs: { label: 'Learning partners', icon: 'link', stage: 'pairs', who: 'Only the two of you', hint: 'Pairs that stay together across the program. Never debriefed, never seen by facilitators.' },
  reflection: { label: 'Reflection', icon: 'edit', stage: 'solo', who: 'Only you', hint: 'A quiet moment to write for yourself.' },
  debrief: { label: 'Debrief', icon: 'quote', stage: 'plenary', who: 'Everyone — group notes only if the whole group agrees', hint: 'Groups may share their notes with the room, only if every member agrees.' },
};

/** Kinds in the order the agenda editor offers them. */
export const KIND_ORDER: SegmentKind[] = ['plenary', 'icebreaker', 'poll', 'chat', 'groups', 'pairs', 'reflection', 'debrief'];

/** The kind's icon in a tinted disc, with the kind named for screen readers. */
export function KindIcon({ kind, size = 18 }: { kind: SegmentKind; size?: number }) {
  return (
    <span className={`kind-icon kind-${KINDS[kind].stage}`}>
      <Icon name={KINDS[kind].icon} size={size} title={KINDS[kind].label} />
    </span>
  );
}

/** "12 min", "1 h 30 min". */
export function minutesText(m: number): string {
  const h = Math.floor(m / 60);
  const r = Math.round(m % 60);
  return h ? (r ? `${h} h ${r} min` : `${h} h`) : `${r} min`;
}
