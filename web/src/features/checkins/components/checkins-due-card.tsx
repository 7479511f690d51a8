import { Link } from 'wouter';
import { Card } from '../../../components/ui/card.tsx';
import { useMyCheckins } from '../api/use-checkins.ts';
import '../checkins.css';

/** Home: shown only while a check-in (with my manager or a report) is not held yet; nothing while loading, empty or failed. */
export function CheckinsDueCard() {
  const q = useMyCheckins();
  const open = [...(q.data?.asManager ?? []), ...(q.data?.asLearner ?? [])].filter((c) => c.state !== 'held');
  if (!open.length) return null;
  const overdue = open.filter((c) => c.state === 'overdue').length;
  return (
    <Card id="checkins-due" title={open.length === 1 ? 'A check-in is due' : `${open.length} check-ins are due`} warm>
      <p className="small">
        {overdue ? `${overdue} overdue. ` : ''}Meet to talk about putting a program to use; the manager records how it went.
      </p>
      <Link href="/checkins">See check-ins</Link>
    </Card>
  );
}
