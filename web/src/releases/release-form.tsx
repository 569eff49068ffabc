import { useId, useState } from 'react';
import { useQuery } from 'urql';
import type { CombinedError } from 'urql';
import { graphql } from '../graphql/generated';
import type { ChangeType, InterfaceDirection } from '../graphql/generated/enums';
import { problemFor, problemsOf } from '../graphql/errors';
import { useDebounced } from '../subscriptions/use-debounced';
import { Alert, Problems } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';
import { CHANGE_TYPE, INTERFACE_DIRECTION, VERSION_BUMP } from '../ui/labels';

const InterfaceStandardsQuery = graphql(`
  query InterfaceStandards {
    interfaceStandards {
      key
      name
    }
  }
`);

const ReleaseImpactPreviewQuery = graphql(`
  query ReleaseImpactPreview($input: ReleaseImpactPreviewInput!) {
    releaseImpactPreview(input: $input) {
      bump
      breaking
      semverConsistent
      suggestedVersion
      baseline {
        id
        version
      }
      removed {
        version
        standard {
          key
          name
        }
      }
      affectedSubscriptions {
        id
      }
    }
  }
`);

export interface ChangeRow {
  type: ChangeType;
  description: string;
}

export interface InterfaceRow {
  standard: string;
  version: string;
  direction: InterfaceDirection;
}

export interface ReleaseDraft {
  version: string;
  artifactDigest: string;
  artifactUrl: string;
  notes: string;
  changes: ChangeRow[];
  interfaces: InterfaceRow[];
}

export const EMPTY_DRAFT: ReleaseDraft = {
  version: '',
  artifactDigest: '',
  artifactUrl: '',
  notes: '',
  changes: [],
  interfaces: [],
};

const CHANGE_TYPES = Object.keys(CHANGE_TYPE) as ChangeType[];
const DIRECTIONS = Object.keys(INTERFACE_DIRECTION) as InterfaceDirection[];

/** The rows that say something: empty rows the maintainer added and left are not sent. */
export function filledChanges(rows: ChangeRow[]): ChangeRow[] {
  return rows
    .filter((row) => row.description.trim() !== '')
    .map((row) => ({ ...row, description: row.description.trim() }));
}

export function filledInterfaces(rows: InterfaceRow[]): InterfaceRow[] {
  return rows
    .filter((row) => row.standard !== '' && row.version.trim() !== '')
    .map((row) => ({ ...row, version: row.version.trim() }));
}

/**
 * The form of a release, for "Neue Version" and "Version bearbeiten": version and artifact (only
 * when it is created; a new artifact later has its own action), notes in Markdown, change entries
 * and interfaces as rows. While the maintainer types, the API's impact preview says which kind of
 * version the changes make, and warns with the smallest consistent version when the chosen one
 * does not fit (a breaking change needs a new major version).
 */
