import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { currentUrl, renderAt } from './test-support';
import { StartSearch } from './start-search';

const routes = [
  { path: '/', element: <StartSearch /> },
  { path: '/leistungen', element: <p>Katalog</p> },
];

const figures = {
  all: { totalCount: 72 },
  published: { totalCount: 1 },
  compliant: { totalCount: 0 },
  activeSubscriptionCount: 1234,
};

describe('StartSearch', () => {
  it('shows the catalogue figures from one query', async () => {
    const { requests } = renderAt('/', routes, { StartFigures: figures });
    const list = await screen.findByRole('list');
    expect([...list.querySelectorAll('li')].map((item) => item.textContent)).toEqual([
      '72 Leistungen im Katalog',
      '1 mit veröffentlichter Version',
      '0 mit Reifegrad 3 oder höher nach Modell 1.1 (OZG-konform)',
      '1.234 Aktive Nachnutzungen',
    ]);
    expect(requests.map((r) => r.operationName)).toEqual(['StartFigures']);
  });

  it('searches the catalogue: "Suchen" leads to /leistungen?suche=…', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/', routes, { StartFigures: figures });
    await user.type(screen.getByRole('combobox', { name: 'Suche' }), ' Wohngeld & Miete ');
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(currentUrl(router)).toBe('/leistungen?suche=Wohngeld+%26+Miete');
    expect(await screen.findByText('Katalog')).toBeInTheDocument();
  });

  it('with an empty search box, leads to the whole catalogue', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/', routes, {});
    expect(screen.getByText('Die Zahlen werden geladen …')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Suchen' }));
    expect(currentUrl(router)).toBe('/leistungen');
  });
});
