import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OwnSubscriptions } from './own-subscriptions';
import { callsOf, fakeClient, KIEL, renderWith, signIn, subscription, type Answer } from './test-support';

const ACTIVE = subscription();
const REQUESTED = subscription({
  id: 'sub-2',
  state: 'REQUESTED',
  deployedVersion: null,
  deployedAt: null,
  upgradeAvailable: false,
  decidedAt: null,
  service: {
    ...ACTIVE.service,
    id: 'svc-geb',
    slug: 'geburtsurkunde-beantragen',
    name: 'Geburtsurkunde beantragen',
  },
});
const SUSPENDED = subscription({
  id: 'sub-3',
  state: 'SUSPENDED',
  stateReason: 'Sicherheitsvorfall',
  upgradeAvailable: false,
  service: { ...ACTIVE.service, id: 'svc-wg', slug: 'wohngeld-beantragen', name: 'Wohngeld beantragen' },
});
const TERMINATED = subscription({
  id: 'sub-4',
  state: 'TERMINATED',
  stateReason: 'Umzug auf eigenes Verfahren',
  service: { ...ACTIVE.service, id: 'svc-bafoeg', slug: 'bafoeg-beantragen', name: 'BAföG beantragen' },
});

function setup(extra: Record<string, Answer> = {}) {
  signIn();
  const answers: Record<string, Answer> = {
    OwnSubscriptions: {
      data: {
        subscriptions: {
          totalCount: 4,
          pageInfo: { hasNextPage: false },
          edges: [TERMINATED, ACTIVE, REQUESTED, SUSPENDED].map((node) => ({ node })),
        },
      },
    },
    ...extra,
  };
  const fake = fakeClient((name) => answers[name] ?? {});
  renderWith(fake.client, <OwnSubscriptions organisation={KIEL} />);
  return fake;
}

