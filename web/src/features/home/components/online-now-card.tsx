import { useQueries } from '@tanstack/react-query';
import type { Person } from '../../../../../contracts/index.ts';
import { PersonRow } from '../../../components/people/person-row.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { Skeleton } from '../../../components/ui/skeleton.tsx';
import { api } from '../../../lib/api-client.ts';
import { useOnlineIds } from '../../../lib/use-online-ids.ts';
import { peopleKeys } from '../../people/api/people-keys.ts';

const SHOWN = 12;

/** Colleagues online right now (live), so saying hello is one click away. */
export function OnlineNowCard({ meId }: { meId: string }) {
  const online = useOnlineIds();
  const others = [...online].filter((id) => id !== meId);
  const shown = others.slice(0, SHOWN);
  const people = useQueries({
    queries: shown.map((id) => ({ queryKey: peopleKeys.detail(id), queryFn: () => api<Person>(`/api/people/${id}`), staleTime: 60_000 })),
  });
  return (
    <Card id="online-now" title="Online now" actions={<span className="presence-label" data-presence={others.length ? 'online' : 'offline'}>{others.length} colleague{others.length === 1 ? '' : 's'}</span>}>
      <div aria-live="polite">
        {others.length === 0 ? (
          <EmptyState icon="people" title="It's quiet right now">
            When colleagues open Hearth, they'll appear here — no need to refresh.
          </EmptyState>
        ) : (
          <ul className="online-list">
            {shown.map((id, i) => {
              const p = people[i]?.data;
              return (
                <li key={id}>
                  {p ? (
                    <PersonRow id={p.id} name={p.name} sub={p.title ?? p.department} avatarUrl={p.avatarUrl} />
                  ) : (
                    <div className="person-row">
                      <Skeleton circle width={36} height={36} />
                      <Skeleton width="60%" />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {others.length > SHOWN ? <p className="muted" style={{ marginTop: 8 }}>and {others.length - SHOWN} more.</p> : null}
      </div>
    </Card>
  );
}
