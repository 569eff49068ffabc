import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { Provider } from 'urql';
import { SessionProvider } from '../session/session';
import { fakeClient, signIn, viewerAnswer, type Answer } from '../subscriptions/test-support';
import type { Role } from '../graphql/generated/enums';

/**
 * The service forms' tests: the subscriptions' fake client (answers by operation name, every call
 * recorded), a signed-in session and the console's routes for services in a memory router, so a
 * test sees where a form leads.
 */
export const DATAPORT = {
  __typename: 'Organisation',
  id: 'org-dataport',
  key: 'dataport',
  name: 'Dataport AöR',
  kind: 'SERVICE_PROVIDER',
};

export const ITVSH = {
  __typename: 'Organisation',
  id: 'org-itvsh',
  key: 'itvsh',
  name: 'ITVSH',
  kind: 'OTHER',
};

export const NORMS = [
  {
    __typename: 'LegalNorm',
    id: 'n-wogg',
    abbreviation: 'WoGG',
    title: 'Wohngeldgesetz',
    jurisdiction: 'DE',
  },
  {
    __typename: 'LegalNorm',
    id: 'n-wogv',
    abbreviation: 'WoGV',
    title: 'Wohngeldverordnung',
    jurisdiction: 'DE',
  },
  {
    __typename: 'LegalNorm',
    id: 'n-kag',
    abbreviation: 'KAG SH',
    title: 'Kommunalabgabengesetz des Landes Schleswig-Holstein',
    jurisdiction: 'DE-SH',
  },
];

/** legalNorms(search:) as the API answers: abbreviation or title contains the text, ignoring case. */
export function normsAnswer(variables: Record<string, unknown>): Answer {
  const search = typeof variables.search === 'string' ? variables.search.toLowerCase() : '';
  return {
    data: {
      legalNorms: NORMS.filter(
        (norm) =>
          norm.abbreviation.toLowerCase().includes(search) || norm.title.toLowerCase().includes(search),
      ),
    },
  };
}

export function maintainer() {
  return viewerAnswer(['MAINTAINER'], DATAPORT);
}

export function viewerWith(roles: Role[], organisation = DATAPORT) {
  return viewerAnswer(roles, organisation);
}

/** Shows the path and the notice a page passed on, where a form led. */
function Landing() {
  const location = useLocation();
  const state = location.state as { notice?: string } | null;
  return (
    <p>
      Gelandet auf {location.pathname}
      {state?.notice ? `: ${state.notice}` : ''}
    </p>
  );
}

export function renderRoutes(
  answer: (name: string, variables: Record<string, unknown>) => Answer,
  routes: { path: string; element: React.ReactNode }[],
  path: string,
  { signedIn = true }: { signedIn?: boolean } = {},
) {
  if (signedIn) {
    signIn();
  }
  const fake = fakeClient(answer);
  const router = createMemoryRouter([...routes, { path: '*', element: <Landing /> }], {
    initialEntries: [path],
  });
  const view = render(
    <SessionProvider onExpired={() => undefined}>
      <Provider value={fake.client}>
        <RouterProvider router={router} />
      </Provider>
    </SessionProvider>,
  );
  return { ...view, ...fake, router };
}
