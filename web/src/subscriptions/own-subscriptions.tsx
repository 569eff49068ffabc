import { Fragment, useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { Loading, Problems } from '../ui/alert';
import { splitProblems, Outcome } from './action-form';
import { RowActionButton, useRowActions } from './row-actions';
import { StateBadge, StateReason } from './state-badge';
import { isOpen, offered, type SubscriptionAction } from './subscription-actions';
import { DeployedVersion, TargetVersion } from './subscription-facts';
import type { SubscriptionView } from './subscription-fields';
import { ChangeRangeForm, ReportDeploymentForm, TerminateForm } from './subscriber-actions';

const OwnSubscriptionsQuery = graphql(`
  query OwnSubscriptions($organisationKey: String!) {
    subscriptions(organisationKey: $organisationKey, first: 100) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
  }
`);

const ACTIONS: { action: SubscriptionAction; label: string }[] = [
  { action: 'reportDeployment', label: 'Einsatz melden' },
  { action: 'changeRange', label: 'Versionsbereich ändern' },
  { action: 'terminate', label: 'Kündigen' },
];

const COLUMNS = 6;

/** Open ones first, newest first within each group. */
function ordered(subscriptions: SubscriptionView[]): SubscriptionView[] {
  return [...subscriptions].sort(
    (a, b) => Number(isOpen(b.state)) - Number(isOpen(a.state)) || b.requestedAt.localeCompare(a.requestedAt),
  );
}

/** h2 "Nachnutzungen Ihrer Organisation": the municipality's subscriptions and what it can do with each. */
export function OwnSubscriptions({ organisation }: { organisation: { key: string; name: string } }) {
  const [result] = useQuery({
    query: OwnSubscriptionsQuery,
    variables: { organisationKey: organisation.key },
  });
  const rows = useRowActions();
  const headingId = useId();
  const formId = useId();
  const connection = result.data?.subscriptions;
  const subscriptions = ordered(connection?.edges.map((edge) => edge.node) ?? []);

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-large" id={headingId}>
        Nachnutzungen Ihrer Organisation
      </h2>
      {rows.outcome ? <Outcome message={rows.outcome} /> : null}
      {result.error && !result.data ? <Problems problems={splitProblems(result.error, '').others} /> : null}
      {!connection ? (
        result.error ? null : (
          <Loading />
        )
      ) : subscriptions.length === 0 ? (
        <p className="kern-body">
          {organisation.name} nutzt noch keine Leistung nach. Suchen Sie unter{' '}
          <Link className="kern-link" to="/leistungen">
            Leistungen
          </Link>{' '}
          eine aus und beantragen Sie dort die Nachnutzung.
        </p>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-sr-only">
              Nachnutzungen von {organisation.name}: Versionsbereich, Status, Zielversion, eingesetzte Version
              und Aktionen
            </caption>
            <thead>
              <tr className="kern-table__row">
                {[
                  'Leistung',
                  'Versionsbereich',
                  'Status',
                  'Zielversion',
                  'Eingesetzte Version',
                  'Aktionen',
                ].map((column) => (
                  <th key={column} scope="col" className="kern-table__header">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {subscriptions.map((s) => {
                const open = rows.openFor(s.id);
                const actions = ACTIONS.filter(({ action }) => offered(action, s.state));
                return (
                  <Fragment key={s.id}>
                    <tr className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        <Link className="kern-link" to={`/leistungen/${s.service.slug}`}>
                          {s.service.name}
                        </Link>
                      </th>
                      <td className="kern-table__cell">
                        <code>{s.versionRange}</code>
                      </td>
                      <td className="kern-table__cell">
                        <StateBadge state={s.state} />
                        <StateReason subscription={s} />
                      </td>
                      <td className="kern-table__cell">
                        <TargetVersion subscription={s} />
                      </td>
                      <td className="kern-table__cell">
                        <DeployedVersion subscription={s} />
                      </td>
                      <td className="kern-table__cell">
                        {actions.length === 0 ? (
                          <span className="kern-body kern-body--small">Keine</span>
                        ) : (
                          <div className="inline-actions">
                            {actions.map(({ action, label }) => (
                              <RowActionButton
                                key={action}
                                subscriptionId={s.id}
                                action={action}
                                label={label}
                                context={s.service.name}
                                expanded={open === action}
                                controls={formId}
                                onClick={() => rows.toggle(s.id, action)}
                              />
                            ))}
                          </div>
                        )}
                      </td>
                    </tr>
                    {open ? (
                      <tr className="kern-table__row">
                        <td className="kern-table__cell" colSpan={COLUMNS} id={formId}>
                          <ActionForm
                            action={open}
                            subscription={s}
                            onDone={rows.done}
                            onCancel={rows.cancel}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {connection?.pageInfo.hasNextPage ? (
        <p className="kern-body">
          Es werden die ersten {subscriptions.length} von {connection.totalCount} Nachnutzungen gezeigt.
        </p>
      ) : null}
    </section>
  );
}

function ActionForm({
  action,
  ...props
}: {
  action: SubscriptionAction;
  subscription: SubscriptionView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  if (action === 'reportDeployment') {
    return <ReportDeploymentForm {...props} />;
  }
  if (action === 'changeRange') {
    return <ChangeRangeForm {...props} />;
  }
  return action === 'terminate' ? <TerminateForm {...props} /> : null;
}
