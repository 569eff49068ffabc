import { useId } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { useViewer } from '../graphql/viewer';
import { Loading, Problems } from '../ui/alert';
import { CAMPAIGN_TARGET_STATE, formatDate, GATE_KIND } from '../ui/labels';
import { splitProblems } from './action-form';
import { Badge } from './state-badge';
import type { SubscriptionView } from './subscription-fields';

const StartWorkMunicipalityQuery = graphql(`
  query StartWorkMunicipality($organisationKey: String!) {
    subscriptions(organisationKey: $organisationKey, first: 100) {
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
    campaignTargetsAffecting(organisationKey: $organisationKey) {
      effectiveDate
      compliant
      subscription {
        id
        deployedVersion
      }
      target {
        id
        state
        overdue
        atRisk
        plannedReleaseDate
        release {
          id
          version
        }
        campaign {
          id
          title
          norm {
            id
            abbreviation
          }
        }
        service {
          id
          slug
          name
        }
      }
    }
  }
`);

const StartWorkOwnerQuery = graphql(`
  query StartWorkOwner($ownerKey: String!) {
    subscriptions(ownerKey: $ownerKey, state: REQUESTED, first: 100) {
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
  }
`);

/**
 * On the start page, for a signed-in user, h2 "Was jetzt ansteht": for a municipality the updates
 * it can install, its requests still waiting and the legal-change deadlines on services it uses;
 * for an owner's maintainer the requests waiting for its decision; for a reviewer the gates waiting
 * for their review. One query per role.
 */
export function StartWork() {
  const { viewer, has } = useViewer();
  const headingId = useId();
  const organisation = viewer?.organisation;
  if (!organisation) {
    return null;
  }
  const municipality = has('MUNICIPALITY_ADMIN');
  const owner = has('MAINTAINER');
  const reviewer = has('REVIEWER_USABILITY', 'REVIEWER_SECURITY', 'REVIEWER_INTERFACES');
  if (!municipality && !owner && !reviewer) {
    return null;
  }
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-large" id={headingId}>
        Was jetzt ansteht
      </h2>
      {municipality ? <MunicipalityWork organisationKey={organisation.key} /> : null}
      {owner ? <OwnerWork ownerKey={organisation.key} /> : null}
      {reviewer ? <ReviewerWork /> : null}
    </section>
  );
}

