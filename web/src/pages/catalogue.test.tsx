import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { currentUrl, renderAt } from '../catalogue/test-support';
import { CataloguePage } from './catalogue';

const routes = [{ path: '/leistungen', element: <CataloguePage /> }];

function service(n: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `s${n}`,
    slug: `leistung-${n}`,
    name: `Leistung ${n}`,
    summary: `Kurzbeschreibung ${n}`,
    maturityLevel: 3,
    maturityModel: 'V1_1',
    subscriptionCount: 4,
    owner: { id: 'o1', key: 'dataport', name: 'Dataport AöR' },
    latestRelease: { id: `r${n}`, version: '1.2.0' },
    ...overrides,
  };
}

function page(nodes: ReturnType<typeof service>[], totalCount: number, endCursor: string | null = null) {
  return {
    services: {
      totalCount,
      pageInfo: { hasNextPage: endCursor !== null, endCursor },
      edges: nodes.map((node) => ({ cursor: `cur-${node.id}`, node })),
    },
  };
}

const options = {
  legalNorms: [
    { id: 'n1', abbreviation: 'WoGG', title: 'Wohngeldgesetz' },
    { id: 'n2', abbreviation: 'BauGB', title: 'Baugesetzbuch' },
  ],
  // The API answers owners by key; the select offers them by name.
  owners: {
    edges: [
      { node: { id: 'o2', key: 'komfit', name: 'KomFIT e.V.' } },
      { node: { id: 'o1', key: 'dataport', name: 'Dataport AöR' } },
    ],
  },
};

