import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Paging } from '../catalogue/catalogue-results';
import { nextPosition, pageNumber, positionFrom, previousPosition } from '../catalogue/catalogue-url';
import { problemsOf } from '../graphql/errors';
import type { OrganisationKind } from '../graphql/generated/enums';
import { Outcome } from '../subscriptions/action-form';
import { Loading, Problems } from '../ui/alert';
import { ErrorSummary } from '../ui/error-summary';
import { Field, inputClass } from '../ui/field';
import { formatNumber, ORGANISATION_KIND } from '../ui/labels';
import {
  AdminOrganisationsQuery,
  REFRESH_ORGANISATIONS,
  RegisterOrganisationMutation,
} from './admin-queries';
import { ListFilter, SectionHeading } from './admin-parts';
import { adminHref } from './admin-url';
import { byId } from '../ui/focus-after-navigation';
import {
  EMPTY_ORGANISATION,
  keyedByArs,
  keyHint,
  keyLabel,
  missingOrganisationFields,
  ORGANISATION_KINDS,
  ORGANISATION_LABEL,
  organisationProblems,
  parentHint,
  registerOrganisationInput,
  type OrganisationField,
  type OrganisationValues,
} from './organisation-form-model';
import { TableHead } from '../ui/table-head';

export const ORGANISATIONS_PAGE_SIZE = 20;
const LIST_CAPTION_ID = 'organisationen-liste';

function kindFrom(value: string | null): OrganisationKind | null {
  return ORGANISATION_KINDS.find((kind) => kind === value) ?? null;
}

/** "Keine Organisation" / "1 Organisation" / "34 Organisationen", with the kind when filtered. */
export function organisationCountText(count: number, kind: OrganisationKind | null): string {
  const of = kind ? ` der Art „${ORGANISATION_KIND[kind]}“` : '';
  if (count === 0) {
    return `Keine Organisation${of}`;
  }
  return `${count === 1 ? '1 Organisation' : `${formatNumber(count)} Organisationen`}${of}`;
}

/**
 * "Organisationen": the registered organisations by key, filtered by kind (`?art=`) and paged
 * (`nach`, `vorher`), each with a link to its audit trail; below them "Organisation registrieren".
 */
