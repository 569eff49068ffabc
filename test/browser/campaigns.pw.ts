import type { Download, Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './support/axe';
import { expect, PERSONAS, screenshotForGuide, signInAs, test, visited } from './support/console';

/**
 * Issue 18: a maintainer opens a legal-change campaign from a norm and sees which services and
 * subscribers it reaches before confirming; plans the target, links the release and completes the
 * campaign; reads the demo campaign's burndown from its table; and downloads the maintenance plan
 * as German CSV and as XLSX, whose figures are the API's. Wohngeld beantragen (Dataport, 1.0.0 and
 * 1.1.0 published) is the only demo service citing the WoGG.
 */

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
/** "19. September 2026", as the console writes dates (web/src/ui/labels.ts). */
const german = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(iso));

/** The API's answer for the signed-in persona, with the token the console holds in this tab. */
async function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const token = await page.evaluate(
    () =>
      (
        JSON.parse(
          (
            globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }
          ).sessionStorage.getItem('nachnutzungsregister.sitzung') ?? '{}',
        ) as { token?: string }
      ).token,
  );
  const response = await page.request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: { query, variables },
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function downloaded(page: Page, button: string): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { download, bytes: await readFile(await download.path()) };
}

/** "1.234,5" → 1234.5 (the German CSV writes no thousands separator; tolerate one anyway). */
const germanNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

