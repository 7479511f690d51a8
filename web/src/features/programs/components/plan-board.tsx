import { type DragEvent, useState } from 'react';
import type { Plan, PlanMember } from '../../../../../contracts/index.ts';
import { Icon } from '../../../components/ui/icon.tsx';
import { plural } from '../../../lib/plural.ts';

/** The plan's assignment as ids, which is what the server takes back. */
export const idsOf = (plan: Plan) => plan.rounds.map((r) => r.groups.map((g) => g.members.map((m) => m.id)));

/** The plan with one person moved to another group of the same round. */
export function moved(plan: Plan, round: number, personId: string, toGroup: number): Plan {
  const r = plan.rounds[round];
  const person = r.groups.flatMap((g) => g.members).find((m) => m.id === personId);
  if (!person) return plan;
  const groups = r.groups.map((g, gi) => ({ ...g, members: gi === toGroup ? [...g.members.filter((m) => m.id !== personId), person] : g.members.filter((m) => m.id !== personId) }));
  return { ...plan, rounds: plan.rounds.map((x, ri) => (ri === round ? { ...x, groups } : x)) };
}

const DRAG_TYPE = 'application/x-hearth-member';
const deptCount = (members: PlanMember[]) => new Set(members.map((m) => m.department ?? `-${m.id}`)).size;

/**
 * Groups as cards with their members (department chips). In a draft, people can be dragged between the groups
 * of a round, or moved with the "Move to" select on each person (the keyboard and screen-reader way).
 * Moving someone out of a group of one is refused: every group keeps at least one person; full groups (published
 * cohorts at their cap) are shown but cannot be chosen.
 */
export function PlanBoard({ plan, editable, onMove, isFull }: { plan: Plan; editable: boolean; onMove?: (round: number, personId: string, toGroup: number) => void; isFull?: (group: number) => boolean }) {
  const [dragging, setDragging] = useState<{ round: number; personId: string; fromGroup: number } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const many = plan.rounds.length > 1;

  const onDrop = (e: DragEvent, round: number, group: number) => {
    e.preventDefault();
    setOver(null);
    const raw = e.dataTransfer.getData(DRAG_TYPE);
    setDragging(null);
    if (!raw) return;
    const d = JSON.parse(raw) as { round: number; personId: string; fromGroup: number };
    if (d.round !== round || d.fromGroup === group) return;
    onMove?.(round, d.personId, group);
  };

  return (
    <div className="plan-rounds">
      {plan.rounds.map((round, ri) => (
        <section key={round.label + ri} className="plan-round" aria-label={many ? round.label : `${plan.rounds[0].groups.length} groups`}>
          {many ? <h4 className="plan-round-title">{round.label}</h4> : null}
          <ul className="group-grid">
            {round.groups.map((g, gi) => {
              const key = `${ri}:${gi}`;
              const droppable = editable && dragging !== null && dragging.round === ri && dragging.fromGroup !== gi;
              return (
                <li
                  key={key}
                  className="group-card"
                  data-group={g.label}
                  data-drop={droppable || undefined}
                  data-over={(droppable && over === key) || undefined}
                  onDragOver={
                    editable
                      ? (e) => {
                          if (!dragging || dragging.round !== ri) return;
                          e.preventDefault();
                          e.dataTransfer.dropEffect = 'move';
                          if (over !== key) setOver(key);
                        }
                      : undefined
                  }
                  onDragLeave={editable ? (e) => !e.currentTarget.contains(e.relatedTarget as Node) && setOver((o) => (o === key ? null : o)) : undefined}
                  onDrop={editable ? (e) => onDrop(e, ri, gi) : undefined}
                >
                  <div className="group-card-head">
                    <h5 className="group-card-title">{g.label}</h5>
                    <span className="muted small">
                      {plural(g.members.length, 'person', 'people')} · {plural(deptCount(g.members), 'department')}
                    </span>
                  </div>
                  <ul className="group-members" aria-label={`Members of ${g.label}`}>
                    {g.members.map((m) => (
                      <li
                        key={m.id}
                        className="group-member"
                        data-member={m.id}
                        draggable={editable && g.members.length > 1}
                        data-dragging={dragging?.personId === m.id || undefined}
                        onDragStart={(e) => {
                          e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ round: ri, personId: m.id, fromGroup: gi }));
                          e.dataTransfer.effectAllowed = 'move';
                          setDragging({ round: ri, personId: m.id, fromGroup: gi });
                        }}
                        onDragEnd={() => {
                          setDragging(null);
                          setOver(null);
                        }}
                      >
                        <span className="group-member-name">
                          {editable ? <Icon name="more" size={16} className="drag-handle" /> : null}
                          {m.name}
                        </span>
                        <span className="group-member-meta">
                          {m.department ? <span className="chip chip-sky dept-chip">{m.department}</span> : <span className="muted small">No department</span>}
                          {m.location ? <span className="muted small">{m.location}</span> : null}
                          {editable && round.groups.length > 1 ? (
                            <select
                              className="select move-select"
                              aria-label={`Move ${m.name} to`}
                              value=""
                              disabled={g.members.length <= 1}
                              title={g.members.length <= 1 ? 'The last person of a group stays in it' : undefined}
                              onChange={(e) => e.target.value !== '' && onMove?.(ri, m.id, Number(e.target.value))}
                            >
                              <option value="">Move to…</option>
                              {round.groups.map((og, ogi) =>
                                ogi === gi ? null : (
                                  <option key={og.label + ogi} value={ogi} disabled={isFull?.(ogi)}>
                                    {og.label}
                                    {isFull?.(ogi) ? ' (full)' : ''}
                                  </option>
                                ),
                              )}
                            </select>
                          ) : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
