import { Link } from 'wouter';
import { Card } from '../../../components/ui/card.tsx';
import { useSurveyList } from '../api/use-surveys.ts';
import '../surveys.css';

/** Home: shown only while a survey awaits my answer (nothing while loading, empty or failed: Home stays calm). */
export function SurveysAwaitingCard() {
  const list = useSurveyList('for-me');
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card id="surveys-awaiting" title={items.length === 1 ? 'A survey awaits you' : `${items.length} surveys await you`} warm>
      <ul className="survey-list">
        {items.slice(0, 3).map((s) => (
          <li key={s.id} className="survey-row survey-row-compact">
            <Link href={`/surveys/${s.id}`} className="survey-row-title">
              {s.title}
            </Link>
            <span className="small muted">{s.anonymous ? 'Anonymous · ' : ''}closes {new Date(s.closesAt).toLocaleDateString()}</span>
          </li>
        ))}
      </ul>
      {items.length > 3 ? <Link href="/surveys">All surveys</Link> : null}
    </Card>
  );
}
