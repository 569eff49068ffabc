import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OwnerSubscriptions } from './owner-subscriptions';
import { callsOf, fakeClient, LUEBECK, renderWith, signIn, subscription, type Answer } from './test-support';

const REQUEST = subscription({
  id: 'req',
  state: 'REQUESTED',
  deployedVersion: null,
  upgradeAvailable: false,
});
const ACTIVE = subscription({
  id: 'act',
  organisation: { id: 'org-fl', key: '010010000000', name: 'Flensburg' },
});
const SUSPENDED = subscription({
  id: 'sus',
  state: 'SUSPENDED',
  stateReason: 'Sicherheitsvorfall',
  organisation: { id: 'org-nms', key: '010040000000', name: 'Neumünster' },
});
const LUEBECK_KEY = '010030000000';

const edges = (...nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });

function setup(extra: Record<string, Answer> = {}) {
  signIn();
  const answers: Record<string, Answer> = {
    OwnerSubscriptions: {
      data: { requested: edges(REQUEST), active: edges(ACTIVE), suspended: edges(SUSPENDED) },
    },
    ...extra,
  };
  // The API filters by owner: it answers only when asked for Lübeck's services.
  const fake = fakeClient((name, variables) =>
    name === 'OwnerSubscriptions' && variables.ownerKey !== LUEBECK_KEY ? {} : (answers[name] ?? {}),
  );
  renderWith(fake.client, <OwnerSubscriptions organisation={{ ...LUEBECK, key: LUEBECK_KEY }} />);
  return fake;
}

const buttonsIn = (row: HTMLElement) =>
  within(row)
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('OwnerSubscriptions', () => {
  it("lists the requests to the organisation's own services with Annehmen and Ablehnen", async () => {
    setup();
    const requests = await screen.findByRole('table', { name: /Anträge auf Nachnutzung/ });
    const rows = within(requests).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Landeshauptstadt Kiel');
    expect(buttonsIn(rows[0])).toEqual(['Annehmen', 'Ablehnen']);
    expect(
      screen.getByRole('button', { name: 'Annehmen: Baugenehmigung beantragen, Landeshauptstadt Kiel' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Wohngeld beantragen')).not.toBeInTheDocument();
  });

  it('offers Aussetzen for active and Fortsetzen for suspended subscribers only', async () => {
    setup();
    const subscribers = await screen.findByRole('table', { name: /Aktive und ausgesetzte Nachnutzungen/ });
    const [flensburg, neumuenster] = ['Flensburg', 'Neumünster'].map((name) =>
      within(subscribers).getByRole('cell', { name }).closest('tr')!,
    );
    expect(buttonsIn(flensburg)).toEqual(['Aussetzen']);
    expect(buttonsIn(neumuenster)).toEqual(['Fortsetzen']);
    expect(neumuenster).toHaveTextContent('Grund: Sicherheitsvorfall');
  });

  it('accepts with an optional agreement reference and announces it', async () => {
    const { executeMutation } = setup({
      ApproveSubscription: { data: { approveSubscription: { ...REQUEST, state: 'ACTIVE' } } },
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Annehmen: / }));
    expect(screen.getByRole('textbox', { name: /^Aktenzeichen der Vereinbarung/ })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Antrag annehmen' }));
    expect(callsOf(executeMutation, 'ApproveSubscription')).toEqual([
      { id: 'req', agreementReference: null },
    ]);
    const outcome = await screen.findByRole('status');
    expect(outcome).toHaveTextContent(
      'Der Antrag von Landeshauptstadt Kiel für „Baugenehmigung beantragen“ ist angenommen',
    );
  });

  it('rejects only with a reason, and shows the API refusing it next to the field', async () => {
    const { executeMutation } = setup({
      RejectSubscription: {
        errors: [
          { message: 'Der Grund ist zu lang.', extensions: { code: 'BAD_USER_INPUT', field: 'reason' } },
        ],
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Ablehnen: / }));
    await userEvent.click(screen.getByRole('button', { name: 'Antrag ablehnen' }));
    expect(callsOf(executeMutation, 'RejectSubscription')).toEqual([]);
    const reason = screen.getByRole('textbox', { name: 'Grund der Ablehnung' });
    expect(reason).toHaveFocus();
    await userEvent.type(reason, 'Keine Vereinbarung');
    await userEvent.click(screen.getByRole('button', { name: 'Antrag ablehnen' }));
    expect(callsOf(executeMutation, 'RejectSubscription')).toEqual([
      { id: 'req', reason: 'Keine Vereinbarung' },
    ]);
    expect(await screen.findByText('Der Grund ist zu lang.')).toBeInTheDocument();
    expect(reason).toHaveAccessibleDescription('Der Grund ist zu lang.');
  });

  it('suspends with a reason and resumes at once', async () => {
    const { executeMutation } = setup({
      SuspendSubscription: { data: { suspendSubscription: { ...ACTIVE, state: 'SUSPENDED' } } },
      ResumeSubscription: { data: { resumeSubscription: { ...SUSPENDED, state: 'ACTIVE' } } },
    });
    await userEvent.click(await screen.findByRole('button', { name: /^Aussetzen: .*Flensburg/ }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Grund' }), 'Sicherheitslücke');
    await userEvent.click(screen.getByRole('button', { name: 'Nachnutzung aussetzen' }));
    expect(callsOf(executeMutation, 'SuspendSubscription')).toEqual([
      { id: 'act', reason: 'Sicherheitslücke' },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent('ist ausgesetzt');

    await userEvent.click(screen.getByRole('button', { name: /^Fortsetzen: .*Neumünster/ }));
    expect(callsOf(executeMutation, 'ResumeSubscription')).toEqual([{ id: 'sus' }]);
    expect(
      await screen.findByText(/Neumünster für „Baugenehmigung beantragen“ ist fortgesetzt/),
    ).toBeInTheDocument();
  });
});
