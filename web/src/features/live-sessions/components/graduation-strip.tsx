import type { SegmentKind } from '../../../../../contracts/index.ts';
import { KINDS, minutesText } from './segment-kinds.tsx';

type Item = { id?: string; kind: SegmentKind; title: string; durationMinutes: number; status?: 'pending' | 'active' | 'done' };

const STAGE_LABEL = { plenary: 'Everyone', groups: 'Small groups', pairs: 'Pairs', solo: 'On your own' } as const;
const STAGE_LEVEL = { plenary: 0, solo: 1, groups: 2, pairs: 3 } as const;

/**
 * The agenda as a strip whose blocks are as wide as their minutes and as tall as the intimacy of the format
 * (everyone → small groups → pairs), so a facilitator sees whether the session graduates. A list carries the same
 * facts in words for screen readers.
 */
export function GraduationStrip({ segments, currentId }: { segments: Item[]; currentId?: string | null }) {
  const total = segments.reduce((s, x) => s + x.durationMinutes, 0) || 1;
  const summary = segments.map((s) => `${s.title || KINDS[s.kind].label} (${KINDS[s.kind].label}, ${s.durationMinutes} min)`).join(', then ');
  return (
    <figure className="grad-strip">
      <figcaption className="grad-caption">
        <span>From everyone to small groups to pairs</span>
        <span className="grad-legend" aria-hidden="true">
          {(['plenary', 'groups', 'pairs', 'solo'] as const).map((s) => (
            <span key={s} className="grad-legend-item">
              <span className={`grad-swatch stage-${s}`} /> {STAGE_LABEL[s]}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="grad-blocks" aria-hidden="true">
        {segments.map((s, i) => {
          const stage = KINDS[s.kind].stage;
          return (
            <span
              key={s.id ?? `${i}-${s.kind}`}
              className={`grad-block stage-${stage}`}
              data-level={STAGE_LEVEL[stage]}
              data-status={s.status}
              data-current={s.id && s.id === currentId ? 'true' : undefined}
              style={{ flexGrow: s.durationMinutes }}
              title={`${s.title} · ${KINDS[s.kind].label} · ${s.durationMinutes} min`}
            />
          );
        })}
      </div>
      <p className="grad-total">
        <strong>{minutesText(total)}</strong> in total
      </p>
      <p className="visually-hidden">Sequence: {summary}.</p>
    </figure>
  );
}
