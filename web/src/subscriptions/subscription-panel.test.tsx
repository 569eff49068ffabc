import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SubscriptionPanel } from './subscription-panel';
import {
  callsOf,
  fakeClient,
  renderWith,
  signIn,
  subscription,
  viewerAnswer,
  type Answer,
} from './test-support';

const SERVICE = { id: 'svc-bau', slug: 'baugenehmigung-beantragen', name: 'Baugenehmigung beantragen' };

function panelData(subscriptions: unknown[], approval: 'MANUAL' | 'AUTOMATIC' = 'MANUAL') {
  return {
    data: {
      service: {
        id: 'svc-bau',
        lifecycle: 'ACTIVE',
        subscriptionApproval: approval,
        owner: { id: 'org-luebeck', name: 'Hansestadt Lübeck' },
      },
      subscriptions: { edges: subscriptions.map((node) => ({ node })) },
    },
  };
}

function setup(answers: Record<string, Answer>) {
  signIn();
  const fake = fakeClient((name) => answers[name] ?? {});
  renderWith(fake.client, <SubscriptionPanel service={SERVICE} />, '/leistungen/baugenehmigung-beantragen');
  return fake;
}

const resolved = {
  data: {
    resolveVersionRange: {
      range: '^1.0.0',
      valid: true,
      problem: null,
      version: '1.1.0',
      matchingVersions: ['1.1.0', '1.0.0'],
      deployableVersions: ['1.1.0', '1.0.0'],
    },
  },
};

describe('SubscriptionPanel', () => {
  it('asks anonymous visitors to sign in and comes back to the service', () => {
    const fake = fakeClient(() => ({ data: { viewer: null } }));
    renderWith(fake.client, <SubscriptionPanel service={SERVICE} />, '/leistungen/baugenehmigung-beantragen');
    expect(screen.getByRole('heading', { level: 2, name: 'Nachnutzung' })).toBeInTheDocument();
    expect(screen.getByText(/Melden Sie sich an, um eine Nachnutzung zu beantragen\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      '/anmelden?zurueck=%2Fleistungen%2Fbaugenehmigung-beantragen',
    );
    expect(screen.queryByRole('button', { name: 'Nachnutzung beantragen' })).not.toBeInTheDocument();
  });

  it('requests with the range typed and shows the request as "Beantragt"', async () => {
    const { executeMutation } = setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      SubscriptionPanel: panelData([]),
      ResolveVersionRange: resolved,
      RequestSubscription: {
        data: {
          requestSubscription: subscription({
            state: 'REQUESTED',
            decidedAt: null,
            deployedVersion: null,
            upgradeAvailable: false,
          }),
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nachnutzung beantragen' }));
    const range = screen.getByRole('textbox', { name: 'Versionsbereich' });
    expect(range).toHaveFocus();
    await userEvent.type(range, '^1.0.0');
    expect(await screen.findByText('Passt derzeit zu Version 1.1.0')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));

    expect(callsOf(executeMutation, 'RequestSubscription')).toEqual([
      { input: { serviceId: 'svc-bau', versionRange: '^1.0.0' } },
    ]);
    const outcome = await screen.findByText('Ihr Antrag auf Nachnutzung ist gestellt.');
    expect(outcome.closest('[role="status"]')).toHaveTextContent('Beantragt');
    expect(outcome.closest('.outcome')).toHaveFocus();
    expect(screen.getByText(/Ihre Nachnutzung:/)).toHaveTextContent('Ihre Nachnutzung: Beantragt');
  });

  it('says "Aktiv" at once when the service approves automatically; without an id from the page it uses the one the panel read', async () => {
    signIn();
    const fake = fakeClient(
      (name) =>
        ({
          Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
          SubscriptionPanel: panelData([], 'AUTOMATIC'),
          ResolveVersionRange: resolved,
          RequestSubscription: { data: { requestSubscription: subscription({ state: 'ACTIVE' }) } },
        })[name] ?? {},
    );
    renderWith(fake.client, <SubscriptionPanel service={{ ...SERVICE, id: '' }} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Nachnutzung beantragen' }));
    expect(screen.getByText(/nimmt Anträge automatisch an/)).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: 'Versionsbereich' }), '^1.0.0');
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    // The page gave no id: the panel's own query read it.
    expect(callsOf(fake.executeMutation, 'RequestSubscription')).toEqual([
      { input: { serviceId: 'svc-bau', versionRange: '^1.0.0' } },
    ]);
    const outcome = await screen.findByText('Ihr Antrag auf Nachnutzung ist gestellt.');
    expect(outcome.closest('[role="status"]')).toHaveTextContent('Aktiv');
  });

  it('shows the API refusing the range next to the field', async () => {
    setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      SubscriptionPanel: panelData([]),
      ResolveVersionRange: resolved,
      RequestSubscription: {
        errors: [
          {
            message: 'Keine veröffentlichte Version liegt im Versionsbereich „^9.0.0“.',
            extensions: { code: 'BAD_USER_INPUT', field: 'input.versionRange' },
          },
        ],
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nachnutzung beantragen' }));
    const range = screen.getByRole('textbox', { name: 'Versionsbereich' });
    await userEvent.type(range, '^9.0.0');
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    await waitFor(() => expect(range).toHaveAttribute('aria-invalid', 'true'));
    expect(range).toHaveAccessibleDescription(
      /Keine veröffentlichte Version liegt im Versionsbereich „\^9\.0\.0“\./,
    );
    expect(screen.queryByText('Ihr Antrag auf Nachnutzung ist gestellt.')).not.toBeInTheDocument();
  });

  it('does not send an empty range', async () => {
    const { executeMutation } = setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      SubscriptionPanel: panelData([]),
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Nachnutzung beantragen' }));
    await userEvent.click(screen.getByRole('button', { name: 'Antrag stellen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Bitte geben Sie einen Versionsbereich an');
    expect(callsOf(executeMutation, 'RequestSubscription')).toEqual([]);
  });

  it("shows the organisation's subscription with its range, target, deployment and the update", async () => {
    setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      SubscriptionPanel: panelData([
        subscription({ id: 'old', state: 'TERMINATED', requestedAt: '2025-01-01T00:00:00Z' }),
        subscription(),
      ]),
    });
    expect(await screen.findByText(/Ihre Nachnutzung:/)).toHaveTextContent('Ihre Nachnutzung: Aktiv');
    expect(screen.getByText('^1.0.0')).toBeInTheDocument();
    expect(screen.getByText('1.1.0')).toBeInTheDocument();
    expect(screen.getByText(/^1\.0\.0 \(seit/)).toBeInTheDocument();
    expect(screen.getByText('Update verfügbar')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Zu Ihren Nachnutzungen' })).toHaveAttribute(
      'href',
      '/nachnutzungen',
    );
    expect(screen.queryByRole('button', { name: 'Nachnutzung beantragen' })).not.toBeInTheDocument();
  });

  it('after a termination offers a new request and says why the last one ended', async () => {
    setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      SubscriptionPanel: panelData([subscription({ state: 'REJECTED', stateReason: 'Keine Vereinbarung' })]),
    });
    expect(await screen.findByRole('button', { name: 'Nachnutzung beantragen' })).toBeInTheDocument();
    expect(screen.getByText(/Ihre letzte Nachnutzung dieser Leistung/)).toHaveTextContent(
      'Abgelehnt Grund: „Keine Vereinbarung“.',
    );
  });
});
