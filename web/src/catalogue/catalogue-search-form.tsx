import { useState } from 'react';
import type { Themenfeld } from '../graphql/generated/enums';
import { Field } from '../ui/field';
import { THEMENFELD } from '../ui/labels';
import { type CatalogueFilters } from './catalogue-url';
import { MATURITY_MODELS, levelText, maturityValue, parseMaturityFilter, wholeModelText } from './maturity';
import { SearchField } from './search-field';

export interface FilterOptions {
  owners: { key: string; name: string }[];
  legalNorms: { abbreviation: string; title: string }[];
}

const THEMENFELDER = (Object.entries(THEMENFELD) as [Themenfeld, string][]).sort(([, a], [, b]) =>
  a.localeCompare(b, 'de'),
);

/**
 * The catalogue's search form (role search): "Suche" (with suggestions while typing) and the four
 * filters, each with "Alle".
 * It changes nothing until "Suchen" (WCAG 3.2.2: choosing an option does not start a search). It
 * starts from `filters`; the parent remounts it (key) when the URL changes, so the back button
 * shows the form as it was.
 */
export function CatalogueSearchForm({
  filters,
  options,
  onSearch,
}: {
  filters: CatalogueFilters;
  options: FilterOptions | null;
  onSearch: (filters: CatalogueFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch({ ...draft, search: draft.search.trim() });
  };

  // An owner or norm in the URL that the option lists do not (yet) hold stays selectable.
  const owners = withCurrent(options?.owners ?? [], filters.ownerKey, (key) => ({ key, name: key }));
  const norms = withCurrent(
    options?.legalNorms.map((n) => ({ key: n.abbreviation, name: `${n.abbreviation} – ${n.title}` })) ?? [],
    filters.legalNorm,
    (key) => ({ key, name: key }),
  );

  return (
    <form role="search" aria-label="Leistungen durchsuchen" className="catalogue-search" onSubmit={submit}>
      <div className="catalogue-search__text">
        <SearchField value={draft.search} onChange={(text) => set('search', text)} />
      </div>
      <div className="catalogue-search__filters">
        <SelectField
          label="Themenfeld"
          name="themenfeld"
          value={draft.themenfeld ?? ''}
          onChange={(value) => set('themenfeld', (value || null) as Themenfeld | null)}
        >
          {THEMENFELDER.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Reifegrad"
          name="reifegrad"
          value={draft.maturity ? maturityValue(draft.maturity) : ''}
          onChange={(value) => set('maturity', parseMaturityFilter(value))}
        >
          {MATURITY_MODELS.map((of) => (
            <optgroup key={of.model} label={of.label}>
              <option value={maturityValue({ model: of.model, level: null })}>
                {wholeModelText(of.model)}
              </option>
              {of.levels.map((_, level) => (
                <option key={level} value={maturityValue({ model: of.model, level })}>
                  {levelText(level, of.model)} (Modell {of.name})
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <SelectField
          label="Eigentümer"
          name="eigentuemer"
          value={draft.ownerKey ?? ''}
          onChange={(value) => set('ownerKey', value || null)}
        >
          {owners.map((owner) => (
            <option key={owner.key} value={owner.key}>
              {owner.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Rechtsgrundlage"
          name="rechtsgrundlage"
          value={draft.legalNorm ?? ''}
          onChange={(value) => set('legalNorm', value || null)}
        >
          {norms.map((norm) => (
            <option key={norm.key} value={norm.key}>
              {norm.name}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-icon kern-icon--search" aria-hidden="true" />
          <span className="kern-label">Suchen</span>
        </button>
      </div>
    </form>
  );
}

function SelectField({
  label,
  name,
  value,
  onChange,
  children,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <Field label={label}>
      {(control) => (
        <div className="kern-form-input__select-wrapper">
          <select
            {...control}
            className="kern-form-input__select"
            name={name}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">Alle</option>
            {children}
          </select>
        </div>
      )}
    </Field>
  );
}

function withCurrent<T extends { key: string }>(
  list: T[],
  current: string | null,
  make: (key: string) => T,
): T[] {
  return current && !list.some((item) => item.key === current) ? [...list, make(current)] : list;
}
