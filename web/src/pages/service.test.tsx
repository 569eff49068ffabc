import { screen, within } from '@testing-library/react';
import { renderAt } from '../catalogue/test-support';
import { ServicePage } from './service';

const routes = [
  { path: '/leistungen/:slug', element: <ServicePage /> },
  { path: '/leistungen', element: <p>Katalog</p> },
];

const wohngeld = {
  id: 'svc-1',
  slug: 'wohngeld',
  name: 'Wohngeld beantragen',
  summary: 'Zuschuss zur Miete oder zu den Kosten selbst genutzten Wohneigentums.',
  description: 'Erster Absatz der Beschreibung.\n\nZweiter Absatz.',
  leikaKeys: ['99107004000000'],
  themenfeld: 'BAUEN_WOHNEN',
  maturityLevel: 3,
  maturityModel: 'V1_1',
  reuseModel: 'EFA_CENTRAL',
  license: 'EUPL-1.2',
  lifecycle: 'ACTIVE',
  subscriptionCount: 4,
  owner: { id: 'o1', key: 'dataport', name: 'Dataport AöR' },
  legalBases: [
    {
      provision: '§ 22 Abs. 1',
      url: 'https://www.gesetze-im-internet.de/wogg/__22.html',
      norm: {
        id: 'n1',
        abbreviation: 'WoGG',
        title: 'Wohngeldgesetz',
        url: 'https://www.gesetze-im-internet.de/wogg/',
      },
    },
    {
      provision: null,
      url: 'https://www.gesetze-im-internet.de/wogg/',
      norm: {
        id: 'n1',
        abbreviation: 'WoGG',
        title: 'Wohngeldgesetz',
        url: 'https://www.gesetze-im-internet.de/wogg/',
      },
    },
    {
      provision: null,
      url: null,
      norm: { id: 'n2', abbreviation: 'WoGV', title: 'Wohngeldverordnung', url: null },
    },
  ],
  latestRelease: {
    id: 'r2',
    version: '1.2.0',
    interfaces: [
      { direction: 'CONSUMES', version: '1.0', standard: { key: 'fit-connect', name: 'FIT-Connect' } },
      { direction: 'PROVIDES', version: '2.3', standard: { key: 'xbau', name: 'XBau' } },
    ],
    qaEvidence: [
      {
        kind: 'SECURITY',
        status: 'WAIVED',
        approvals: 0,
        requiredApprovals: 1,
        waiverExpiresAt: '2027-03-01T10:00:00Z',
        waiverExpired: false,
      },
      {
        kind: 'USABILITY',
        status: 'PASSED',
        approvals: 2,
        requiredApprovals: 2,
        waiverExpiresAt: null,
        waiverExpired: false,
      },
    ],
  },
  releases: {
    totalCount: 2,
    edges: [
      {
        node: {
          id: 'r2',
          version: '1.2.0',
          state: 'PUBLISHED',
          publishedAt: '2026-11-02T09:00:00Z',
          deprecation: null,
          withdrawal: null,
        },
      },
      {
        node: {
          id: 'r1',
          version: '1.1.0',
          state: 'PUBLISHED',
          publishedAt: '2026-06-15T09:00:00Z',
          deprecation: { reason: 'Sicherheitslücke in der Dateiablage' },
          withdrawal: null,
        },
      },
    ],
  },
};