describe('CataloguePage', () => {
  it('shows each result with its name as a link, summary, owner, version, Reifegrad and subscribers', async () => {
    renderAt('/leistungen', routes, {
      CatalogueServices: page(
        [
          service(1),
          service(2, { latestRelease: null, maturityLevel: null, maturityModel: null, subscriptionCount: 0 }),
          service(3, { maturityLevel: 5, maturityModel: 'V2_0' }),
        ],
        3,
      ),
      CatalogueFilterOptions: options,
    });

    expect(await screen.findByRole('status')).toHaveTextContent('3 Leistungen gefunden');
    const results = screen.getByRole('list', { name: 'Suchergebnisse' });
    const first = within(results).getAllByRole('listitem')[0];
    expect(within(first).getByRole('heading', { level: 2, name: 'Leistung 1' })).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Leistung 1' })).toHaveAttribute(
      'href',
      '/leistungen/leistung-1',
    );
    expect(within(first).getByText('Kurzbeschreibung 1')).toBeInTheDocument();
    expect(within(first).getByText('Eigentümer: Dataport AöR')).toBeInTheDocument();
    expect(within(first).getByText('Aktuelle Version: 1.2.0')).toBeInTheDocument();
    expect(within(first).getByText('Reifegrad: 3 (Modell 1.1)')).toBeInTheDocument();
    expect(screen.getByText('Reifegrad: 5 (Modell 2.0)')).toBeInTheDocument();
    expect(within(first).getByText('Nachnutzende: 4')).toBeInTheDocument();
    expect(screen.getByText('Noch keine veröffentlichte Version')).toBeInTheDocument();
    expect(screen.getByText('Reifegrad: nicht angegeben')).toBeInTheDocument();
    // One page only: no paging.
    expect(screen.queryByRole('navigation', { name: 'Seiten' })).not.toBeInTheDocument();
  });

  it.each([
    [0, 'Keine Leistung gefunden'],
    [1, '1 Leistung gefunden'],
    [12, '12 Leistungen gefunden'],
  ])('announces %i results as "%s"', async (count, sentence) => {
    renderAt('/leistungen', routes, {
      CatalogueServices: page(
        Array.from({ length: count }, (_, i) => service(i + 1)),
        count,
      ),
      CatalogueFilterOptions: options,
    });
    expect(await screen.findByRole('status')).toHaveTextContent(new RegExp(`^${sentence}$`));
  });

  it('reads the filters from the URL into the form and the query', async () => {
    const { requests } = renderAt(
      '/leistungen?suche=Wohngeld&themenfeld=BAUEN_WOHNEN&reifegrad=2&eigentuemer=komfit&rechtsgrundlage=WoGG',
      routes,
      { CatalogueServices: page([service(1)], 1), CatalogueFilterOptions: options },
    );
    await screen.findByText('1 Leistung gefunden');
    expect(screen.getByRole('combobox', { name: 'Suche' })).toHaveValue('Wohngeld');
    expect(screen.getByRole('combobox', { name: 'Themenfeld' })).toHaveValue('BAUEN_WOHNEN');
    expect(screen.getByRole('combobox', { name: 'Reifegrad' })).toHaveValue('V1_1:2');
    expect(screen.getByRole('combobox', { name: 'Eigentümer' })).toHaveValue('komfit');
    expect(screen.getByRole('combobox', { name: 'Rechtsgrundlage' })).toHaveValue('WoGG');
    expect(requests.find((r) => r.operationName === 'CatalogueServices')?.variables).toEqual({
      filter: {
        search: 'Wohngeld',
        themenfeld: 'BAUEN_WOHNEN',
        maturityLevel: 2,
        maturityModel: 'V1_1',
        ownerKey: 'komfit',
        legalNorm: 'WoGG',
      },
      first: 20,
      after: null,
    });
  });

  it('offers the owners of services (by name) and the legal norms, each filter with "Alle"', async () => {
    renderAt('/leistungen', routes, { CatalogueServices: page([], 0), CatalogueFilterOptions: options });
    await screen.findByText('Keine Leistung gefunden');
    const owner = screen.getByRole('combobox', { name: 'Eigentümer' });
    expect(
      within(owner)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Alle', 'Dataport AöR', 'KomFIT e.V.']);
    const norm = screen.getByRole('combobox', { name: 'Rechtsgrundlage' });
    expect(
      within(norm)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Alle', 'BauGB – Baugesetzbuch', 'WoGG – Wohngeldgesetz']);
    const level = screen.getByRole('combobox', { name: 'Reifegrad' });
    // "Alle", then each model under its own heading, all its levels first: 2.0 (0-7), then 1.1 (0-4).
    expect(within(level).getAllByRole('option')).toHaveLength(1 + (1 + 8) + (1 + 5));
    expect(
      within(level)
        .getAllByRole('group')
        .map((group) => group.getAttribute('label')),
    ).toEqual(['Reifegradmodell 2.0 (seit Juli 2025)', 'Reifegradmodell 1.1 (bis Juni 2025)']);
    expect(within(screen.getByRole('combobox', { name: 'Themenfeld' })).getAllByRole('option')).toHaveLength(
      15,
    );
  });

  it('puts a search into the URL on "Suchen", on its first page, and moves the focus to the count', async () => {
    const user = userEvent.setup();
    const { router, requests } = renderAt('/leistungen?nach=c1', routes, {
      CatalogueServices: (variables: { filter: { search?: string } }) =>
        variables.filter.search === 'Kita' ? page([service(7)], 1) : page([service(1), service(2)], 30, 'c2'),
      CatalogueFilterOptions: options,
    });
    await screen.findByText('30 Leistungen gefunden');

    await user.type(screen.getByRole('combobox', { name: 'Suche' }), 'Kita');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Eigentümer' }), 'Dataport AöR');
    // Choosing does not search yet.
    expect(currentUrl(router)).toBe('/leistungen?nach=c1');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));

    expect(currentUrl(router)).toBe('/leistungen?suche=Kita&eigentuemer=dataport');
    const status = await screen.findByText('1 Leistung gefunden');
    await waitFor(() => expect(status).toHaveFocus());
    expect(requests.at(-1)?.variables).toEqual({
      filter: { search: 'Kita', ownerKey: 'dataport' },
      first: 20,
      after: null,
    });
  });

  it('does not show the previous count while the next search runs', async () => {
    const user = userEvent.setup();
    renderAt('/leistungen', routes, {
      CatalogueServices: (variables: { filter: { search?: string } }) =>
        variables.filter.search ? undefined : page([service(1), service(2)], 2),
      CatalogueFilterOptions: options,
    });
    await screen.findByText('2 Leistungen gefunden');
    await user.type(screen.getByRole('combobox', { name: 'Suche' }), 'Kita');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Suche läuft …');
    expect(screen.queryByRole('list', { name: 'Suchergebnisse' })).not.toBeInTheDocument();
  });

  it('pages by cursor with "Nächste Seite" and "Vorherige Seite", both in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/leistungen?themenfeld=BILDUNG', routes, {
      CatalogueServices: (variables: { after: string | null }) =>
        variables.after === null
          ? page([service(1)], 45, 'c1')
          : variables.after === 'c1'
            ? page([service(21)], 45, 'c2')
            : page([service(41)], 45),
      CatalogueFilterOptions: options,
    });
    const paging = await screen.findByRole('navigation', { name: 'Seiten' });
    expect(within(paging).getByText('Seite 1 von 3')).toBeInTheDocument();
    expect(within(paging).queryByRole('link', { name: 'Vorherige Seite' })).not.toBeInTheDocument();

    await user.click(within(paging).getByRole('link', { name: 'Nächste Seite' }));
    expect(currentUrl(router)).toBe('/leistungen?themenfeld=BILDUNG&nach=c1');
    expect(await screen.findByRole('link', { name: 'Leistung 21' })).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Nächste Seite' }));
    expect(currentUrl(router)).toBe('/leistungen?themenfeld=BILDUNG&vorher=c1&nach=c2');
    expect(await screen.findByRole('link', { name: 'Leistung 41' })).toBeInTheDocument();
    expect(screen.getByText('Seite 3 von 3')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nächste Seite' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Vorherige Seite' }));
    expect(currentUrl(router)).toBe('/leistungen?themenfeld=BILDUNG&nach=c1');
    await user.click(await screen.findByRole('link', { name: 'Vorherige Seite' }));
    expect(currentUrl(router)).toBe('/leistungen?themenfeld=BILDUNG');
    expect(await screen.findByRole('link', { name: 'Leistung 1' })).toBeInTheDocument();
  });

  it("shows the API's problem in German when a cursor in the URL is not one it handed out", async () => {
    const { CombinedError } = await import('urql');
    renderAt('/leistungen?nach=kaputt', routes, {
      CatalogueServices: new CombinedError({
        graphQLErrors: [
          {
            message: 'after: ist kein Cursor, den diese Liste ausgegeben hat',
            extensions: { code: 'BAD_USER_INPUT', field: 'after' },
          },
        ],
      }),
      CatalogueFilterOptions: options,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('ist kein Cursor');
    expect(screen.getByRole('link', { name: 'Zur ersten Seite der Suche' })).toHaveAttribute(
      'href',
      '/leistungen',
    );
  });

  it('offers "Leistung registrieren" to MAINTAINERs and OPERATORs only', async () => {
    const viewer = (roles: string[]) => ({
      viewer: {
        subject: 'x',
        name: 'X',
        roles,
        organisation: { id: 'o1', key: 'dataport', name: 'Dataport AöR', kind: 'SERVICE_PROVIDER' },
      },
    });
    const answers = { CatalogueServices: page([service(1)], 1), CatalogueFilterOptions: options };
    const { unmount } = renderAt('/leistungen', routes, { ...answers, Viewer: viewer(['MAINTAINER']) });
    expect(await screen.findByRole('link', { name: 'Leistung registrieren' })).toHaveAttribute(
      'href',
      '/leistungen/neu',
    );
    unmount();

    renderAt('/leistungen', routes, { ...answers, Viewer: viewer(['MUNICIPALITY_ADMIN']) });
    await screen.findByText('1 Leistung gefunden');
    expect(screen.queryByRole('link', { name: 'Leistung registrieren' })).not.toBeInTheDocument();
  });
});
