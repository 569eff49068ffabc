import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NotificationsPage } from './notifications';
import { UnreadNotificationsLink } from '../notifications/unread-link';
import {
  callsOf,
  fakeClient,
  renderWith,
  signIn,
  viewerAnswer,
  type Answer,
} from '../subscriptions/test-support';

const REJECTED = {
  __typename: 'Notification',
  id: 'n-3',
  kind: 'SUBSCRIPTION_REJECTED',
  type: 'subscription.rejected',
  title: 'Die Nachnutzung von Wohngeld beantragen wurde abgelehnt: Kein Vertrag',
  link: '/nachnutzungen',
  occurredAt: '2026-03-02T13:05:00Z',
  read: false,
};
const PUBLISHED = {
  ...REJECTED,
  id: 'n-2',
  kind: 'RELEASE_PUBLISHED',
  type: 'release.published',
  title: 'Wohngeld beantragen 2.0.0 ist veröffentlicht',
  link: '/leistungen/wohngeld-beantragen/versionen/2.0.0',
  occurredAt: '2026-03-01T08:00:00Z',
};
const OLD = { ...PUBLISHED, id: 'n-1', title: 'Wohngeld beantragen 1.1.0 ist veröffentlicht', read: true };

function page(items: (typeof REJECTED)[], totalCount = items.length, hasMore = false) {
  return {
    data: {
      notifications: {
        __typename: 'NotificationPage',
        totalCount,
        unreadCount: items.filter((n) => !n.read).length,
        hasMore,
        items,
      },
    },
  };
}

function setup(extra: Record<string, Answer> = {}, path = '/benachrichtigungen') {
  signIn();
  const answers: Record<string, Answer> = {
    Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
    Notifications: page([REJECTED, PUBLISHED, OLD]),
    UnreadNotifications: { data: { notifications: { unreadCount: 2 } } },
    ...extra,
  };
  const fake = fakeClient((name) => answers[name] ?? {});
  renderWith(fake.client, <NotificationsPage />, path);
  return fake;
}

const itemOf = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;

