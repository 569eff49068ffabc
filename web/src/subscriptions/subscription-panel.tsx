import { useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { useViewer } from '../graphql/viewer';
import { useSession } from '../session/session';
import { Loading, Problems } from '../ui/alert';
import { LIFECYCLE } from '../ui/labels';
import { FormButtons, Outcome, splitProblems } from './action-form';
import { StateBadge } from './state-badge';
import { SubscriptionFacts } from './subscription-facts';
import type { SubscriptionView } from './subscription-fields';
import { isOpen } from './subscription-actions';
import { RequestSubscriptionMutation } from './subscription-mutations';
import { VersionRangeField } from './version-range-field';

const SubscriptionPanelQuery = graphql(`
  query SubscriptionPanel($slug: String!, $organisationKey: String!) {
    service(slug: $slug) {
      id
      lifecycle
      subscriptionApproval
      owner {
        id
        name
      }
    }
    subscriptions(serviceSlug: $slug, organisationKey: $organisationKey, first: 100) {
      edges {
        node {
          ...SubscriptionFields
        }
      }
    }
  }
`);

const ServiceOwnerQuery = graphql(`
  query SubscriptionPanelOwner($slug: String!) {
    service(slug: $slug) {
      id
      owner {
        id
      }
    }
  }
`);

type ServiceRef = { id: string; slug: string; name: string };

/**
 * On the service page, h2 "Nachnutzung" for the viewer: its organisation's subscription to the
 * service, or "Nachnutzung beantragen" with the "Versionsbereich"; for anonymous visitors a
 * sign-in link.
 */
export function SubscriptionPanel({ service }: { service: ServiceRef }) {
  const headingId = useId();
  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-large" id={headingId}>
        Nachnutzung
      </h2>
      <PanelBody service={service} />
    </section>
  );
}

function PanelBody({ service }: { service: ServiceRef }) {
  const session = useSession();
  const location = useLocation();
  const { viewer, fetching, has } = useViewer();

  if (!session.current || (!viewer && !fetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <p className="kern-body">
        Melden Sie sich an, um eine Nachnutzung zu beantragen.{' '}
        <Link className="kern-link" to={signIn}>
          Anmelden
        </Link>
      </p>
    );
  }
  if (!viewer) {
    return <Loading />;
  }
  if (has('MUNICIPALITY_ADMIN')) {
    return viewer.organisation ? (
      <MunicipalityPanel service={service} organisationKey={viewer.organisation.key} />
    ) : (
      <p className="kern-body">
        Ihre Anmeldung nennt keine Organisation. Eine Nachnutzung beantragt eine Kommune für sich; bitte
        wenden Sie sich an den Betrieb des Registers.
      </p>
    );
  }
  return <OtherRolePanel service={service} organisationId={viewer.organisation?.id ?? null} />;
}

function OtherRolePanel({ service, organisationId }: { service: ServiceRef; organisationId: string | null }) {
  const { has } = useViewer();
  const [{ data }] = useQuery({ query: ServiceOwnerQuery, variables: { slug: service.slug } });
  const owns = Boolean(organisationId && data?.service?.owner.id === organisationId);
  if (owns && has('MAINTAINER')) {
    return (
      <p className="kern-body">
        Diese Leistung gehört Ihrer Organisation. Anträge auf Nachnutzung und die Nachnutzenden verwalten Sie
        unter{' '}
        <Link className="kern-link" to="/nachnutzungen">
          Nachnutzungen
        </Link>
        .
      </p>
    );
  }
  return (
    <p className="kern-body">
      Eine Nachnutzung beantragen Kommunen mit der Rolle „Nachnutzende Kommune“ für ihre Organisation.
    </p>
  );
}

