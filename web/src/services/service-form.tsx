import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { MATURITY_CHOICES } from '../catalogue/maturity';
import { problemsOf } from '../graphql/errors';
import type {
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  Themenfeld,
} from '../graphql/generated/enums';
import { ErrorSummary } from '../ui/error-summary';
import { Field, Fieldset, inputClass } from '../ui/field';
import { LIFECYCLE, REUSE_MODEL, THEMENFELD } from '../ui/labels';
import { LegalBasesField, rowFieldId } from './legal-bases-field';
import {
  labelOf,
  missingFields,
  problemsAtFields,
  sentLists,
  slugFromName,
  type FieldErrors,
  type FieldKey,
  type FieldName,
  type LegalBasisRow,
  type SentLists,
  type ServiceFormValues,
} from './service-form-model';

const THEMENFELDER = (Object.entries(THEMENFELD) as [Themenfeld, string][]).sort(([, a], [, b]) =>
  a.localeCompare(b, 'de'),
);

const LIFECYCLES: ServiceLifecycle[] = ['CONCEPT', 'DEVELOPMENT', 'ACTIVE', 'DEPRECATED', 'RETIRED'];

const REUSE_MODELS: { value: ReuseModel; hint: string }[] = [
  { value: 'EFA_CENTRAL', hint: 'Eine Stelle betreibt die Leistung, die anderen schließen sich an.' },
  {
    value: 'CENTRAL_DEVELOPMENT_LOCAL_OPERATION',
    hint: 'Eine Stelle entwickelt, jede nachnutzende Verwaltung betreibt selbst.',
  },
  { value: 'SELF_HOSTED_OPEN_SOURCE', hint: 'Der Quellcode ist offen, Nachnutzende betreiben ihn selbst.' },
];

const APPROVALS: { value: SubscriptionApproval; label: string; hint: string }[] = [
  {
    value: 'MANUAL',
    label: 'Von Hand',
    hint: 'Ihre Organisation entscheidet über jeden Antrag auf Nachnutzung.',
  },
  {
    value: 'AUTOMATIC',
    label: 'Automatisch',
    hint: 'Ein Antrag auf Nachnutzung ist sofort aktiv.',
  },
];

/** The fields in the order the form shows them: the summary lists errors in this order. */
const NAMED_ORDER: FieldName[] = [
  'name',
  'slug',
  'summary',
  'description',
  'ownerKey',
  'leikaKeys',
  'keywords',
  'themenfeld',
  'maturityLevel',
  'lifecycle',
  'sdgRelevant',
];
const NAMED_AFTER_ROWS: FieldName[] = ['reuseModel', 'subscriptionApproval', 'repositoryUrl', 'license'];

function orderedKeys(rows: readonly LegalBasisRow[]): FieldKey[] {
  return [
    ...NAMED_ORDER,
    ...rows.flatMap((row) => [`legalBases.${row.key}.norm`, `legalBases.${row.key}.provision`] as FieldKey[]),
    ...NAMED_AFTER_ROWS,
  ];
}

/** Who owns the service: an OPERATOR chooses among organisations; a MAINTAINER registers for its own. */
export type OwnerChoice =
  { choose: true; options: { key: string; name: string }[] } | { choose: false; name: string };

/**
 * The service's form, for "Leistung registrieren" and "Leistung bearbeiten" (the same fields,
 * filled in when editing; slug, owner and reuse model are set once at registration and shown,
 * not offered, when editing). Nothing is sent while a required field is empty. The API's
 * problems stand at the fields they name, and all of them in a summary at the top, which takes the
 * focus after every submit that did not go through.
 */