function MunicipalityWork({ organisationKey }: { organisationKey: string }) {
  const [result] = useQuery({ query: StartWorkMunicipalityQuery, variables: { organisationKey } });
  if (result.error && !result.data) {
    return <Problems problems={splitProblems(result.error, '').others} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const subscriptions = result.data.subscriptions.edges.map((edge) => edge.node);
  const updates = subscriptions.filter((s) => s.upgradeAvailable && s.state !== 'TERMINATED');
  const requests = subscriptions.filter((s) => s.state === 'REQUESTED');
  const affecting = result.data.campaignTargetsAffecting;
  const deadlines = affecting.filter((entry) => !entry.compliant);

  return (
    <>
      <Section title="Updates verfügbar">
        {updates.length === 0 ? (
          <p className="kern-body">
            Keine Ihrer Nachnutzungen hat ein Update: Sie setzen jeweils die Zielversion ein.
          </p>
        ) : (
          <ul className="kern-list">
            {updates.map((s) => (
              <li key={s.id}>
                <ServiceLink subscription={s} />: Version {s.targetRelease?.version} ist verfügbar, Sie setzen{' '}
                {s.deployedVersion} ein.
              </li>
            ))}
          </ul>
        )}
        {updates.length > 0 ? <ToSubscriptions label="Einsatz melden unter Nachnutzungen" /> : null}
      </Section>
      <Section title="Offene Anträge">
        {requests.length === 0 ? (
          <p className="kern-body">Kein Antrag Ihrer Organisation wartet auf eine Entscheidung.</p>
        ) : (
          <ul className="kern-list">
            {requests.map((s) => (
              <li key={s.id}>
                <ServiceLink subscription={s} />: beantragt am {formatDate(s.requestedAt)} mit dem
                Versionsbereich <code>{s.versionRange}</code>; es entscheidet {s.service.owner.name}.
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Kampagnen mit Fristen">
        {deadlines.length === 0 ? (
          <p className="kern-body">
            {affecting.length === 0
              ? 'Keine laufende Kampagne zu einer Rechtsänderung betrifft die Leistungen, die Sie nachnutzen.'
              : 'Sie setzen bei allen laufenden Kampagnen schon eine Version ein, die die Rechtsänderung erfüllt.'}
          </p>
        ) : (
          <ul className="kern-list">
            {deadlines.map(({ target, effectiveDate, subscription }) => (
              <li key={target.id} className="work-item">
                <span>
                  <Link className="kern-link" to={`/kampagnen/${encodeURIComponent(target.campaign.id)}`}>
                    <strong>{target.campaign.title}</strong>
                  </Link>{' '}
                  ({target.campaign.norm.abbreviation}) für{' '}
                  <Link className="kern-link" to={`/leistungen/${target.service.slug}`}>
                    {target.service.name}
                  </Link>
                  : Frist {formatDate(effectiveDate)}.{' '}
                  {target.release
                    ? `Erfüllt ab Version ${target.release.version}; Sie setzen ${subscription.deployedVersion ?? 'noch keine gemeldete Version'} ein.`
                    : target.plannedReleaseDate
                      ? `Version geplant für ${formatDate(target.plannedReleaseDate)}.`
                      : 'Noch keine Version geplant.'}
                </span>{' '}
                <span className="inline-actions">
                  <Badge tone="info">{CAMPAIGN_TARGET_STATE[target.state]}</Badge>
                  {target.overdue ? <Badge tone="danger">Überfällig</Badge> : null}
                  {target.atRisk ? <Badge tone="warning">Gefährdet</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

function OwnerWork({ ownerKey }: { ownerKey: string }) {
  const [result] = useQuery({ query: StartWorkOwnerQuery, variables: { ownerKey } });
  if (result.error && !result.data) {
    return <Problems problems={splitProblems(result.error, '').others} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const requests = result.data.subscriptions.edges.map((edge) => edge.node);
  return (
    <Section title="Anträge auf Nachnutzung">
      {requests.length === 0 ? (
        <p className="kern-body">Zurzeit wartet kein Antrag auf Nachnutzung auf Ihre Entscheidung.</p>
      ) : (
        <>
          <p className="kern-body">
            {requests.length === 1
              ? 'Ein Antrag wartet auf Ihre Entscheidung:'
              : `${requests.length} Anträge warten auf Ihre Entscheidung:`}
          </p>
          <ul className="kern-list">
            {requests.map((s) => (
              <li key={s.id}>
                {s.organisation.name} für <ServiceLink subscription={s} />, beantragt am{' '}
                {formatDate(s.requestedAt)} (Versionsbereich <code>{s.versionRange}</code>)
              </li>
            ))}
          </ul>
        </>
      )}
      <ToSubscriptions label="Anträge entscheiden unter Nachnutzungen" />
    </Section>
  );
}

const StartWorkReviewerQuery = graphql(`
  query StartWorkReviewer {
    reviewQueue {
      id
      kind
      release {
        id
        version
        service {
          id
          slug
          name
        }
      }
    }
  }
`);

/** A reviewer's gates waiting for them (the review queue), the oldest first, with the way to "Prüfungen". */
function ReviewerWork() {
  const [result] = useQuery({ query: StartWorkReviewerQuery });
  if (result.error && !result.data) {
    return <Problems problems={splitProblems(result.error, '').others} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const queue = result.data.reviewQueue;
  return (
    <Section title="Prüfungen, die auf Sie warten">
      {queue.length === 0 ? (
        <p className="kern-body">Zurzeit wartet keine Version auf Ihre Prüfung.</p>
      ) : (
        <ul className="kern-list">
          {queue.slice(0, 5).map((gate) => (
            <li key={gate.id}>
              <Link
                className="kern-link"
                to={`/leistungen/${encodeURIComponent(gate.release.service.slug)}/versionen/${encodeURIComponent(gate.release.version)}`}
              >
                {`${gate.release.service.name} ${gate.release.version}`}
              </Link>
              {`: ${GATE_KIND[gate.kind]}`}
            </li>
          ))}
        </ul>
      )}
      {queue.length > 0 ? (
        <p className="kern-body">
          <Link className="kern-link" to="/pruefungen">
            {queue.length === 1
              ? 'Die Prüfung unter Prüfungen'
              : `Alle ${queue.length} Prüfungen unter Prüfungen`}
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section className="stack work-section" aria-labelledby={id}>
      <h3 className="kern-heading-medium" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

function ServiceLink({ subscription: s }: { subscription: SubscriptionView }) {
  return (
    <Link className="kern-link" to={`/leistungen/${s.service.slug}`}>
      {s.service.name}
    </Link>
  );
}

function ToSubscriptions({ label }: { label: string }) {
  return (
    <p className="kern-body">
      <Link className="kern-link" to="/nachnutzungen">
        {label}
      </Link>
    </p>
  );
}
