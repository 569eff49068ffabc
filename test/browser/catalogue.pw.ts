import { expectNoAxeViolations } from './support/axe';
import { expect, screenshotForGuide, searchField, subscriptionPanel, test, visited } from './support/console';

/** Journeys of an anonymous visitor through the catalogue (issue 14, part 10: a, d, g). */

test('a visitor searches "Wohngeld" on the start page, opens the service and sees its legal bases and QA', async ({
  page,
}) => {
  await page.goto('/');
  await visited(page, /Nachnutzungsregister|Start/);
  await screenshotForGuide(page, 'start-anonym');

  await searchField(page).fill('Wohngeld');
  await page.getByRole('button', { name: 'Suchen' }).click();

  await expect(page).toHaveURL(/\/leistungen\?(.*&)?suche=Wohngeld/);
  await visited(page, 'Leistungen');
  await expect(page.getByRole('status').filter({ hasText: /gefunden/ })).toHaveText(
    /^(1 Leistung|\d+ Leistungen) gefunden$/,
  );
  const result = page.getByRole('heading', { level: 2, name: 'Wohngeld beantragen' });
  await expect(result).toBeVisible();
  await screenshotForGuide(page, 'leistungen-suche');

  await result.getByRole('link', { name: 'Wohngeld beantragen' }).click();
  await expect(page).toHaveURL(/\/leistungen\/wohngeld-beantragen$/);
  await visited(page, 'Wohngeld beantragen');

  // The legal basis links to the text of the provision it cites, on gesetze-im-internet.de.
  const legalBases = page.getByRole('region', { name: 'Rechtsgrundlagen' });
  const provision = legalBases.getByRole('link', { name: /WoGG § 22/ });
  await expect(provision).toHaveAttribute('href', 'https://www.gesetze-im-internet.de/wogg/__22.html');
  await expect(provision).toContainText('(externer Link)');

  // The latest release (1.1.0) went through every gate of the default policy.
  const qa = page.getByRole('region', { name: 'Qualitätssicherung' });
  await expect(qa).toContainText('1.1.0');
  for (const gate of ['Gebrauchstauglichkeit', 'Sicherheit', 'Schnittstellen']) {
    await expect(
      qa.getByText(new RegExp(`^${gate}.*: Bestanden \\(\\d+ von \\d+ Freigaben?\\)$`)),
    ).toBeVisible();
  }
  await expect(subscriptionPanel(page)).toContainText(
    'Melden Sie sich an, um eine Nachnutzung zu beantragen.',
  );
  await screenshotForGuide(page, 'leistung');
});

test('a visitor types a colloquial name, picks a suggestion with the keyboard, and finds compounds and typos', async ({
  page,
}) => {
  await page.goto('/');
  await visited(page, /Nachnutzungsregister|Start/);
  const field = searchField(page);
  await field.pressSequentially('Angel', { delay: 30 });
  const list = page.getByRole('listbox', { name: 'Vorschläge' });
  // Named by the shortest keyword that begins with what was typed ("Angeln" or "Angelschein").
  const option = list.getByRole('option', { name: /^Fischereischein beantragen \(Stichwort „Angel\w*“\)$/ });
  await expect(option).toBeVisible();
  await expect(field).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page);
  await screenshotForGuide(page, 'start-vorschlaege');

  await field.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/leistungen\/fischereischein-beantragen$/);
  await visited(page, 'Fischereischein beantragen');

  // The search itself: a compound split into the catalogue's words, and a typo.
  for (const [typed, first] of [
    ['Wohngeldantrag', 'Wohngeld beantragen'],
    ['Baugenehmigumg', 'Baugenehmigung beantragen'],
  ]) {
    await page.goto(`/leistungen?suche=${encodeURIComponent(typed)}`);
    await visited(page, 'Leistungen');
    await expect(
      page.getByRole('list', { name: 'Suchergebnisse' }).getByRole('heading', { level: 2 }).first(),
    ).toHaveText(first);
  }
});

test('a deep link to a page with a query keeps the page and its query when reloaded', async ({ page }) => {
  await page.goto('/leistungen?suche=Wohnsitz&themenfeld=BAUEN_WOHNEN');
  await visited(page, 'Leistungen');
  const search = page.getByRole('search');
  await expect(searchField(search)).toHaveValue('Wohnsitz');
  const count = page.getByRole('status').filter({ hasText: /gefunden/ });
  await expect(count).toHaveText(/gefunden$/);
  const before = await count.textContent();

  await page.reload();
  await expect(page).toHaveURL(/\/leistungen\?suche=Wohnsitz&themenfeld=BAUEN_WOHNEN$/);
  await visited(page, 'Leistungen');
  await expect(searchField(search)).toHaveValue('Wohnsitz');
  await expect(search.getByRole('combobox', { name: 'Themenfeld' })).not.toHaveValue('');
  await expect(count).toHaveText(before!);

  // A service page reached directly, with a query of its own, stays that page too.
  await page.goto('/leistungen/wohngeld-beantragen?von=suche');
  await visited(page, 'Wohngeld beantragen');
  await page.reload();
  await expect(page).toHaveURL(/\/leistungen\/wohngeld-beantragen\?von=suche$/);
  await visited(page, 'Wohngeld beantragen');
});

test('how long the catalogue takes to become interactive (printed, not asserted)', async ({ page }) => {
  await page.goto('/leistungen', { waitUntil: 'commit' });
  // Polled in the page on every frame, so the time is the page's own (performance.now() counts from
  // the navigation's start), not the test runner's polling interval. (The root tsconfig has no DOM
  // types: the page's document is reached through globalThis.)
  const handle = await page.waitForFunction(
    () => {
      const document = (globalThis as any).document;
      const field = document.querySelector('[role="search"] input, search input');
      const first = document.querySelector('main h2 a');
      return field && !field.disabled && first ? Math.round(performance.now()) : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  console.log(
    `catalogue interactive after ${ms} ms (navigation start to enabled search field and first result)`,
  );
  await visited(page, 'Leistungen');
});
