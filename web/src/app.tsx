import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as GraphqlProvider } from 'urql';
import { createGraphqlClient } from './graphql/client';
import { routes } from './routes';
import { SessionProvider, useSession } from './session/session';

/** The console: session, GraphQL client and router. Every page is a route in routes.tsx. */
export function App() {
  const router = useMemo(() => createBrowserRouter(routes), []);
  return (
    <SessionProvider onExpired={(returnTo) => void router.navigate(signInPath(returnTo, true))}>
      <WithClient>
        <RouterProvider router={router} />
      </WithClient>
    </SessionProvider>
  );
}

function WithClient({ children }: { children: React.ReactNode }) {
  const { current, expire } = useSession();
  // A new client per session: nothing cached for one user is shown to the next.
  const client = useMemo(() => createGraphqlClient({ current, expire }), [current, expire]);
  return <GraphqlProvider value={client}>{children}</GraphqlProvider>;
}

/** The sign-in page, with where to go back to afterwards. */
export function signInPath(returnTo: string, expired = false): string {
  const query = new URLSearchParams({ zurueck: returnTo });
  if (expired) {
    query.set('grund', 'abgelaufen');
  }
  return `/anmelden?${query.toString()}`;
}
