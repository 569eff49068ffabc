import { useId, useState } from 'react';
import { SECTION_HEADING_ID } from './admin-url';

/** The shown section's h2; it takes the focus after a change of section (useFocusAfterNavigation). */
export function SectionHeading({ children }: { children: React.ReactNode }) {
  return (
    <h2 className="kern-heading-large" id={SECTION_HEADING_ID} tabIndex={-1}>
      {children}
    </h2>
  );
}

/**
 * A list's filter: one choice and "Anzeigen". The list changes on the button, not on the choice
 * itself, so moving through the options with the keyboard does not reload the list each time.
 */
export function ListFilter<T extends string>({
  label,
  allLabel,
  value,
  options,
  onApply,
}: {
  label: string;
  allLabel: string;
  value: T | null;
  options: { value: T; label: string }[];
  onApply: (value: T | null) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState<string>(value ?? '');
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The URL changed (a link, back): the choice follows it.
    setSeen(value);
    setChoice(value ?? '');
  }
  return (
    <form
      className="form-row"
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(options.find((option) => option.value === choice)?.value ?? null);
      }}
    >
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={id}>
          {label}
        </label>
        <div className="kern-form-input__select-wrapper">
          <select
            id={id}
            className="kern-form-input__select"
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">{allLabel}</option>
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" className="kern-btn kern-btn--secondary">
        <span className="kern-label">Anzeigen</span>
      </button>
    </form>
  );
}
