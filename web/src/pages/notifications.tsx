import { Link, useLocation } from 'react-router';
import { useViewer } from '../graphql/viewer';
import { mayReadNotifications } from '../notifications/notification-access';
import { NotificationList } from '../notifications/notification-list';
import { useSession } from '../session/session';
import { Loading } from '../ui/alert';
import { Page } from '../ui/page';

const TITLE = 'Benachrichtigungen';

/**
 * "Benachrichtigungen" (/benachrichtigungen): the inbox of the viewer's organisation, newest first
 * (docs/notifications.md). Who reads it: the organisation's Kommune admins and maintainers, its
 * reviewers (the reviews waiting for their kinds), the operator.
 */
export function NotificationsPage() {
  return (
    <NotificationsGate title={TITLE}>
      <Page
        title={TITLE}
        lead="Was sich bei Leistungen, Nachnutzungen, Prüfungen und Kampagnen Ihrer Organisation getan hat, das Neueste zuerst."
      >
        <p className="kern-body">
          Per Webhook oder E-Mail erfahren Sie es auch außerhalb des Registers:{' '}
          <Link className="kern-link" to="/benachrichtigungen/einstellungen">
            Benachrichtigungen einstellen
          </Link>
        </p>
        <NotificationList />
      </Page>
    </NotificationsGate>
  );
}

/**
 * The page for those who may read notifications; for anyone else, why not (anonymous: a sign-in
 * link back here).
 */
export function NotificationsGate({ title, children }: { title: string; children: React.ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { viewer, fetching } = useViewer();

  if (!session.current || (!viewer && !fetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <Page title={title}>
        <p className="kern-body">
          Die Benachrichtigungen Ihrer Organisation sehen Sie nach der Anmeldung.{' '}
          <Link className="kern-link" to={signIn}>
            Anmelden
          </Link>
        </p>
      </Page>
    );
  }
  if (!viewer) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (!mayReadNotifications(viewer)) {
    return (
      <Page title={title}>
        <p className="kern-body">
          Benachrichtigungen erhalten Kommunen, Maintainer und Prüfende für ihre Organisation sowie der
          Betrieb. Ihre Anmeldung hat keine dieser Rollen
          {viewer.organisation ? '' : ' oder nennt keine Organisation'}.
        </p>
      </Page>
    );
  }
  return <>{children}</>;
}
