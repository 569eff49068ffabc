import { Fragment, useId } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { Loading, Problems } from '../ui/alert';
import { formatDate } from '../ui/labels';
import { Outcome, splitProblems } from './action-form';
import { ApproveForm, RejectForm, SuspendForm } from './owner-actions';
import { RowActionButton, useRowActions } from './row-actions';
import { StateBadge, StateReason } from './state-badge';
import { offered, type SubscriptionAction } from './subscription-actions';
import { DeployedVersion, TargetVersion } from './subscription-facts';
import type { SubscriptionView } from './subscription-fields';
import { ResumeSubscriptionMutation } from './subscription-mutations';

const OwnerSubscriptionsQuery = graphql(`
  query OwnerSubscriptions($ownerKey: String!) {
    requested: subscriptions(ownerKey: $ownerKey, state: REQUESTED, first: 100) {
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
    active: subscriptions(ownerKey: $ownerKey, state: ACTIVE, first: 100) {
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
    suspended: subscriptions(ownerKey: $ownerKey, state: SUSPENDED, first: 100) {
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
  }
`);

type Nodes = { edges: { node: SubscriptionView }[] } | undefined;

/**
 * For a maintainer of an owner: h2 "Anträge auf Nachnutzung" (requests to its services, to accept
 * or reject) and h2 "Nachnutzende Ihrer Leistungen" (to suspend or resume). The API's `ownerKey`
 * filter answers only subscriptions to the organisation's own services.
 */
