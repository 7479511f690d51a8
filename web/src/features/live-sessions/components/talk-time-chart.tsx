import { useState } from 'react';
import type { AnalyticsRow, TalkTimeFigures } from '../../../../../contracts/index.ts';

const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 1 });
const PARTS = [
  { key: 'plenaryMinutes', label: 'Plenary', cls: 'stage-plenary' },
  { key: 'groupMinutes', label: 'Small groups', cls: 'stage-groups' },
  { key: 'pairMinutes', label: 'Pairs', cls: 'stage-pairs' },
] as const;

/** One person's minutes as a stacked bar; the figures are in the label. */
function StackedBar({ f, max, name }: { f: TalkTimeFigures; max: number; name: string }) {
  const total = f.plenaryMinutes + f.groupMinutes + f.pairMinutes;
  const label = `${name}: ${fmt(f.plenaryMinutes)} min plenary, ${fmt(f.groupMinutes)} min in small groups, ${fmt(f.pairMinutes)} min in pairs`;
  return (
    <span className="stack-bar-line">
      <span className="stack-bar-track" role="img" aria-label={label}>
        {PARTS.map((p) => (
          <span key={p.key} className={`stack-bar ${p.cls}`} style={{ width: `${(f[p.key] / max) * 100}%` }} title={`${p.label}: ${fmt(f[p.key])} min`} />
        ))}
      </span>
      <span className="stack-bar-total">{fmt(total)} min</span>
    </span>
  );
}

/** Legend of the stacked bars. */
export function TalkLegend() {
  return (
    <p className="talk-legend" aria-hidden="true">
      {PARTS.map((p) => (
        <span key={p.key}>
          <span className={`grad-swatch ${p.cls}`} /> {p.label}
        </span>
      ))}
    </p>
  );
}

/**
 * Per person: minutes in plenary / small groups / pairs as stacked bars, with new people met, chat messages and poll
 * votes beside them. A toggle shows the same figures as a table. Counts and minutes only — never content.
 */
export function TalkTimeChart({ rows }: { rows: AnalyticsRow[] }) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const max = Math.max(1, ...rows.map((r) => r.plenaryMinutes + r.groupMinutes + r.pairMinutes));
  return (
    <div className="talk-chart">
      <div className="talk-chart-head">
        <TalkLegend />
        <div className="lv-segmented" role="group" aria-label="Show as">
          <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')}>
            Chart
          </button>
          <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
            Table
          </button>
        </div>
      </div>
      {view === 'chart' ? (
        <ul className="talk-rows" aria-label="Talk time per person">
          {rows.map((r) => (
            <li key={r.personId} className="talk-row" data-person-id={r.personId}>
              <span className="talk-name">{r.name}</span>
              <StackedBar f={r} max={max} name={r.name} />
              <span className="talk-counts">
                <span title="New people met">
                  <strong>{r.newPeopleMet}</strong> new
                </span>
                <span title="Chat messages">
                  <strong>{r.chatMessages}</strong> {r.chatMessages === 1 ? 'msg' : 'msgs'}
                </span>
                <span title="Polls voted in">
                  <strong>{r.pollVotes}</strong> {r.pollVotes === 1 ? 'vote' : 'votes'}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Talk time and participation per person</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Plenary min</th>
                <th scope="col">Group min</th>
                <th scope="col">Pair min</th>
                <th scope="col">New people met</th>
                <th scope="col">Chat messages</th>
                <th scope="col">Poll votes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.personId}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{fmt(r.plenaryMinutes)}</td>
                  <td className="num">{fmt(r.groupMinutes)}</td>
                  <td className="num">{fmt(r.pairMinutes)}</td>
                  <td className="num">{r.newPeopleMet}</td>
                  <td className="num">{r.chatMessages}</td>
                  <td className="num">{r.pollVotes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** One person's own figures: a stacked bar and the counts, in words. */
export function MyFigures({ f, name }: { f: TalkTimeFigures; name: string }) {
  const total = f.plenaryMinutes + f.groupMinutes + f.pairMinutes;
  const small = f.groupMinutes + f.pairMinutes;
  return (
    <div className="stack-sm my-figures">
      <TalkLegend />
      <StackedBar f={f} max={Math.max(1, total)} name={name} />
      <p>
        {total > 0 ? (
          <>
            <strong>{Math.round((small / total) * 100)}%</strong> of your time was spent talking in small groups or with your partner.
          </>
        ) : (
          'No time recorded yet.'
        )}
      </p>
      <dl className="stats">
        <div className="stat">
          <dt className="stat-label">Small groups</dt>
          <dd className="stat-value">{fmt(f.groupMinutes)} min</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">With partner</dt>
          <dd className="stat-value">{fmt(f.pairMinutes)} min</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Plenary</dt>
          <dd className="stat-value">{fmt(f.plenaryMinutes)} min</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">New people met</dt>
          <dd className="stat-value">{f.newPeopleMet}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Chat messages</dt>
          <dd className="stat-value">{f.chatMessages}</dd>
        </div>
        <div className="stat">
          <dt className="stat-label">Polls voted</dt>
          <dd className="stat-value">{f.pollVotes}</dd>
        </div>
      </dl>
    </div>
  );
}
