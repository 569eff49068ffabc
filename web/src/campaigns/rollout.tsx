import { Link } from 'react-router';
import type { Target } from './target-actions';
import { TableHead } from '../ui/table-head';

/**
 * "Ausrollung": per target (not the excluded ones, which the progress does not count either), the subscribers the viewer may see (a
 * municipality itself, the owner's maintainers all of theirs, the operator all) with the version
 * they run, those still on an older one first. Nobody else sees names: the figures stay in the
 * targets' table.
 */
export function Rollout({ targets }: { targets: Target[] }) {
  const rows = targets
    .filter((t) => t.state !== 'EXCLUDED')
    .flatMap((t) => t.rollout.map((r) => ({ target: t, rollout: r })));
  if (rows.length === 0) {
    return null;
  }
  return (
    <section className="stack" aria-labelledby="rollout-heading">
      <h2 className="kern-heading-large" id="rollout-heading">
        Ausrollung bei den Kommunen
      </h2>
      <p className="kern-body">
        Welche Kommunen die Version mit der Änderung schon einsetzen und welche noch eine ältere betreiben, so
        weit Sie die Nachnutzungen sehen dürfen.
      </p>
      <div className="kern-table-responsive">
        <table className="kern-table">
          <caption className="kern-title">Nachnutzende Kommunen je Leistung</caption>
          <TableHead columns={['Leistung', 'Kommune', 'Eingesetzte Version', 'Stand']} />
          <tbody className="kern-table__body">
            {rows.map(({ target, rollout }) => (
              <tr className="kern-table__row" key={rollout.subscription.id}>
                <td className="kern-table__cell">
                  <Link className="kern-link" to={`/leistungen/${encodeURIComponent(target.service.slug)}`}>
                    {target.service.name}
                  </Link>
                </td>
                <th scope="row" className="kern-table__header">
                  {rollout.subscription.organisation.name}
                </th>
                <td className="kern-table__cell">{rollout.deployedVersion ?? 'Kein Einsatz gemeldet'}</td>
                <td className="kern-table__cell">
                  {rollout.compliant
                    ? 'Auf aktuellem Stand'
                    : target.release
                      ? `Noch nicht auf Version ${target.release.version}`
                      : 'Wartet auf die Version mit der Änderung'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
