import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, PERSONAS, screenshotForGuide, signInAs, signOut, test, visited } from './support/console';

/**
 * Registering and maintaining a service (issue 16, parts 4-5): Dataport's maintainer registers a
 * service with a legal basis chosen among the registered norms and one on a norm it registers on
 * the way, sees the service's page and changes its summary; the operator sets its QA policy; a
 * municipality is offered no "Bearbeiten". The service and the norm carry a suffix of this run,
 * so the journey runs once per test run against the shared demo data and changes nothing the
 * other journeys use (the QA policy is set on the new service, not on a demo service).
 */

const run = Date.now().toString(36);
const NAME = `Hundesteuer anmelden (Test ${run})`;
const SLUG = `hundesteuer-anmelden-test-${run}`;
const NORM = `HStS-Test-${run}`;
const NORM_TITLE = `Hundesteuersatzung zum Test ${run}`;

test('a maintainer registers a service with its legal bases, edits it, and the operator sets its QA policy', async ({
  page,
}) => {
  await test.step('Mia Maintainer opens "Leistung registrieren" from the catalogue', async () => {
    await page.goto('/leistungen');
    await visited(page, 'Leistungen');
    await expect(page.getByRole('link', { name: 'Leistung registrieren' })).toHaveCount(0);
    await signInAs(page, PERSONAS.miaMaintainer);
    await expect(page).toHaveURL(/\/leistungen$/);
    await page.getByRole('link', { name: 'Leistung registrieren' }).click();
    await expect(page).toHaveURL(/\/leistungen\/neu$/);
    await visited(page, 'Leistung registrieren');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  await test.step('fills in the service; the slug follows the name', async () => {
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(NAME);
    await expect(page.getByRole('textbox', { name: 'Kurzname' })).toHaveValue(SLUG);
    await page
      .getByRole('textbox', { name: 'Kurzbeschreibung' })
      .fill('Einen Hund bei der Gemeinde zur Hundesteuer anmelden.');
    await page.getByRole('textbox', { name: /^LeiKa-Schlüssel/ }).fill('99102013104000');
    await page.getByRole('textbox', { name: /^Suchbegriffe/ }).fill('Hundemarke, Hund anmelden');
    await page.getByRole('combobox', { name: /^Themenfeld/ }).selectOption('STEUERN_ZOLL');
    await page
      .getByRole('combobox', { name: /^Reifegrad/ })
      .selectOption({ label: '3 – Online-Antragsdienst (Modell 2.0)' });
    await page.getByRole('radio', { name: 'Open Source, selbst betrieben' }).check();
    await page.getByRole('radio', { name: 'Automatisch' }).check();
    await page.getByRole('textbox', { name: /^Lizenz/ }).fill('EUPL-1.2');
  });

  await test.step('chooses the Kommunalabgabengesetz among the registered norms by typing part of its title', async () => {
    const first = legalBasis(page, 1);
    const norm = first.getByRole('combobox', { name: 'Rechtsnorm' });
    await norm.pressSequentially('Kommunalabg', { delay: 20 });
    const option = first.getByRole('option', { name: /^KAG SH – / });
    await expect(option).toBeVisible();
    await expect(norm).toHaveAttribute('aria-expanded', 'true');
    await expectNoAxeViolations(page);
    await norm.press('ArrowDown');
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await norm.press('Enter');
    await expect(norm).toHaveValue('KAG SH');
    await expect(
      first.getByRole('status').filter({ hasText: /^Registrierte Rechtsnorm: KAG SH/ }),
    ).toBeVisible();
    await first.getByRole('textbox', { name: /^Fundstelle/ }).fill('§3 Abs.1');
  });

  await test.step('registers a norm that is missing, from a second row, and finds it chosen there', async () => {
    await page.getByRole('button', { name: 'Weitere Rechtsgrundlage hinzufügen' }).click();
    const second = legalBasis(page, 2);
    const norm = second.getByRole('combobox', { name: 'Rechtsnorm' });
    await expect(norm).toBeFocused();
    await norm.fill(NORM);
    await expect(
      second.getByRole('status').filter({ hasText: /Keine registrierte Rechtsnorm/ }),
    ).toBeVisible();
    await second.getByRole('button', { name: /^Rechtsnorm fehlt\? Neu registrieren/ }).click();

    const form = second.getByRole('group', { name: 'Rechtsnorm registrieren' });
    await expect(form.getByRole('textbox', { name: 'Abkürzung' })).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Abkürzung' })).toHaveValue(NORM);
    await form.getByRole('textbox', { name: 'Titel' }).fill(NORM_TITLE);
    await form.getByRole('combobox', { name: 'Rechtsraum' }).selectOption('DE');
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Rechtsnorm registrieren' }).click();

    await expect(
      second
        .getByRole('status')
        .filter({ hasText: `Die Rechtsnorm ${NORM} (${NORM_TITLE}) ist registriert` }),
    ).toBeVisible();
    await expect(norm).toHaveValue(NORM);
    await expect(
      second.getByRole('status').filter({ hasText: `Registrierte Rechtsnorm: ${NORM} – ${NORM_TITLE}` }),
    ).toBeVisible();
    await expect(second.getByRole('textbox', { name: /^Fundstelle/ })).toBeFocused();
    await second.getByRole('textbox', { name: /^Fundstelle/ }).fill('§ 2');
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'leistung-registrieren');
  });

  await test.step('a required field left empty is named at the top and at the field, and nothing is saved', async () => {
    const summaryField = page.getByRole('textbox', { name: 'Kurzbeschreibung' });
    const summaryText = await summaryField.inputValue();
    await summaryField.fill('');
    await page.getByRole('button', { name: 'Leistung registrieren' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Kurzbeschreibung: Bitte geben Sie eine Kurzbeschreibung an.',
    ]);
    await expectNoAxeViolations(page);
    await summary.getByRole('link').click();
    await expect(summaryField).toBeFocused();
    await summaryField.fill(summaryText);
  });

  await test.step("registers it and lands on the service's page with its legal bases", async () => {
    await page.getByRole('button', { name: 'Leistung registrieren' }).click();
    await expect(page).toHaveURL(new RegExp(`/leistungen/${SLUG}$`));
    await visited(page, NAME);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(
      page.getByRole('status').filter({ hasText: `Die Leistung „${NAME}“ ist registriert.` }),
    ).toBeVisible();
    const legalBases = page.getByRole('region', { name: 'Rechtsgrundlagen' });
    // The provision as the API normalised it ("§3 Abs.1" was typed).
    await expect(legalBases.getByRole('listitem').filter({ hasText: /^KAG SH § 3 Abs\. 1\b/ })).toBeVisible();
    await expect(
      legalBases.getByRole('listitem').filter({ hasText: `${NORM} § 2 – ${NORM_TITLE}` }),
    ).toBeVisible();
    await expect(page.getByRole('definition').filter({ hasText: '99102013104000' })).toBeVisible();
    await expect(
      page.getByRole('definition').filter({ hasText: '3 – Online-Antragsdienst (Modell 2.0)' }),
    ).toBeVisible();
  });

  await test.step('edits the summary on "Bearbeiten"', async () => {
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await expect(page).toHaveURL(new RegExp(`/leistungen/${SLUG}/bearbeiten$`));
    await visited(page, 'Leistung bearbeiten');
    await expect(legalBasis(page, 1).getByRole('combobox', { name: 'Rechtsnorm' })).toHaveValue('KAG SH');
    await expect(legalBasis(page, 2).getByRole('combobox', { name: 'Rechtsnorm' })).toHaveValue(NORM);
    // The maintainer reads the QA policy; the operator sets it.
    const qa = page.getByRole('region', { name: 'QA-Richtlinie' });
    await expect(qa).toContainText('Die QA-Richtlinie legt der Betrieb des Registers fest.');
    await expect(qa.getByRole('button')).toHaveCount(0);

    await page
      .getByRole('textbox', { name: 'Kurzbeschreibung' })
      .fill('Einen Hund anmelden und die Hundesteuer festsetzen lassen.');
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'leistung-bearbeiten');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();

    await expect(page).toHaveURL(new RegExp(`/leistungen/${SLUG}$`));
    await visited(page, NAME);
    await expect(
      page.getByRole('status').filter({ hasText: 'Ihre Änderungen sind gespeichert.' }),
    ).toBeVisible();
    await expect(page.getByText('Einen Hund anmelden und die Hundesteuer festsetzen lassen.')).toBeVisible();
    await signOut(page);
  });

  await test.step('the operator sets the QA policy: two usability approvals, no interface review', async () => {
    await page.goto(`/leistungen/${SLUG}`);
    await visited(page, NAME);
    await signInAs(page, PERSONAS.olafOperator);
    await page.getByRole('link', { name: 'Bearbeiten' }).click();
    await visited(page, 'Leistung bearbeiten');
    const qa = page.getByRole('region', { name: 'QA-Richtlinie' });
    await qa.getByRole('combobox', { name: 'Gebrauchstauglichkeit' }).selectOption('2');
    await qa.getByRole('combobox', { name: 'Schnittstellen' }).selectOption('0');
    await qa.getByRole('button', { name: 'QA-Richtlinie speichern' }).click();
    const outcome = qa.getByRole('status').filter({ hasText: 'Die QA-Richtlinie ist gespeichert.' });
    await expect(outcome).toBeVisible();
    await expect(outcome).toContainText(
      'Gebrauchstauglichkeit: 2 Freigaben; Sicherheit: 1 Freigabe; Schnittstellen: nicht erforderlich.',
    );
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'qa-richtlinie');

    // Saved: a fresh load (a deep link, served by the service) shows it.
    await page.reload();
    await visited(page, 'Leistung bearbeiten');
    await expect(qa.getByRole('combobox', { name: 'Gebrauchstauglichkeit' })).toHaveValue('2');
    await expect(qa.getByRole('combobox', { name: 'Sicherheit' })).toHaveValue('1');
    await expect(qa.getByRole('combobox', { name: 'Schnittstellen' })).toHaveValue('0');
  });
});

