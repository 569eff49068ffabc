import { screen, within } from '@testing-library/react';
import { ReviewsPage } from './reviews';
import { callsOf, fakeClient, renderWith, signIn, viewerAnswer } from '../subscriptions/test-support';

const waiting = (id: string, kind: string, since: string, version = '3.0.0') => ({
  __typename: 'QaGate',
  id,
  kind,
  status: 'PENDING',
  approvals: 0,
  requiredApprovals: 1,
  hold: null,
  pendingSince: since,
  signOffs: [],
  waiver: null,
  release: {
    __typename: 'Release',
    id: `r-${id}`,
    version,
    service: {
      __typename: 'OnlineService',
      id: 's1',
      slug: 'hundesteuer-anmelden',
      name: 'Hundesteuer anmelden',
      owner: { __typename: 'Organisation', id: 'o1', name: 'Dataport AöR' },
    },
    impact: { __typename: 'InterfaceImpact', suggestedVersion: '3.0.0', removed: [] },
  },
});

describe('ReviewsPage (Prüfungen)', () => {
  it("lists the viewer's review queue in the API's order, each with its release page and what it lacks", async () => {
    signIn();
    const fake = fakeClient((name) =>
      name === 'Viewer'
        ? viewerAnswer(['REVIEWER_SECURITY'])
        : name === 'ReviewQueue'
          ? {
              data: {
                reviewQueue: [
                  waiting('g1', 'SECURITY', '2026-11-20T09:00:00Z', '3.0.0'),
                  waiting('g2', 'SECURITY', new Date().toISOString(), '3.1.0'),
                ],
              },
            }
          : {},
    );
    renderWith(fake.client, <ReviewsPage />, '/pruefungen');
    expect(screen.getByRole('heading', { level: 1, name: 'Prüfungen' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: '2 Prüfungen warten' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').getAttribute('href'))).toEqual([
      '/leistungen/hundesteuer-anmelden/versionen/3.0.0',
      '/leistungen/hundesteuer-anmelden/versionen/3.1.0',
    ]);
    expect(rows[0].textContent).toContain('Sicherheit');
    expect(rows[0].textContent).toContain('Es fehlt noch 1 Freigabe (Sicherheit).');
    expect(rows[1].textContent).toContain('seit wenigen Minuten');
  });

  it('tells a signed-in person without a reviewer role that the page is not theirs, without asking the API', () => {
    signIn();
    const fake = fakeClient((name) => (name === 'Viewer' ? viewerAnswer(['MUNICIPALITY_ADMIN']) : {}));
    renderWith(fake.client, <ReviewsPage />, '/pruefungen');
    expect(screen.getByText(/Ihre Anmeldung hat keine dieser Rollen/)).toBeInTheDocument();
    expect(callsOf(fake.executeQuery, 'ReviewQueue')).toEqual([]);
  });
});
