import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CampaignPage } from './campaign';
import { callsOf, fakeClient, signIn, viewerAnswer } from '../subscriptions/test-support';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Provider, type Client } from 'urql';
import { render } from '@testing-library/react';
import { SessionProvider } from '../session/session';

class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
// jsdom has no ResizeObserver; the chart's container asks for one (its size stays 0 here).
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;

function renderCampaign(client: Client) {
  const router = createMemoryRouter([{ path: '/kampagnen/:id', element: <CampaignPage /> }], {
    initialEntries: ['/kampagnen/c1'],
  });
  return render(
    <SessionProvider onExpired={() => undefined}>
      <Provider value={client}>
        <RouterProvider router={router} />
      </Provider>
    </SessionProvider>,
  );
}

const service = (id: string, name: string) => ({
  __typename: 'OnlineService',
  id,
  slug: id,
  name,
  owner: { __typename: 'Organisation', id: 'o-komfit', name: 'Komfit' },
});

const target = (overrides: Record<string, unknown>) => ({
  __typename: 'CampaignTarget',
  id: 't1',
  state: 'OPEN',
  overdue: false,
  atRisk: false,
  plannedReleaseDate: null,
  assignee: null,
  exclusionReason: null,
  subscribersCompliant: 0,
  subscribersTotal: 2,
  issueUrl: null,
  issueState: null,
  issueDetail: null,
  viewerActions: [],
  estimate: null,
  release: null,
  service: service('sterbeurkunde-beantragen', 'Sterbeurkunde beantragen'),
  rollout: [],
  ...overrides,
});

const day = (date: string, openTargets: number) => ({ __typename: 'BurndownPoint', date, openTargets });

function campaign(targets: unknown[], viewerActions: string[] = []) {
  return {
    data: {
      campaign: {
        __typename: 'Campaign',
        id: 'c1',
        title: 'Personenstandsrecht: neue Datensätze',
        description: null,
        state: 'ACTIVE',
        effectiveDate: '2026-10-03',
        amendment: 'BGBl. 2026 I Nr. 7',
        provisions: ['§ 3'],
        closedAt: null,
        cancellationReason: null,
        createdAt: '2026-10-01T08:00:00Z',
        createdBy: { __typename: 'User', name: 'Mia Maintainer' },
        norm: { __typename: 'LegalNorm', id: 'n1', abbreviation: 'PStG', title: 'Personenstandsgesetz' },
        viewerActions,
        progress: {
          __typename: 'CampaignProgress',
          targetsTotal: 2,
          overdueTargets: 1,
          subscribersCompliant: 1,
          subscribersTotal: 3,
          byState: [
            { __typename: 'TargetStateCount', state: 'OPEN', count: 1 },
            { __typename: 'TargetStateCount', state: 'RELEASED', count: 1 },
          ],
          burndown: [day('2026-10-01', 2), day('2026-10-02', 2), day('2026-10-03', 1), day('2026-10-04', 1)],
        },
        targets,
      },
    },
  };
}