export function OwnerSubscriptions({ organisation }: { organisation: { key: string; name: string } }) {
  const [result] = useQuery({ query: OwnerSubscriptionsQuery, variables: { ownerKey: organisation.key } });
  const ours = (nodes: Nodes) => nodes?.edges.map((edge) => edge.node) ?? [];
  const requests = ours(result.data?.requested).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  const subscribers = [...ours(result.data?.active), ...ours(result.data?.suspended)].sort(
    (a, b) =>
      a.service.name.localeCompare(b.service.name, 'de') ||
      a.organisation.name.localeCompare(b.organisation.name, 'de'),
  );

  if (result.error && !result.data) {
    return <Problems problems={splitProblems(result.error, '').others} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  return (
    <>
      <RequestsTable requests={requests} />
      <SubscribersTable subscribers={subscribers} />
    </>
  );
}

function RequestsTable({ requests }: { requests: SubscriptionView[] }) {
  const rows = useRowActions();
  const headingId = useId();
  const formId = useId();
  const columns = ['Leistung', 'Kommune', 'Versionsbereich', 'Zielversion', 'Beantragt am', 'Aktionen'];
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-large" id={headingId}>
        Anträge auf Nachnutzung
      </h2>
      {rows.outcome ? <Outcome message={rows.outcome} /> : null}
      {requests.length === 0 ? (
        <p className="kern-body">Zurzeit wartet kein Antrag auf Nachnutzung auf Ihre Entscheidung.</p>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-sr-only">
              Anträge auf Nachnutzung Ihrer Leistungen, älteste zuerst
            </caption>
            <Head columns={columns} />
            <tbody className="kern-table__body">
              {requests.map((s) => {
                const open = rows.openFor(s.id);
                const context = `${s.service.name}, ${s.organisation.name}`;
                return (
                  <Fragment key={s.id}>
                    <tr className="kern-table__row">
                      <ServiceCell subscription={s} />
                      <td className="kern-table__cell">{s.organisation.name}</td>
                      <td className="kern-table__cell">
                        <code>{s.versionRange}</code>
                      </td>
                      <td className="kern-table__cell">
                        {s.targetRelease?.version ?? 'Keine veröffentlichte Version im Bereich'}
                      </td>
                      <td className="kern-table__cell">{formatDate(s.requestedAt)}</td>
                      <td className="kern-table__cell">
                        <div className="inline-actions">
                          {(
                            [
                              ['approve', 'Annehmen'],
                              ['reject', 'Ablehnen'],
                            ] as const
                          )
                            .filter(([action]) => offered(action, s.state))
                            .map(([action, label]) => (
                              <RowActionButton
                                key={action}
                                subscriptionId={s.id}
                                action={action}
                                label={label}
                                context={context}
                                expanded={open === action}
                                controls={formId}
                                onClick={() => rows.toggle(s.id, action)}
                              />
                            ))}
                        </div>
                      </td>
                    </tr>
                    {open ? (
                      <FormRow id={formId} columns={columns.length}>
                        {open === 'approve' ? (
                          <ApproveForm subscription={s} onDone={rows.done} onCancel={rows.cancel} />
                        ) : (
                          <RejectForm subscription={s} onDone={rows.done} onCancel={rows.cancel} />
                        )}
                      </FormRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SubscribersTable({ subscribers }: { subscribers: SubscriptionView[] }) {
  const rows = useRowActions();
  const headingId = useId();
  const formId = useId();
  const [resumeResult, resume] = useMutation(ResumeSubscriptionMutation);
  const columns = [
    'Leistung',
    'Kommune',
    'Versionsbereich',
    'Status',
    'Zielversion',
    'Eingesetzte Version',
    'Aktionen',
  ];
  const actions: { action: SubscriptionAction; label: string }[] = [
    { action: 'suspend', label: 'Aussetzen' },
    { action: 'resume', label: 'Fortsetzen' },
  ];
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-large" id={headingId}>
        Nachnutzende Ihrer Leistungen
      </h2>
      {rows.outcome ? <Outcome message={rows.outcome} /> : null}
      <Problems problems={splitProblems(resumeResult.error, '', false).others} />
      {subscribers.length === 0 ? (
        <p className="kern-body">
          Ihre Leistungen haben zurzeit keine aktiven oder ausgesetzten Nachnutzungen.
        </p>
      ) : (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-sr-only">Aktive und ausgesetzte Nachnutzungen Ihrer Leistungen</caption>
            <Head columns={columns} />
            <tbody className="kern-table__body">
              {subscribers.map((s) => {
                const open = rows.openFor(s.id);
                const context = `${s.service.name}, ${s.organisation.name}`;
                return (
                  <Fragment key={s.id}>
                    <tr className="kern-table__row">
                      <ServiceCell subscription={s} />
                      <td className="kern-table__cell">{s.organisation.name}</td>
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
                        <div className="inline-actions">
                          {actions
                            .filter(({ action }) => offered(action, s.state))
                            .map(({ action, label }) => (
                              <RowActionButton
                                key={action}
                                subscriptionId={s.id}
                                action={action}
                                label={label}
                                context={context}
                                expanded={action === 'resume' ? undefined : open === action}
                                controls={formId}
                                onClick={() => {
                                  if (action !== 'resume') {
                                    rows.toggle(s.id, action);
                                    return;
                                  }
                                  if (!resumeResult.fetching) {
                                    void resume({ id: s.id }).then((answer) => {
                                      if (answer.data) {
                                        rows.done(
                                          `Die Nachnutzung von ${s.organisation.name} für „${s.service.name}“ ist fortgesetzt.`,
                                        );
                                      }
                                    });
                                  }
                                }}
                              />
                            ))}
                        </div>
                      </td>
                    </tr>
                    {open === 'suspend' ? (
                      <FormRow id={formId} columns={columns.length}>
                        <SuspendForm subscription={s} onDone={rows.done} onCancel={rows.cancel} />
                      </FormRow>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Head({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr className="kern-table__row">
        {columns.map((column) => (
          <th key={column} scope="col" className="kern-table__header">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function ServiceCell({ subscription: s }: { subscription: SubscriptionView }) {
  return (
    <th scope="row" className="kern-table__cell">
      <Link className="kern-link" to={`/leistungen/${s.service.slug}`}>
        {s.service.name}
      </Link>
    </th>
  );
}

function FormRow({ id, columns, children }: { id: string; columns: number; children: React.ReactNode }) {
  return (
    <tr className="kern-table__row">
      <td className="kern-table__cell" colSpan={columns} id={id}>
        {children}
      </td>
    </tr>
  );
}