export function ReleaseForm({
  serviceSlug,
  mode,
  initial,
  editable,
  submitLabel,
  fetching,
  error,
  onSubmit,
  onCancel,
}: {
  serviceSlug: string;
  mode: 'create' | 'edit';
  initial: ReleaseDraft;
  /** In edit mode: what the release's state still allows. */
  editable: { notes: boolean; contents: boolean };
  submitLabel: string;
  fetching: boolean;
  error?: CombinedError;
  onSubmit: (draft: ReleaseDraft) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<ReleaseDraft>(initial);
  const [standards] = useQuery({ query: InterfaceStandardsQuery, requestPolicy: 'cache-first' });
  const problems = problemsOf(error);
  const at = (field: string) => problemFor(problems, field)?.message;
  const placed = new Set(
    ['version', 'artifactDigest', 'artifactUrl', 'notes'].map((f) => problemFor(problems, f)),
  );
  const others = problems.filter((p) => !placed.has(p));
  const set = <K extends keyof ReleaseDraft>(key: K, value: ReleaseDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const changesId = useId();
  const interfacesId = useId();

  return (
    <form
      className="stack release-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!fetching) {
          onSubmit(draft);
        }
      }}
    >
      <Problems problems={others} />
      {mode === 'create' ? (
        <>
          <Field
            label="Version"
            hint="Semantische Version, zum Beispiel 1.4.0 oder 2.0.0-rc.1"
            error={at('version')}
          >
            {(props) => (
              <input
                type="text"
                className={inputClass(at('version'))}
                value={draft.version}
                onChange={(e) => set('version', e.target.value)}
                spellCheck={false}
                autoFocus
                {...props}
              />
            )}
          </Field>
          <Field
            label="Prüfsumme des Artefakts (SHA-256)"
            hint="sha256: und 64 Hexadezimalziffern; die Prüfungen gelten genau diesem Artefakt"
            error={at('artifactDigest')}
          >
            {(props) => (
              <input
                type="text"
                className={inputClass(at('artifactDigest'))}
                value={draft.artifactDigest}
                onChange={(e) => set('artifactDigest', e.target.value)}
                spellCheck={false}
                {...props}
              />
            )}
          </Field>
          <Field label="Adresse des Artefakts (https)" optional error={at('artifactUrl')}>
            {(props) => (
              <input
                type="url"
                className={inputClass(at('artifactUrl'))}
                value={draft.artifactUrl}
                onChange={(e) => set('artifactUrl', e.target.value)}
                {...props}
              />
            )}
          </Field>
        </>
      ) : null}
      <Field
        label="Versionshinweise"
        optional
        hint="In Markdown: **fett**, Listen mit „- “, Links als [Text](https://…). HTML wird nicht übernommen."
        error={at('notes')}
      >
        {(props) => (
          <textarea
            className={inputClass(at('notes'))}
            rows={6}
            value={draft.notes}
            disabled={!editable.notes}
            onChange={(e) => set('notes', e.target.value)}
            {...props}
          />
        )}
      </Field>

      <fieldset className="kern-fieldset" aria-describedby={changesId} disabled={!editable.contents}>
        <legend className="kern-label">Änderungen</legend>
        <p className="kern-hint" id={changesId}>
          Je Zeile eine Änderung. „Inkompatible Änderung“ macht die Version zu einer neuen Hauptversion.
          {!editable.contents ? ' Änderungen und Schnittstellen lassen sich nur im Entwurf bearbeiten.' : ''}
        </p>
        {draft.changes.map((row, index) => (
          <div className="form-row" key={index}>
            <Field label={`Art der Änderung ${index + 1}`}>
              {(props) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    className="kern-form-input__select"
                    value={row.type}
                    onChange={(e) =>
                      set(
                        'changes',
                        draft.changes.map((r, i) =>
                          i === index ? { ...r, type: e.target.value as ChangeType } : r,
                        ),
                      )
                    }
                    {...props}
                  >
                    {CHANGE_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {CHANGE_TYPE[type]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
            <Field
              label={`Beschreibung der Änderung ${index + 1}`}
              error={at(`changes.${index}.description`)}
            >
              {(props) => (
                <input
                  type="text"
                  className={inputClass(at(`changes.${index}.description`))}
                  value={row.description}
                  onChange={(e) =>
                    set(
                      'changes',
                      draft.changes.map((r, i) => (i === index ? { ...r, description: e.target.value } : r)),
                    )
                  }
                  {...props}
                />
              )}
            </Field>
            <Button
              variant="tertiary"
              onClick={() =>
                set(
                  'changes',
                  draft.changes.filter((_, i) => i !== index),
                )
              }
            >
              {`Änderung ${index + 1} entfernen`}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onClick={() => set('changes', [...draft.changes, { type: 'CHANGED', description: '' }])}
        >
          Änderung hinzufügen
        </Button>
      </fieldset>

      <fieldset className="kern-fieldset" aria-describedby={interfacesId} disabled={!editable.contents}>
        <legend className="kern-label">Schnittstellen</legend>
        <p className="kern-hint" id={interfacesId}>
          Die Standards, die diese Version bereitstellt oder nutzt, mit ihrer Version. Fällt eine
          Schnittstelle der Vorversion weg, ist die Version inkompatibel.
        </p>
        {draft.interfaces.map((row, index) => (
          <div className="form-row" key={index}>
            <Field label={`Standard ${index + 1}`}>
              {(props) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    className="kern-form-input__select"
                    value={row.standard}
                    onChange={(e) =>
                      set(
                        'interfaces',
                        draft.interfaces.map((r, i) =>
                          i === index ? { ...r, standard: e.target.value } : r,
                        ),
                      )
                    }
                    {...props}
                  >
                    <option value="">Bitte wählen</option>
                    {(standards.data?.interfaceStandards ?? []).map((standard) => (
                      <option key={standard.key} value={standard.key}>
                        {standard.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
            <Field label={`Version des Standards ${index + 1}`}>
              {(props) => (
                <input
                  type="text"
                  className="kern-form-input__input"
                  value={row.version}
                  onChange={(e) =>
                    set(
                      'interfaces',
                      draft.interfaces.map((r, i) => (i === index ? { ...r, version: e.target.value } : r)),
                    )
                  }
                  {...props}
                />
              )}
            </Field>
            <Field label={`Richtung ${index + 1}`}>
              {(props) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    className="kern-form-input__select"
                    value={row.direction}
                    onChange={(e) =>
                      set(
                        'interfaces',
                        draft.interfaces.map((r, i) =>
                          i === index ? { ...r, direction: e.target.value as InterfaceDirection } : r,
                        ),
                      )
                    }
                    {...props}
                  >
                    {DIRECTIONS.map((direction) => (
                      <option key={direction} value={direction}>
                        {INTERFACE_DIRECTION[direction]}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
            <Button
              variant="tertiary"
              onClick={() =>
                set(
                  'interfaces',
                  draft.interfaces.filter((_, i) => i !== index),
                )
              }
            >
              {`Schnittstelle ${index + 1} entfernen`}
            </Button>
          </div>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            set('interfaces', [...draft.interfaces, { standard: '', version: '', direction: 'PROVIDES' }])
          }
        >
          Schnittstelle hinzufügen
        </Button>
      </fieldset>

      <ImpactPreview
        serviceSlug={serviceSlug}
        draft={draft}
        onUseVersion={mode === 'create' ? (version) => set('version', version) : undefined}
      />

      <div className="inline-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching || undefined}>
          <span className="kern-label">{submitLabel}</span>
        </button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
    </form>
  );
}

/** The API's verdict on the version and the changes as typed (releaseImpactPreview), in words. */
function ImpactPreview({
  serviceSlug,
  draft,
  onUseVersion,
}: {
  serviceSlug: string;
  draft: ReleaseDraft;
  onUseVersion?: (version: string) => void;
}) {
  const typed = {
    serviceSlug,
    version: draft.version.trim(),
    changes: filledChanges(draft.changes),
    interfaces: filledInterfaces(draft.interfaces),
  };
  const input = useDebounced(JSON.stringify(typed), 300);
  const settledInput = JSON.parse(input) as typeof typed;
  const valid = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(settledInput.version);
  const [result] = useQuery({
    query: ReleaseImpactPreviewQuery,
    variables: { input: settledInput },
    pause: !valid,
  });
  const preview = result.data?.releaseImpactPreview;
  const headingId = useId();
  return (
    <section className="stack" aria-labelledby={headingId} aria-live="polite">
      <h2 className="kern-heading-medium" id={headingId}>
        Einordnung der Version
      </h2>
      {!valid ? (
        <p className="kern-body">
          Sobald eine gültige Versionsnummer eingetragen ist, steht hier, wie sie zu den Änderungen passt.
        </p>
      ) : !preview ? (
        <p className="kern-body">
          {result.error ? 'Die Einordnung konnte gerade nicht berechnet werden.' : 'Wird berechnet …'}
        </p>
      ) : (
        <>
          <p className="kern-body">
            {preview.baseline
              ? `Verglichen mit Version ${preview.baseline.version}: `
              : 'Es gibt noch keine veröffentlichte Vorversion: '}
            {VERSION_BUMP[preview.bump]}
            {preview.breaking ? ', mit inkompatiblen Änderungen' : ''}.
            {preview.affectedSubscriptions.length > 0
              ? ` ${preview.affectedSubscriptions.length} aktive Nachnutzungen haben für eine dieser Schnittstellen andere Versionen angegeben.`
              : ''}
          </p>
          {!preview.semverConsistent ? (
            <Alert tone="warning" title="Versionsnummer passt nicht zu den Änderungen">
              <p className="kern-body">
                {`Die Version ${settledInput.version} ist inkompatibel, aber keine neue Hauptversion. Vorgeschlagen: ${preview.suggestedVersion}. So bliebe die Prüfung der Schnittstellen offen, bis der Betrieb eine Ausnahme erteilt.`}
              </p>
              {onUseVersion ? (
                <Button variant="secondary" onClick={() => onUseVersion(preview.suggestedVersion)}>
                  {`Version ${preview.suggestedVersion} übernehmen`}
                </Button>
              ) : null}
            </Alert>
          ) : preview.bump !== 'PRERELEASE' && preview.suggestedVersion !== settledInput.version ? (
            <p className="kern-body">{`Die kleinste zu den Änderungen passende Version wäre ${preview.suggestedVersion}.`}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
