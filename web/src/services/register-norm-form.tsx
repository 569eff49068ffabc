import { useEffect, useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { problemsOf, type ApiProblem } from '../graphql/errors';
import { Problems } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';
import { fieldMessage } from './service-form-model';
import { RegisterLegalNormMutation } from './service-mutations';

/** The jurisdictions a norm may have (docs/domain.md, "Legal norms and citations"), by name. */
export const JURISDICTIONS: { value: string; label: string }[] = [
  { value: 'DE', label: 'Bund (DE)' },
  { value: 'EU', label: 'Europäische Union (EU)' },
  ...(
    [
      ['BW', 'Baden-Württemberg'],
      ['BY', 'Bayern'],
      ['BE', 'Berlin'],
      ['BB', 'Brandenburg'],
      ['HB', 'Bremen'],
      ['HH', 'Hamburg'],
      ['HE', 'Hessen'],
      ['MV', 'Mecklenburg-Vorpommern'],
      ['NI', 'Niedersachsen'],
      ['NW', 'Nordrhein-Westfalen'],
      ['RP', 'Rheinland-Pfalz'],
      ['SL', 'Saarland'],
      ['SN', 'Sachsen'],
      ['ST', 'Sachsen-Anhalt'],
      ['SH', 'Schleswig-Holstein'],
      ['TH', 'Thüringen'],
    ] as const
  ).map(([code, name]) => ({ value: `DE-${code}`, label: `${name} (DE-${code})` })),
];

type NormField = 'abbreviation' | 'title' | 'jurisdiction' | 'url' | 'eli';

const NORM_LABEL: Record<NormField, string> = {
  abbreviation: 'Abkürzung',
  title: 'Titel',
  jurisdiction: 'Rechtsraum',
  url: 'Adresse des Normtexts',
  eli: 'ELI',
};

/** The registered norm, as the rows need it. */
export interface RegisteredNorm {
  abbreviation: string;
  title: string;
}

/**
 * registerLegalNorm's problems by field ("input.abbreviation", …; a norm that exists already,
 * LEGAL_NORM_EXISTS, at its abbreviation); the rest for the summary.
 */
export function normProblems(problems: readonly ApiProblem[]): {
  errors: Partial<Record<NormField, string>>;
  others: ApiProblem[];
} {
  const errors: Partial<Record<NormField, string>> = {};
  const others: ApiProblem[] = [];
  for (const problem of problems) {
    const name = problem.field?.replace(/^input\./, '');
    const field: NormField | undefined =
      name && name in NORM_LABEL
        ? (name as NormField)
        : problem.reason === 'LEGAL_NORM_EXISTS'
          ? 'abbreviation'
          : undefined;
    if (field && !errors[field]) {
      errors[field] = fieldMessage(problem, NORM_LABEL[field]);
    } else {
      others.push(problem);
    }
  }
  return { errors, others };
}

/**
 * "Rechtsnorm registrieren": a norm the register does not know yet (any MAINTAINER or OPERATOR may
 * register one), opened from a legal-basis row and chosen in it afterwards. It sits inside the
 * service form, so it is a group with its own button, not a nested form: Enter in its fields
 * registers the norm and does not submit the service. The abbreviation starts as typed in the row.
 */
export function RegisterNormForm({
  abbreviation: typed,
  onRegistered,
  onCancel,
}: {
  abbreviation: string;
  onRegistered: (norm: RegisteredNorm) => void;
  onCancel: () => void;
}) {
  const headingId = useId();
  const ids = useId();
  const [values, setValues] = useState<Record<NormField, string>>({
    abbreviation: typed.trim(),
    title: '',
    jurisdiction: 'DE',
    url: '',
    eli: '',
  });
  const [missing, setMissing] = useState<Partial<Record<NormField, string>>>({});
  const [result, register] = useMutation(RegisterLegalNormMutation);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
  }, []);

  const fromApi = normProblems(problemsOf(result.error));
  const errors = { ...fromApi.errors, ...missing };
  const set = (field: NormField, value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = () => {
    if (result.fetching) {
      return;
    }
    const absent: Partial<Record<NormField, string>> = {};
    if (values.abbreviation.trim() === '') {
      absent.abbreviation = 'Bitte geben Sie die Abkürzung der Rechtsnorm an, z. B. „WoGG“.';
    }
    if (values.title.trim() === '') {
      absent.title = 'Bitte geben Sie den Titel der Rechtsnorm an, z. B. „Wohngeldgesetz“.';
    }
    setMissing(absent);
    if (Object.keys(absent).length > 0) {
      return;
    }
    void register({
      input: {
        abbreviation: values.abbreviation.trim(),
        title: values.title.trim(),
        jurisdiction: values.jurisdiction,
        ...(values.url.trim() ? { url: values.url.trim() } : {}),
        ...(values.eli.trim() ? { eli: values.eli.trim() } : {}),
      },
    }).then((answer) => {
      if (answer.data) {
        onRegistered(answer.data.registerLegalNorm);
      }
    });
  };
  // Enter in a field registers the norm (and never submits the surrounding service form).
  const onEnter = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && (target.tagName === 'INPUT' || target.tagName === 'SELECT')) {
      event.preventDefault();
      submit();
    }
  };
  const text = (field: NormField, props: { hint?: string; optional?: boolean } = {}) => (
    <Field
      id={`${ids}-${field}`}
      label={NORM_LABEL[field]}
      hint={props.hint}
      optional={props.optional}
      error={errors[field]}
    >
      {(control) => (
        <input
          {...control}
          ref={field === 'abbreviation' ? first : undefined}
          className={inputClass(errors[field])}
          type={field === 'url' ? 'url' : 'text'}
          autoComplete="off"
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div className="action-form stack" role="group" aria-labelledby={headingId} onKeyDown={onEnter}>
      <h3 className="kern-heading-small" id={headingId}>
        Rechtsnorm registrieren
      </h3>
      <p className="kern-body">
        Fehlt eine Rechtsnorm im Register, registrieren Sie sie hier. Sie steht danach allen Leistungen zur
        Verfügung und ist in dieser Rechtsgrundlage gewählt.
      </p>
      <Problems problems={fromApi.others} />
      {text('abbreviation', {
        hint: 'Eindeutig über alle Rechtsräume, z. B. „WoGG“; Landesrecht endet mit dem Länderkürzel, z. B. „LBO SH“.',
      })}
      {text('title', { hint: 'Der amtliche Titel, z. B. „Wohngeldgesetz“.' })}
      <Field id={`${ids}-jurisdiction`} label={NORM_LABEL.jurisdiction} error={errors.jurisdiction}>
        {(control) => (
          <div className="kern-form-input__select-wrapper">
            <select
              {...control}
              className="kern-form-input__select"
              value={values.jurisdiction}
              onChange={(event) => set('jurisdiction', event.target.value)}
            >
              {JURISDICTIONS.map((jurisdiction) => (
                <option key={jurisdiction.value} value={jurisdiction.value}>
                  {jurisdiction.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      {text('url', {
        optional: true,
        hint: 'Beginnt mit https://, z. B. https://www.gesetze-im-internet.de/wogg/',
      })}
      {text('eli', {
        optional: true,
        hint: 'European Legislation Identifier, wo es einen gibt, z. B. eli/bund/bgbl-1/2024/s245',
      })}
      <div className="inline-actions">
        <Button variant="primary" onClick={submit} aria-disabled={result.fetching || undefined}>
          Rechtsnorm registrieren
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Abbrechen
        </Button>
      </div>
    </div>
  );
}
