import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useViewer } from '../graphql/viewer';
import { mayReadNotifications } from '../notifications/notification-access';
import { UnreadNotificationsLink } from '../notifications/unread-link';
import { useSession } from '../session/session';
import { SITE_NAME } from '../ui/page';

/** Header, navigation, main and footer on every page, with a skip link to the content. */
export function Layout() {
  const session = useSession();
  const { viewer, has } = useViewer();
  const location = useLocation();
  const navigate = useNavigate();
  const signedIn = Boolean(session.current);
  const returnTo = location.pathname + location.search;

  return (
    <>
      <a className="skip-link kern-link" href="#inhalt">
        Zum Inhalt springen
      </a>
      <header className="site-header">
        <div className="kern-container site-header__bar">
          <Link className="site-header__brand" to="/">
            <span className="kern-heading-medium">{SITE_NAME}</span>
            <span className="kern-body kern-body--small"> · Online-Leistungen nach dem OZG</span>
          </Link>
          <div className="session-box">
            {signedIn ? (
              <>
                <span className="kern-body">
                  Angemeldet als <strong>{viewer?.name ?? session.current?.label}</strong>
                  {viewer?.organisation ? `, ${viewer.organisation.name}` : ''}
                </span>
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => void session.signOut().then(() => navigate('/'))}
                >
                  <span className="kern-label">Abmelden</span>
                </button>
              </>
            ) : location.pathname.startsWith('/anmelden') ? null : (
              <NavLink className="kern-link" to={`/anmelden?${new URLSearchParams({ zurueck: returnTo })}`}>
                Anmelden
              </NavLink>
            )}
          </div>
        </div>
        <nav className="kern-container" aria-label="Hauptnavigation">
          <ul className="site-nav__list kern-pb-sm">
            <li>
              <NavLink className="kern-link" to="/" end>
                Start
              </NavLink>
            </li>
            <li>
              <NavLink className="kern-link" to="/leistungen">
                Leistungen
              </NavLink>
            </li>
            {signedIn ? (
              <li>
                <NavLink className="kern-link" to="/nachnutzungen">
                  Nachnutzungen
                </NavLink>
              </li>
            ) : null}
            {signedIn && has('REVIEWER_USABILITY', 'REVIEWER_SECURITY', 'REVIEWER_INTERFACES') ? (
              <li>
                <NavLink className="kern-link" to="/pruefungen">
                  Prüfungen
                </NavLink>
              </li>
            ) : null}
            {signedIn ? (
              <li>
                <NavLink className="kern-link" to="/kampagnen">
                  Kampagnen
                </NavLink>
              </li>
            ) : null}
            {signedIn && has('MAINTAINER', 'OPERATOR') ? (
              <li>
                <NavLink className="kern-link" to="/aufwand">
                  Aufwand
                </NavLink>
              </li>
            ) : null}
            {signedIn && mayReadNotifications(viewer) ? (
              <li>
                <UnreadNotificationsLink />
              </li>
            ) : null}
            {signedIn && has('OPERATOR') ? (
              <li>
                <NavLink className="kern-link" to="/verwaltung">
                  Verwaltung
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="inhalt" className="kern-container site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="kern-container">
          <p className="kern-body kern-body--small">
            {SITE_NAME}: Referenzumsetzungen nach dem Onlinezugangsgesetz finden, prüfen und nachnutzen. Die
            Programmierschnittstelle steht unter <code>/graphql</code> bereit.
          </p>
        </div>
      </footer>
    </>
  );
}
