import { Link } from 'wouter';
import type { MyNetwork, MyNetworkQuarter } from '../../../../../contracts/index.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { plural } from '../../../lib/plural.ts';
import { barWidth } from './my-bar-width.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const range = (q: MyNetworkQuarter) => `${day(q.from)} – ${day(q.to)}`;

/** A sentence comparing this quarter's new people with the last quarter's. */
function compare(now: number, before: number): string {
  if (now === before) return now === 0 ? 'No new people this quarter or last quarter.' : 'As many new people as last quarter.';
  return now > before ? `${plural(now - before, 'more person', 'more people')} than last quarter.` : `${plural(before - now, 'fewer person', 'fewer people')} than last quarter so far.`;
}

/** New people met this quarter against last quarter, and this quarter's new people by name. */
export function MyQuarterCard({ network }: { network: MyNetwork }) {
  const { thisQuarter: now, previousQuarter: before } = network;
  const max = Math.max(1, now.newPeople, before.newPeople);
  const rows = [
    { key: 'this', name: 'This quarter', q: now },
    { key: 'last', name: 'Last quarter', q: before },
  ];
  return (
    <Card id="my-quarter" title="New people this quarter">
      <p className="my-lead">{compare(now.newPeople, before.newPeople)}</p>
      <ul className="my-bars">
        {rows.map((r) => (
          <li key={r.key} className="my-bar-row">
            <span className="my-bar-label">
              {r.name}
              <small className="muted">{range(r.q)}</small>
            </span>
            <span className="my-bar-track" aria-hidden="true">
              <span className={`my-bar${r.key === 'this' ? ' my-bar-own' : ''}`} style={{ width: barWidth(r.q.newPeople, max) }} />
            </span>
            <span className="my-bar-value">
              {plural(r.q.newPeople, 'new person', 'new people')}
              <small className="muted">{plural(r.q.people, 'person', 'people')} in all</small>
            </span>
          </li>
        ))}
      </ul>
      {network.newThisQuarter.length ? (
        <>
          <h3 className="my-subtitle">Met for the first time this quarter</h3>
          <ul className="my-people" aria-label="New people this quarter">
            {network.newThisQuarter.map((p) => (
              <li key={p.id}>
                <Link href={`/people/${p.id}`} className="person-row">
                  <Avatar personId={p.id} name={p.name} size="sm" />
                  <span>
                    <span className="person-row-name">{p.name}</span>
                    <span className="person-row-sub">{[p.title, p.department].filter(Boolean).join(' · ') || 'Colleague'}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
