import { Link } from 'wouter';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { useFeedback } from '../api/use-surveys.ts';
import { QuestionChart } from './question-chart.tsx';
import '../surveys.css';

/**
 * The automatic feedback of an event or live session, for its hosts and facilitators: nothing for anyone else (the
 * server answers `results: null`), "fewer than 5" while withheld, else the scale questions' charts and a link.
 */
export function FeedbackCard({ source }: { source: { eventId: string } | { liveSessionId: string } }) {
  const feedback = useFeedback(source);
  const r = feedback.data?.results;
  if (!r) return null;
  return (
    <Card id="feedback" title="Attendee feedback" actions={<Link href={`/surveys/${r.survey.id}/results`}>All results</Link>}>
      {r.withheld ? (
        <Alert tone="info">Fewer than 5 people have answered the anonymous feedback yet, so nothing is shown. It stays open until {new Date(r.survey.closesAt).toLocaleDateString()}.</Alert>
      ) : (
        <div className="stack">
          <p>
            <strong>{r.responses}</strong> people answered.
          </p>
          {r.questions
            .filter((q) => q.type !== 'text')
            .map((q, i) => (
              <QuestionChart key={q.questionId} q={q} index={i} />
            ))}
        </div>
      )}
    </Card>
  );
}
