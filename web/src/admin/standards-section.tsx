import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { problemsOf, type ApiProblem } from '../graphql/errors';
import type { InterfaceKind } from '../graphql/generated/enums';
import { problemsByField } from '../services/service-form-model';
import { Outcome } from '../subscriptions/action-form';
import { Loading, Problems } from '../ui/alert';
import { ErrorSummary } from '../ui/error-summary';
import { Field, inputClass } from '../ui/field';
import { formatNumber, INTERFACE_KIND } from '../ui/labels';
import {
  AdminInterfaceStandardsQuery,
  REFRESH_STANDARDS,
  RegisterInterfaceStandardMutation,
} from './admin-queries';
import { SectionHeading } from './admin-parts';
import { TableHead } from '../ui/table-head';

const KINDS: InterfaceKind[] = ['XOEV_STANDARD', 'TRANSPORT', 'PORTAL_COMPONENT', 'OTHER'];

type StandardField = 'key' | 'name' | 'kind';

const LABEL: Record<StandardField, string> = { key: 'Schlüssel', name: 'Name', kind: 'Art' };

/**
 * registerInterfaceStandard's problems at their fields (`input.key`, `input.name`; a standard
 * that exists already, INTERFACE_STANDARD_EXISTS, at the key); the rest for the summary.
 */
export function standardProblems(problems: readonly ApiProblem[]): {
  errors: Partial<Record<StandardField, string>>;
  others: ApiProblem[];
} {
  return problemsByField<StandardField>(
    problems,
    (name, problem) =>
      problem.reason === 'INTERFACE_STANDARD_EXISTS'
        ? 'key'
        : name === 'key' || name === 'name' || name === 'kind'
          ? name
          : undefined,
    (field) => LABEL[field],
  );
}

/** "Schnittstellenstandards": the registered standards, and "Schnittstellenstandard registrieren". */
export function StandardsSection() {
  const [result] = useQuery({ query: AdminInterfaceStandardsQuery });
  const standards = result.data?.interfaceStandards ?? [];
  return (
    <>
      <SectionHeading>Schnittstellenstandards</SectionHeading>
      <p className="kern-body">
        Die XÖV-Standards, Transportverfahren und Portalkomponenten, die Versionen als Schnittstellen nennen
        und Organisationen als ihre Fähigkeiten angeben.
      </p>
      <Problems problems={problemsOf(result.error)} title="Die Standards konnten nicht geladen werden" />
      {!result.data && result.fetching ? <Loading /> : null}
      {result.data ? (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title">
              {standards.length === 0
                ? 'Kein Schnittstellenstandard'
                : standards.length === 1
                  ? '1 Schnittstellenstandard'
                  : `${formatNumber(standards.length)} Schnittstellenstandards`}
            </caption>
            <TableHead columns={['Name', 'Schlüssel', 'Art']} />
            <tbody className="kern-table__body">
              {standards.map((standard) => (
                <tr className="kern-table__row" key={standard.key}>
                  <th scope="row" className="kern-table__header">
                    {standard.name}
                  </th>
                  <td className="kern-table__cell">
                    <code>{standard.key}</code>
                  </td>
                  <td className="kern-table__cell">{INTERFACE_KIND[standard.kind]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <RegisterStandard />
    </>
  );
}

function RegisterStandard() {
  const headingId = useId();
  const ids = useId();
  const [values, setValues] = useState<{ key: string; name: string; kind: InterfaceKind | '' }>({
    key: '',
    name: '',
    kind: '',
  });
  const [missing, setMissing] = useState<Partial<Record<StandardField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [registered, setRegistered] = useState<{ key: string; name: string } | null>(null);
  const [result, register] = useMutation(RegisterInterfaceStandardMutation);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0) {
      summary.current?.focus();
    }
  }, [attempt]);
  const fromApi = standardProblems(problemsOf(result.error));
  const errors = { ...fromApi.errors, ...missing };
  const id = (field: StandardField) => `${ids}-${field}`;
  const summaryFields = (['name', 'key', 'kind'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ id: id(field), label: LABEL[field], message: errors[field]! }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (result.fetching) {
      return;
    }
    setRegistered(null);
    const absent: Partial<Record<StandardField, string>> = {};
    if (values.name.trim() === '') {
      absent.name = 'Bitte geben Sie den Namen des Standards an, z. B. „XZuFi“.';
    }
    if (values.key.trim() === '') {
      absent.key = 'Bitte geben Sie den Schlüssel des Standards an, z. B. „xzufi“.';
    }
    if (values.kind === '') {
      absent.kind = 'Bitte wählen Sie die Art des Standards.';
    }
    setMissing(absent);
    if (Object.keys(absent).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    const input = { key: values.key.trim(), name: values.name.trim(), kind: values.kind as InterfaceKind };
    void register({ input }, REFRESH_STANDARDS).then((answer) => {
      const standard = answer.data?.registerInterfaceStandard;
      if (standard) {
        setRegistered(standard);
        setValues({ key: '', name: '', kind: '' });
      } else {
        setAttempt((n) => n + 1);
      }
    });
  };

  const text = (field: 'name' | 'key', hint: string) => (
    <Field id={id(field)} label={LABEL[field]} hint={hint} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          className={inputClass(errors[field])}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={values[field]}
          onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-medium" id={headingId}>
        Schnittstellenstandard registrieren
      </h3>
      {registered ? (
        <Outcome
          message={`Der Schnittstellenstandard „${registered.name}“ ist registriert (Schlüssel ${registered.key}).`}
        />
      ) : null}
      <form className="stack" noValidate aria-labelledby={headingId} onSubmit={submit}>
        <ErrorSummary ref={summary} fields={summaryFields} problems={fromApi.others} />
        <p className="kern-body">Felder ohne den Zusatz „optional“ sind Pflichtfelder.</p>
        {text('name', 'Wie Versionen und Fähigkeiten ihn nennen, z. B. „XZuFi“ oder „FIT-Connect“.')}
        {text(
          'key',
          'Kleinbuchstaben, Ziffern und „-“, höchstens 40 Zeichen, z. B. „xzufi“; er lässt sich später nicht ändern.',
        )}
        <Field id={id('kind')} label={LABEL.kind} error={errors.kind}>
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={values.kind}
                onChange={(event) =>
                  setValues((current) => ({ ...current, kind: event.target.value as InterfaceKind | '' }))
                }
              >
                <option value="">Bitte wählen</option>
                {KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {INTERFACE_KIND[kind]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
        <div className="inline-actions">
          <button
            type="submit"
            className="kern-btn kern-btn--primary"
            aria-disabled={result.fetching || undefined}
          >
            <span className="kern-label">Schnittstellenstandard registrieren</span>
          </button>
        </div>
      </form>
    </section>
  );
}
