import type { SurveySummary } from '../../../../../contracts/index.ts';

const AUDIENCE: Record<SurveySummary['audienceKind'], string> = {
  org: 'Everyone in',
  community: 'Members of',
  program: 'People in',
  cohort: 'Cohort',
  event: 'Attendees of',
  live_session: 'Participants of',
};

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One line: who is asked, anonymous or named, and when it closes. */
export function SurveyFacts({ s }: { s: SurveySummary }) {
  return (
    <span className="survey-facts">
      <span>
        {AUDIENCE[s.audienceKind]} {s.audienceName}
      </span>
      <span className="badge">{s.anonymous ? 'Anonymous' : 'Named'}</span>
      <span>{s.status === 'closed' ? `Closed ${dateFmt.format(new Date(s.closesAt))}` : `Closes ${dateFmt.format(new Date(s.closesAt))}`}</span>
      {s.status === 'draft' ? <span className="badge badge-plum">Draft</span> : null}
    </span>
  );
}
