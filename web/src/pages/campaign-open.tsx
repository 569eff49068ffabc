import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CampaignPreviewQuery, OpenCampaignMutation } from '../campaigns/campaign-queries';
import {
  campaignInput,
  EMPTY_CAMPAIGN,
  FIELD_LABEL,
  missingFields,
  type CampaignField,
  type OpenCampaignValues,
} from '../campaigns/open-campaign-model';
import { problemFor, problemsOf } from '../graphql/errors';
import { noticeState } from '../services/notice';
import { NormCombobox } from '../services/norm-combobox';
import { Alert, Problems } from '../ui/alert';
import { ErrorSummary } from '../ui/error-summary';
import { Button, Field, inputClass } from '../ui/field';
import { Guarded } from '../ui/guard';
import { formatDate, formatNumber } from '../ui/labels';
import { Page } from '../ui/page';
import { TableHead } from '../ui/table-head';

const FIELD_ID: Record<CampaignField, string> = {
  title: 'campaign-title',
  norm: 'campaign-norm',
  effectiveDate: 'campaign-effective-date',
};

/**
 * "Kampagne eröffnen" (/kampagnen/neu): the change (norm, provisions, amendment, effective date),
 * then a check of what it will reach before anything is written: the services that cite the norm
 * and their subscribers, by the API's own selection (campaignPreview), with a warning when it
 * finds none or when the effective date has passed. Only "Kampagne jetzt eröffnen" opens it.
 */
export function CampaignOpenPage() {
  return (
    <Guarded
      title="Kampagne eröffnen"
      visitor="Kampagnen eröffnen Maintainer und der Betrieb nach der Anmeldung."
      roles={['MAINTAINER', 'OPERATOR']}
      refused="Kampagnen eröffnen Maintainer und der Betrieb. Ihre Anmeldung hat keine dieser Rollen."
    >
      <OpenCampaign />
    </Guarded>
  );
}

