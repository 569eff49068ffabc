import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, PERSONAS, screenshotForGuide, signInAs, signOut, test, visited } from './support/console';

/**
 * A release from draft to published (issue 16, part 7): Rita Review (Dataport, maintainer and
 * security reviewer) creates a version of "Hundesteuer anmelden" (Dataport; 2.0.0 published) and
 * is warned that a breaking change needs a new major version; she submits it and finds no sign-off
 * button on her own release; Uwe approves usability, a new artifact makes his approval outdated,
 * he approves again; Sina's rejection without a comment is refused at the field, then she
 * approves; Ingo approves the interfaces; Rita publishes. No other journey touches this service.
 */

const SERVICE = '/leistungen/hundesteuer-anmelden';
const HELMET = 'Ausnahmegenehmigung von der Gurtanlege- und Helmtragepflicht';
const RELEASE = `${SERVICE}/versionen/3.0.0`;
const DIGEST = `sha256:${'3'.repeat(64)}`;
const NEW_DIGEST = `sha256:${'4'.repeat(64)}`;
// Notes that try to run code: the page must show them as text and run nothing.
const NOTES = [
  '**Neue Gebührenberechnung** nach der Hundesteuersatzung 2027.',
  '',
  '- Zahlung über ePayment 2.0',
  '',
  '<script>window.__notesRan = "script"</script>',
  '<img src="x" onerror="window.__notesRan = \'onerror\'">',
].join('\n');

function gate(page: Page, name: string) {
  return page.getByRole('region', { name: `Prüfung ${name}` });
}

async function reviewAs(page: Page, persona: string, gateName: string, comment?: string) {
  await signInAs(page, persona);
  await page.goto(RELEASE);
  await visited(page, 'Hundesteuer anmelden 3.0.0');
  const section = gate(page, gateName);
  await section.getByRole('button', { name: 'Freigeben' }).click();
  if (comment) {
    await section.getByRole('textbox', { name: /Kommentar/ }).fill(comment);
  }
  await section.getByRole('button', { name: 'Freigabe speichern' }).click();
  await expect(section.getByText('Ihre Freigabe ist gespeichert')).toBeVisible();
}

