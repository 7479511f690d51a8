import type { Skill } from '../../../../../contracts/index.ts';
import { Card } from '../../../components/ui/card.tsx';
import { SkillLevel } from '../../../components/ui/skill-level.tsx';

function SkillList({ skills, kind }: { skills: Skill[]; kind: 'have' | 'want' }) {
  return (
    <ul className="skill-list">
      {skills.map((s) => (
        <li key={s.name}>
          <span>{s.name}</span>
          <SkillLevel level={s.level} kind={kind} />
        </li>
      ))}
    </ul>
  );
}

/** Skills the person can share and the ones they want to learn, each with a 1–5 level. */
export function SkillsCard({ skills, firstName }: { skills: Skill[]; firstName: string }) {
  const have = skills.filter((s) => s.kind === 'have');
  const want = skills.filter((s) => s.kind === 'want');
  return (
    <Card id="skills" title="Skills">
      {skills.length === 0 ? <p className="muted">No skills listed yet.</p> : null}
      {have.length ? (
        <>
          <h3 className="subheading">Can help with</h3>
          <SkillList skills={have} kind="have" />
        </>
      ) : null}
      {want.length ? (
        <>
          <h3 className="subheading" style={{ marginTop: 16 }}>
            {firstName} wants to learn
          </h3>
          <SkillList skills={want} kind="want" />
        </>
      ) : null}
    </Card>
  );
}
