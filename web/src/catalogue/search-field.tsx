import { useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { Field, inputClass } from '../ui/field';

/** Suggestions while typing (the API's serviceSuggestions): names, and the keyword that matched. */
const SuggestionsQuery = graphql(`
  query ServiceSuggestions($prefix: String!) {
    serviceSuggestions(prefix: $prefix, first: 8) {
      slug
      name
      matchedKeyword
    }
  }
`);

/** Typing pauses this long before suggestions are asked for: not every keystroke is a request. */
export const SUGGESTION_DELAY_MS = 150;

const HINT = 'Name, Beschreibung oder Stichwort, z. B. „Wohngeld“ oder „Angelschein“';

/** At least two letters or digits and at most 100 characters: what the API takes as a prefix. */
const askable = (text: string) => (text.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2 && text.length <= 100;

/**
 * The catalogue's search field ("Suche"), an ARIA combobox with a list of suggestions (the WAI-ARIA
 * Authoring Practices' "combobox with listbox popup"). Typing suggests up to 8 services; arrow keys
 * move through them, Enter or a click opens the chosen service's page (or does what `onChoose`
 * says, where a form uses the field to pick a service), Escape closes the list.
 * Enter without a chosen suggestion submits the surrounding search form, as before. The number of
 * suggestions is announced in a live region.
 */
export function SearchField({
  value,
  onChange,
  label = 'Suche',
  hint = HINT,
  name = 'suche',
  onChoose,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  hint?: string;
  name?: string;
  /** What choosing a suggestion does; by default it opens the service's page. */
  onChoose?: (service: { slug: string; name: string }) => void;
  error?: string;
}) {
  const navigate = useNavigate();
  const listId = useId();
  const [prefix, setPrefix] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const timer = setTimeout(() => setPrefix(value), SUGGESTION_DELAY_MS);
    return () => clearTimeout(timer);
  }, [value]);

  const [{ data }] = useQuery({
    query: SuggestionsQuery,
    variables: { prefix },
    pause: !askable(prefix),
  });
  const suggestions = askable(prefix) && prefix === value ? (data?.serviceSuggestions ?? []) : [];
  const expanded = open && suggestions.length > 0;
  // The list may have become shorter than the option chosen before it changed.
  const chosen = active < suggestions.length ? active : -1;

  const choose = (service: { slug: string; name: string }) => {
    setOpen(false);
    if (onChoose) {
      onChoose(service);
    } else {
      void navigate(`/leistungen/${encodeURIComponent(service.slug)}`);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (suggestions.length === 0) {
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((current) =>
        !expanded
          ? step > 0
            ? 0
            : suggestions.length - 1
          : (current + step + suggestions.length) % suggestions.length,
      );
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && expanded && chosen >= 0) {
      event.preventDefault();
      choose(suggestions[chosen]);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <div className="search-field">
      <Field label={label} hint={hint} error={error}>
        {(control) => (
          <input
            {...control}
            className={inputClass(error)}
            type="search"
            name={name}
            role="combobox"
            autoComplete="off"
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
            onBlur={() => setOpen(false)}
          />
        )}
      </Field>
      <ul
        id={listId}
        role="listbox"
        aria-label="Vorschläge"
        className="search-field__list"
        hidden={!expanded}
      >
        {suggestions.map((suggestion, index) => (
          <li
            key={suggestion.slug}
            id={optionId(index)}
            role="option"
            aria-selected={index === chosen}
            className={`search-field__option${index === chosen ? ' search-field__option--active' : ''}`}
            onMouseEnter={() => setActive(index)}
            // Keeps the focus in the field, so that the click is not lost to its blur.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(suggestion)}
          >
            <span className="kern-body">{suggestion.name}</span>
            {suggestion.matchedKeyword ? (
              <span className="kern-body kern-body--small search-field__keyword">
                {' '}
                (Stichwort „{suggestion.matchedKeyword}“)
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {/* A live region of its own, not role status: the catalogue's result count is the page's status. */}
      <div aria-live="polite" aria-atomic="true" className="kern-sr-only">
        {expanded
          ? `${suggestions.length} ${suggestions.length === 1 ? 'Vorschlag' : 'Vorschläge'}, mit den Pfeiltasten auswählen`
          : ''}
      </div>
    </div>
  );
}
