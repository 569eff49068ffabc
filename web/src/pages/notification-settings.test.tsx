import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChannelFieldsFragment } from '../graphql/generated/graphql';
import { NotificationSettingsPage } from './notification-settings';
import {
  callsOf,
  fakeClient,
  KIEL,
  renderWith,
  signIn,
  viewerAnswer,
  type Answer,
} from '../subscriptions/test-support';
import type { Role } from '../graphql/generated/enums';

const ALL_KINDS = [
  'RELEASE_PUBLISHED',
  'RELEASE_DEPRECATED',
  'SUBSCRIPTION_REQUESTED',
  'SUBSCRIPTION_APPROVED',
  'SUBSCRIPTION_REJECTED',
  'SUBSCRIPTION_SUSPENDED',
  'SUBSCRIPTION_RESUMED',
  'SUBSCRIPTION_TERMINATED',
  'GATE_AWAITING_REVIEW',
  'CAMPAIGN_OPENED',
  'CAMPAIGN_TARGET_ADDED',
  'CAMPAIGN_DEADLINE_APPROACHING',
  'CAMPAIGN_TARGET_OVERDUE',
];

function channel(overrides: Partial<ChannelFieldsFragment> = {}): ChannelFieldsFragment {
  return {
    id: 'ch-1',
    type: 'WEBHOOK',
    kinds: ['RELEASE_PUBLISHED', 'SUBSCRIPTION_REJECTED'],
    gateKinds: [],
    mode: 'IMMEDIATE',
    url: 'https://verfahren.kiel.de/hook',
    email: null,
    enabled: false,
    disabledReason: '30 Fehlversuche in Folge',
    disabledAt: '2026-03-02T10:00:00Z',
    failureStreak: 30,
    previousSecretValidUntil: null,
    createdAt: '2026-02-01T09:00:00Z',
    updatedAt: '2026-03-02T10:00:00Z',
    deliveries: [
      {
        id: 'd-1',
        state: 'FAILED',
        attempts: 14,
        title: 'Wohngeld beantragen 2.0.0 ist veröffentlicht',
        digestDay: null,
        nextAttemptAt: null,
        lastAttemptAt: '2026-03-02T10:00:00Z',
        responseStatus: 503,
        detail: 'HTTP 503 Service Unavailable',
        deliveredAt: null,
        createdAt: '2026-03-01T08:00:00Z',
      },
    ],
    ...overrides,
  };
}

const MAIL = channel({
  id: 'ch-2',
  type: 'EMAIL',
  url: null,
  email: 'digitalisierung@kiel.de',
  mode: 'DAILY_DIGEST',
  kinds: ['GATE_AWAITING_REVIEW'],
  gateKinds: ['SECURITY'],
  enabled: true,
  disabledReason: null,
  disabledAt: null,
  failureStreak: 0,
  deliveries: [],
});

function settings(overrides: Record<string, unknown> = {}): Answer {
  return {
    data: {
      notificationSettings: {
        __typename: 'NotificationSettings',
        organisation: { id: KIEL.id, key: KIEL.key, name: KIEL.name },
        choosableKinds: ALL_KINDS,
        choosableGateKinds: ['USABILITY', 'SECURITY', 'INTERFACES'],
        emailAvailable: true,
        channels: [channel(), MAIL],
        ...overrides,
      },
    },
  };
}

function setup(extra: Record<string, Answer> = {}, roles: Role[] = ['MUNICIPALITY_ADMIN']) {
  signIn();
  const answers: Record<string, Answer> = {
    Viewer: viewerAnswer(roles),
    NotificationSettings: settings(),
    ...extra,
  };
  const fake = fakeClient((name) => answers[name] ?? {});
  renderWith(fake.client, <NotificationSettingsPage />, '/benachrichtigungen/einstellungen');
  return fake;
}

const form = (name: string) => screen.getByRole('form', { name });
const cardOf = (heading: string) => screen.getByRole('region', { name: heading });

