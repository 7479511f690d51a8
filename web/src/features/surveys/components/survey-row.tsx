import { Link } from 'wouter';
import type { SurveySummary } from '../../../../../contracts/index.ts';
import { SurveyFacts } from './survey-facts.tsx';

/** A survey in a list: its title, facts, and Answer (surveys for me) or Results (surveys I run). */
export function SurveyRow({ s, mode }: { s: SurveySummary; mode: 'answer' | 'manage' }) {
  return (
    <li className="survey-row">
      <div>
        <Link href={`/surveys/${s.id}`} className="survey-row-title">
          {s.title}
        </Link>
        <div className="small muted">
          <SurveyFacts s={s} />
        </div>
      </div>
      {mode === 'manage' && s.abilities.canSeeResults && s.status !== 'draft' ? (
        <Link href={`/surveys/${s.id}/results`} className="btn btn-secondary btn-sm">
          Results<span className="visually-hidden"> of {s.title}</span>
        </Link>
      ) : mode === 'answer' && s.abilities.canAnswer ? (
        <Link href={`/surveys/${s.id}`} className="btn btn-primary btn-sm">
          Answer<span className="visually-hidden"> {s.title}</span>
        </Link>
      ) : null}
    </li>
  );
}
