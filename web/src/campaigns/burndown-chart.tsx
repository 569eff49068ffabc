import { lazy, Suspense, useId } from 'react';
import { formatDate, formatNumber } from '../ui/labels';
import { burndownSteps, type BurndownPoint } from './burndown';
import { TableHead } from '../ui/table-head';

// The chart library is the largest part of the console: loaded with the first chart, not with the first page.
const BurndownLines = lazy(() => import('./burndown-lines'));

/**
 * The burndown: the targets still open (not RELEASED, ROLLED_OUT or EXCLUDED) at the end of each
 * day since the campaign was opened, with the effective date marked. The chart is a picture for
 * the eye (role="img" with a summary); the same figures follow as a table, the days on which the
 * number changed, for screen readers, for copying and for anyone who reads figures better than
 * lines.
 */
export function BurndownChart({ points, effectiveDate }: { points: BurndownPoint[]; effectiveDate: string }) {
  const tableId = useId();
  if (points.length === 0) {
    return <p className="kern-body">Noch keine Werte.</p>;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const steps = burndownSteps(points);
  const marksEffectiveDate = points.some((p) => p.date === effectiveDate);
  const summary = `Offene Ziele von ${formatNumber(first.openTargets)} am ${formatDate(first.date)} auf ${formatNumber(last.openTargets)} am ${formatDate(last.date)}.`;
  return (
    <figure className="stack burndown" aria-labelledby={`${tableId}-caption`}>
      <figcaption className="kern-body" id={`${tableId}-caption`}>
        {summary}
        {marksEffectiveDate ? ' Die senkrechte Linie markiert den Tag, ab dem die Änderung gilt.' : ''}
      </figcaption>
      <div className="burndown-chart" role="img" aria-label={`Burndown-Diagramm. ${summary}`}>
        <Suspense fallback={null}>
          <BurndownLines points={points} effectiveDate={marksEffectiveDate ? effectiveDate : null} />
        </Suspense>
      </div>
      <div className="kern-table-responsive">
        <table className="kern-table" id={tableId}>
          <caption className="kern-title">Burndown als Tabelle: Tage, an denen sich die Zahl änderte</caption>
          <TableHead columns={['Datum', { label: 'Offene Ziele', numeric: true }]} />
          <tbody className="kern-table__body">
            {steps.map((p) => (
              <tr className="kern-table__row" key={p.date}>
                <td className="kern-table__cell">{formatDate(p.date)}</td>
                <td className="kern-table__cell numeric">{formatNumber(p.openTargets)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
