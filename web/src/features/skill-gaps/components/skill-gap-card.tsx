import { Link } from 'wouter';
import type { SkillGap } from '../../../../../contracts/index.ts';
import { plural } from '../../../lib/plural.ts';

/** One skill: how many want and could teach it, where, and the mentors, pathways and communities that close the gap. */
export function SkillGapCard({ gap }: { gap: SkillGap }) {
  const closers = gap.mentors.length + gap.pathways.length + gap.communities.length;
  return (
    <li className="skill-gap card">
      <div className="skill-gap-head">
        <h3 className="skill-gap-name">{gap.skill}</h3>
        <span className={`badge ${gap.gap > 0 ? 'badge-ember' : 'badge-moss'}`}>{gap.gap > 0 ? `${gap.gap} short` : 'Covered'}</span>
      </div>
      <p className="small">
        <strong>{plural(gap.wanted, 'person wants', 'people want')}</strong> to learn it · <strong>{plural(gap.offered, 'person', 'people')}</strong> could teach it
      </p>
      {gap.byDepartment.length > 0 && (
        <details className="skill-gap-departments small">
          <summary>By department</summary>
          <ul>
            {gap.byDepartment.map((d) => (
              <li key={d.department}>
                {d.department}: {d.wanted} want, {d.offered} could teach
              </li>
            ))}
          </ul>
        </details>
      )}
      {closers === 0 ? (
        <p className="small muted">
          No mentor, pathway or community covers it yet. <Link href="/pathways/new">Start a pathway</Link> or ask someone who knows it to mentor.
        </p>
      ) : (
        <div className="skill-gap-closers small">
          {gap.mentors.length > 0 && (
            <div>
              <span className="muted">Mentors with room</span>
              <ul>
                {gap.mentors.map((m) => (
                  <li key={m.id}>
                    <Link href={`/people/${m.id}`}>{m.name}</Link>
                    {m.department ? <span className="muted"> · {m.department}</span> : null}
                    <span className="muted"> · room for {m.room}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {gap.pathways.length > 0 && (
            <div>
              <span className="muted">Pathways</span>
              <ul>
                {gap.pathways.map((p) => (
                  <li key={p.id}>
                    <Link href={`/pathways/${p.id}`}>{p.title}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {gap.communities.length > 0 && (
            <div>
              <span className="muted">Communities</span>
              <ul>
                {gap.communities.map((c) => (
                  <li key={c.id}>
                    <Link href={`/communities/${c.slug}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
