import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import type { ServiceOwnerChoicesQuery } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { useViewer } from '../graphql/viewer';
import { noticeState } from '../services/notice';
import { mayRegisterServices } from '../services/service-access';
import { ServiceForm, type OwnerChoice } from '../services/service-form';
import { emptyValues, registerInput } from '../services/service-form-model';
import { RegisterServiceMutation } from '../services/service-mutations';
import { useSession } from '../session/session';
import { Loading, Problems } from '../ui/alert';
import { Page } from '../ui/page';

/**
 * The organisations an OPERATOR may register a service for: those that own services already, the
 * IT service providers, the state and the districts (the first 100 of each; a municipality that
 * owns none yet is not among them).
 */
const ServiceOwnerChoices = graphql(`
  query ServiceOwnerChoices {
    owners: organisations(ownsServices: true, first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
    providers: organisations(kind: SERVICE_PROVIDER, first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
    states: organisations(kind: STATE, first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
    districts: organisations(kind: DISTRICT, first: 100) {
      edges {
        node {
          id
          key
          name
        }
      }
    }
  }
`);

const TITLE = 'Leistung registrieren';

/** "Leistung registrieren" (/leistungen/neu): a new service, for MAINTAINERs and OPERATORs. */
export function ServiceRegisterPage() {
  const session = useSession();
  const location = useLocation();
  const { viewer, fetching } = useViewer();

  if (!session.current || (!viewer && !fetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <Page title={TITLE}>
        <p className="kern-body">
          Leistungen registrieren Maintainer für ihre Organisation und der Betrieb des Registers. Bitte melden
          Sie sich an.{' '}
          <Link className="kern-link" to={signIn}>
            Anmelden
          </Link>
        </p>
      </Page>
    );
  }
  if (!viewer) {
    return (
      <Page title={TITLE}>
        <Loading />
      </Page>
    );
  }
  if (!mayRegisterServices(viewer)) {
    return (
      <Page title={TITLE}>
        <p className="kern-body">
          Leistungen registrieren Maintainer (für ihre eigene Organisation) und der Betrieb des Registers.
          Ihre Anmeldung hat keine dieser Rollen{viewer.organisation ? '' : ' oder nennt keine Organisation'}.
        </p>
        <p className="kern-body">
          <Link className="kern-link" to="/leistungen">
            Zurück zu den Leistungen
          </Link>
        </p>
      </Page>
    );
  }
  return viewer.roles.includes('OPERATOR') ? (
    <OperatorRegistration />
  ) : (
    <Registration owner={{ choose: false, name: viewer.organisation?.name ?? '' }} />
  );
}

function OperatorRegistration() {
  const [{ data, error }] = useQuery({ query: ServiceOwnerChoices, requestPolicy: 'cache-first' });
  const options = useMemo(() => ownerOptions(data), [data]);
  if (!options) {
    return (
      <Page title={TITLE}>
        {error ? (
          <Problems problems={problemsOf(error)} title="Die Organisationen konnten nicht geladen werden" />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }
  return <Registration owner={{ choose: true, options }} />;
}

function Registration({ owner }: { owner: OwnerChoice }) {
  const navigate = useNavigate();
  const [initial] = useState(() => emptyValues());
  const [result, register] = useMutation(RegisterServiceMutation);
  return (
    <Page
      title={TITLE}
      lead="Eine Referenzumsetzung in den Katalog aufnehmen: danach können Sie Versionen anlegen und Kommunen die Nachnutzung beantragen."
    >
      <ServiceForm
        mode="register"
        initial={initial}
        owner={owner}
        submitLabel="Leistung registrieren"
        cancelTo="/leistungen"
        fetching={result.fetching}
        error={result.error}
        onSubmit={(values) => {
          void register({ input: registerInput(values, owner.choose) }).then((answer) => {
            const service = answer.data?.registerService;
            if (service) {
              void navigate(`/leistungen/${encodeURIComponent(service.slug)}`, {
                state: noticeState(`Die Leistung „${service.name}“ ist registriert.`),
              });
            }
          });
        }}
      />
    </Page>
  );
}

function ownerOptions(data: ServiceOwnerChoicesQuery | undefined): { key: string; name: string }[] | null {
  if (!data) {
    return null;
  }
  const byKey = new Map<string, { key: string; name: string }>();
  for (const list of [data.owners, data.providers, data.states, data.districts]) {
    for (const { node } of list.edges) {
      byKey.set(node.key, { key: node.key, name: node.name });
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}