function MunicipalityPanel({ service, organisationKey }: { service: ServiceRef; organisationKey: string }) {
  const [result] = useQuery({
    query: SubscriptionPanelQuery,
    variables: { slug: service.slug, organisationKey },
  });
  const [requested, setRequested] = useState<SubscriptionView | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);

  if (result.error && !result.data) {
    return <Problems problems={splitProblems(result.error, '').others} />;
  }
  if (!result.data) {
    return <Loading />;
  }
  const details = result.data.service;
  const subscriptions = [...result.data.subscriptions.edges.map((edge) => edge.node)].sort((a, b) =>
    b.requestedAt.localeCompare(a.requestedAt),
  );
  const current =
    subscriptions.find((s) => isOpen(s.state)) ?? (requested && isOpen(requested.state) ? requested : null);
  const previous = subscriptions.find((s) => !isOpen(s.state));

  return (
    <div className="stack">
      {requested ? (
        <Outcome message="Ihr Antrag auf Nachnutzung ist gestellt.">
          <p className="kern-body">
            Stand: <StateBadge state={requested.state} />
            {requested.state === 'ACTIVE'
              ? ' Die Leistung nimmt Anträge automatisch an: Ihre Nachnutzung ist sofort aktiv.'
              : ` ${requested.service.owner.name} entscheidet über Ihren Antrag.`}
          </p>
        </Outcome>
      ) : null}
      {current ? (
        <>
          <p className="kern-body kern-body--large">
            Ihre Nachnutzung: <StateBadge state={current.state} />
          </p>
          <SubscriptionFacts subscription={current} />
          <p className="kern-body">
            <Link className="kern-link" to="/nachnutzungen">
              Zu Ihren Nachnutzungen
            </Link>
          </p>
        </>
      ) : !details ? (
        <p className="kern-body">Diese Leistung ist nicht im Register.</p>
      ) : details.lifecycle === 'DEPRECATED' || details.lifecycle === 'RETIRED' ? (
        <p className="kern-body">
          Diese Leistung ist {LIFECYCLE[details.lifecycle].toLowerCase()} und nimmt keine neuen Nachnutzungen
          an.
        </p>
      ) : (
        <>
          {previous ? (
            <p className="kern-body">
              Ihre letzte Nachnutzung dieser Leistung: <StateBadge state={previous.state} />
              {previous.stateReason ? ` Grund: „${previous.stateReason}“.` : ''} Sie können erneut eine
              Nachnutzung beantragen.
            </p>
          ) : null}
          {formOpen ? (
            <RequestForm
              service={{ ...service, id: service.id || details.id }}
              approval={details.subscriptionApproval}
              ownerName={details.owner.name}
              onRequested={(subscription) => {
                setRequested(subscription);
                setFormOpen(false);
              }}
              onCancel={() => {
                setFormOpen(false);
                setTimeout(() => opener.current?.focus());
              }}
            />
          ) : (
            <button
              ref={opener}
              type="button"
              className="kern-btn kern-btn--primary"
              onClick={() => setFormOpen(true)}
            >
              <span className="kern-label">Nachnutzung beantragen</span>
            </button>
          )}
        </>
      )}
    </div>
  );
}

function RequestForm({
  service,
  approval,
  ownerName,
  onRequested,
  onCancel,
}: {
  service: ServiceRef;
  approval: 'AUTOMATIC' | 'MANUAL';
  ownerName: string;
  onRequested: (subscription: SubscriptionView) => void;
  onCancel: () => void;
}) {
  const [range, setRange] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, request] = useMutation(RequestSubscriptionMutation);
  const headingId = useId();
  const { fieldProblem, others } = splitProblems(result.error, 'versionRange');
  const rangeError = missing
    ? 'Bitte geben Sie einen Versionsbereich an, zum Beispiel ^1.0.0.'
    : fieldProblem?.message;

  return (
    <form
      className="action-form stack"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        if (range.trim() === '') {
          setMissing(true);
          return;
        }
        setMissing(false);
        void request({
          input: service.id
            ? { serviceId: service.id, versionRange: range.trim() }
            : { serviceSlug: service.slug, versionRange: range.trim() },
        }).then((answer) => {
          if (answer.data) {
            onRequested(answer.data.requestSubscription);
          }
        });
      }}
    >
      <h3 className="kern-heading-medium" id={headingId}>
        Nachnutzung beantragen
      </h3>
      <p className="kern-body">
        {approval === 'AUTOMATIC'
          ? 'Diese Leistung nimmt Anträge automatisch an: Ihre Nachnutzung ist sofort aktiv.'
          : `${ownerName} entscheidet über Ihren Antrag; bis dahin ist er „Beantragt“.`}
      </p>
      <Problems problems={others} />
      <VersionRangeField
        serviceSlug={service.slug}
        value={range}
        onChange={setRange}
        error={rangeError}
        autoFocus
      />
      <FormButtons submitLabel="Antrag stellen" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}
