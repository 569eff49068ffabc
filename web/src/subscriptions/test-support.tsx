import { render } from '@testing-library/react';
import {
  CombinedError,
  getOperationName,
  type Client,
  type Operation,
  type OperationResult,
} from '@urql/core';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider } from 'urql';
import { vi } from 'vitest';
import { fromValue } from 'wonka';
import type { SubscriptionFieldsFragment } from '../graphql/generated/graphql';
import type { Role } from '../graphql/generated/enums';
import { SessionProvider } from '../session/session';

/**
 * Component tests: a urql client whose answers come from `answer(operationName, variables)`
 * (data, or an Error list as the API would send it), the session and a memory router. Only the
 * network is replaced; the components, urql's hooks and the router are the real ones.
 */
export type Answer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export function fakeClient(answer: (name: string, variables: Record<string, unknown>) => Answer) {
  const respond = (operation: Operation) => {
    const { data, errors } = answer(getOperationName(operation.query) ?? '', operation.variables ?? {});
    const result: OperationResult = {
      operation,
      data: data ?? undefined,
      error: errors ? new CombinedError({ graphQLErrors: errors }) : undefined,
      stale: false,
      hasNext: false,
    };
    return fromValue(result);
  };
  const executeQuery = vi.fn(respond);
  const executeMutation = vi.fn(respond);
  const client = { executeQuery, executeMutation, suspense: false } as unknown as Client;
  return { client, executeQuery, executeMutation };
}

/** The variables of every call of `mock` for the operation `name`. */
export function callsOf(mock: { mock: { calls: unknown[][] } }, name: string): Record<string, unknown>[] {
  return mock.mock.calls
    .map(([operation]) => operation as Operation)
    .filter((operation) => getOperationName(operation.query) === name)
    .map((operation) => operation.variables as Record<string, unknown>);
}

export function viewerAnswer(roles: Role[], organisation = KIEL) {
  return {
    data: {
      viewer: { __typename: 'Viewer', subject: 'kim.kiel', name: 'Kim Kiel', roles, organisation },
    },
  };
}

export const KIEL = {
  __typename: 'Organisation',
  id: 'org-kiel',
  key: '010020000000',
  name: 'Landeshauptstadt Kiel',
  kind: 'MUNICIPALITY',
};

export const LUEBECK = { id: 'org-luebeck', name: 'Hansestadt Lübeck' };

export function subscription(
  overrides: Partial<SubscriptionFieldsFragment> = {},
): SubscriptionFieldsFragment {
  return {
    id: 'sub-1',
    state: 'ACTIVE',
    versionRange: '^1.0.0',
    stateReason: null,
    agreementReference: 'NNV-SH-007',
    requestedAt: '2026-01-10T09:00:00Z',
    decidedAt: '2026-01-12T09:00:00Z',
    deployedVersion: '1.0.0',
    deployedAt: '2026-01-20T09:00:00Z',
    upgradeAvailable: true,
    targetRelease: { id: 'rel-110', version: '1.1.0' },
    service: {
      id: 'svc-bau',
      slug: 'baugenehmigung-beantragen',
      name: 'Baugenehmigung beantragen',
      subscriptionApproval: 'MANUAL',
      owner: LUEBECK,
    },
    organisation: { id: KIEL.id, key: KIEL.key, name: KIEL.name },
    ...overrides,
  };
}

export function signIn() {
  window.sessionStorage.setItem(
    'nachnutzungsregister.sitzung',
    JSON.stringify({
      token: 'test-token',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      via: 'personas',
      label: 'Kim Kiel',
    }),
  );
}

export function renderWith(client: Client, element: React.ReactNode, path = '/') {
  const router = createMemoryRouter([{ path: '*', element }], { initialEntries: [path] });
  return render(
    <SessionProvider onExpired={() => undefined}>
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </SessionProvider>,
  );
}
