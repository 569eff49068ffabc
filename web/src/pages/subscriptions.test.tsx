import { screen } from '@testing-library/react';
import { SubscriptionsPage } from './subscriptions';
import { fakeClient, renderWith, signIn, subscription, viewerAnswer } from '../subscriptions/test-support';

describe('SubscriptionsPage', () => {
  it("shows a municipality its organisation's subscriptions under h1 Nachnutzungen", async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['MUNICIPALITY_ADMIN'])
        : name === 'OwnSubscriptions'
          ? {
              data: {
                subscriptions: {
                  totalCount: 1,
                  pageInfo: { hasNextPage: false },
                  edges: [{ node: subscription() }],
                },
              },
            }
          : {},
    );
    renderWith(fake.client, <SubscriptionsPage />, '/nachnutzungen');
    expect(screen.getByRole('heading', { level: 1, name: 'Nachnutzungen' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Nachnutzungen Ihrer Organisation' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('rowheader', { name: 'Baugenehmigung beantragen' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Anträge auf Nachnutzung' })).not.toBeInTheDocument();
    expect(document.title).toBe('Nachnutzungen – Nachnutzungsregister');
  });

  it('asks anonymous visitors to sign in', () => {
    const fake = fakeClient(() => ({ data: { viewer: null } }));
    renderWith(fake.client, <SubscriptionsPage />, '/nachnutzungen');
    expect(screen.getByRole('link', { name: 'Anmelden' })).toHaveAttribute(
      'href',
      '/anmelden?zurueck=%2Fnachnutzungen',
    );
  });
});
