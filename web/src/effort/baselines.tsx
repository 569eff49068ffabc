import { useState } from 'react';
import { useMutation } from 'urql';
import type { OwnerWorkQuery } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { FormButtons, Outcome } from '../subscriptions/action-form';
import { Problems } from '../ui/alert';
import { Button } from '../ui/field';
import { useOpener } from '../ui/opener';
import { formatEstimate, formatHours } from '../ui/labels';
import { EstimateFields } from './estimate-fields';
import { SetBaselineMutation } from './effort-queries';
import { estimateTextOf, readEstimate, type EstimateProblems, type EstimateText } from './hours';
import { TableHead } from '../ui/table-head';

type Service = OwnerWorkQuery['services']['edges'][number]['node'];

/** "Grundlast": each service's routine maintenance hours per year, with "Grundlast ändern" in place. */
export function Baselines({ services }: { services: Service[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const opener = useOpener();
  return (
    <section className="stack" aria-labelledby="baselines-heading">
      <h2 className="kern-heading-large" id="baselines-heading">
        Grundlast der Leistungen
      </h2>
      <p className="kern-body">
        Die Grundlast ist der Aufwand der laufenden Pflege einer Leistung in Stunden je Jahr, als
        Dreipunktschätzung. Der Plan rechnet sie anteilig für den Zeitraum.
      </p>
      {saved ? <Outcome message={saved} /> : null}
      {services.length === 0 ? <p className="kern-body">Dieser Eigentümer hat keine Leistungen.</p> : null}
      {services.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title">Grundlast je Leistung (Stunden je Jahr)</caption>
            <TableHead
              columns={[
                'Leistung',
                'Optimistisch / wahrscheinlich / pessimistisch',
                { label: 'Erwartet je Jahr', numeric: true },
                'Aktion',
              ]}
            />
            <tbody className="kern-table__body">
              {services.map((service) => {
                const b = service.maintenanceBaseline;
                return [
                  <tr className="kern-table__row" key={service.id}>
                    <th scope="row" className="kern-table__header">
                      {service.name}
                    </th>
                    <td className="kern-table__cell">{b ? formatEstimate(b) : 'Keine Grundlast erfasst'}</td>
                    <td className="kern-table__cell numeric">{b ? formatHours(b.expectedHours) : '–'}</td>
                    <td className="kern-table__cell actions-cell">
                      <Button
                        variant="tertiary"
                        aria-label={`${b ? 'Grundlast ändern' : 'Grundlast erfassen'}: ${service.name}`}
                        aria-expanded={editing === service.id}
                        onClick={(event) => {
                          opener.remember(event);
                          setSaved(null);
                          setEditing(editing === service.id ? null : service.id);
                        }}
                      >
                        {b ? 'Grundlast ändern' : 'Grundlast erfassen'}
                      </Button>
                    </td>
                  </tr>,
                  editing === service.id ? (
                    <tr className="kern-table__row" key={`${service.id}-form`}>
                      <td className="kern-table__cell" colSpan={4}>
                        <BaselineForm
                          service={service}
                          onDone={() => {
                            setEditing(null);
                            setSaved(`Die Grundlast von ${service.name} ist gespeichert.`);
                          }}
                          onCancel={() => {
                            setEditing(null);
                            opener.refocus();
                          }}
                        />
                      </td>
                    </tr>
                  ) : null,
                ];
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function BaselineForm({
  service,
  onDone,
  onCancel,
}: {
  service: Service;
  onDone: () => void;
  onCancel: () => void;
}) {
  const b = service.maintenanceBaseline;
  const [value, setValue] = useState<EstimateText>(estimateTextOf(b));
  const [problems, setProblems] = useState<EstimateProblems>({});
  const [result, save] = useMutation(SetBaselineMutation);
  const apiProblems = problemsOf(result.error);
  return (
    <form
      className="action-form stack"
      aria-label={`Grundlast von ${service.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        const read = readEstimate(value);
        if (!read.ok) {
          setProblems(read.problems);
          return;
        }
        setProblems({});
        void save({ serviceSlug: service.slug, estimate: read.hours }).then((answer) => {
          if (!answer.error) {
            onDone();
          }
        });
      }}
    >
      <Problems problems={apiProblems} />
      <EstimateFields
        id={`baseline-${service.id}`}
        legend={`Grundlast von ${service.name} (Stunden je Jahr)`}
        value={value}
        problems={problems}
        onChange={setValue}
      />
      <FormButtons submitLabel="Grundlast speichern" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}
