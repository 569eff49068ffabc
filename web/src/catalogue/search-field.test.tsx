import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { currentUrl, renderAt } from './test-support';
import { StartSearch } from './start-search';

const routes = [
  { path: '/', element: <StartSearch /> },
  { path: '/leistungen', element: <p>Katalog</p> },
  { path: '/leistungen/:slug', element: <p>Leistungsseite</p> },
];

const suggestions = ({ prefix }: Record<string, unknown>) => ({
  serviceSuggestions:
    String(prefix).toLowerCase() === 'angel'
      ? [
          {
            slug: 'fischereischein-beantragen',
            name: 'Fischereischein beantragen',
            matchedKeyword: 'Angelschein',
          },
          { slug: 'angelkurs', name: 'Angelkurs anmelden', matchedKeyword: null },
        ]
      : [],
});

describe('SearchField: suggestions while typing', () => {
  it('suggests services as a listbox, names the matching keyword, and announces the count', async () => {
    const user = userEvent.setup();
    const { requests } = renderAt('/', routes, { ServiceSuggestions: suggestions });
    const field = screen.getByRole('combobox', { name: 'Suche' });
    await user.type(field, 'Angel');
    const list = await screen.findByRole('listbox', { name: 'Vorschläge' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Fischereischein beantragen (Stichwort „Angelschein“)', 'Angelkurs anmelden']);
    expect(field).toHaveAttribute('aria-expanded', 'true');
    const announced = screen.getByText('2 Vorschläge, mit den Pfeiltasten auswählen');
    expect(announced).toHaveAttribute('aria-live', 'polite');
    // One request for what was typed, after the pause: not one per keystroke.
    expect(
      requests.filter((r) => r.operationName === 'ServiceSuggestions').map((r) => r.variables.prefix),
    ).toEqual(['Angel']);
  });

  it('opens the suggestion chosen with the arrow keys and Enter', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/', routes, { ServiceSuggestions: suggestions });
    const field = screen.getByRole('combobox', { name: 'Suche' });
    await user.type(field, 'Angel');
    await screen.findByRole('listbox');
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}');
    const first = screen.getByRole('option', { name: /Fischereischein/ });
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(field).toHaveAttribute('aria-activedescendant', first.id);
    await user.keyboard('{Enter}');
    expect(currentUrl(router)).toBe('/leistungen/fischereischein-beantragen');
  });

  it('closes on Escape, and searches on Enter without a choice', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/', routes, { ServiceSuggestions: suggestions });
    const field = screen.getByRole('combobox', { name: 'Suche' });
    await user.type(field, 'Angel');
    await screen.findByRole('listbox');
    await user.keyboard('{Escape}');
    expect(field).toHaveAttribute('aria-expanded', 'false');
    await user.keyboard('{Enter}');
    expect(currentUrl(router)).toBe('/leistungen?suche=Angel');
  });

  it('asks for nothing below two letters and shows no list without suggestions', async () => {
    const user = userEvent.setup();
    const { requests } = renderAt('/', routes, { ServiceSuggestions: suggestions });
    const field = screen.getByRole('combobox', { name: 'Suche' });
    await user.type(field, 'A');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests.filter((r) => r.operationName === 'ServiceSuggestions')).toEqual([]);
    await user.type(field, 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByRole('option')).toBeNull();
    expect(field).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens a suggestion by click', async () => {
    const user = userEvent.setup();
    const { router } = renderAt('/', routes, { ServiceSuggestions: suggestions });
    await user.type(screen.getByRole('combobox', { name: 'Suche' }), 'Angel');
    await user.click(await screen.findByRole('option', { name: 'Angelkurs anmelden' }));
    expect(currentUrl(router)).toBe('/leistungen/angelkurs');
  });
});