describe('CampaignPage (/kampagnen/:id)', () => {
  it('shows the burndown as a table of the days it changed, and the targets with overdue and at risk in words', async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['MUNICIPALITY_ADMIN'])
        : name === 'Campaign'
          ? campaign([
              target({ id: 't1', overdue: true }),
              target({
                id: 't2',
                state: 'RELEASED',
                release: { __typename: 'Release', id: 'r1', version: '2.1.0' },
                service: service('geburtsurkunde-beantragen', 'Geburtsurkunde beantragen'),
                subscribersCompliant: 1,
                subscribersTotal: 1,
                rollout: [
                  {
                    __typename: 'TargetRollout',
                    deployedVersion: '1.0.0',
                    compliant: false,
                    subscription: {
                      __typename: 'ServiceSubscription',
                      id: 's1',
                      organisation: {
                        __typename: 'Organisation',
                        id: 'o-kiel',
                        name: 'Landeshauptstadt Kiel',
                      },
                    },
                  },
                ],
              }),
            ])
          : {},
    );
    renderCampaign(fake.client);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Personenstandsrecht: neue Datensätze' }),
    ).toBeVisible();
    const burndown = screen.getByRole('table', { name: /Burndown als Tabelle/ });
    expect(
      within(burndown)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['1. Oktober 20262', '3. Oktober 20261', '4. Oktober 20261']);
    expect(
      screen.getByRole('img', { name: /Offene Ziele von 2 am 1\. Oktober 2026 auf 1 am 4\. Oktober 2026/ }),
    ).toBeVisible();

    const targets = screen.getByRole('table', { name: '2 Ziele' });
    const [first, second] = within(targets).getAllByRole('row').slice(1);
    expect(first.textContent).toContain('Überfällig');
    expect(second.textContent).toContain('Version 2.1.0');
    // A municipality may take no action: none offered.
    expect(within(targets).queryAllByRole('button')).toEqual([]);

    const rollout = screen.getByRole('table', { name: 'Nachnutzende Kommunen je Leistung' });
    expect(rollout.textContent).toContain('Landeshauptstadt Kiel');
    expect(rollout.textContent).toContain('Noch nicht auf Version 2.1.0');
  });

  it('offers exactly the actions the API lists, and plans a target with a German decimal comma', async () => {
    signIn();
    const fake = fakeClient((name, variables) =>
      name === 'Viewer'
        ? viewerAnswer(['MAINTAINER'])
        : name === 'Campaign'
          ? campaign([target({ viewerActions: ['PLAN', 'EXCLUDE'] })], ['CANCEL'])
          : name === 'PlanCampaignTarget'
            ? {
                data: {
                  planCampaignTarget: target({
                    state: 'PLANNED',
                    plannedReleaseDate: (variables.input as { plannedReleaseDate: string })
                      .plannedReleaseDate,
                  }),
                },
              }
            : {},
    );
    renderCampaign(fake.client);
    const targets = await screen.findByRole('table', { name: '1 Ziel' });
    expect(
      within(targets)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Planen: Sterbeurkunde beantragen', 'Ausnehmen: Sterbeurkunde beantragen']);
    expect(screen.getByRole('button', { name: 'Kampagne abbrechen' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Kampagne abschließen' })).toBeNull();

    const user = userEvent.setup();
    await user.click(within(targets).getByRole('button', { name: /^Planen/ }));
    const form = screen.getByRole('form', { name: 'Sterbeurkunde beantragen planen' });
    await user.type(within(form).getByLabelText('Geplante Freigabe'), '2026-12-20');
    await user.type(within(form).getByLabelText('Optimistisch (Stunden)'), '4');
    await user.type(within(form).getByLabelText('Wahrscheinlich (Stunden)'), '8,5');
    await user.type(within(form).getByLabelText('Pessimistisch (Stunden)'), '2');
    await user.click(within(form).getByRole('button', { name: 'Planung speichern' }));
    expect(within(form).getByText(/nicht kleiner als der wahrscheinliche/)).toBeVisible();
    expect(callsOf(fake.executeMutation, 'PlanCampaignTarget')).toEqual([]);

    await user.clear(within(form).getByLabelText('Pessimistisch (Stunden)'));
    await user.type(within(form).getByLabelText('Pessimistisch (Stunden)'), '24');
    await user.click(within(form).getByRole('button', { name: 'Planung speichern' }));
    expect(callsOf(fake.executeMutation, 'PlanCampaignTarget')).toEqual([
      {
        input: {
          targetId: 't1',
          plannedReleaseDate: '2026-12-20',
          assignee: null,
          estimate: { optimisticHours: 4, likelyHours: 8.5, pessimisticHours: 24 },
        },
      },
    ]);
    expect(
      await screen.findByText('Die Planung für Sterbeurkunde beantragen ist gespeichert.'),
    ).toBeVisible();
  });
});
