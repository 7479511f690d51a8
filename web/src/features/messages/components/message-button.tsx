import { useLocation } from 'wouter';
import { Button } from '../../../components/ui/button.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { useStartConversation } from '../api/use-message-actions.ts';

/** "Message" on a colleague's profile: opens (or starts) your one-to-one conversation with them. */
export function MessageButton({ personId, name }: { personId: string; name: string }) {
  const [, navigate] = useLocation();
  const start = useStartConversation();
  return (
    <Button variant="secondary" loading={start.isPending} onClick={() => start.mutate({ personIds: [personId] }, { onSuccess: (c) => navigate(`/messages/${c.id}`) })} aria-label={`Message ${name}`}>
      <Icon name="message" size={16} /> Message
    </Button>
  );
}
