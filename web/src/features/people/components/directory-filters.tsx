import type { PeopleFacets } from '../../../../../contracts/index.ts';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import type { DirectoryFilters as Filters } from '../api/use-people.ts';

type FacetKey = 'department' | 'location' | 'skill';
const FACETS: { key: FacetKey; label: string; source: keyof PeopleFacets; any: string }[] = [
  { key: 'department', label: 'Department', source: 'departments', any: 'All departments' },
  { key: 'location', label: 'Location', source: 'locations', any: 'All locations' },
  { key: 'skill', label: 'Skill', source: 'skills', any: 'Any skill' },
];

/** Search box plus department, location and skill filters built from the organization's facets. */
export function DirectoryFilters({
  search,
  onSearch,
  filters,
  onFilter,
  facets,
  onClear,
}: {
  search: string;
  onSearch: (q: string) => void;
  filters: Filters;
  onFilter: (key: FacetKey, value: string) => void;
  facets: PeopleFacets | undefined;
  onClear: () => void;
}) {
  const active = Boolean(search || filters.department || filters.location || filters.skill);
  return (
    <search className="directory-filters" aria-label="Find people">
      <div className="directory-search">
        <Field label="Search people">
          {(p) => (
            <div className="input-with-icon">
              <Icon name="search" size={18} />
              <Input {...p} type="search" placeholder="Name, title, team or email" value={search} onChange={(e) => onSearch(e.target.value)} autoComplete="off" />
            </div>
          )}
        </Field>
      </div>
      {FACETS.map((f) => (
        <Field key={f.key} label={f.label}>
          {(p) => (
            <Select {...p} value={filters[f.key]} onChange={(e) => onFilter(f.key, e.target.value)}>
              <option value="">{f.any}</option>
              {(facets?.[f.source] ?? []).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.value} ({o.count})
                </option>
              ))}
              {filters[f.key] && !facets?.[f.source].some((o) => o.value === filters[f.key]) ? <option value={filters[f.key]}>{filters[f.key]}</option> : null}
            </Select>
          )}
        </Field>
      ))}
      <div className="directory-clear">
        <Button variant="ghost" onClick={onClear} disabled={!active}>
          <Icon name="x" size={16} /> Clear
        </Button>
      </div>
    </search>
  );
}
