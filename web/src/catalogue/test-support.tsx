import { render } from '@testing-library/react';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider, type Client, type GraphQLRequest, type OperationResult } from 'urql';
import { concat, fromValue, never } from 'wonka';
import { SessionProvider } from '../session/session';

/** What the fake API answers: by operation name, the data (or a function of the variables). */
export type Answers = Record<string, unknown>;

export interface Request {
  operationName: string;
  variables: Record<string, unknown>;
}

function operationName(request: GraphQLRequest): string {
  const definition = request.query.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  return definition?.name?.value ?? '';
}

/**
 * An urql client whose every query answers at once from `answers` (urql's documented way of
 * testing components: executeQuery returns a wonka source, here `fromValue`). A query without an answer stays
 * loading. The requests it saw are in `requests`, in order.
 */
export function fakeClient(answers: Answers) {
  const requests: Request[] = [];
  const client = {
    executeQuery: (request: GraphQLRequest) => {
      const name = operationName(request);
      const variables = (request.variables ?? {}) as Record<string, unknown>;
      requests.push({ operationName: name, variables });
      if (!Object.hasOwn(answers, name)) {
        return never;
      }
      const answer = answers[name];
      const result =
        typeof answer === 'function'
          ? (answer as (v: Record<string, unknown>) => unknown)(variables)
          : answer;
      if (result === undefined) {
        return never; // still running
      }
      // The answer, then the source stays open like the real client's (urql clears an error when
      // the source ends).
      const value = {
        operation: request,
        ...(result instanceof Error ? { error: result } : { data: result }),
      } as unknown as OperationResult;
      return concat([fromValue(value), never]);
    },
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
  return { client, requests };
}

/** Renders the console's routes at `url` with the fake API, anonymous. */
export function renderAt(
  url: string,
  routes: { path: string; element: React.ReactNode }[],
  answers: Answers,
) {
  const { client, requests } = fakeClient(answers);
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <SessionProvider onExpired={() => undefined}>
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </SessionProvider>,
  );
  return { ...view, router, requests };
}

export function currentUrl(router: { state: { location: { pathname: string; search: string } } }): string {
  return router.state.location.pathname + router.state.location.search;
}