const rowOf = (service: string) => screen.getByRole('rowheader', { name: service }).closest('tr')!;
const actionsIn = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('OwnSubscriptions', () => {
  it('lists range, state, target and deployed version, with "Update verfügbar" where the API says so', async () => {
    setup();
    const table = await screen.findByRole('table', { name: /Nachnutzungen von Landeshauptstadt Kiel/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Leistung', 'Versionsbereich', 'Status', 'Zielversion', 'Eingesetzte Version', 'Aktionen']);
    const active = rowOf('Baugenehmigung beantragen');
    expect(active).toHaveTextContent('^1.0.0');
    expect(within(active).getByText('Aktiv')).toBeInTheDocument();
    expect(within(active).getByText('Update verfügbar')).toBeInTheDocument();
    expect(active).toHaveTextContent(/1\.0\.0 \(seit/);
    expect(
      within(rowOf('Geburtsurkunde beantragen')).queryByText('Update verfügbar'),
    ).not.toBeInTheDocument();
    expect(rowOf('Geburtsurkunde beantragen')).toHaveTextContent('Noch nicht gemeldet');
    expect(rowOf('Wohngeld beantragen')).toHaveTextContent('Grund: Sicherheitsvorfall');
    // A terminated subscription has nothing to update, even where a newer version exists.
    expect(within(rowOf('BAföG beantragen')).queryByText('Update verfügbar')).not.toBeInTheDocument();
    // Open ones first.
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual([
      'Baugenehmigung beantragen',
      'Geburtsurkunde beantragen',
      'Wohngeld beantragen',
      'BAföG beantragen',
    ]);
  });

  it('offers each action only in the states where it applies, named with the service', async () => {
    setup();
    await screen.findByRole('table');
    expect(actionsIn(rowOf('Baugenehmigung beantragen'))).toEqual([
      'Einsatz melden',
      'Versionsbereich ändern',
      'Kündigen',
    ]);
    expect(actionsIn(rowOf('Geburtsurkunde beantragen'))).toEqual(['Versionsbereich ändern', 'Kündigen']);
    expect(actionsIn(rowOf('Wohngeld beantragen'))).toEqual([
      'Einsatz melden',
      'Versionsbereich ändern',
      'Kündigen',
    ]);
    expect(actionsIn(rowOf('BAföG beantragen'))).toEqual([]);
    expect(
      screen.getByRole('button', { name: 'Einsatz melden: Baugenehmigung beantragen' }),
    ).toBeInTheDocument();
  });

  it('"Kündigen" asks for a reason and a confirmation; "Abbrechen" sends nothing', async () => {
    const { executeMutation } = setup({
      TerminateSubscription: { data: { terminateSubscription: { ...ACTIVE, state: 'TERMINATED' } } },
    });
    const open = await screen.findByRole('button', { name: 'Kündigen: Baugenehmigung beantragen' });
    await userEvent.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Abbrechen' }));
    expect(screen.queryByRole('button', { name: 'Kündigung bestätigen' })).not.toBeInTheDocument();
    await waitFor(() => expect(open).toHaveFocus());

    await userEvent.click(open);
    await userEvent.click(screen.getByRole('button', { name: 'Kündigung bestätigen' }));
    const reason = screen.getByRole('textbox', { name: 'Grund der Kündigung' });
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Bitte geben Sie einen Grund an.');
    expect(callsOf(executeMutation, 'TerminateSubscription')).toEqual([]);

    await userEvent.type(reason, 'Eigenes Verfahren');
    await userEvent.click(screen.getByRole('button', { name: 'Kündigung bestätigen' }));
    expect(callsOf(executeMutation, 'TerminateSubscription')).toEqual([
      { id: 'sub-1', reason: 'Eigenes Verfahren' },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Die Nachnutzung von „Baugenehmigung beantragen“ ist gekündigt.',
    );
  });

  it('"Einsatz melden" offers the published versions in the range and reports the one chosen', async () => {
    const { executeQuery, executeMutation } = setup({
      DeployableVersions: {
        data: {
          resolveVersionRange: { range: '^1.0.0', version: '1.1.0', deployableVersions: ['1.1.0', '1.0.0'] },
        },
      },
      ReportDeployment: {
        data: { reportDeployment: { ...ACTIVE, deployedVersion: '1.1.0', upgradeAvailable: false } },
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Einsatz melden: Baugenehmigung beantragen' }),
    );
    const select = await screen.findByRole('combobox', { name: 'Eingesetzte Version' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['1.1.0 (Zielversion)', '1.0.0 (derzeit gemeldet)']);
    expect(callsOf(executeQuery, 'DeployableVersions')).toEqual([
      { serviceSlug: 'baugenehmigung-beantragen', range: '^1.0.0' },
    ]);
    await userEvent.selectOptions(select, '1.1.0');
    await userEvent.click(screen.getByRole('button', { name: 'Einsatz speichern' }));
    expect(callsOf(executeMutation, 'ReportDeployment')).toEqual([
      { subscriptionId: 'sub-1', version: '1.1.0' },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Einsatz gespeichert: Ihre Organisation setzt „Baugenehmigung beantragen“ in Version 1.1.0 ein.',
    );
  });

  it('"Versionsbereich ändern" resolves the new range live; a refusal of no field goes to the summary', async () => {
    const { executeMutation } = setup({
      ResolveVersionRange: {
        data: {
          resolveVersionRange: {
            range: '~1.0.0',
            valid: true,
            problem: null,
            version: '1.0.0',
            matchingVersions: ['1.0.0'],
            deployableVersions: ['1.0.0'],
          },
        },
      },
      ChangeSubscriptionRange: {
        errors: [{ message: 'Der Antrag ist gekündigt.', extensions: { code: 'CONFLICT' } }],
      },
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Versionsbereich ändern: Baugenehmigung beantragen' }),
    );
    const range = screen.getByRole('textbox', { name: 'Versionsbereich' });
    expect(range).toHaveValue('^1.0.0');
    await userEvent.clear(range);
    await userEvent.type(range, '~1.0.0');
    expect(await screen.findByText('Passt derzeit zu Version 1.0.0')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Bereich speichern' }));
    expect(callsOf(executeMutation, 'ChangeSubscriptionRange')).toEqual([
      { id: 'sub-1', versionRange: '~1.0.0' },
    ]);
    // Not a problem of the field: in the form's summary, with what to do.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Der Antrag ist gekündigt. Laden Sie die Seite neu',
    );
  });
});
