import { Link, useLocation } from 'react-router';
import type { Role } from '../graphql/generated/enums';
import { useViewer, type ViewerInfo } from '../graphql/viewer';
import { useSession } from '../session/session';
import { Loading } from './alert';
import { Page } from './page';

/**
 * A page for some roles only, guarded as the console's pages guard themselves: a visitor gets a
 * sentence and the sign-in link back to this page, a signed-in person without the roles a
 * sentence, and the page itself (its queries included) renders only for the roles. Whether an
 * action is allowed stays the API's decision; this only spares people a page they cannot use.
 */
export function RoleGate({
  title,
  roles,
  forVisitors,
  withoutRole,
  children,
}: {
  title: string;
  roles: Role[];
  /** For a visitor, before the sign-in link: who the page is for. */
  forVisitors: string;
  /** For a signed-in person without any of the roles. */
  withoutRole: string;
  children: (viewer: ViewerInfo) => React.ReactNode;
}) {
  const session = useSession();
  const location = useLocation();
  const { viewer, fetching, has } = useViewer();

  if (!session.current || (!viewer && !fetching)) {
    const signIn = `/anmelden?${new URLSearchParams({ zurueck: location.pathname + location.search })}`;
    return (
      <Page title={title}>
        <p className="kern-body">
          {forVisitors}{' '}
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
  if (!has(...roles)) {
    return (
      <Page title={title}>
        <p className="kern-body">{withoutRole}</p>
      </Page>
    );
  }
  return children(viewer);
}