describe('NotificationSettingsPage', () => {
  it('shows each channel: type, address, events, mode, state with its reason, failures and deliveries', async () => {
    setup();
    expect(
      screen.getByRole('heading', { level: 1, name: 'Benachrichtigungen einstellen' }),
    ).toBeInTheDocument();
    const hook = await screen.findByRole('region', { name: 'Webhook: https://verfahren.kiel.de/hook' });
    expect(hook).toHaveTextContent('Version veröffentlicht, Nachnutzung abgelehnt');
    expect(hook).toHaveTextContent('Sofort');
    expect(within(hook).getByText('Abgeschaltet')).toBeInTheDocument();
    expect(hook).toHaveTextContent('Grund: 30 Fehlversuche in Folge');
    expect(hook).toHaveTextContent(/Fehlversuche in Folge\s*30/);
    expect(within(hook).getByText('Zustellungen (1)')).toBeInTheDocument();
    const log = within(hook).getByRole('table', {
      name: /Zustellungen an https:\/\/verfahren.kiel.de\/hook/,
    });
    expect(log).toHaveTextContent('Gescheitert');
    expect(log).toHaveTextContent('HTTP 503 Service Unavailable');
    expect(within(hook).getByRole('button', { name: /^Einschalten: Webhook/ })).toBeInTheDocument();

    const mail = cardOf('E-Mail: digitalisierung@kiel.de');
    expect(mail).toHaveTextContent('Tägliche Zusammenfassung');
    expect(mail).toHaveTextContent('Prüfung wartet (Sicherheit)');
    expect(within(mail).getByText('Aktiv')).toBeInTheDocument();
    expect(within(mail).queryByRole('button', { name: /Geheimnis erneuern/ })).not.toBeInTheDocument();
    expect(mail).toHaveTextContent('Noch keine Zustellung an diesen Kanal.');
    expect(document.title).toBe('Benachrichtigungen einstellen – Nachnutzungsregister');
  });

  it('"Webhook hinzufügen" sends URL and events and shows the secret once, saying it is not shown again', async () => {
    const { executeMutation } = setup({
      AddWebhookEndpoint: {
        data: {
          addWebhookEndpoint: {
            secret: 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=',
            channel: channel({ id: 'ch-3', url: 'https://neu.kiel.de/hook', enabled: true }),
          },
        },
      },
    });
    const webhook = await screen.findByRole('form', { name: 'Webhook hinzufügen' });
    await userEvent.type(
      within(webhook).getByRole('textbox', { name: 'Adresse (URL)' }),
      'https://neu.kiel.de/hook',
    );
    await userEvent.click(within(webhook).getByRole('checkbox', { name: 'Version veröffentlicht' }));
    await userEvent.click(within(webhook).getByRole('button', { name: 'Webhook hinzufügen' }));
    expect(callsOf(executeMutation, 'AddWebhookEndpoint')).toEqual([
      { input: { url: 'https://neu.kiel.de/hook', kinds: ['RELEASE_PUBLISHED'] } },
    ]);
    const notice = await screen.findByText('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=');
    const box = notice.closest('.secret-notice') as HTMLElement;
    expect(box).toHaveTextContent('Es wird nur jetzt angezeigt und nicht noch einmal.');
    expect(within(box).getByRole('button', { name: 'Geheimnis kopieren' })).toBeInTheDocument();
    await waitFor(() => expect(box).toHaveFocus());
    // The form is empty again; the secret stands once, not also in the channel list.
    expect(within(form('Webhook hinzufügen')).getByRole('textbox', { name: 'Adresse (URL)' })).toHaveValue(
      '',
    );
    expect(screen.getAllByText('whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=')).toHaveLength(1);
  });

  it('asks for gate kinds only once "Prüfung wartet" is chosen', async () => {
    const { executeMutation } = setup({
      AddWebhookEndpoint: { data: { addWebhookEndpoint: { secret: 'whsec_x', channel: channel() } } },
    });
    const webhook = await screen.findByRole('form', { name: 'Webhook hinzufügen' });
    expect(within(webhook).queryByRole('group', { name: 'Prüfbereiche' })).not.toBeInTheDocument();
    await userEvent.click(within(webhook).getByRole('checkbox', { name: 'Prüfung wartet' }));
    const gates = within(webhook).getByRole('group', { name: 'Prüfbereiche' });
    expect(
      within(gates)
        .getAllByRole('checkbox')
        .map((c) => c.nextSibling?.textContent),
    ).toEqual(['Gebrauchstauglichkeit', 'Sicherheit', 'Schnittstellen']);

    await userEvent.type(within(webhook).getByRole('textbox', { name: 'Adresse (URL)' }), 'https://a.de/h');
    await userEvent.click(within(webhook).getByRole('button', { name: 'Webhook hinzufügen' }));
    // None chosen: said at the group, nothing sent.
    expect(gates).toHaveAccessibleDescription(/Bitte wählen Sie mindestens einen Prüfbereich\./);
    expect(callsOf(executeMutation, 'AddWebhookEndpoint')).toEqual([]);
    await userEvent.click(within(gates).getByRole('checkbox', { name: 'Sicherheit' }));
    await userEvent.click(within(webhook).getByRole('button', { name: 'Webhook hinzufügen' }));
    expect(callsOf(executeMutation, 'AddWebhookEndpoint')).toEqual([
      { input: { url: 'https://a.de/h', kinds: ['GATE_AWAITING_REVIEW'], gateKinds: ['SECURITY'] } },
    ]);

    // Added: the form starts again without events, so without the gate kinds.
    await waitFor(() =>
      expect(within(webhook).queryByRole('group', { name: 'Prüfbereiche' })).not.toBeInTheDocument(),
    );
  });

  it('offers a reviewer only "Prüfung wartet" of its own gate kinds, chosen already', async () => {
    setup(
      {
        NotificationSettings: settings({
          choosableKinds: ['GATE_AWAITING_REVIEW'],
          choosableGateKinds: ['SECURITY'],
          channels: [],
        }),
      },
      ['REVIEWER_SECURITY'],
    );
    const webhook = await screen.findByRole('form', { name: 'Webhook hinzufügen' });
    const kinds = within(webhook).getByRole('group', { name: 'Ereignisse' });
    expect(within(kinds).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(kinds).getByRole('checkbox', { name: 'Prüfung wartet' })).toBeChecked();
    const gates = within(webhook).getByRole('group', { name: 'Prüfbereiche' });
    expect(within(gates).getAllByRole('checkbox')).toHaveLength(1);
    expect(within(gates).getByRole('checkbox', { name: 'Sicherheit' })).toBeChecked();
    expect(screen.getByText(/Noch kein Webhook und kein E-Mail-Empfänger/)).toBeInTheDocument();
  });

  it('says that e-mail is not configured and disables its form when emailAvailable is false', async () => {
    setup({ NotificationSettings: settings({ emailAvailable: false }) });
    await screen.findByRole('form', { name: 'E-Mail-Empfänger hinzufügen' });
    expect(screen.getByText('E-Mail ist nicht eingerichtet')).toBeInTheDocument();
    const mail = form('E-Mail-Empfänger hinzufügen');
    expect(within(mail).getByRole('textbox', { name: 'E-Mail-Adresse' })).toBeDisabled();
    expect(within(mail).getByRole('radio', { name: 'Tägliche Zusammenfassung' })).toBeDisabled();
    expect(within(mail).getByRole('button', { name: 'E-Mail-Empfänger hinzufügen' })).toBeDisabled();
    // Webhooks still go.
    expect(within(form('Webhook hinzufügen')).getByRole('textbox', { name: 'Adresse (URL)' })).toBeEnabled();
  });

  it('adds an e-mail recipient with its mode', async () => {
    const { executeMutation } = setup({ AddEmailRecipient: { data: { addEmailRecipient: MAIL } } });
    const mail = await screen.findByRole('form', { name: 'E-Mail-Empfänger hinzufügen' });
    await userEvent.type(
      within(mail).getByRole('textbox', { name: 'E-Mail-Adresse' }),
      'digitalisierung@kiel.de',
    );
    await userEvent.click(within(mail).getByRole('checkbox', { name: 'Kampagne eröffnet' }));
    await userEvent.click(within(mail).getByRole('radio', { name: 'Tägliche Zusammenfassung' }));
    await userEvent.click(within(mail).getByRole('button', { name: 'E-Mail-Empfänger hinzufügen' }));
    expect(callsOf(executeMutation, 'AddEmailRecipient')).toEqual([
      { input: { email: 'digitalisierung@kiel.de', mode: 'DAILY_DIGEST', kinds: ['CAMPAIGN_OPENED'] } },
    ]);
    expect(
      await screen.findByText('digitalisierung@kiel.de erhält ab jetzt Benachrichtigungen.'),
    ).toBeInTheDocument();
  });

  it("shows the API's error at the field it names, and in the summary", async () => {
    setup({
      AddWebhookEndpoint: {
        errors: [
          {
            message: 'input.url: Die Adresse führt in ein internes Netz.',
            extensions: { code: 'BAD_USER_INPUT', reason: 'WEBHOOK_URL', field: 'input.url' },
          },
        ],
      },
    });
    const webhook = await screen.findByRole('form', { name: 'Webhook hinzufügen' });
    const url = within(webhook).getByRole('textbox', { name: 'Adresse (URL)' });
    await userEvent.type(url, 'http://10.0.0.1/hook');
    await userEvent.click(within(webhook).getByRole('checkbox', { name: 'Version veröffentlicht' }));
    await userEvent.click(within(webhook).getByRole('button', { name: 'Webhook hinzufügen' }));
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(url).toHaveAccessibleDescription(/Die Adresse führt in ein internes Netz\.$/);
    expect(
      within(webhook).getByRole('link', { name: 'Adresse (URL): Die Adresse führt in ein internes Netz.' }),
    ).toBeInTheDocument();
  });

  it('switches a channel on, renews a webhook secret (the old one valid 24 h) and removes after a confirmation', async () => {
    const { executeMutation } = setup({
      UpdateNotificationChannel: { data: { updateNotificationChannel: channel({ enabled: true }) } },
      RotateWebhookSecret: {
        data: {
          rotateWebhookSecret: {
            secret: 'whsec_bmV1',
            channel: channel({ previousSecretValidUntil: '2099-01-01T00:00:00Z' }),
          },
        },
      },
      RemoveNotificationChannel: { data: { removeNotificationChannel: 'ch-2' } },
    });
    const hook = await screen.findByRole('region', { name: 'Webhook: https://verfahren.kiel.de/hook' });
    await userEvent.click(within(hook).getByRole('button', { name: /^Einschalten/ }));
    expect(callsOf(executeMutation, 'UpdateNotificationChannel')).toEqual([
      { input: { id: 'ch-1', enabled: true } },
    ]);
    expect(await within(hook).findByText(/ist wieder eingeschaltet/)).toBeInTheDocument();

    await userEvent.click(within(hook).getByRole('button', { name: /^Geheimnis erneuern/ }));
    expect(callsOf(executeMutation, 'RotateWebhookSecret')).toEqual([{ id: 'ch-1' }]);
    expect(await within(hook).findByText('whsec_bmV1')).toBeInTheDocument();
    expect(hook).toHaveTextContent('Das bisherige Geheimnis signiert noch 24 Stunden mit');

    const mail = cardOf('E-Mail: digitalisierung@kiel.de');
    await userEvent.click(within(mail).getByRole('button', { name: /^Entfernen/ }));
    expect(callsOf(executeMutation, 'RemoveNotificationChannel')).toEqual([]);
    await userEvent.click(within(mail).getByRole('button', { name: 'Abbrechen' }));
    expect(within(mail).queryByRole('button', { name: 'Ja, entfernen' })).not.toBeInTheDocument();
    await userEvent.click(within(mail).getByRole('button', { name: /^Entfernen/ }));
    await userEvent.click(within(mail).getByRole('button', { name: 'Ja, entfernen' }));
    expect(callsOf(executeMutation, 'RemoveNotificationChannel')).toEqual([{ id: 'ch-2' }]);
    expect(await screen.findByText('E-Mail digitalisierung@kiel.de ist entfernt.')).toBeInTheDocument();
  });
});