export function OrganisationsSection({
  focusAfter,
}: {
  focusAfter: (target: () => HTMLElement | null) => void;
}) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const kind = kindFrom(params.get('art'));
  const position = positionFrom(params);
  const [result] = useQuery({
    query: AdminOrganisationsQuery,
    variables: { kind, first: ORGANISATIONS_PAGE_SIZE, after: position.after },
  });
  const page = result.data?.organisations;
  const organisations = page?.edges.map((edge) => edge.node) ?? [];
  const previous = previousPosition(position);
  const toList = () => focusAfter(byId(LIST_CAPTION_ID));

  return (
    <>
      <SectionHeading>Organisationen</SectionHeading>
      <p className="kern-body">
        Die Organisationen des Registers, nach ihrem Schlüssel geordnet: Land, Kreise, Ämter und Gemeinden mit
        ihrem Amtlichen Regionalschlüssel (ARS), IT-Dienstleister und andere mit einem Kurznamen.
      </p>
      <ListFilter
        label="Nach Art filtern"
        allLabel="Alle Arten"
        value={kind}
        options={ORGANISATION_KINDS.map((value) => ({ value, label: ORGANISATION_KIND[value] }))}
        onApply={(chosen) => {
          toList();
          void navigate(adminHref('organisationen', { art: chosen }));
        }}
      />
      <Problems problems={problemsOf(result.error)} title="Die Organisationen konnten nicht geladen werden" />
      {!page && result.fetching ? <Loading /> : null}
      {page ? (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title" id={LIST_CAPTION_ID} tabIndex={-1}>
              {organisationCountText(page.totalCount, kind)}
            </caption>
            <TableHead columns={['Name', 'Art', 'Schlüssel', 'Übergeordnet', 'Prüfprotokoll']} />
            <tbody className="kern-table__body">
              {organisations.map((organisation) => (
                <tr className="kern-table__row" key={organisation.id}>
                  <th scope="row" className="kern-table__header">
                    {organisation.name}
                  </th>
                  <td className="kern-table__cell">{ORGANISATION_KIND[organisation.kind]}</td>
                  <td className="kern-table__cell">
                    <code>{organisation.key}</code>
                    {organisation.ags ? (
                      <span className="kern-body kern-body--small cell-note">AGS {organisation.ags}</span>
                    ) : organisation.kind === 'DISTRICT' && organisation.kreisschluessel ? (
                      <span className="kern-body kern-body--small cell-note">
                        Kreisschlüssel {organisation.kreisschluessel}
                      </span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">{organisation.parent?.name ?? '–'}</td>
                  <td className="kern-table__cell">
                    <Link
                      className="kern-link"
                      to={adminHref('pruefprotokoll', { objekt: organisation.id })}
                      onClick={() => focusAfter(byId('pruefprotokoll-ergebnis'))}
                    >
                      Ereignisse<span className="sr-suffix">{` von ${organisation.name}`}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page ? (
        <Paging
          previous={previous ? adminHref('organisationen', { art: kind }, previous) : null}
          next={
            page.pageInfo.hasNextPage && page.pageInfo.endCursor
              ? adminHref('organisationen', { art: kind }, nextPosition(position, page.pageInfo.endCursor))
              : null
          }
          page={pageNumber(position)}
          pages={Math.ceil(page.totalCount / ORGANISATIONS_PAGE_SIZE)}
          onFollow={toList}
        />
      ) : null}
      <RegisterOrganisation
        onShow={(registered) => {
          toList();
          void navigate(adminHref('organisationen', { art: registered }));
        }}
      />
    </>
  );
}

/**
 * "Organisation registrieren": the kind first (it decides whether the key is an ARS or a slug),
 * name, key, parent. The ARS field's hint says the format the kind expects while typing; the
 * API's refusal (extensions.field input.ars or input.key) stands at the field and in the summary.
 */
function RegisterOrganisation({ onShow }: { onShow: (kind: OrganisationKind) => void }) {
  const headingId = useId();
  const ids = useId();
  const [values, setValues] = useState<OrganisationValues>(EMPTY_ORGANISATION);
  const [missing, setMissing] = useState<Partial<Record<OrganisationField, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [registered, setRegistered] = useState<{ name: string; key: string; kind: OrganisationKind } | null>(
    null,
  );
  const [result, register] = useMutation(RegisterOrganisationMutation);
  const summary = useRef<HTMLDivElement>(null);
  const fromApi = organisationProblems(problemsOf(result.error), values.kind);
  const errors = { ...fromApi.errors, ...missing };
  useEffect(() => {
    if (attempt > 0) {
      summary.current?.focus();
    }
  }, [attempt]);

  const id = (field: OrganisationField) => `${ids}-${field}`;
  const label = (field: OrganisationField) =>
    field === 'key' ? keyLabel(values.kind) : ORGANISATION_LABEL[field];
  const set = (field: OrganisationField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  };
  const summaryFields = (['kind', 'name', 'key', 'parentKey'] as const)
    .filter((field) => errors[field])
    .map((field) => ({ id: id(field), label: label(field), message: errors[field]! }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (result.fetching) {
      return;
    }
    setRegistered(null);
    const absent = missingOrganisationFields(values);
    setMissing(absent);
    if (Object.keys(absent).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    void register({ input: registerOrganisationInput(values) }, REFRESH_ORGANISATIONS).then((answer) => {
      const organisation = answer.data?.registerOrganisation;
      if (organisation) {
        setRegistered(organisation);
        setValues(EMPTY_ORGANISATION);
      } else {
        setAttempt((n) => n + 1);
      }
    });
  };

  const text = (field: 'name' | 'key' | 'parentKey', hint: string, optional = false) => (
    <Field id={id(field)} label={label(field)} hint={hint} optional={optional} error={errors[field]}>
      {(control) => (
        <input
          {...control}
          className={inputClass(errors[field])}
          type="text"
          autoComplete="off"
          spellCheck={false}
          inputMode={field !== 'name' && keyedByArs(values.kind) ? 'numeric' : undefined}
          value={values[field]}
          onChange={(event) => set(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-medium" id={headingId}>
        Organisation registrieren
      </h3>
      {registered ? (
        <Outcome
          message={`Die Organisation „${registered.name}“ ist registriert (Schlüssel ${registered.key}).`}
        >
          <p className="kern-body">
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => onShow(registered.kind)}
            >
              <span className="kern-label">{`In der Liste zeigen (${ORGANISATION_KIND[registered.kind]})`}</span>
            </button>
          </p>
        </Outcome>
      ) : null}
      <form className="stack" noValidate aria-labelledby={headingId} onSubmit={submit}>
        <ErrorSummary ref={summary} fields={summaryFields} problems={fromApi.others} />
        <p className="kern-body">Felder ohne den Zusatz „optional“ sind Pflichtfelder.</p>
        <Field id={id('kind')} label={label('kind')} error={errors.kind}>
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                {...control}
                className="kern-form-input__select"
                value={values.kind}
                onChange={(event) => set('kind', event.target.value)}
              >
                <option value="">Bitte wählen</option>
                {ORGANISATION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ORGANISATION_KIND[kind]}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
        {text('name', 'Der amtliche Name, z. B. „Amt Hüttener Berge“ oder „Landeshauptstadt Kiel“.')}
        {text('key', keyHint(values.kind, values.key))}
        {text('parentKey', parentHint(values.kind), true)}
        <div className="inline-actions">
          <button
            type="submit"
            className="kern-btn kern-btn--primary"
            aria-disabled={result.fetching || undefined}
          >
            <span className="kern-label">Organisation registrieren</span>
          </button>
        </div>
      </form>
    </section>
  );
}