test('a release goes from draft to published with three sign-offs, the four-eyes and semver rules visible', async ({
  page,
}) => {
  // Five people sign in and out in turn: longer than one page's journey.
  test.setTimeout(240_000);
  await test.step('Rita creates 2.1.0 with a breaking change, sees the warning and takes 3.0.0', async () => {
    await page.goto(SERVICE);
    await visited(page, 'Hundesteuer anmelden');
    await signInAs(page, PERSONAS.ritaReview);
    await page.getByRole('link', { name: 'Neue Version anlegen' }).click();
    await visited(page, 'Neue Version von Hundesteuer anmelden');
    await page.getByRole('textbox', { name: 'Version', exact: true }).fill('2.1.0');
    await page.getByRole('textbox', { name: /Prüfsumme des Artefakts/ }).fill(DIGEST);
    await page.getByRole('textbox', { name: /Versionshinweise/ }).fill(NOTES);
    await page.getByRole('button', { name: 'Änderung hinzufügen' }).click();
    await page.getByRole('combobox', { name: 'Art der Änderung 1' }).selectOption('BREAKING');
    await page
      .getByRole('textbox', { name: 'Beschreibung der Änderung 1' })
      .fill('Das Feld „Rasse“ entfällt im Antrag');
    const warning = page
      .getByRole('status')
      .filter({ hasText: 'Versionsnummer passt nicht zu den Änderungen' });
    await expect(warning).toContainText('Vorgeschlagen: 3.0.0');
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'version-anlegen');
    await warning.getByRole('button', { name: 'Version 3.0.0 übernehmen' }).click();
    await expect(page.getByRole('textbox', { name: 'Version', exact: true })).toHaveValue('3.0.0');
    await expect(warning).toHaveCount(0);
    await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await visited(page, 'Hundesteuer anmelden 3.0.0');
    await expect(page).toHaveURL(new RegExp(`${RELEASE}$`));
  });

  await test.step('the notes are Markdown, and the script and the onerror attribute in them do not run', async () => {
    const notes = page.getByRole('region', { name: 'Versionshinweise' });
    await expect(notes.locator('strong', { hasText: 'Neue Gebührenberechnung' })).toBeVisible();
    await expect(notes.getByRole('listitem').filter({ hasText: 'Zahlung über ePayment 2.0' })).toBeVisible();
    await expect(page.locator('main script')).toHaveCount(0);
    await expect(page.locator('main [onerror]')).toHaveCount(0);
    expect(await page.evaluate(() => (globalThis as { __notesRan?: string }).__notesRan)).toBeUndefined();
  });

  await test.step('Rita submits; as the creator she finds no sign-off button, and the sentence why', async () => {
    await page.getByRole('button', { name: 'Einreichen' }).click();
    await expect(page.getByText('Version 3.0.0 ist eingereicht')).toBeVisible();
    await expect(page.getByText('In Prüfung', { exact: true }).first()).toBeVisible();
    const security = gate(page, 'Sicherheit');
    await expect(security.getByText('Nach dem Vier-Augen-Prinzip')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Freigeben' })).toHaveCount(0);
    await expect(page.getByText('Veröffentlichen ist noch nicht möglich')).toBeVisible();
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  await test.step('Uwe finds it in his queue and approves usability', async () => {
    await signInAs(page, PERSONAS.uweUsability);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Prüfungen' })
      .click();
    await visited(page, 'Prüfungen');
    const row = page.getByRole('row').filter({ hasText: 'Hundesteuer anmelden' });
    await expect(row).toContainText('Gebrauchstauglichkeit');
    await expect(row).toContainText('seit wenigen Minuten');
    await screenshotForGuide(page, 'pruefungen');
    await signOut(page);
    await reviewAs(
      page,
      PERSONAS.uweUsability,
      'Gebrauchstauglichkeit',
      'Barrierefrei nach BITV 2.0 geprüft',
    );
    await expect(gate(page, 'Gebrauchstauglichkeit').getByText('Bestanden', { exact: true })).toBeVisible();
    await signOut(page);
  });

  await test.step('Rita changes the artifact: the page warns first, then shows the approval outdated', async () => {
    await signInAs(page, PERSONAS.ritaReview);
    await page.goto(RELEASE);
    await visited(page, 'Hundesteuer anmelden 3.0.0');
    await page.getByRole('button', { name: 'Artefakt ändern' }).click();
    await expect(
      page.getByText('gelten alle bisherigen Freigaben und Ablehnungen als veraltet'),
    ).toBeVisible();
    await page.getByRole('textbox', { name: /Prüfsumme \(SHA-256\)/ }).fill(NEW_DIGEST);
    await page.getByRole('button', { name: 'Artefakt ändern' }).last().click();
    await expect(page.getByText('Bisherige Freigaben gelten als veraltet')).toBeVisible();
    const usability = gate(page, 'Gebrauchstauglichkeit');
    await expect(usability.getByText('Veraltet: galt einem früheren Artefakt')).toBeVisible();
    await expect(usability.getByText('Offen', { exact: true })).toBeVisible();
    await expect(page.getByText(NEW_DIGEST)).toBeVisible();
    await signOut(page);
  });

  await test.step("Uwe approves again; Sina's rejection without a comment is refused at the field, then she approves", async () => {
    await reviewAs(page, PERSONAS.uweUsability, 'Gebrauchstauglichkeit');
    await signOut(page);

    await signInAs(page, PERSONAS.sinaSecurity);
    await page.goto(RELEASE);
    await visited(page, 'Hundesteuer anmelden 3.0.0');
    const security = gate(page, 'Sicherheit');
    await security.getByRole('button', { name: 'Ablehnen' }).click();
    await security.getByRole('button', { name: 'Ablehnung speichern' }).click();
    const reason = security.getByRole('textbox', { name: 'Begründung' });
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(security.getByText('Bitte begründen Sie die Ablehnung')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'ablehnen-ohne-begruendung');
    await security.getByRole('button', { name: 'Abbrechen' }).click();
    await signOut(page);
    await reviewAs(page, PERSONAS.sinaSecurity, 'Sicherheit', 'IT-Grundschutz APP.3.1 geprüft');
    await signOut(page);
    await reviewAs(
      page,
      PERSONAS.ingoInterfaces,
      'Schnittstellen',
      'FIT-Connect und Servicekonto unverändert',
    );
    await signOut(page);
  });

  await test.step('Rita publishes', async () => {
    await signInAs(page, PERSONAS.ritaReview);
    await page.goto(RELEASE);
    await visited(page, 'Hundesteuer anmelden 3.0.0');
    await expect(page.getByText('Freigegeben', { exact: true }).first()).toBeVisible();
    await screenshotForGuide(page, 'version-freigegeben');
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await expect(page.getByText('Version 3.0.0 ist veröffentlicht')).toBeVisible();
    await expect(page.getByText('Veröffentlicht', { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(SERVICE);
    await visited(page, 'Hundesteuer anmelden');
    await expect(page.getByText('Prüfungen der aktuellen Version 3.0.0:')).toBeVisible();
  });
});

test('a semver-inconsistent release: the interface reviewer is told that the approval changes nothing', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // "Ausnahmegenehmigung Gurt- und Helmpflicht" has 1.1.0 published (FIT-Connect, Servicekonto and
  // ePayment for its fee); Mia creates 1.3.0 that drops the last of these interfaces (they are
  // edited before submission), which only a major version may do.
  await page.goto('/leistungen/ausnahmegenehmigung-gurt-und-helmpflicht');
  await signInAs(page, PERSONAS.miaMaintainer);
  await page.getByRole('link', { name: 'Neue Version anlegen' }).click();
  await visited(page, `Neue Version von ${HELMET}`);
  await page.getByRole('textbox', { name: 'Version', exact: true }).fill('1.3.0');
  await page.getByRole('textbox', { name: /Prüfsumme des Artefakts/ }).fill(DIGEST);
  await page
    .getByRole('button', { name: /^Schnittstelle \d+ entfernen$/ })
    .last()
    .click();
  await expect(page.getByText('Vorgeschlagen: 2.0.0')).toBeVisible();
  await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
  await visited(page, `${HELMET} 1.3.0`);
  await expect(page.getByText('passt nicht; mindestens 2.0.0')).toBeVisible();
  await page.getByRole('button', { name: 'Einreichen' }).click();
  await expect(page.getByText('Version 1.3.0 ist eingereicht')).toBeVisible();
  await signOut(page);

  await signInAs(page, PERSONAS.ingoInterfaces);
  await page.goto('/leistungen/ausnahmegenehmigung-gurt-und-helmpflicht/versionen/1.3.0');
  await visited(page, `${HELMET} 1.3.0`);
  const interfaces = gate(page, 'Schnittstellen');
  await expect(interfaces.getByText('Ihre Freigabe ändert den Status nicht')).toBeVisible();
  await interfaces.getByRole('button', { name: 'Freigeben' }).click();
  await interfaces.getByRole('button', { name: 'Freigabe speichern' }).click();
  await expect(interfaces.getByText('ändert den Status der Prüfung aber nicht')).toBeVisible();
  await expect(interfaces.getByText('Offen', { exact: true })).toBeVisible();
  await expect(interfaces.getByText(/Die Version muss mindestens 2\.0\.0 heißen/)).toBeVisible();
  await expectNoAxeViolations(page);
  await signOut(page);

  // The operator lifts the hold with a waiver: reason, ticket and an expiry within 366 days.
  await signInAs(page, PERSONAS.olafOperator);
  await page.goto('/leistungen/ausnahmegenehmigung-gurt-und-helmpflicht/versionen/1.3.0');
  await visited(page, `${HELMET} 1.3.0`);
  const held = gate(page, 'Schnittstellen');
  await expect(held.getByRole('button', { name: 'Freigeben' })).toHaveCount(0);
  await held.getByRole('button', { name: 'Ausnahme erteilen' }).click();
  await held
    .getByRole('textbox', { name: 'Begründung' })
    .fill('Schnittstelle entfällt fachlich; mit dem Fachverfahren abgestimmt');
  await held.getByRole('textbox', { name: /Vorgang/ }).fill('QA-2026-107');
  const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await held.getByLabel(/Gilt bis/).fill(until);
  await expectNoAxeViolations(page);
  await held.getByRole('button', { name: 'Ausnahme erteilen' }).last().click();
  await expect(held.getByText('Die Ausnahme gilt bis')).toBeVisible();
  await expect(held.getByText('Ausnahme erteilt', { exact: true }).first()).toBeVisible();
});