function OpenCampaign() {
  const [values, setValues] = useState<OpenCampaignValues>(EMPTY_CAMPAIGN);
  const [step, setStep] = useState<'edit' | 'check'>('edit');
  // The two steps are one address: Page moves the focus only after a navigation, so a change of
  // step puts it on the new step's heading here.
  const stepped = useRef(false);
  useEffect(() => {
    if (stepped.current) {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [step]);
  const go = (next: 'edit' | 'check') => {
    stepped.current = true;
    setStep(next);
  };
  return step === 'edit' ? (
    <CampaignForm values={values} onChange={setValues} onNext={() => go('check')} />
  ) : (
    <CampaignCheck values={values} onBack={() => go('edit')} />
  );
}

function CampaignForm({
  values,
  onChange,
  onNext,
}: {
  values: OpenCampaignValues;
  onChange: (values: OpenCampaignValues) => void;
  onNext: () => void;
}) {
  const [problems, setProblems] = useState<Partial<Record<CampaignField, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  const [submitted, setSubmitted] = useState(0);
  useEffect(() => {
    if (submitted > 0) {
      summary.current?.focus();
    }
  }, [submitted]);
  const set = (field: keyof OpenCampaignValues) => (value: string) => onChange({ ...values, [field]: value });
  const fields = (Object.keys(problems) as CampaignField[]).map((f) => ({
    id: FIELD_ID[f],
    label: FIELD_LABEL[f],
    message: problems[f] ?? '',
  }));
  return (
    <Page
      title="Kampagne eröffnen"
      lead="Eine Rechtsänderung, die Leistungen anpassen müssen: Das Register findet die Leistungen, die die Norm zitieren, und zeigt sie Ihnen vor dem Eröffnen."
    >
      <form
        className="stack"
        noValidate
        aria-label="Angaben zur Kampagne"
        onSubmit={(event) => {
          event.preventDefault();
          const missing = missingFields(values);
          setProblems(missing);
          if (Object.keys(missing).length > 0) {
            setSubmitted((n) => n + 1);
            return;
          }
          onNext();
        }}
      >
        <ErrorSummary ref={summary} fields={fields} problems={[]} />
        <Field
          id={FIELD_ID.title}
          label="Titel"
          hint="Worum es geht, z. B. „Wohngeld: neue Höchstbeträge 2027“"
          error={problems.title}
        >
          {(props) => (
            <input
              type="text"
              className={inputClass(problems.title)}
              value={values.title}
              onChange={(e) => set('title')(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <NormCombobox id={FIELD_ID.norm} value={values.norm} onChange={set('norm')} error={problems.norm} />
        <Field
          label="Vorschriften"
          optional
          hint="Eine je Zeile, z. B. „§ 12“ oder „§ 7 Abs. 2“. Leer: die ganze Norm. Eine Vorschrift erfasst auch ihre Absätze."
        >
          {(props) => (
            <textarea
              className={inputClass()}
              rows={3}
              value={values.provisions}
              onChange={(e) => set('provisions')(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <Field label="Änderungsgesetz" optional hint="Die Fundstelle, z. B. „BGBl. 2026 I Nr. 123“">
          {(props) => (
            <input
              type="text"
              className={inputClass()}
              value={values.amendment}
              onChange={(e) => set('amendment')(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <Field
          id={FIELD_ID.effectiveDate}
          label="Gilt ab"
          hint="Ab diesem Tag gilt die Änderung: die Frist der Ziele"
          error={problems.effectiveDate}
        >
          {(props) => (
            <input
              type="date"
              className={inputClass(problems.effectiveDate)}
              value={values.effectiveDate}
              onChange={(e) => set('effectiveDate')(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <Field label="Beschreibung" optional>
          {(props) => (
            <textarea
              className={inputClass()}
              rows={4}
              value={values.description}
              onChange={(e) => set('description')(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <div className="inline-actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">Weiter: betroffene Leistungen prüfen</span>
          </button>
          <Link className="kern-btn kern-btn--secondary" to="/kampagnen">
            <span className="kern-label">Abbrechen</span>
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** "Die Kampagne erfasst 2 Leistungen mit 5 Nachnutzungen." (subscriptions: a Kommune with two services counts twice) */
function reachSentence(answer: { targets: unknown[]; subscribersTotal: number }): string {
  if (answer.targets.length === 0) {
    return 'Die Kampagne erfasst keine Leistung.';
  }
  const services =
    answer.targets.length === 1 ? '1 Leistung' : `${formatNumber(answer.targets.length)} Leistungen`;
  const uses =
    answer.subscribersTotal === 0
      ? 'ohne Nachnutzung'
      : answer.subscribersTotal === 1
        ? 'mit 1 Nachnutzung'
        : `mit ${formatNumber(answer.subscribersTotal)} Nachnutzungen`;
  return `Die Kampagne erfasst ${services} ${uses}.`;
}

function CampaignCheck({ values, onBack }: { values: OpenCampaignValues; onBack: () => void }) {
  const navigate = useNavigate();
  const input = campaignInput(values);
  const [preview] = useQuery({
    query: CampaignPreviewQuery,
    variables: {
      input: { norm: input.norm, provisions: input.provisions, effectiveDate: input.effectiveDate },
    },
    requestPolicy: 'network-only',
  });
  const [opening, open] = useMutation(OpenCampaignMutation);
  const problems = [...problemsOf(preview.error), ...problemsOf(opening.error)];
  const normProblem = problemFor(problems, 'norm');
  const answer = preview.data?.campaignPreview;
  return (
    <Page
      title="Kampagne prüfen und eröffnen"
      lead={`„${input.title}“, gilt ab ${formatDate(input.effectiveDate)}`}
    >
      <Problems
        problems={problems}
        title={normProblem ? 'Die Rechtsgrundlage ist nicht bekannt' : undefined}
      />
      <section className="stack" aria-labelledby="preview-heading">
        <h2 className="kern-heading-large" id="preview-heading">
          Betroffene Leistungen
        </h2>
        {/* One live region from the start: its answer is announced when it arrives. */}
        <div role="status">
          {!answer && preview.fetching ? (
            <p className="kern-body">Betroffene Leistungen werden gesucht …</p>
          ) : null}
          {answer ? <p className="kern-body kern-body--large">{reachSentence(answer)}</p> : null}
        </div>
        {answer ? (
          <>
            {answer.warnings.includes('NO_TARGETS') ? (
              <Alert tone="warning" title="Keine Leistung zitiert diese Rechtsgrundlage">
                <p className="kern-body">
                  {`Keine Leistung im Register nennt ${answer.norm.abbreviation}${input.provisions.length ? ` ${input.provisions.join(', ')}` : ''} als Rechtsgrundlage. Prüfen Sie Norm und Vorschriften; eröffnen Sie die Kampagne trotzdem, hat sie zunächst keine Ziele.`}
                </p>
              </Alert>
            ) : null}
            {answer.warnings.includes('EFFECTIVE_DATE_PASSED') ? (
              <Alert tone="warning" title="Das Datum liegt in der Vergangenheit">
                <p className="kern-body">
                  {`Die Änderung gilt seit ${formatDate(input.effectiveDate)}. Alle offenen Ziele sind sofort überfällig.`}
                </p>
              </Alert>
            ) : null}
            {answer.targets.length > 0 ? (
              <div className="kern-table-responsive">
                <table className="kern-table">
                  <caption className="kern-title">Leistungen, die die Kampagne als Ziele erhält</caption>
                  <TableHead
                    columns={['Leistung', 'Eigentümer', 'Zitierte Vorschriften', 'Aktive Nachnutzungen']}
                  />
                  <tbody className="kern-table__body">
                    {answer.targets.map((t) => (
                      <tr className="kern-table__row" key={t.service.id}>
                        <th scope="row" className="kern-table__header">
                          {t.service.name}
                        </th>
                        <td className="kern-table__cell">{t.service.owner.name}</td>
                        <td className="kern-table__cell">
                          {t.citedProvisions.length ? t.citedProvisions.join(', ') : 'die ganze Norm'}
                        </td>
                        <td className="kern-table__cell numeric">{formatNumber(t.subscribersTotal)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
      </section>
      <div className="inline-actions">
        {answer ? (
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            aria-disabled={opening.fetching || undefined}
            onClick={() => {
              if (opening.fetching) {
                return;
              }
              void open({ input }).then((result) => {
                if (result.data) {
                  void navigate(`/kampagnen/${encodeURIComponent(result.data.openCampaign.id)}`, {
                    state: noticeState('Die Kampagne ist eröffnet.'),
                  });
                }
              });
            }}
          >
            <span className="kern-label">Kampagne jetzt eröffnen</span>
          </button>
        ) : null}
        <Button variant="secondary" onClick={onBack}>
          Angaben ändern
        </Button>
      </div>
    </Page>
  );
}
