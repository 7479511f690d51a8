import { Link } from 'wouter';
import { Icon } from '../../../components/ui/icon.tsx';
import { useMe } from '../../auth/api/use-me.ts';
import { useCommunitySettings } from '../api/use-community-settings.ts';

/** Whether the signed-in person may create communities under the organization's setting. */
export function useCanCreateCommunity(): { allowed: boolean; known: boolean } {
  const me = useMe();
  const settings = useCommunitySettings();
  const isAdmin = me.person.roles.includes('admin');
  if (!settings.data) return { allowed: isAdmin, known: false };
  return { allowed: isAdmin || settings.data.whoCanCreate === 'anyone', known: true };
}

/** "Create community", or — when only admins may — a disabled button with the reason next to it. */
export function CreateCommunityAction() {
  const { allowed, known } = useCanCreateCommunity();
  if (allowed)
    return (
      <Link href="/communities/new" className="btn btn-primary">
        <Icon name="plus" size={18} /> Create community
      </Link>
    );
  if (!known) return null;
  return (
    <div className="create-blocked">
      <button type="button" className="btn btn-primary" aria-disabled="true" aria-describedby="create-blocked-why" onClick={(e) => e.preventDefault()}>
        <Icon name="plus" size={18} /> Create community
      </button>
      <p id="create-blocked-why" className="field-hint">
        In your organization only admins create communities. Ask one to start the space you have in mind.
      </p>
    </div>
  );
}
