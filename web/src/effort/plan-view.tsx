import { useState } from 'react';
import { Link } from 'react-router';
import type { MaintenancePlanQuery as PlanData } from '../graphql/generated/graphql';
import { useSession } from '../session/session';
import { Alert } from '../ui/alert';
import { Button } from '../ui/field';
import { formatDate, formatDecimal, formatEstimate, formatEuros, formatHours } from '../ui/labels';
import { downloadReport } from './download';
import { reportPath } from './period';
import { TableHead } from '../ui/table-head';

type Plan = PlanData['maintenancePlan'];

/**
 * Where the calibration factor comes from, in one sentence: a planner must know whether 1,30
 * rests on twenty finished targets or on one.
 */
export function calibrationSentence(plan: Pick<Plan, 'calibrationFactor' | 'calibrationBasis'>): string {
  const factor = formatDecimal(plan.calibrationFactor, 2);
  if (plan.calibrationBasis === 0) {
    return 'Noch kein abgeschlossenes Kampagnenziel mit Schätzung und erfasstem Aufwand: Die Zahlen sind unkalibriert (Faktor 1,00).';
  }
  const basis =
    plan.calibrationBasis === 1
      ? 'einem abgeschlossenen Kampagnenziel'
      : `${plan.calibrationBasis} abgeschlossenen Kampagnenzielen`;
  return `Kalibrierungsfaktor ${factor}: Bei ${basis} dieses Eigentümers war der erfasste Aufwand ${factor}-mal so hoch wie die Schätzung. P50, P90, VZÄ und Kosten sind damit multipliziert; die Positionen unten stehen wie geschätzt.${plan.calibrationBasis < 3 ? ' Bei so wenigen abgeschlossenen Zielen ist der Faktor noch unsicher.' : ''}`;
}

/** The plan: its four figures, the calibration, the downloads and the items. */
export function PlanView({ plan }: { plan: Plan }) {
  return (
    <section className="stack" aria-labelledby="plan-heading">
      <h2 className="kern-heading-large" id="plan-heading" tabIndex={-1}>
        {`Wartungsplan ${plan.owner.name}, ${formatDate(plan.from)} bis ${formatDate(plan.to)}`}
      </h2>
      <dl className="figures">
        <div>
          <dt className="kern-body">Erwarteter Aufwand (P50)</dt>
          <dd>{formatHours(plan.p50Hours)}</dd>
        </div>
        <div>
          <dt className="kern-body">Mit 90 % Sicherheit höchstens (P90)</dt>
          <dd>{formatHours(plan.p90Hours)}</dd>
        </div>
        <div>
          <dt className="kern-body">Vollzeitäquivalente (VZÄ)</dt>
          <dd>{formatDecimal(plan.fte, 2)}</dd>
        </div>
        <div>
          <dt className="kern-body">Kosten (erwartet)</dt>
          <dd>{formatEuros(plan.costEur)}</dd>
        </div>
      </dl>
      <p className="kern-body">{calibrationSentence(plan)}</p>
      <p className="kern-body kern-body--small">
        {`Grundlagen: ${formatDecimal(plan.hourlyRateEur, 2)} € je Stunde, ${formatDecimal(plan.hoursPerFteYear, 0)} Stunden je Vollzeitstelle und Jahr, Standardabweichung ${formatHours(plan.standardDeviationHours)}.`}
      </p>
      <Downloads plan={plan} />
      {plan.items.length === 0 ? (
        <p className="kern-body">
          Für diesen Zeitraum gibt es keine Positionen: keine Leistung mit Grundlast und kein geplantes
          Kampagnenziel.
        </p>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title">
              {plan.items.length === 1 ? '1 Position' : `${plan.items.length} Positionen`} (geschätzt,
              unkalibriert)
            </caption>
            <TableHead
              columns={[
                'Leistung',
                'Art',
                'Geplante Freigabe',
                'Schätzung o / w / p (Stunden)',
                { label: 'Erwartet', numeric: true },
                { label: 'Standardabweichung', numeric: true },
              ]}
            />
            <tbody className="kern-table__body">
              {plan.items.map((item) => (
                <tr
                  className="kern-table__row"
                  key={`${item.kind}-${item.service.id}-${item.campaignTarget?.id ?? ''}`}
                >
                  <th scope="row" className="kern-table__header">
                    <Link className="kern-link" to={`/leistungen/${encodeURIComponent(item.service.slug)}`}>
                      {item.service.name}
                    </Link>
                  </th>
                  <td className="kern-table__cell">
                    {item.kind === 'BASELINE' ? (
                      'Grundlast (anteilig)'
                    ) : item.campaignTarget ? (
                      <>
                        {'Kampagne: '}
                        <Link
                          className="kern-link"
                          to={`/kampagnen/${encodeURIComponent(item.campaignTarget.campaign.id)}`}
                        >
                          {item.campaignTarget.campaign.title}
                        </Link>
                      </>
                    ) : (
                      'Kampagne'
                    )}
                  </td>
                  <td className="kern-table__cell">
                    {item.campaignTarget?.plannedReleaseDate
                      ? formatDate(item.campaignTarget.plannedReleaseDate)
                      : '–'}
                  </td>
                  <td className="kern-table__cell">
                    {item.kind === 'BASELINE'
                      ? `${formatEstimate(item.service.maintenanceBaseline)} je Jahr`
                      : formatEstimate(item.campaignTarget?.estimate)}
                  </td>
                  <td className="kern-table__cell numeric">{formatHours(item.expectedHours)}</td>
                  <td className="kern-table__cell numeric">{formatHours(item.standardDeviationHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const DOWNLOADS = [
  { kind: 'xlsx', label: 'Als Excel-Datei (XLSX)', name: 'wartungsplan.xlsx' },
  { kind: 'csv-de', label: 'Als CSV für Excel (deutsch)', name: 'wartungsplan.csv' },
  { kind: 'csv', label: 'Als CSV (international)', name: 'wartungsplan.csv' },
] as const;

/** One click each: the plan as XLSX, as German CSV (semicolon, decimal comma) and as the international CSV. */
function Downloads({ plan }: { plan: Plan }) {
  const session = useSession();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const token = session.current?.token;
  if (!token) {
    return null;
  }
  return (
    <div className="stack">
      <div className="inline-actions" role="group" aria-label="Wartungsplan herunterladen">
        {DOWNLOADS.map((d) => (
          <Button
            key={d.kind}
            variant="secondary"
            aria-disabled={busy || undefined}
            onClick={() => {
              if (busy) {
                return;
              }
              setBusy(true);
              void downloadReport(
                reportPath(d.kind, { ownerKey: plan.owner.key, from: plan.from, to: plan.to }),
                token,
                d.name,
              )
                .then(setProblem)
                .finally(() => setBusy(false));
            }}
          >
            {d.label}
          </Button>
        ))}
      </div>
      {problem ? (
        <Alert tone="danger" title="Die Datei konnte nicht heruntergeladen werden">
          <p className="kern-body">{problem}</p>
        </Alert>
      ) : null}
    </div>
  );
}
