import { Link, useLocation } from 'react-router';
import type { Role } from '../graphql/generated/enums';
import { useViewer } from '../graphql/viewer';
import { useSession } from '../session/session';
import { Loading } from './alert';
import { Page } from './page';

/**
 * The door of a page that needs a signed-in person, and perhaps one of some roles: a visitor gets
 * a sentence and the sign-in link that returns to this page (path and query), a signed-in person
 * without the role a sentence saying who may; while the viewer loads, "Wird geladen". Only then
 * the page itself, so its queries run only for those it is for. Whether an action is allowed
 * stays the API's decision; this spares people a page they cannot use.
 */
export function Guarded({
  title,
  visitor,
  roles,
  refused,
  children,
}: {
  /** The page's title, kept on the door so that the tab and the heading say where one is. */
  title: string;
  /** Who sees this page after signing in, e.g. "Kampagnen sehen angemeldete Personen." */
  visitor: string;
  /** Any of these roles opens the page; none given: anyone signed in. */
  roles?: Role[];
  /** Why a signed-in person without the role does not see the page. */
  refused?: string;
  children: React.ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  const { viewer, has, fetching } = useViewer();
  if (!session.current || (!viewer && !fetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <Page title={title}>
        <p className="kern-body">
          {visitor}{' '}
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
  if (roles && !has(...roles)) {
    return (
      <Page title={title}>
        <p className="kern-body">{refused}</p>
      </Page>
    );
  }
  return <>{children}</>;
}