test('a maintainer opens a campaign, sees its reach first, plans, links the release and completes it', async ({
  page,
}) => {
  const title = 'Wohngeld: neue Höchstbeträge 2027';
  const effective = isoDay(90);

  await test.step('Mia Maintainer fills in "Kampagne eröffnen"', async () => {
    await page.goto('/kampagnen');
    await visited(page, 'Kampagnen');
    await signInAs(page, PERSONAS.miaMaintainer);
    await visited(page, 'Kampagnen');
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'kampagnen');
    await page.getByRole('link', { name: 'Kampagne eröffnen' }).click();
    await visited(page, 'Kampagne eröffnen');

    // Submitting empty names the three required fields in the summary.
    await page.getByRole('button', { name: 'Weiter: betroffene Leistungen prüfen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await expect(summary.getByRole('link')).toHaveText([/^Titel:/, /^Rechtsnorm:/, /^Gilt ab:/]);
    await expectNoAxeViolations(page);

    await page.getByRole('textbox', { name: 'Titel' }).fill(title);
    await page.getByRole('combobox', { name: 'Rechtsnorm' }).fill('WoGG');
    await page.keyboard.press('Escape');
    await page.getByLabel('Änderungsgesetz').fill('BGBl. 2027 I Nr. 1');
    await page.getByLabel('Gilt ab').fill(effective);
    await page.getByRole('button', { name: 'Weiter: betroffene Leistungen prüfen' }).click();
  });

  await test.step('the check shows the services and subscribers it will reach, before anything is written', async () => {
    await visited(page, 'Kampagne prüfen und eröffnen');
    const reach = page.getByRole('table', { name: 'Leistungen, die die Kampagne als Ziele erhält' });
    await expect(reach.getByRole('row')).toHaveCount(2);
    await expect(reach.getByRole('row').nth(1)).toContainText('Wohngeld beantragen');
    await expect(reach.getByRole('row').nth(1)).toContainText('§ 22');
    const { service } = await api<{ service: { subscriptionCount: number } }>(
      page,
      '{ service(slug: "wohngeld-beantragen") { subscriptionCount } }',
    );
    await expect(reach.getByRole('row').nth(1).getByRole('cell').last()).toHaveText(
      String(service.subscriptionCount),
    );
    await expect(
      page.getByRole('status').filter({
        hasText:
          service.subscriptionCount === 0
            ? 'Die Kampagne erfasst 1 Leistung ohne Nachnutzung.'
            : `Die Kampagne erfasst 1 Leistung mit ${service.subscriptionCount} Nachnutzung`,
      }),
    ).toBeVisible();
    await expect(page.getByText('Keine Leistung zitiert diese Rechtsgrundlage')).toHaveCount(0);
    // Nothing is opened yet.
    const { campaigns } = await api<{ campaigns: { edges: { node: { title: string } }[] } }>(
      page,
      '{ campaigns(first: 100) { edges { node { title } } } }',
    );
    expect(campaigns.edges.map((e) => e.node.title)).not.toContain(title);
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'kampagne-pruefen');
  });

  await test.step('a provision nobody cites and a past date each get a warning', async () => {
    await page.getByRole('button', { name: 'Angaben ändern' }).click();
    await visited(page, 'Kampagne eröffnen');
    await expect(page.getByRole('textbox', { name: 'Titel' })).toHaveValue(title);
    await page.getByLabel('Vorschriften').fill('§ 99');
    await page.getByLabel('Gilt ab').fill(isoDay(-10));
    await page.getByRole('button', { name: 'Weiter: betroffene Leistungen prüfen' }).click();
    await visited(page, 'Kampagne prüfen und eröffnen');
    await expect(page.getByText('Keine Leistung zitiert diese Rechtsgrundlage')).toBeVisible();
    await expect(page.getByText('Das Datum liegt in der Vergangenheit')).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'Die Kampagne erfasst keine Leistung.' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Angaben ändern' }).click();
    await page.getByLabel('Vorschriften').fill('');
    await page.getByLabel('Gilt ab').fill(effective);
    await page.getByRole('button', { name: 'Weiter: betroffene Leistungen prüfen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /^Die Kampagne erfasst 1 Leistung/ }),
    ).toBeVisible();
  });

  const targets = () => page.getByRole('table', { name: /^\d+ Ziele?$/ });
  const target = () => targets().getByRole('row', { name: /^Wohngeld beantragen/ });

  await test.step('opening it leads to the campaign with its one target, OPEN', async () => {
    await page.getByRole('button', { name: 'Kampagne jetzt eröffnen' }).click();
    await visited(page, title);
    await expect(page.getByRole('status').filter({ hasText: 'Die Kampagne ist eröffnet.' })).toBeVisible();
    await expect(target()).toContainText('Offen');
    await expectNoAxeViolations(page);
  });

  await test.step('adds a service by hand, then excludes it with a reason', async () => {
    await page.getByRole('button', { name: 'Leistung hinzufügen' }).click();
    const form = page.getByRole('form', { name: 'Leistung hinzufügen' });
    const field = form.getByRole('combobox', { name: 'Leistung' });
    await field.pressSequentially('Hundesteuer');
    await form.getByRole('option', { name: /^Hundesteuer anmelden/ }).click();
    await expect(field).toHaveValue('Hundesteuer anmelden');
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Hinzufügen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Hundesteuer anmelden ist jetzt ein Ziel der Kampagne.' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: '2 Ziele' })).toBeVisible();

    const added = targets().getByRole('row', { name: /^Hundesteuer anmelden/ });
    await added.getByRole('button', { name: 'Ausnehmen: Hundesteuer anmelden' }).click();
    await page
      .getByRole('textbox', { name: 'Grund' })
      .fill('Die Hundesteuer richtet sich nicht nach dem Wohngeldgesetz');
    await page.getByRole('button', { name: 'Ausnehmen', exact: true }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Hundesteuer anmelden ist von der Kampagne ausgenommen.' }),
    ).toBeVisible();
    await expect(added).toContainText('Ausgenommen');
    await expect(added).toContainText('Grund: Die Hundesteuer richtet sich nicht nach dem Wohngeldgesetz');
    await expect(added.getByRole('button', { name: 'Wieder aufnehmen: Hundesteuer anmelden' })).toBeVisible();
  });

  await test.step('plans the target', async () => {
    await target().getByRole('button', { name: 'Planen: Wohngeld beantragen' }).click();
    const form = page.getByRole('form', { name: 'Wohngeld beantragen planen' });
    await form.getByLabel('Geplante Freigabe').fill(isoDay(30));
    await form.getByLabel('Zuständig').fill('Team Wohngeld');
    await form.getByLabel('Optimistisch (Stunden)').fill('4');
    await form.getByLabel('Wahrscheinlich (Stunden)').fill('8');
    await form.getByLabel('Pessimistisch (Stunden)').fill('24');
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Planung speichern' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Die Planung für Wohngeld beantragen ist gespeichert.' }),
    ).toBeVisible();
    await expect(target()).toContainText('Geplant');
    await expect(target()).toContainText(`Freigabe ${german(isoDay(30))}`);
    await expect(target()).toContainText('erwartet 10,0 h');
  });

  await test.step('links the published release 1.1.0; with every target done, completes the campaign', async () => {
    await expect(page.getByRole('button', { name: 'Kampagne abschließen' })).toHaveCount(0);
    await target().getByRole('button', { name: 'Version verknüpfen: Wohngeld beantragen' }).click();
    const form = page.getByRole('form', { name: 'Version mit Wohngeld beantragen verknüpfen' });
    await form.getByRole('combobox', { name: 'Version' }).selectOption({ label: '1.1.0' });
    await form.getByRole('button', { name: 'Version verknüpfen' }).click();
    await expect(target()).toContainText('Version 1.1.0');
    await expect(target()).toContainText(/Version veröffentlicht|Ausgerollt/);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Kampagne abschließen' }).click();
    await page
      .getByRole('form', { name: 'Kampagne abschließen' })
      .getByRole('button', { name: 'Abschließen' })
      .click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Die Kampagne ist abgeschlossen.' }),
    ).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: 'Abgeschlossen' })).toBeVisible();
    // Its burndown: opened today with one open target, none at the end of today.
    const burndown = page.getByRole('table', { name: /Burndown als Tabelle/ });
    await expect(burndown.getByRole('row').nth(1)).toContainText(german(isoDay(0)));
  });
});

