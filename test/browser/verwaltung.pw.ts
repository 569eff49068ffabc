import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, PERSONAS, screenshotForGuide, signInAs, test, visited } from './support/console';

/**
 * The operator's desk "Verwaltung" (/verwaltung): the operator ("Olaf Operator, ITVSH (Betrieb)")
 * registers the Gemeinde Hütten of the Amt Hüttener Berge with an ARS one digit short, sees the API's
 * refusal at the field, fixes it and finds the Gemeinde in the list; registers an interface
 * standard; opens the Gemeinde's audit trail and has the chain checked ("intakt"); sees the GitHub
 * deliveries (the demo has none: the sentence that says so). Every section is checked by axe.
 *
 * The service of the browser tests starts on fresh demo data for every run, so the new Gemeinde
 * and standard are new; they are added (nothing the demo holds is changed), after the other
 * journeys' files in the test order.
 */

const GEMEINDE = 'Hütten';
// An example under the Amt's nine digits (010585890): the registry checks the form, not Destatis's list.
const ARS = '010585890084';
const AMT = '010585890';

/** The section's link in the desk's local navigation. */
const section = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Bereiche der Verwaltung' }).getByRole('link', { name });

test('the operator registers an organisation and a standard, checks the audit chain and sees the GitHub deliveries', async ({
  page,
}) => {
  await test.step('a visitor is asked to sign in; Olaf Operator comes back to the desk and finds it in the header', async () => {
    await page.goto('/verwaltung');
    await visited(page, 'Verwaltung');
    await expect(page.getByRole('main').getByRole('link', { name: 'Anmelden' })).toBeVisible();
    await signInAs(page, PERSONAS.olafOperator);
    await expect(page).toHaveURL(/\/verwaltung$/);
    await expect(
      page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Verwaltung' }),
    ).toHaveAttribute('aria-current', 'page');
    await visited(page, 'Verwaltung');
    await expect(section(page, 'Organisationen')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('table', { name: /^\d+ Organisationen$/ })).toBeVisible();
  });

  const form = page.getByRole('form', { name: 'Organisation registrieren' });
  const ars = form.getByRole('textbox', { name: 'Amtlicher Regionalschlüssel (ARS)' });

  await test.step('an ARS one digit short: the hint says so while typing, the API’s refusal stands at the field', async () => {
    await form.getByRole('combobox', { name: 'Art' }).selectOption('MUNICIPALITY');
    await form.getByRole('textbox', { name: 'Name' }).fill(GEMEINDE);
    await ars.fill(ARS.slice(0, 11));
    await expect(ars).toHaveAccessibleDescription(/^12 Ziffern, .*Ihre Eingabe hat 11 Ziffern\.$/);
    await form.getByRole('textbox', { name: /^Übergeordnete Organisation/ }).fill(AMT);
    await form.getByRole('button', { name: 'Organisation registrieren' }).click();

    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Amtlicher Regionalschlüssel (ARS): Ein Amtlicher Regionalschlüssel (ARS) hat 12 Stellen, der eines Amtes 9.',
    ]);
    await expect(ars).toHaveAttribute('aria-invalid', 'true');
    await expect(ars).toHaveAccessibleDescription(/hat 12 Stellen, der eines Amtes 9\./);
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'verwaltung-organisation-registrieren');
  });

  await test.step('with the twelfth digit it is registered, and listed among the Gemeinden', async () => {
    await ars.fill(ARS);
    // Twelve digits: the hint no longer counts them (the API's refusal stays until the next answer).
    await expect(ars).toHaveAccessibleDescription(/^12 Ziffern, z\. B\. .*\(Kiel\)\. Ein Amtlicher/);
    await form.getByRole('button', { name: 'Organisation registrieren' }).click();
    const outcome = page.getByText(`Die Organisation „${GEMEINDE}“ ist registriert (Schlüssel ${ARS}).`);
    await expect(outcome).toBeVisible();
    await expect(page.locator('.outcome').filter({ has: outcome })).toBeFocused();
    await page.getByRole('button', { name: 'In der Liste zeigen (Gemeinde)' }).click();
    await expect(page).toHaveURL(/\/verwaltung\?bereich=organisationen&art=MUNICIPALITY$/);
    const list = page.getByRole('table', { name: /^\d+ Organisationen der Art „Gemeinde“$/ });
    await expect(list.locator('caption')).toBeFocused();
    const row = list
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: GEMEINDE, exact: true }) });
    await expect(row).toContainText(ARS);
    await expect(row).toContainText('Amt Hüttener Berge');
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'verwaltung-organisationen');
  });

  await test.step('its audit trail names the registration; "Kette prüfen" finds the chain intact', async () => {
    const list = page.getByRole('table', { name: /Organisationen der Art „Gemeinde“$/ });
    await list
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: GEMEINDE, exact: true }) })
      .getByRole('link', { name: /^Ereignisse/ })
      .click();
    await expect(page).toHaveURL(/\/verwaltung\?bereich=pruefprotokoll&objekt=[0-9a-f-]{36}$/);
    await expect(section(page, 'Prüfprotokoll')).toHaveAttribute('aria-current', 'page');
    const trail = page.getByRole('table', { name: /^1 Ereignis zu Organisation / });
    await expect(trail).toBeVisible();
    await expect(trail.getByRole('row').nth(1)).toContainText('olaf.operator');
    await expect(trail.getByRole('row').nth(1)).toContainText('organisation.register');
    await expect(trail.getByRole('row').nth(1)).toContainText(/[0-9a-f]{12}…/);

    await page.getByRole('button', { name: 'Kette prüfen' }).click();
    const verdict = page.getByRole('status').filter({ hasText: /^Kette intakt: [\d.]+ Ereignisse geprüft/ });
    await expect(verdict).toBeVisible();
    await expect(page.locator('.outcome').filter({ has: verdict })).toBeFocused();
    await expect(verdict).toContainText('Ohne Prüfpunktdatei');
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'verwaltung-pruefprotokoll');
  });

  await test.step('registers the interface standard XZuFi and finds it listed', async () => {
    await section(page, 'Schnittstellenstandards').click();
    await expect(page).toHaveURL(/\/verwaltung\?bereich=schnittstellenstandards$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Schnittstellenstandards' })).toBeFocused();
    await expectNoAxeViolations(page);
    const standard = page.getByRole('form', { name: 'Schnittstellenstandard registrieren' });
    await standard.getByRole('textbox', { name: 'Name' }).fill('XZuFi');
    await standard.getByRole('textbox', { name: 'Schlüssel' }).fill('xzufi');
    await standard.getByRole('combobox', { name: 'Art' }).selectOption('XOEV_STANDARD');
    await standard.getByRole('button', { name: 'Schnittstellenstandard registrieren' }).click();
    await expect(
      page.getByText('Der Schnittstellenstandard „XZuFi“ ist registriert (Schlüssel xzufi).'),
    ).toBeVisible();
    const row = page
      .getByRole('table', { name: /Schnittstellenstandards$/ })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'XZuFi' }) });
    await expect(row).toContainText('xzufi');
    await expect(row).toContainText('XÖV-Standard');
    await screenshotForGuide(page, 'verwaltung-schnittstellenstandards');
  });

  await test.step('the GitHub deliveries: the demo has none, and says so', async () => {
    await section(page, 'GitHub-Zustellungen').click();
    await expect(page).toHaveURL(/\/verwaltung\?bereich=github$/);
    await expect(page.getByRole('heading', { level: 2, name: 'GitHub-Zustellungen' })).toBeFocused();
    await expect(page.getByText('Es sind noch keine GitHub-Zustellungen eingegangen.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Nach Ergebnis filtern' }).selectOption('FAILED');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await expect(page).toHaveURL(/\/verwaltung\?bereich=github&ergebnis=FAILED$/);
    await expect(page.getByText('Keine Zustellung mit dem Ergebnis „Gescheitert“')).toBeFocused();
    await expectNoAxeViolations(page);
  });
});
