import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { OwnerWorkQuery } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { problemsAt } from '../services/service-form-model';
import { FormButtons, Outcome } from '../subscriptions/action-form';
import { Problems } from '../ui/alert';
import { Field, inputClass } from '../ui/field';
import { formatDate, formatHours, todayIso } from '../ui/labels';
import { EffortEntriesQuery, RecordEffortMutation } from './effort-queries';
import { parseHours } from './hours';
import { TableHead } from '../ui/table-head';

type Work = OwnerWorkQuery;

/**
 * "Aufwand erfassen": hours worked on a service, as routine maintenance or on one of its campaign
 * targets (which calibrates later plans), and the latest entries of the service chosen.
 */
export function RecordEffort({ work }: { work: Work }) {
  const services = work.services.edges.map((e) => e.node);
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [targetId, setTargetId] = useState('');
  const [date, setDate] = useState(() => todayIso());
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const [hoursProblem, setHoursProblem] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [result, record] = useMutation(RecordEffortMutation);
  const service = services.find((s) => s.id === serviceId);
  const targets = useMemo(
    () =>
      // Finished campaigns too: hours booked after the close still calibrate; cancelled ones do not count.
      work.campaigns.edges
        .filter(({ node: c }) => c.state !== 'CANCELLED')
        .flatMap(({ node: c }) =>
          c.targets
            .filter((t) => t.service.id === serviceId && t.state !== 'EXCLUDED')
            .map((t) => ({ id: t.id, title: c.title })),
        ),
    [work.campaigns.edges, serviceId],
  );
  const problems = problemsOf(result.error);
  const {
    at: { hours: apiHours, date: apiDate },
    others,
  } = problemsAt(problems, { hours: 'Die Stundenzahl', date: 'Das Datum' });
  if (services.length === 0) {
    return null;
  }
  return (
    <section className="stack" aria-labelledby="record-heading">
      <h2 className="kern-heading-large" id="record-heading">
        Aufwand erfassen
      </h2>
      <p className="kern-body">
        Erfassen Sie geleistete Stunden an einer Leistung. Stunden an einem Kampagnenziel vergleicht das
        Register nach dessen Abschluss mit der Schätzung: daraus entsteht der Kalibrierungsfaktor künftiger
        Pläne.
      </p>
      {saved ? <Outcome message={saved} /> : null}
      <form
        className="stack"
        aria-labelledby="record-heading"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (result.fetching) {
            return;
          }
          const value = parseHours(hours);
          if (value === null || value <= 0) {
            setHoursProblem('Bitte geben Sie die Stunden als Zahl größer als 0 an, zum Beispiel 7,5.');
            return;
          }
          setHoursProblem(undefined);
          setSaved(null);
          void record({
            input: {
              serviceId,
              campaignTargetId: targetId || null,
              date,
              hours: value,
              note: note.trim() || null,
            },
          }).then((answer) => {
            if (!answer.error && answer.data) {
              setSaved(
                `${formatHours(answer.data.recordEffort.hours)} am ${formatDate(answer.data.recordEffort.date)} für ${answer.data.recordEffort.service.name} erfasst.`,
              );
              setHours('');
              setNote('');
            }
          });
        }}
      >
        <Problems problems={others} />
        <div className="form-grid">
          <Field label="Leistung">
            {(props) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  className="kern-form-input__select"
                  value={serviceId}
                  onChange={(e) => {
                    setServiceId(e.target.value);
                    setTargetId('');
                  }}
                  {...props}
                >
                  {services.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
          <Field label="Arbeit an" hint="Laufende Pflege oder ein Kampagnenziel der Leistung">
            {(props) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  className="kern-form-input__select"
                  value={targetId}
                  onChange={(e) => setTargetId(e.target.value)}
                  {...props}
                >
                  <option value="">Laufende Pflege</option>
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {`Kampagne: ${t.title}`}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
          <Field label="Datum" error={apiDate}>
            {(props) => (
              <input
                type="date"
                className={inputClass(apiDate)}
                value={date}
                max={todayIso()}
                onChange={(e) => setDate(e.target.value)}
                {...props}
              />
            )}
          </Field>
          <Field label="Stunden" hint="Zum Beispiel 7,5" error={hoursProblem ?? apiHours}>
            {(props) => (
              <input
                type="text"
                inputMode="decimal"
                className={inputClass(hoursProblem ?? apiHours)}
                value={hours}
                onChange={(e) => setHours(e.target.value)}
                {...props}
              />
            )}
          </Field>
        </div>
        <Field label="Notiz" optional>
          {(props) => (
            <input
              type="text"
              className={inputClass()}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <FormButtons
          submitLabel="Aufwand erfassen"
          fetching={result.fetching}
          onCancel={() => {
            setHours('');
            setNote('');
            setHoursProblem(undefined);
          }}
        />
      </form>
      {service ? <LatestEntries slug={service.slug} name={service.name} /> : null}
    </section>
  );
}

function LatestEntries({ slug, name }: { slug: string; name: string }) {
  const context = useMemo(() => ({ additionalTypenames: ['EffortEntry'] }), []);
  const [{ data }] = useQuery({ query: EffortEntriesQuery, variables: { serviceSlug: slug }, context });
  const entries = data?.effortEntries.edges.map((e) => e.node) ?? [];
  if (!data) {
    return null;
  }
  if (entries.length === 0) {
    return <p className="kern-body">{`Für ${name} ist noch kein Aufwand erfasst.`}</p>;
  }
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="kern-title">{`Zuletzt erfasst für ${name} (${data.effortEntries.totalCount} Einträge insgesamt)`}</caption>
        <TableHead
          columns={['Datum', { label: 'Stunden', numeric: true }, 'Arbeit an', 'Notiz', 'Erfasst von']}
        />
        <tbody className="kern-table__body">
          {entries.map((e) => (
            <tr className="kern-table__row" key={e.id}>
              <td className="kern-table__cell">{formatDate(e.date)}</td>
              <td className="kern-table__cell numeric">{formatHours(e.hours)}</td>
              <td className="kern-table__cell">
                {e.campaignTarget ? `Kampagne: ${e.campaignTarget.campaign.title}` : 'Laufende Pflege'}
              </td>
              <td className="kern-table__cell">{e.note ?? '–'}</td>
              <td className="kern-table__cell">{e.recordedBy.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
