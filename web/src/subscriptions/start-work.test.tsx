import { screen, within } from '@testing-library/react';
import { StartWork } from './start-work';
import {
  callsOf,
  fakeClient,
  LUEBECK,
  renderWith,
  signIn,
  subscription,
  viewerAnswer,
  type Answer,
} from './test-support';

function target(overrides: Record<string, unknown>) {
  return {
    effectiveDate: '2027-03-01',
    compliant: false,
    subscription: { id: 'sub-1', deployedVersion: '1.0.0' },
    target: {
      id: 't1',
      state: 'OPEN',
      overdue: false,
      atRisk: true,
      plannedReleaseDate: null,
      release: null,
      campaign: { id: 'c1', title: 'Neue Bauvorlagen', norm: { id: 'n1', abbreviation: 'LBO SH' } },
      service: { id: 'svc-bau', slug: 'baugenehmigung-beantragen', name: 'Baugenehmigung beantragen' },
    },
    ...overrides,
  };
}

function setup(answers: Record<string, Answer>) {
  signIn();
  const fake = fakeClient((name) => answers[name] ?? {});
  renderWith(fake.client, <StartWork />);
  return fake;
}

const section = (name: string) => screen.getByRole('region', { name });

describe('StartWork', () => {
  it('shows a municipality its updates, open requests and campaign deadlines, in one query', async () => {
    const { executeQuery } = setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      StartWorkMunicipality: {
        data: {
          subscriptions: {
            edges: [
              subscription(),
              subscription({
                id: 'sub-2',
                state: 'REQUESTED',
                upgradeAvailable: false,
                service: {
                  ...subscription().service,
                  name: 'Wohngeld beantragen',
                  slug: 'wohngeld-beantragen',
                },
              }),
            ].map((node) => ({ node })),
          },
          campaignTargetsAffecting: [
            target({}),
            target({
              compliant: true,
              target: {
                ...target({}).target,
                id: 't2',
                service: { id: 'x', slug: 'x', name: 'Schon erfüllt' },
              },
            }),
          ],
        },
      },
    });
    expect(await screen.findByRole('heading', { level: 2, name: 'Was jetzt ansteht' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 3, name: 'Updates verfügbar' })).toBeInTheDocument();
    expect(section('Updates verfügbar')).toHaveTextContent(
      'Baugenehmigung beantragen: Version 1.1.0 ist verfügbar, Sie setzen 1.0.0 ein.',
    );
    expect(section('Offene Anträge')).toHaveTextContent(
      /Wohngeld beantragen: beantragt am .* \^1\.0\.0; es entscheidet Hansestadt Lübeck\./,
    );
    const campaigns = section('Kampagnen mit Fristen');
    expect(campaigns).toHaveTextContent(
      'Neue Bauvorlagen (LBO SH) für Baugenehmigung beantragen: Frist 1. März 2027.',
    );
    expect(within(campaigns).getByText('Gefährdet')).toBeInTheDocument();
    expect(within(campaigns).queryByText('Überfällig')).not.toBeInTheDocument();
    // What the organisation already fulfils needs nothing from it.
    expect(campaigns).not.toHaveTextContent('Schon erfüllt');
    expect(callsOf(executeQuery, 'StartWorkMunicipality')).toEqual([{ organisationKey: '010020000000' }]);
  });

  it('says so when nothing is waiting', async () => {
    setup({
      Viewer: viewerAnswer(['MUNICIPALITY_ADMIN']),
      StartWorkMunicipality: { data: { subscriptions: { edges: [] }, campaignTargetsAffecting: [] } },
    });
    expect(await screen.findByText(/Keine Ihrer Nachnutzungen hat ein Update/)).toBeInTheDocument();
    expect(
      screen.getByText('Kein Antrag Ihrer Organisation wartet auf eine Entscheidung.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Keine laufende Kampagne/)).toBeInTheDocument();
  });

  it("shows an owner's maintainer the requests to its services, asked of the API by its key", async () => {
    const { executeQuery } = setup({
      Viewer: viewerAnswer(['MAINTAINER'], {
        ...LUEBECK,
        __typename: 'Organisation',
        key: '010030000000',
        kind: 'MUNICIPALITY',
      }),
      StartWorkOwner: {
        data: {
          subscriptions: { edges: [subscription({ state: 'REQUESTED' })].map((node) => ({ node })) },
        },
      },
    });
    const requests = await screen.findByRole('region', { name: 'Anträge auf Nachnutzung' });
    expect(requests).toHaveTextContent('Ein Antrag wartet auf Ihre Entscheidung:');
    expect(requests).toHaveTextContent('Landeshauptstadt Kiel für Baugenehmigung beantragen');
    expect(callsOf(executeQuery, 'StartWorkOwner')).toEqual([{ ownerKey: '010030000000' }]);
    expect(
      within(requests).getByRole('link', { name: 'Anträge entscheiden unter Nachnutzungen' }),
    ).toHaveAttribute('href', '/nachnutzungen');
    expect(screen.queryByRole('heading', { name: 'Updates verfügbar' })).not.toBeInTheDocument();
  });
});
