import { useState } from 'react';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { ErrorState } from '../../../components/ui/error-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { usePageSearchParams } from '../../../lib/use-page-search-params.ts';
import { AdminsOnly } from '../../admin/components/admins-only.tsx';
import { useMe } from '../../auth/api/use-me.ts';
import { InsightsTabs } from '../../insights/components/insights-tabs.tsx';
import { useSkillGaps } from '../api/use-skill-gaps.ts';
import { SkillGapCard } from '../components/skill-gap-card.tsx';
import { SkillGapsChart } from '../components/skill-gaps-chart.tsx';
import '../components/skill-gaps.css';

/** The figures once loaded: the chart of the largest gaps and a card per skill. */
function Gaps({ department }: { department: string | null }) {
  const q = useSkillGaps(department);
  const [showCovered, setShowCovered] = useState(false);
  if (q.isPending)
    return (
      <div className="stack" aria-busy="true" aria-label="Loading skill gaps">
        <Skeleton height={260} />
        <Skeleton height={160} />
      </div>
    );
  if (q.isError) return <ErrorState error={q.error} title="We couldn't load skill gaps" onRetry={() => q.refetch()} />;
  const { skills } = q.data;
  const covered = skills.filter((s) => s.gap <= 0).length;
  if (skills.length === 0)
    return (
      <EmptyState icon="sparkle" title={department ? `Nobody in ${department} has said what they want to learn yet` : 'Nobody has said what they want to learn yet'}>
        Gaps appear as people add skills they want to their profiles or sign up as mentees.
      </EmptyState>
    );
  return (
    <div className="stack" data-stale={q.isPlaceholderData ? 'true' : undefined}>
      <Card>
        <SkillGapsChart skills={skills} />
      </Card>
      <ul className="skill-gaps-list" aria-label="Skills, largest gap first">
        {skills
          .filter((s) => showCovered || s.gap > 0)
          .map((s) => (
            <SkillGapCard key={s.skill} gap={s} />
          ))}
      </ul>
      {covered > 0 && (
        <button type="button" className="btn btn-secondary skill-gaps-more" aria-expanded={showCovered} onClick={() => setShowCovered(!showCovered)}>
          {showCovered ? 'Hide covered skills' : `Show ${covered} covered ${covered === 1 ? 'skill' : 'skills'}`}
        </button>
      )}
    </div>
  );
}

/** /insights/skills: what people want to learn against who could teach it, and what closes each gap. */
export function SkillGapsPage() {
  useDocumentTitle('Skill gaps');
  const { person } = useMe();
  const [params, setParams] = usePageSearchParams();
  const department = params.get('department');
  const departments = useSkillGaps(null).data?.departments ?? [];
  if (!person.roles.includes('admin') && !person.roles.includes('analyst'))
    return <AdminsOnly title="For org admins and analysts">Skill gaps show what people want to learn against who could teach it.</AdminsOnly>;
  return (
    <>
      <PageHeader title="Skill gaps" subtitle="What people want to learn against who could teach it, and the mentors, pathways and communities that close each gap." />
      <InsightsTabs current="skills" />
      <div className="stack">
        <Card>
          <div className="skill-gaps-filter">
            <label className="field">
              <span className="field-label">Wants of</span>
              <Select value={department ?? ''} onChange={(e) => setParams(new URLSearchParams(e.target.value ? { department: e.target.value } : {}), { replace: true })}>
                <option value="">Everyone</option>
                {departments.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </Select>
            </label>
            <p className="small muted">Who could teach counts across the whole organization.</p>
          </div>
        </Card>
        <Gaps department={department} />
      </div>
    </>
  );
}
