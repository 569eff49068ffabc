import { useId, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useDebounced } from '../subscriptions/use-debounced';
import { Field, inputClass } from '../ui/field';
import { LegalNormChoicesQuery } from './service-mutations';

/** Typing pauses this long before the norms are searched. */
export const NORM_SEARCH_DELAY_MS = 150;

/** At most this many norms in the list; typing more narrows it. */
export const NORMS_SHOWN = 12;

/**
 * "Rechtsnorm" of a legal-basis row: a text field for the norm's abbreviation that searches the
 * registered norms while typing (legalNorms(search:), abbreviation or title), an ARIA combobox
 * with a listbox popup as the catalogue's search field is: arrow keys move through the norms,
 * Enter or a click takes one, Escape closes the list. What is sent is the abbreviation in the
 * field; the line below it says whether a registered norm has exactly that abbreviation (the API
 * refuses one that does not). Leaving the field with a norm's abbreviation in other letter case
 * takes the norm's spelling.
 */
export function NormCombobox({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (abbreviation: string) => void;
  error?: string;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = value.trim();
  const search = useDebounced(typed, NORM_SEARCH_DELAY_MS);
  // An answer without norms names no LegalNorm, so urql's document cache would not know to ask
  // again after a norm is registered ("Rechtsnorm registrieren"): it is told.
  const context = useMemo(() => ({ additionalTypenames: ['LegalNorm'] }), []);
  const [{ data, fetching }] = useQuery({
    query: LegalNormChoicesQuery,
    variables: { search: search === '' ? null : search },
    context,
  });
  const settled = search === typed && !fetching && data !== undefined;
  const norms = settled ? data.legalNorms : [];
  const shown = norms.slice(0, NORMS_SHOWN);
  const expanded = open && shown.length > 0;
  const chosen = active < shown.length ? active : -1;
  const exact = norms.find((norm) => norm.abbreviation === typed);
  const otherCase = exact
    ? undefined
    : norms.find((norm) => norm.abbreviation.toLocaleLowerCase('de') === typed.toLocaleLowerCase('de'));

  const take = (abbreviation: string) => {
    onChange(abbreviation);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (shown.length === 0) {
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((current) =>
        !expanded ? (step > 0 ? 0 : shown.length - 1) : (current + step + shown.length) % shown.length,
      );
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && expanded && chosen >= 0) {
      // Takes the norm instead of submitting the form.
      event.preventDefault();
      take(shown[chosen].abbreviation);
    }
  };

  let status = '';
  if (typed !== '' && settled) {
    status = exact
      ? `Registrierte Rechtsnorm: ${exact.abbreviation} – ${exact.title}`
      : otherCase
        ? `Meinen Sie ${otherCase.abbreviation} – ${otherCase.title}? Wählen Sie die Rechtsnorm aus der Liste.`
        : 'Keine registrierte Rechtsnorm hat diese Abkürzung. Wählen Sie eine aus der Liste oder registrieren Sie die fehlende.';
  }
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div className="search-field">
      <Field
        id={id}
        label="Rechtsnorm"
        error={error}
        hint={
          <>
            <span className="range-hint">
              Abkürzung oder Titel eintippen und aus der Liste wählen, z. B. „WoGG“ oder „Wohngeld“.
            </span>{' '}
            <span className="range-status" role="status">
              {status}
            </span>
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            className={inputClass(error)}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && chosen >= 0 ? optionId(chosen) : undefined}
            value={value}
            onChange={(event) => {
              onChange(event.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              setOpen(false);
              if (otherCase) {
                onChange(otherCase.abbreviation);
              }
            }}
          />
        )}
      </Field>
      <ul
        id={listId}
        role="listbox"
        aria-label="Rechtsnormen"
        className="search-field__list"
        hidden={!expanded}
      >
        {shown.map((norm, index) => (
          <li
            key={norm.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === chosen}
            className={`search-field__option${index === chosen ? ' search-field__option--active' : ''}`}
            onMouseEnter={() => setActive(index)}
            // Keeps the focus in the field, so that the click is not lost to its blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => take(norm.abbreviation)}
          >
            <span className="kern-body">
              {norm.abbreviation} – {norm.title}
            </span>
          </li>
        ))}
      </ul>
      <div aria-live="polite" aria-atomic="true" className="kern-sr-only">
        {expanded
          ? `${norms.length} ${norms.length === 1 ? 'Rechtsnorm' : 'Rechtsnormen'}${
              norms.length > shown.length ? `, die ersten ${shown.length} gezeigt` : ''
            }, mit den Pfeiltasten auswählen`
          : ''}
      </div>
    </div>
  );
}