test('a municipality is offered no "Bearbeiten", and the edit page tells it who may edit', async ({
  page,
}) => {
  await page.goto('/leistungen/wohngeld-beantragen');
  await visited(page, 'Wohngeld beantragen');
  await signInAs(page, PERSONAS.kimKiel);
  await visited(page, 'Wohngeld beantragen');
  // The panel answers for the signed-in viewer: the viewer is known, so "Bearbeiten" would be there.
  const panel = page.getByRole('region', { name: 'Nachnutzung' }).last();
  await expect(
    panel.getByRole('button', { name: 'Nachnutzung beantragen' }).or(panel.getByText('Ihre Nachnutzung:')),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bearbeiten' })).toHaveCount(0);

  await page.goto('/leistungen/wohngeld-beantragen/bearbeiten');
  await visited(page, 'Leistung bearbeiten');
  await expect(
    page.getByText(/Diese Leistung bearbeiten die Maintainer von .+ und der Betrieb des Registers\./),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Änderungen speichern' })).toHaveCount(0);

  await page.goto('/leistungen/neu');
  await visited(page, 'Leistung registrieren');
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveCount(0);
});

/** The group of the n-th legal basis on the service form. */
function legalBasis(page: Page, n: number): Locator {
  return page.getByRole('group', { name: `Rechtsgrundlage ${n}`, exact: true });
}