test("the demo campaign's burndown shows its history, as a chart and as a table", async ({ page }) => {
  await page.goto('/kampagnen');
  await signInAs(page, PERSONAS.miaMaintainer);
  await page
    .getByRole('link', { name: 'Personenstandsrecht: neue Datensätze für Beurkundungen (Demo)' })
    .click();
  await visited(page, 'Personenstandsrecht: neue Datensätze für Beurkundungen (Demo)');
  // src/seed/demo-scenario.ts: opened 75 days ago with 4 targets; one excluded 70 days ago; one
  // released 40 days ago; one added 30 days ago; one released 25 days ago; two open today.
  const table = page.getByRole('table', { name: /Burndown als Tabelle/ });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(7);
  const expected = [
    [-75, 4],
    [-70, 3],
    [-40, 2],
    [-30, 3],
    [-25, 2],
    [0, 2],
  ] as const;
  for (const [i, [days, open]] of expected.entries()) {
    await expect(rows.nth(i + 1).getByRole('cell')).toHaveText([german(isoDay(days)), String(open)]);
  }
  await expect(
    page.getByRole('img', { name: /^Burndown-Diagramm\. Offene Ziele von 4 am .* auf 2 am/ }),
  ).toBeVisible();
  // The chart is drawn (the lines are loaded with it), with the effective date marked.
  await expect(page.locator('.burndown-chart .recharts-line path').first()).toBeVisible();
  await expect(page.locator('.burndown-chart').getByText('Gilt ab')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotForGuide(page, 'kampagne-burndown');
});

interface PlanFigures {
  maintenancePlan: {
    p50Hours: number;
    p90Hours: number;
    fte: number;
    costEur: number;
    expectedHours: number;
    standardDeviationHours: number;
    calibrationFactor: number;
    items: unknown[];
  };
}

test('the maintenance plan shows the API figures, rounded, and downloads as German CSV and XLSX', async ({
  page,
}) => {
  await page.goto('/aufwand');
  await signInAs(page, PERSONAS.miaMaintainer);
  await visited(page, 'Aufwand');
  const nextTwelveMonths = page
    .getByRole('navigation', { name: 'Häufige Zeiträume' })
    .getByRole('link')
    .last();
  await nextTwelveMonths.click();
  await expect(page).toHaveURL(/\/aufwand\?von=\d{4}-\d{2}-\d{2}&bis=\d{4}-\d{2}-\d{2}/);
  const url = new URL(page.url());
  const from = url.searchParams.get('von') ?? '';
  const to = url.searchParams.get('bis') ?? '';
  const { maintenancePlan: plan } = await api<PlanFigures>(
    page,
    `query ($from: Date!, $to: Date!) { maintenancePlan(ownerKey: "dataport", from: $from, to: $to) {
      p50Hours p90Hours fte costEur expectedHours standardDeviationHours calibrationFactor items { kind } } }`,
    { from, to },
  );
  // The API keeps cents and hundredths; the view rounds hours to one decimal and euros to whole euros.
  expect(Math.round(plan.costEur * 100)).toBe(plan.costEur * 100);
  const hours = (h: number) =>
    `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(h)} h`;
  const euros = new Intl.NumberFormat('de-DE', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(plan.costEur);
  const figures = page.getByRole('heading', { level: 2, name: /^Wartungsplan Dataport/ }).locator('..');
  await expect(figures.getByRole('definition').nth(0)).toHaveText(hours(plan.p50Hours));
  await expect(figures.getByRole('definition').nth(1)).toHaveText(hours(plan.p90Hours));
  await expect(figures.getByRole('definition').nth(2)).toHaveText(
    new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(plan.fte),
  );
  await expect(figures.getByRole('definition').nth(3)).toHaveText(euros);
  await expect(
    figures.getByText(/^(Kalibrierungsfaktor \d|Noch kein abgeschlossenes Kampagnenziel)/),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: new RegExp(`^${plan.items.length} Position`) })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotForGuide(page, 'aufwand');

  await test.step('records 7,5 hours of routine work on a service and sees the entry', async () => {
    const form = page.getByRole('form', { name: 'Aufwand erfassen' });
    await form.getByRole('combobox', { name: 'Leistung' }).selectOption({ label: 'Hundesteuer anmelden' });
    await form.getByLabel('Stunden').fill('7,5');
    await form.getByLabel('Notiz').fill('Sicherheitsupdate eingespielt');
    await form.getByRole('button', { name: 'Aufwand erfassen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: /7,5 h am .* für Hundesteuer anmelden erfasst\./ }),
    ).toBeVisible();
    const latest = page.getByRole('table', { name: /^Zuletzt erfasst für Hundesteuer anmelden/ });
    await expect(latest.getByRole('row').filter({ hasText: 'Sicherheitsupdate eingespielt' })).toContainText(
      '7,5 h',
    );
    await expectNoAxeViolations(page);
  });

  await test.step('the German CSV: BOM, semicolons, decimal commas, a last row "Summe" of numbers', async () => {
    const { download, bytes } = await downloaded(page, 'Als CSV für Excel (deutsch)');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    const header = lines[0].split(';');
    const rows = lines.slice(1).map((line) => line.split(';'));
    expect(rows).toHaveLength(plan.items.length + 1);
    const sum = rows[rows.length - 1];
    expect(sum[0]).toBe('Summe');
    const cell = (name: string) => sum[header.indexOf(name)];
    expect(germanNumber(cell('Erwartete Stunden'))).toBe(plan.expectedHours);
    expect(germanNumber(cell('P90 (Stunden)'))).toBe(plan.p90Hours);
    expect(germanNumber(cell('Kosten (EUR)'))).toBe(plan.costEur);
    expect(cell('Kosten (EUR)')).toMatch(/^\d+(,\d{1,2})?$/);
  });

  await test.step('the XLSX: real numbers and a totals row', async () => {
    const { download, bytes } = await downloaded(page, 'Als Excel-Datei (XLSX)');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Wartungsplan');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as unknown[]).map(String);
    const last = sheet!.getRow(sheet!.actualRowCount);
    expect(last.getCell(1).value).toBe('Summe');
    const value = (name: string) => last.getCell(header.indexOf(name)).value;
    expect(value('Erwartete Stunden')).toBe(plan.expectedHours);
    expect(value('Kosten (EUR)')).toBe(plan.costEur);
    expect(typeof value('VZÄ')).toBe('number');
  });
});
