import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import { gateMissing } from '../releases/gate-reason';
import { useSession } from '../session/session';
import { Loading, Problems } from '../ui/alert';
import { formatDateTime, GATE_KIND } from '../ui/labels';
import { Page } from '../ui/page';
import { waitedFor } from '../releases/waited';
import { TableHead } from '../ui/table-head';

const ReviewQueueQuery = graphql(`
  query ReviewQueue {
    reviewQueue {
      id
      kind
      status
      approvals
      requiredApprovals
      hold
      pendingSince
      signOffs {
        id
        verdict
        outdated
        comment
        reviewer {
          id
          name
        }
      }
      waiver {
        expired
        expiresAt
      }
      release {
        id
        version
        service {
          id
          slug
          name
          owner {
            id
            name
          }
        }
        impact {
          suggestedVersion
          removed {
            version
            standard {
              key
              name
            }
          }
        }
      }
    }
  }
`);

/**
 * "Prüfungen" (/pruefungen): the gates waiting for the viewer's review, oldest first, as the API's
 * review queue answers them: only the viewer's gate kinds, never the viewer's own releases (the
 * four-eyes principle), not those the viewer has already signed.
 */
export function ReviewsPage() {
  const session = useSession();
  const { viewer, has, fetching: viewerLoading } = useViewer();
  const reviewer = has('REVIEWER_USABILITY', 'REVIEWER_SECURITY', 'REVIEWER_INTERFACES');
  const [{ data, fetching, error }] = useQuery({ query: ReviewQueueQuery, pause: !reviewer });

  if (!session.current) {
    return (
      <Page title="Prüfungen">
        <p className="kern-body">
          Die Prüfungen sehen Prüferinnen und Prüfer nach der Anmeldung.{' '}
          <Link className="kern-link" to={`/anmelden?${new URLSearchParams({ zurueck: '/pruefungen' })}`}>
            Anmelden
          </Link>
        </p>
      </Page>
    );
  }
  if (viewerLoading && !viewer) {
    return (
      <Page title="Prüfungen">
        <Loading />
      </Page>
    );
  }
  if (!reviewer) {
    return (
      <Page title="Prüfungen">
        <p className="kern-body">
          Prüfungen nehmen Personen mit einer Prüfrolle vor (Gebrauchstauglichkeit, Sicherheit oder
          Schnittstellen). Ihre Anmeldung hat keine dieser Rollen.
        </p>
      </Page>
    );
  }
  const queue = data?.reviewQueue ?? [];
  const now = new Date();
  return (
    <Page
      title="Prüfungen"
      lead="Versionen, die auf Ihre Prüfung warten, die älteste zuerst. Eigene Versionen und bereits von Ihnen abgezeichnete Prüfungen stehen nicht hier."
    >
      <Problems problems={problemsOf(error)} title="Die Prüfungen konnten nicht geladen werden" />
      {!data && fetching ? <Loading /> : null}
      {data && queue.length === 0 ? (
        <p className="kern-body">Zurzeit wartet keine Version auf Ihre Prüfung.</p>
      ) : null}
      {queue.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title">
              {queue.length === 1 ? '1 Prüfung wartet' : `${queue.length} Prüfungen warten`}
            </caption>
            <TableHead columns={['Leistung', 'Version', 'Prüfung', 'Wartet seit', 'Was fehlt']} />
            <tbody className="kern-table__body">
              {queue.map((gate) => {
                const { release } = gate;
                const path = `/leistungen/${encodeURIComponent(release.service.slug)}/versionen/${encodeURIComponent(release.version)}`;
                return (
                  <tr className="kern-table__row" key={gate.id}>
                    <th scope="row" className="kern-table__header">
                      {release.service.name}
                      <span className="kern-body kern-body--small cell-note">
                        {release.service.owner.name}
                      </span>
                    </th>
                    <td className="kern-table__cell">
                      <Link className="kern-link" to={path}>
                        {`Version ${release.version}`}
                        <span className="kern-sr-only">{` von ${release.service.name} prüfen`}</span>
                      </Link>
                    </td>
                    <td className="kern-table__cell">{GATE_KIND[gate.kind]}</td>
                    <td className="kern-table__cell">
                      {gate.pendingSince ? (
                        <>
                          {waitedFor(gate.pendingSince, now)}
                          <span className="kern-body kern-body--small cell-note">
                            {formatDateTime(gate.pendingSince)}
                          </span>
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className="kern-table__cell">{gateMissing(gate, release.impact).join(' ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