export function ServiceForm({
  mode,
  initial,
  owner,
  fixed,
  submitLabel,
  cancelTo,
  fetching,
  error,
  onSubmit,
}: {
  mode: 'register' | 'edit';
  initial: ServiceFormValues;
  owner: OwnerChoice;
  /** When editing: what cannot change, to show (slug, owner, reuse model). */
  fixed?: React.ReactNode;
  submitLabel: string;
  cancelTo: string;
  fetching: boolean;
  /** The last answer's error, for the values sent with it. */
  error?: CombinedError;
  onSubmit: (values: ServiceFormValues) => void;
}) {
  const formId = useId();
  const [values, setValues] = useState(initial);
  const [slugTouched, setSlugTouched] = useState(mode === 'edit');
  const [missing, setMissing] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const sent = useRef<{ lists: SentLists; rows: LegalBasisRow[] } | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  const fromApi = error
    ? problemsAtFields(problemsOf(error), sent.current?.lists ?? sentLists(values), sent.current?.rows ?? [])
    : { errors: {}, others: [] };
  const errors: FieldErrors = { ...fromApi.errors, ...missing };

  // After a submit that did not go through (missing fields now, or the API's answer later), the
  // summary takes the focus.
  useEffect(() => {
    if (attempt > 0 || error) {
      summary.current?.focus();
    }
  }, [attempt, error]);

  const set = <K extends keyof ServiceFormValues>(key: K, value: ServiceFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const idOf = (key: FieldKey) => {
    const row = /^legalBases\.(.+)\.(norm|provision)$/.exec(key);
    return row ? rowFieldId(formId, row[1], row[2] as 'norm' | 'provision') : `${formId}-${key}`;
  };
  const summaryFields = orderedKeys(values.legalBases)
    .filter((key) => errors[key])
    .map((key) => ({ id: idOf(key), label: labelOf(key, values.legalBases), message: errors[key]! }));

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (fetching) {
      return;
    }
    const absent = missingFields(values, mode, owner.choose);
    setMissing(absent);
    if (Object.keys(absent).length > 0) {
      sent.current = null;
      setAttempt((n) => n + 1);
      return;
    }
    sent.current = { lists: sentLists(values), rows: values.legalBases };
    onSubmit(values);
  };

  const text = (
    key: FieldName & keyof ServiceFormValues,
    options: {
      hint?: React.ReactNode;
      optional?: boolean;
      rows?: number;
      type?: 'url';
      onChange?: (value: string) => void;
    } = {},
  ) => (
    <Field
      id={idOf(key)}
      label={labelOf(key, [])}
      hint={options.hint}
      optional={options.optional}
      error={errors[key]}
    >
      {(control) =>
        options.rows ? (
          <textarea
            {...control}
            className={inputClass(errors[key])}
            rows={options.rows}
            value={values[key] as string}
            onChange={(event) => (options.onChange ?? ((v: string) => set(key, v)))(event.target.value)}
          />
        ) : (
          <input
            {...control}
            className={inputClass(errors[key])}
            type={options.type ?? 'text'}
            autoComplete="off"
            value={values[key] as string}
            onChange={(event) => (options.onChange ?? ((v: string) => set(key, v)))(event.target.value)}
          />
        )
      }
    </Field>
  );

  return (
    <form className="stack service-form" noValidate onSubmit={submit} aria-label={submitLabel}>
      <ErrorSummary ref={summary} fields={summaryFields} problems={fromApi.others} />
      <p className="kern-body">Felder ohne den Zusatz „optional“ sind Pflichtfelder.</p>

      <section className="stack" aria-labelledby={`${formId}-about`}>
        <h2 className="kern-heading-large" id={`${formId}-about`}>
          Die Leistung
        </h2>
        {fixed}
        {text('name', {
          hint: 'Wie Bürgerinnen, Bürger und Verwaltungen die Leistung nennen, z. B. „Wohngeld beantragen“.',
          onChange: (name) =>
            setValues((current) => ({
              ...current,
              name,
              ...(slugTouched ? {} : { slug: slugFromName(name) }),
            })),
        })}
        {mode === 'register'
          ? text('slug', {
              hint: (
                <>
                  Teil der Adresse: /leistungen/<code>{values.slug.trim() || 'kurzname'}</code>.
                  Kleinbuchstaben, Ziffern und Bindestriche, z. B. „wohngeld-beantragen“; aus dem Namen
                  vorgeschlagen. Er kann später nicht geändert werden.
                </>
              ),
              onChange: (slug) => {
                setSlugTouched(true);
                set('slug', slug);
              },
            })
          : null}
        {text('summary', {
          rows: 2,
          hint: 'Ein bis zwei Sätze für die Trefferliste, höchstens 500 Zeichen.',
        })}
        {text('description', {
          rows: 6,
          optional: true,
          hint: 'Was die Leistung leistet und für wen; Absätze durch eine Leerzeile trennen.',
        })}
        {mode === 'register' ? (
          owner.choose ? (
            <Field
              id={idOf('ownerKey')}
              label={labelOf('ownerKey', [])}
              error={errors.ownerKey}
              hint="Die Organisation, die die Leistung entwickelt und pflegt; ihre Maintainer bearbeiten sie danach."
            >
              {(control) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    {...control}
                    className={`kern-form-input__select${errors.ownerKey ? ' kern-form-input__select--error' : ''}`}
                    value={values.ownerKey}
                    onChange={(event) => set('ownerKey', event.target.value)}
                  >
                    <option value="">Bitte wählen</option>
                    {owner.options.map((option) => (
                      <option key={option.key} value={option.key}>
                        {option.name}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
          ) : (
            <p className="kern-body">
              Eigentümer: <strong>{owner.name}</strong> (Ihre Organisation). Ihre Maintainer bearbeiten die
              Leistung.
            </p>
          )
        ) : null}
      </section>

      <section className="stack" aria-labelledby={`${formId}-order`}>
        <h2 className="kern-heading-large" id={`${formId}-order`}>
          Einordnung
        </h2>
        {text('leikaKeys', {
          rows: 3,
          optional: true,
          hint: (
            <>
              Die 14-stelligen Leistungsschlüssel des Leistungskatalogs (LeiKa), einer pro Zeile oder durch
              Kommas getrennt, z. B. <code>99107023037000</code>. Die Schreibweise{' '}
              <code>urn:de:fim:leika:leistung:99107023037000</code> wird als die 14 Ziffern übernommen.
            </>
          ),
        })}
        {text('keywords', {
          rows: 3,
          optional: true,
          hint: 'Weitere Namen, unter denen Menschen die Leistung suchen, z. B. „Angelschein“ für den Fischereischein: einer pro Zeile oder durch Kommas getrennt, höchstens 50.',
        })}
        <Select
          id={idOf('themenfeld')}
          label={labelOf('themenfeld', [])}
          error={errors.themenfeld}
          value={values.themenfeld}
          empty="Nicht zugeordnet"
          options={THEMENFELDER.map(([value, label]) => ({ value, label }))}
          onChange={(value) => set('themenfeld', value as Themenfeld | '')}
        />
        <Select
          id={idOf('maturityLevel')}
          label={labelOf('maturityLevel', [])}
          hint="Nach dem OZG-Reifegradmodell, in dem bewertet wurde: seit Juli 2025 Modell 2.0 (0 bis 7); Bewertungen nach Modell 1.1 (0 bis 4, ab 3 OZG-konform) bleiben gültig."
          error={errors.maturityLevel}
          value={values.maturityLevel}
          empty="Nicht angegeben"
          options={MATURITY_CHOICES}
          onChange={(value) => set('maturityLevel', value)}
        />
        <Select
          id={idOf('lifecycle')}
          label={labelOf('lifecycle', [])}
          hint="Abgekündigte Leistungen nehmen keine neuen Nachnutzungen an, eingestellte auch keine neuen Versionen."
          error={errors.lifecycle}
          value={values.lifecycle}
          options={LIFECYCLES.map((value) => ({ value, label: LIFECYCLE[value] }))}
          onChange={(value) => set('lifecycle', value as ServiceLifecycle)}
        />
        <div className="kern-form-check">
          <input
            className="kern-form-check__checkbox"
            type="checkbox"
            id={idOf('sdgRelevant')}
            checked={values.sdgRelevant}
            onChange={(event) => set('sdgRelevant', event.target.checked)}
          />
          <label className="kern-label" htmlFor={idOf('sdgRelevant')}>
            SDG-relevant: die Leistung ist ein Verfahren aus Anhang II der Single-Digital-Gateway-Verordnung
          </label>
        </div>
      </section>

      <section className="stack" aria-labelledby={`${formId}-legal`}>
        <h2 className="kern-heading-large" id={`${formId}-legal`}>
          Rechtsgrundlagen
        </h2>
        <LegalBasesField
          rows={values.legalBases}
          errors={errors}
          idPrefix={formId}
          onChange={(change) =>
            setValues((current) => ({ ...current, legalBases: change(current.legalBases) }))
          }
        />
      </section>

      <section className="stack" aria-labelledby={`${formId}-reuse`}>
        <h2 className="kern-heading-large" id={`${formId}-reuse`}>
          Nachnutzung und Quellcode
        </h2>
        {mode === 'register' ? (
          <Radios
            id={idOf('reuseModel')}
            legend={labelOf('reuseModel', [])}
            hint="Wie andere Verwaltungen die Leistung nachnutzen; es kann später nicht geändert werden."
            error={errors.reuseModel}
            value={values.reuseModel}
            options={REUSE_MODELS.map((model) => ({
              value: model.value,
              label: REUSE_MODEL[model.value],
              hint: model.hint,
            }))}
            onChange={(value) => set('reuseModel', value as ReuseModel)}
          />
        ) : null}
        <Radios
          id={idOf('subscriptionApproval')}
          legend={labelOf('subscriptionApproval', [])}
          error={errors.subscriptionApproval}
          value={values.subscriptionApproval}
          options={APPROVALS}
          onChange={(value) => set('subscriptionApproval', value as SubscriptionApproval)}
        />
        {text('repositoryUrl', {
          type: 'url',
          optional: true,
          hint: 'Die Adresse des Quellcodes, beginnt mit https://, z. B. https://github.com/dataport/wohngeld. Über sie übernimmt das Register Versionen aus GitHub; ein GitHub-Repository muss in einem Namensraum liegen, den der Betrieb Ihrer Organisation zugeordnet hat.',
        })}
        {text('license', { optional: true, hint: 'Die SPDX-Kennung der Lizenz, z. B. EUPL-1.2 oder MIT.' })}
      </section>

      <div className="inline-actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching || undefined}>
          <span className="kern-label">{submitLabel}</span>
        </button>
        <Link className="kern-btn kern-btn--secondary" to={cancelTo}>
          <span className="kern-label">Abbrechen</span>
        </Link>
      </div>
    </form>
  );
}

function Select({
  id,
  label,
  hint,
  error,
  value,
  empty,
  options,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  /** The label of the empty choice, where the field may stay empty. */
  empty?: string;
  /** The choices; consecutive ones with the same `group` go into one optgroup under that label. */
  options: readonly { value: string; label: string; group?: string }[];
  onChange: (value: string) => void;
}) {
  const groups = groupsOf(options);
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={empty !== undefined}>
      {(control) => (
        <div className="kern-form-input__select-wrapper">
          <select
            {...control}
            className={`kern-form-input__select${error ? ' kern-form-input__select--error' : ''}`}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          >
            {empty !== undefined ? <option value="">{empty}</option> : null}
            {groups.map(({ group, choices }) => {
              const items = choices.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ));
              return group ? (
                <optgroup key={group} label={group}>
                  {items}
                </optgroup>
              ) : (
                items
              );
            })}
          </select>
        </div>
      )}
    </Field>
  );
}

/**
 * A KERN radio group: the legend names it, hint and error describe the group and are announced;
 * `id` is the first radio's, where the error summary's link puts the focus.
 */
function Radios({
  id,
  legend,
  hint,
  error,
  value,
  options,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: string;
  options: { value: string; label: string; hint?: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error}>
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${index}`;
        return (
          <div className={`kern-form-check${error ? ' kern-form-check--error' : ''}`} key={option.value}>
            <input
              className={`kern-form-check__radio${error ? ' kern-form-check__radio--error' : ''}`}
              type="radio"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              onChange={() => onChange(option.value)}
            />
            <label className="kern-label" htmlFor={optionId}>
              {option.label}
            </label>
            {option.hint ? (
              <div className="kern-hint" id={`${optionId}-hint`}>
                {option.hint}
              </div>
            ) : null}
          </div>
        );
      })}
    </Fieldset>
  );
}

/** Consecutive choices of the same group together, in their order; ungrouped ones on their own. */
function groupsOf<T extends { group?: string }>(options: readonly T[]): { group?: string; choices: T[] }[] {
  const groups: { group?: string; choices: T[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && option.group !== undefined && last.group === option.group) {
      last.choices.push(option);
    } else {
      groups.push({ group: option.group, choices: [option] });
    }
  }
  return groups;
}
