import { useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { Field, inputClass } from '../ui/field';
import { useDebounced } from './use-debounced';

const ResolveVersionRangeQuery = graphql(`
  query ResolveVersionRange($serviceSlug: String!, $range: String!) {
    resolveVersionRange(serviceSlug: $serviceSlug, range: $range) {
      range
      valid
      problem
      version
      matchingVersions
      deployableVersions
    }
  }
`);

/** How long typing must pause before the range is resolved. */
export const RESOLVE_DELAY_MS = 250;

/**
 * The "Versionsbereich" field: the syntax explained, and while typing, what the range resolves to
 * now. The answer is the API's (resolveVersionRange, the rules a subscription uses), not a copy of
 * the range rules here; the field only puts it into words.
 */
export function VersionRangeField({
  serviceSlug,
  value,
  onChange,
  error,
  autoFocus = false,
}: {
  serviceSlug: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  autoFocus?: boolean;
}) {
  const typed = value.trim();
  const range = useDebounced(typed, RESOLVE_DELAY_MS);
  const [result] = useQuery({
    query: ResolveVersionRangeQuery,
    variables: { serviceSlug, range },
    pause: range === '',
  });
  const resolution = result.data?.resolveVersionRange;
  const settled = typed === range && !result.fetching && (result.error || result.data);

  let message = '';
  let detail = '';
  if (typed === '') {
    message = '';
  } else if (!settled) {
    message = 'Bereich wird geprüft …';
  } else if (result.error) {
    message = 'Der Versionsbereich konnte gerade nicht geprüft werden.';
  } else if (!resolution) {
    message = 'Die Leistung wurde nicht gefunden.';
  } else if (!resolution.valid) {
    message = `„${resolution.range}“ ist kein gültiger Versionsbereich. Schreiben Sie ihn zum Beispiel als ^1.0.0.`;
  } else if (resolution.version) {
    message = `Passt derzeit zu Version ${resolution.version}`;
    if (resolution.matchingVersions.length > 1) {
      detail = `Im Bereich liegen die Versionen ${resolution.matchingVersions.join(', ')}.`;
    }
  } else {
    message = 'Keine veröffentlichte Version passt zu diesem Bereich';
    if (resolution.deployableVersions.length > 0) {
      detail = `Im Bereich liegen nur abgekündigte Versionen (${resolution.deployableVersions.join(', ')}).`;
    }
  }

  return (
    <Field
      label="Versionsbereich"
      hint={
        <>
          <span className="range-hint">
            Welche Versionen Sie übernehmen, in npm-Schreibweise: <code>^1.0.0</code> heißt ab 1.0.0 alle
            Versionen unter 2.0.0 (neue Funktionen und Fehlerbehebungen), <code>~1.2.0</code> ab 1.2.0 nur
            Fehlerbehebungen unter 1.3.0, <code>&gt;=1.0.0 &lt;2.0.0</code> ausdrücklich von … bis unter …
            Ihre Zielversion ist immer die höchste veröffentlichte Version im Bereich.
          </span>{' '}
          <span className="range-status" role="status">
            {message}
          </span>
          {detail ? <span className="range-detail"> {detail}</span> : null}
        </>
      }
      error={error}
    >
      {(control) => (
        <input
          className={inputClass(error)}
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoFocus={autoFocus}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          {...control}
        />
      )}
    </Field>
  );
}
