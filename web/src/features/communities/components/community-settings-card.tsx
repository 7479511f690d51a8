import { Card } from '../../../components/ui/card.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { useCommunitySettings, useUpdateCommunitySettings } from '../api/use-community-settings.ts';

/** Org admins choose who may create communities. */
export function CommunitySettingsCard() {
  const settings = useCommunitySettings();
  const update = useUpdateCommunitySettings();
  if (!settings.data) return null;
  return (
    <Card id="community-settings" title="Organization setting" className="admin-card">
      <div className="stack-sm">
        <Field label="Who can create communities" hint={update.isSuccess ? 'Saved.' : 'Applies to everyone in your organization.'}>
          {(p) => (
            <Select
              {...p}
              value={settings.data.whoCanCreate}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ whoCanCreate: e.target.value as 'anyone' | 'admins' })}
            >
              <option value="anyone">Anyone in the organization</option>
              <option value="admins">Admins only</option>
            </Select>
          )}
        </Field>
        {update.isError ? <Alert>{update.error.message}</Alert> : null}
      </div>
    </Card>
  );
}
