import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import type { ServiceEditQuery } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import { noticeState } from '../services/notice';
import { policyText, QaPolicyForm } from '../services/qa-policy-form';
import { mayEditService, maySetQaPolicy } from '../services/service-access';
import { ServiceForm } from '../services/service-form';
import { updateInput, valuesFrom } from '../services/service-form-model';
import { UpdateServiceMutation } from '../services/service-mutations';
import { useSession } from '../session/session';
import { Loading, Problems } from '../ui/alert';
import { DescriptionList } from '../ui/description-list';
import { REUSE_MODEL } from '../ui/labels';
import { Page } from '../ui/page';

/** The service as the form edits it, and its QA policy, in one query. */
const ServiceEdit = graphql(`
  query ServiceEdit($slug: String!) {
    service(slug: $slug) {
      id
      slug
      name
      summary
      description
      leikaKeys
      keywords
      themenfeld
      maturityLevel
      maturityModel
      reuseModel
      subscriptionApproval
      lifecycle
      repositoryUrl
      license
      sdgRelevant
      owner {
        id
        key
        name
      }
      legalBases {
        provision
        norm {
          id
          abbreviation
          title
        }
      }
      qaPolicy {
        rules {
          kind
          requiredApprovals
        }
      }
    }
  }
`);

type EditedService = NonNullable<ServiceEditQuery['service']>;

const TITLE = 'Leistung bearbeiten';

/**
 * "Leistung bearbeiten" (/leistungen/:slug/bearbeiten): the registration's form filled in, for the
 * owner's MAINTAINERs and OPERATORs; below it the QA policy, which OPERATORs set.
 */
export function ServiceEditPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const { viewer, fetching: viewerFetching } = useViewer();
  const [{ data, fetching, error }] = useQuery({ query: ServiceEdit, variables: { slug } });
  const back = `/leistungen/${encodeURIComponent(slug)}`;

  if (!session.current || (!viewer && !viewerFetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <Page title={TITLE}>
        <p className="kern-body">
          Eine Leistung bearbeiten die Maintainer ihres Eigentümers und der Betrieb des Registers. Bitte
          melden Sie sich an.{' '}
          <Link className="kern-link" to={signIn}>
            Anmelden
          </Link>
        </p>
      </Page>
    );
  }
  if (!data || !viewer) {
    return (
      <Page title={TITLE}>
        {error ? (
          <Problems problems={problemsOf(error)} title="Die Leistung konnte nicht geladen werden" />
        ) : null}
        {fetching || viewerFetching ? <Loading /> : null}
      </Page>
    );
  }
  const service = data.service;
  if (!service) {
    return (
      <Page title="Leistung nicht gefunden">
        <p className="kern-body">Unter dieser Adresse gibt es im Nachnutzungsregister keine Leistung.</p>
        <p className="kern-body">
          <Link className="kern-link" to="/leistungen">
            Zurück zu den Leistungen
          </Link>
        </p>
      </Page>
    );
  }
  if (!mayEditService(viewer, service.owner.id)) {
    return (
      <Page title={TITLE} lead={service.name}>
        <p className="kern-body">
          Diese Leistung bearbeiten die Maintainer von {service.owner.name} und der Betrieb des Registers.
        </p>
        <p className="kern-body">
          <Link className="kern-link" to={back}>
            Zurück zur Leistung
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={TITLE} lead={service.name}>
      <p className="kern-body">
        <Link className="kern-link" to={back}>
          Zurück zur Leistung
        </Link>
      </p>
      {/* Keyed by the service: the form starts from what was loaded and keeps what is typed. */}
      <EditForm key={service.id} service={service} back={back} />
      <section className="stack" aria-labelledby="qa-richtlinie">
        <h2 className="kern-heading-large" id="qa-richtlinie">
          QA-Richtlinie
        </h2>
        {maySetQaPolicy(viewer) ? (
          <QaPolicyForm key={service.id} serviceId={service.id} rules={service.qaPolicy.rules} />
        ) : (
          <>
            <p className="kern-body">
              Erforderliche Freigaben je Prüfung: {policyText(service.qaPolicy.rules)}.
            </p>
            <p className="kern-body">Die QA-Richtlinie legt der Betrieb des Registers fest.</p>
          </>
        )}
      </section>
    </Page>
  );
}

function EditForm({ service, back }: { service: EditedService; back: string }) {
  const navigate = useNavigate();
  const [initial] = useState(() => valuesFrom(service));
  const [result, update] = useMutation(UpdateServiceMutation);
  return (
    <ServiceForm
      mode="edit"
      initial={initial}
      owner={{ choose: false, name: service.owner.name }}
      fixed={
        <>
          <DescriptionList
            items={[
              { term: 'Kurzname', value: service.slug },
              { term: 'Eigentümer', value: service.owner.name },
              { term: 'Nachnutzungsmodell', value: REUSE_MODEL[service.reuseModel] },
            ]}
          />
          <p className="kern-body">
            Kurzname, Eigentümer und Nachnutzungsmodell sind bei der Registrierung festgelegt und bleiben.
          </p>
        </>
      }
      submitLabel="Änderungen speichern"
      cancelTo={back}
      fetching={result.fetching}
      error={result.error}
      onSubmit={(values) => {
        const input = updateInput(values, initial);
        if (Object.keys(input).length === 0) {
          void navigate(back, { state: noticeState('Sie haben nichts geändert.') });
          return;
        }
        void update({ id: service.id, input }).then((answer) => {
          if (answer.data) {
            void navigate(back, { state: noticeState('Ihre Änderungen sind gespeichert.') });
          }
        });
      }}
    />
  );
}
