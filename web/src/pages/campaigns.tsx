import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { mayOpenCampaigns } from '../campaigns/campaign-access';
import { doneTargets, ProgressFigure } from '../campaigns/progress';
import { graphql } from '../graphql/generated';
import type { CampaignState } from '../graphql/generated/enums';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import { Loading, Problems } from '../ui/alert';
import { byId, useFocusAfterNavigation } from '../ui/focus-after-navigation';
import { Guarded } from '../ui/guard';
import { CAMPAIGN_STATE, formatDate } from '../ui/labels';
import { Page } from '../ui/page';
import { CampaignStateBadge } from '../campaigns/badges';
import { TableHead } from '../ui/table-head';

export const CAMPAIGNS_PAGE_SIZE = 25;

const CampaignsQuery = graphql(`
  query Campaigns($state: CampaignState, $first: Int!, $after: String) {
    campaigns(state: $state, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          state
          effectiveDate
          amendment
          provisions
          norm {
            id
            abbreviation
            title
          }
          progress {
            targetsTotal
            overdueTargets
            subscribersCompliant
            subscribersTotal
            byState {
              state
              count
            }
          }
        }
      }
    }
  }
`);

const LIST_ID = 'kampagnen-liste';

const STATES: CampaignState[] = ['ACTIVE', 'COMPLETED', 'CANCELLED'];

function stateFrom(params: URLSearchParams): CampaignState | null {
  const value = params.get('stand');
  return STATES.find((s) => s === value) ?? null;
}

/** "Kampagnen" (/kampagnen): the legal-change campaigns with their progress, filtered by state (?stand=). */
export function CampaignsPage() {
  const [params] = useSearchParams();
  return (
    <Guarded title="Kampagnen" visitor="Die Kampagnen zu Rechtsänderungen sehen angemeldete Personen.">
      <CampaignList params={params} />
    </Guarded>
  );
}

function CampaignList({ params }: { params: URLSearchParams }) {
  const { viewer } = useViewer();
  const state = stateFrom(params);
  const after = params.get('nach');
  const [{ data, fetching, error }] = useQuery({
    query: CampaignsQuery,
    variables: { state, first: CAMPAIGNS_PAGE_SIZE, after },
  });
  const connection = data?.campaigns;
  // A filter or another page keeps the keyboard at the list, not at the page's top.
  const focusAfter = useFocusAfterNavigation();
  const toList = () => focusAfter(byId(LIST_ID));
  const hrefFor = (next: { stand?: CampaignState | null; nach?: string | null }) => {
    const query = new URLSearchParams();
    const stand = 'stand' in next ? next.stand : state;
    if (stand) {
      query.set('stand', stand);
    }
    if (next.nach) {
      query.set('nach', next.nach);
    }
    return `/kampagnen${query.size ? `?${query}` : ''}`;
  };
  return (
    <Page
      title="Kampagnen"
      lead="Rechtsänderungen, die mehrere Leistungen betreffen: welche Leistungen angepasst werden müssen, bis wann, und wie weit die Kommunen die angepassten Versionen schon einsetzen."
    >
      {mayOpenCampaigns(viewer) ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to="/kampagnen/neu">
            <span className="kern-label">Kampagne eröffnen</span>
          </Link>
        </p>
      ) : null}
      <nav aria-label="Kampagnen nach Stand">
        <ul className="filter-links">
          {[null, ...STATES].map((s) => (
            <li key={s ?? 'alle'}>
              <Link
                className="kern-link"
                to={hrefFor({ stand: s })}
                onClick={toList}
                aria-current={s === state ? 'page' : undefined}
              >
                {s ? CAMPAIGN_STATE[s] : 'Alle'}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Problems problems={problemsOf(error)} title="Die Kampagnen konnten nicht geladen werden" />
      {!data && fetching ? <Loading /> : null}
      {connection && connection.totalCount === 0 ? (
        <p className="kern-body" id={LIST_ID} tabIndex={-1}>
          {state ? `Keine Kampagne im Stand „${CAMPAIGN_STATE[state]}“.` : 'Es gibt noch keine Kampagne.'}
        </p>
      ) : null}
      {connection && connection.edges.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title" id={LIST_ID} tabIndex={-1}>
              {connection.totalCount === 1 ? '1 Kampagne' : `${connection.totalCount} Kampagnen`}
              {state ? ` (${CAMPAIGN_STATE[state]})` : ''}
            </caption>
            <TableHead columns={['Kampagne', 'Rechtsgrundlage', 'Gilt ab', 'Stand', 'Fortschritt']} />
            <tbody className="kern-table__body">
              {connection.edges.map(({ node: c }) => (
                <tr className="kern-table__row" key={c.id}>
                  <th scope="row" className="kern-table__header">
                    <Link className="kern-link" to={`/kampagnen/${encodeURIComponent(c.id)}`}>
                      {c.title}
                    </Link>
                  </th>
                  <td className="kern-table__cell">
                    <abbr title={c.norm.title}>{c.norm.abbreviation}</abbr>
                    {c.provisions.length ? ` ${c.provisions.join(', ')}` : ''}
                    {c.amendment ? (
                      <span className="kern-body kern-body--small cell-note">{`Änderung: ${c.amendment}`}</span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">{formatDate(c.effectiveDate)}</td>
                  <td className="kern-table__cell">
                    <CampaignStateBadge state={c.state} />
                    {c.progress.overdueTargets > 0 ? (
                      <span className="kern-body kern-body--small cell-note">
                        {c.progress.overdueTargets === 1
                          ? '1 Ziel überfällig'
                          : `${c.progress.overdueTargets} Ziele überfällig`}
                      </span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">
                    <ProgressFigure
                      done={doneTargets(c.progress.byState)}
                      total={c.progress.targetsTotal}
                      label="Zielen erledigt"
                    />
                    <span className="kern-body kern-body--small cell-note">
                      {c.progress.subscribersTotal === 0
                        ? 'Keine Nachnutzung betroffen'
                        : `${c.progress.subscribersCompliant} von ${c.progress.subscribersTotal} Nachnutzungen auf aktuellem Stand`}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {connection?.pageInfo.hasNextPage || after ? (
        <nav aria-label="Seiten">
          <ul className="filter-links">
            {after ? (
              <li>
                <Link className="kern-link" to={hrefFor({})} onClick={toList}>
                  Zur ersten Seite
                </Link>
              </li>
            ) : null}
            {connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
              <li>
                <Link
                  className="kern-link"
                  to={hrefFor({ nach: connection.pageInfo.endCursor })}
                  onClick={toList}
                >
                  Nächste Seite
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </Page>
  );
}
