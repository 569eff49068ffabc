import { Link, useLocation } from 'react-router';
import { useViewer } from '../graphql/viewer';
import { useSession } from '../session/session';
import { OwnSubscriptions } from '../subscriptions/own-subscriptions';
import { OwnerSubscriptions } from '../subscriptions/owner-subscriptions';
import { Loading } from '../ui/alert';
import { Page } from '../ui/page';

/** "Nachnutzungen" (/nachnutzungen): a municipality's subscriptions; an owner's incoming requests. */
export function SubscriptionsPage() {
  const session = useSession();
  const location = useLocation();
  const { viewer, fetching, has } = useViewer();

  if (!session.current || (!viewer && !fetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <Page title="Nachnutzungen">
        <p className="kern-body">
          Ihre Nachnutzungen und die Anträge auf Ihre Leistungen sehen Sie nach der Anmeldung.{' '}
          <Link className="kern-link" to={signIn}>
            Anmelden
          </Link>
        </p>
      </Page>
    );
  }
  if (!viewer) {
    return (
      <Page title="Nachnutzungen">
        <Loading />
      </Page>
    );
  }
  const organisation = viewer.organisation;
  const municipality = has('MUNICIPALITY_ADMIN') && organisation;
  const owner = has('MAINTAINER') && organisation;
  return (
    <Page title="Nachnutzungen">
      {municipality ? <OwnSubscriptions organisation={municipality} /> : null}
      {owner ? <OwnerSubscriptions organisation={owner} /> : null}
      {!municipality && !owner ? (
        <p className="kern-body">
          Nachnutzungen beantragen und verwalten Kommunen (Rolle „Nachnutzende Kommune“); Anträge entscheiden
          die Maintainer der Eigentümer einer Leistung. Ihre Anmeldung hat keine dieser Rollen
          {organisation ? '' : ' oder nennt keine Organisation'}.
        </p>
      ) : null}
    </Page>
  );
}
