import { Link } from 'wouter';
import { Avatar } from '../ui/avatar.tsx';

/** A compact linked row: avatar (with presence), name and one line of context. */
export function PersonRow({ id, name, sub, avatarUrl }: { id: string; name: string; sub?: string | null; avatarUrl?: string | null }) {
  return (
    <Link href={`/people/${id}`} className="person-row">
      <Avatar personId={id} name={name} src={avatarUrl} size="sm" showPresence />
      <span>
        <span className="person-row-name">{name}</span>
        {sub ? <span className="person-row-sub">{sub}</span> : null}
      </span>
    </Link>
  );
}