describe('NotificationsPage', () => {
  it('lists the newest first and marks the unread ones by a badge, a bold title and the count', async () => {
    const { executeQuery } = setup();
    expect(screen.getByRole('heading', { level: 1, name: 'Benachrichtigungen' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'Benachrichtigungen, die neuesten zuerst' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([REJECTED.title, PUBLISHED.title, OLD.title]);
    expect(screen.getByRole('status')).toHaveTextContent('3 Benachrichtigungen, davon 2 ungelesen');

    const unread = itemOf(REJECTED.title);
    expect(within(unread).getByText('Ungelesen')).toBeInTheDocument();
    expect(within(unread).getByRole('link').querySelector('strong')).not.toBeNull();
    expect(within(unread).getByRole('link')).toHaveAttribute('href', '/nachnutzungen');
    expect(unread).toHaveTextContent('2. März 2026 um 14:05');
    expect(unread).toHaveTextContent('Nachnutzung abgelehnt');

    const read = itemOf(OLD.title);
    expect(within(read).queryByText('Ungelesen')).not.toBeInTheDocument();
    expect(within(read).getByRole('link').querySelector('strong')).toBeNull();
    expect(within(read).queryByRole('button')).not.toBeInTheDocument();

    expect(callsOf(executeQuery, 'Notifications')).toEqual([{ first: 20, offset: 0, unreadOnly: false }]);
    expect(document.title).toBe('Benachrichtigungen – Nachnutzungsregister');
  });

  it('"Als gelesen markieren" marks that one read; the count drops to what the API says is left', async () => {
    const { executeMutation } = setup({ MarkNotificationsRead: { data: { markNotificationsRead: 1 } } });
    await userEvent.click(
      await screen.findByRole('button', { name: `Als gelesen markieren: ${REJECTED.title}` }),
    );
    expect(callsOf(executeMutation, 'MarkNotificationsRead')).toEqual([{ ids: ['n-3'] }]);
    await waitFor(() =>
      expect(within(itemOf(REJECTED.title)).queryByText('Ungelesen')).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('status')).toHaveTextContent('3 Benachrichtigungen, davon 1 ungelesen');
    expect(within(itemOf(PUBLISHED.title)).getByText('Ungelesen')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: REJECTED.title })).toHaveFocus());
  });

  it('"Alle als gelesen markieren" marks all of them and says so', async () => {
    const { executeMutation } = setup({ MarkNotificationsRead: { data: { markNotificationsRead: 0 } } });
    await userEvent.click(await screen.findByRole('button', { name: 'Alle als gelesen markieren' }));
    expect(callsOf(executeMutation, 'MarkNotificationsRead')).toEqual([{}]);
    expect(await screen.findByText('Alle Benachrichtigungen sind als gelesen markiert.')).toBeInTheDocument();
    expect(screen.queryByText('Ungelesen')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Alle als gelesen markieren' })).not.toBeInTheDocument();
  });

  it('following an unread one marks it read', async () => {
    const { executeMutation } = setup({ MarkNotificationsRead: { data: { markNotificationsRead: 1 } } });
    await userEvent.click(await screen.findByRole('link', { name: PUBLISHED.title }));
    expect(callsOf(executeMutation, 'MarkNotificationsRead')).toEqual([{ ids: ['n-2'] }]);
  });

  it('"Nur ungelesene" asks for the unread ones only; the page is in the query string', async () => {
    const { executeQuery } = setup({}, '/benachrichtigungen?seite=2');
    await screen.findByRole('list', { name: /Benachrichtigungen/ });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Nur ungelesene' }));
    expect(screen.getByRole('checkbox', { name: 'Nur ungelesene' })).toBeChecked();
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Nur ungelesene' })).toHaveFocus());
    expect(callsOf(executeQuery, 'Notifications')).toEqual([
      { first: 20, offset: 20, unreadOnly: false },
      { first: 20, offset: 0, unreadOnly: true },
    ]);
  });

  it('offers the next page while the API has more', async () => {
    setup({ Notifications: page([REJECTED, PUBLISHED, OLD], 45, true) });
    const paging = await screen.findByRole('navigation', { name: 'Seiten' });
    expect(paging).toHaveTextContent('Seite 1 von 3');
    expect(within(paging).getByRole('link', { name: 'Nächste Seite' })).toHaveAttribute(
      'href',
      '/benachrichtigungen?seite=2',
    );
  });

  it('says so when there are none', async () => {
    setup({ Notifications: page([]) });
    expect(await screen.findByText(/Noch keine Benachrichtigungen\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Alle als gelesen markieren' })).not.toBeInTheDocument();
  });

  it('asks anonymous visitors to sign in', () => {
    const fake = fakeClient(() => ({ data: { viewer: null } }));
    renderWith(fake.client, <NotificationsPage />, '/benachrichtigungen');
    expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      '/anmelden?zurueck=%2Fbenachrichtigungen',
    );
  });
});

describe('UnreadNotificationsLink', () => {
  it('names the unread count for screen readers: "Benachrichtigungen, 3 ungelesen"', async () => {
    signIn();
    const fake = fakeClient(() => ({ data: { notifications: { unreadCount: 3 } } }));
    renderWith(fake.client, <UnreadNotificationsLink />);
    const link = await screen.findByRole('link', { name: 'Benachrichtigungen, 3 ungelesen' });
    expect(link).toHaveAttribute('href', '/benachrichtigungen');
    expect(link).toHaveTextContent('Benachrichtigungen 3');
  });

  it('without unread ones, is just "Benachrichtigungen"', async () => {
    signIn();
    const fake = fakeClient(() => ({ data: { notifications: { unreadCount: 0 } } }));
    renderWith(fake.client, <UnreadNotificationsLink />);
    expect(await screen.findByRole('link', { name: 'Benachrichtigungen' })).toBeInTheDocument();
  });
});