describe('ServicePage', () => {
  it('shows the service from one query: name, summary, description and its facts', async () => {
    const { requests } = renderAt('/leistungen/wohngeld', routes, { ServicePage: { service: wohngeld } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Wohngeld beantragen' })).toBeInTheDocument();
    expect(document.title).toBe('Wohngeld beantragen – Nachnutzungsregister');
    expect(screen.getByText(wohngeld.summary)).toBeInTheDocument();
    expect(screen.getByText('Zweiter Absatz.')).toBeInTheDocument();
    const facts = Object.fromEntries(
      screen.getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual({
      Eigentümer: 'Dataport AöR',
      'LeiKa-Schlüssel': '99107004000000',
      Themenfeld: 'Bauen & Wohnen',
      Reifegrad: '3 – Online-Leistung (Modell 1.1)',
      Nachnutzungsmodell: 'Einer für Alle (zentral betrieben)',
      Lizenz: 'EUPL-1.2',
      Lebensphase: 'Im Betrieb',
      Nachnutzende: '4',
    });
    expect(requests.filter((r) => r.operationName === 'ServicePage')).toHaveLength(1);
    expect(requests[0].variables).toMatchObject({ slug: 'wohngeld' });
  });

  it('links each provision to its own text, the whole norm to the norm, in the same tab, marked as external', async () => {
    renderAt('/leistungen/wohngeld', routes, { ServicePage: { service: wohngeld } });
    const section = (await screen.findByRole('heading', { name: 'Rechtsgrundlagen' })).closest('section')!;
    const provision = within(section).getByRole('link', { name: 'WoGG § 22 Abs. 1 (externer Link)' });
    expect(provision).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/wogg/__22.html');
    expect(provision).not.toHaveAttribute('target');
    const norm = within(section).getByRole('link', { name: 'WoGG (externer Link)' });
    expect(norm).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/wogg/');
    // A norm without an address is named, not linked.
    expect(within(section).getByText(/WoGV – Wohngeldverordnung/)).toBeInTheDocument();
    expect(within(section).getAllByRole('link')).toHaveLength(2);
  });

  it('lists the interfaces, the releases in a table and the QA evidence of the latest release', async () => {
    renderAt('/leistungen/wohngeld', routes, { ServicePage: { service: wohngeld } });
    const interfaces = (await screen.findByRole('heading', { name: 'Schnittstellen' })).closest('section')!;
    expect(within(interfaces).getByText('FIT-Connect 1.0 (nutzt)')).toBeInTheDocument();
    expect(within(interfaces).getByText('XBau 2.3 (stellt bereit)')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: /Versionen von Wohngeld beantragen/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Version', 'Status', 'Veröffentlicht am', 'Hinweise']);
    const [, latest, older] = within(table).getAllByRole('row');
    expect(within(latest).getByRole('rowheader')).toHaveTextContent('1.2.0');
    expect(latest).toHaveTextContent('Veröffentlicht');
    expect(latest).toHaveTextContent('2. November 2026');
    expect(latest).toHaveTextContent('Aktuelle Version');
    expect(older).toHaveTextContent('Abgekündigt: Sicherheitslücke in der Dateiablage');
    const versions = screen.getByRole('heading', { name: 'Versionen' }).closest('section')!;
    const feed = within(versions).getByRole('link', { name: 'Versionen als Atom-Feed' });
    expect(feed).toHaveAttribute('href', '/services/wohngeld/releases.atom');
    expect(feed).toHaveAttribute('type', 'application/atom+xml');

    const qa = screen.getByRole('heading', { name: 'Qualitätssicherung' }).closest('section')!;
    expect(
      within(qa)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Gebrauchstauglichkeit: Bestanden (2 von 2 Freigaben)',
      'Sicherheit: Ausnahme erteilt bis 1. März 2027',
    ]);
  });

  it('says so when nothing is published yet', async () => {
    renderAt('/leistungen/neu', routes, {
      ServicePage: {
        service: {
          ...wohngeld,
          slug: 'neu',
          latestRelease: null,
          releases: { totalCount: 0, edges: [] },
          legalBases: [],
          leikaKeys: [],
          maturityLevel: null,
          maturityModel: null,
          themenfeld: null,
          license: null,
        },
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Wohngeld beantragen' });
    expect(
      screen.getByText('Von dieser Leistung ist noch keine Version veröffentlicht.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Für diese Leistung sind keine Rechtsgrundlagen eingetragen.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(
      screen.getByText('Es ist noch keine Version veröffentlicht, also auch keine geprüft.'),
    ).toBeInTheDocument();
    const value = (term: string) =>
      screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(value('Reifegrad')).toBe('Nicht angegeben');
    expect(value('Themenfeld')).toBe('Nicht zugeordnet');
    expect(value('LeiKa-Schlüssel')).toBe('Keine eingetragen');
  });

  it('shows "Leistung nicht gefunden" with a link back for a service that does not exist', async () => {
    renderAt('/leistungen/gibt-es-nicht', routes, { ServicePage: { service: null } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Leistung nicht gefunden' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Leistung nicht gefunden – Nachnutzungsregister');
    expect(screen.getByRole('link', { name: 'Zurück zu den Leistungen' })).toHaveAttribute(
      'href',
      '/leistungen',
    );
  });

  it('offers "Bearbeiten" to the owner\'s maintainers and the operator, not to others', async () => {
    const viewer = (roles: string[], organisationId: string) => ({
      viewer: {
        subject: 'x',
        name: 'X',
        roles,
        organisation: { id: organisationId, key: organisationId, name: 'Organisation', kind: 'OTHER' },
      },
    });
    const cases: [string[], string, boolean][] = [
      [['MAINTAINER'], 'o1', true],
      [['OPERATOR'], 'itvsh', true],
      [['MAINTAINER'], 'o-kiel', false],
      [['MUNICIPALITY_ADMIN'], 'o1', false],
    ];
    for (const [roles, organisationId, offered] of cases) {
      const { unmount } = renderAt('/leistungen/wohngeld', routes, {
        ServicePage: { service: wohngeld },
        Viewer: viewer(roles, organisationId),
      });
      await screen.findByRole('heading', { level: 1, name: 'Wohngeld beantragen' });
      const link = screen.queryByRole('link', { name: 'Bearbeiten' });
      if (offered) {
        expect(link, roles.join()).toHaveAttribute('href', '/leistungen/wohngeld/bearbeiten');
      } else {
        expect(link, `${roles.join()} of ${organisationId}`).not.toBeInTheDocument();
      }
      unmount();
    }
  });
});
