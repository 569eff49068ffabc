import type { Locator, Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import {
  expect,
  ownSubscription,
  PERSONAS,
  screenshotForGuide,
  signInAs,
  signOut,
  subscriptionPanel,
  test,
  visited,
} from './support/console';

/**
 * A municipality asks to reuse a service with manual approval; the owner's maintainer accepts;
 * the municipality reports what it runs and learns of the update (issue 14, part 10: b, c).
 * Wohngeld beantragen (Dataport, manual approval, 1.0.0 and 1.1.0 published): Kiel has no
 * subscription to it in the demo data. The keyboard journey uses Lübeck and the
 * Führungszeugnis (Dataport, manual, 1.0.0 and 1.1.0), so the two do not meet.
 */

test('a municipality requests a subscription, the owner accepts it, the municipality deploys and sees the update', async ({
  page,
}) => {
  await test.step('Kim Kiel requests ^1.0.0 and sees the version it resolves to while typing', async () => {
    await page.goto('/leistungen/wohngeld-beantragen');
    await visited(page, 'Wohngeld beantragen');
    await signInAs(page, PERSONAS.kimKiel);
    await expect(page).toHaveURL(/\/leistungen\/wohngeld-beantragen$/);
    await visited(page, 'Wohngeld beantragen');

    const panel = subscriptionPanel(page);
    await panel.getByRole('button', { name: 'Nachnutzung beantragen' }).click();
    const range = panel.getByRole('textbox', { name: 'Versionsbereich' });
    await range.fill('');
    await range.pressSequentially('^1.0.0');
    await expect(panel.getByText('Passt derzeit zu Version 1.1.0')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'nachnutzung-beantragen');

    await panel.getByRole('button', { name: 'Antrag stellen' }).click();
    await expect(
      panel.getByRole('status').filter({ hasText: 'Ihr Antrag auf Nachnutzung ist gestellt.' }),
    ).toBeVisible();
    await expect(ownSubscription(panel)).toContainText('Beantragt');
    await expectNoAxeViolations(page);
    await signOut(page);
  });

  await test.step("Dataport's maintainer accepts the request on /nachnutzungen", async () => {
    await signInAs(page, PERSONAS.miaMaintainer);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Nachnutzungen' })
      .click();
    await visited(page, 'Nachnutzungen');
    const requests = page.getByRole('region', { name: 'Anträge auf Nachnutzung' });
    const row = rowOf(requests, 'Wohngeld beantragen', 'Landeshauptstadt Kiel');
    await row.getByRole('button', { name: /^Annehmen/ }).click();
    await page.getByRole('textbox', { name: /Aktenzeichen der Vereinbarung/ }).fill('NNV-SH-100');
    await page.getByRole('button', { name: /^Antrag annehmen/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /angenommen/i })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'nachnutzungen-maintainer');
    await signOut(page);
  });

  await test.step('Kim Kiel sees it active, reports 1.0.0 deployed and sees that an update is available', async () => {
    await signInAs(page, PERSONAS.kimKiel);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Nachnutzungen' })
      .click();
    await visited(page, 'Nachnutzungen');
    const own = page.getByRole('region', { name: 'Nachnutzungen Ihrer Organisation' });
    const row = rowOf(own, 'Wohngeld beantragen');
    await expect(row.getByText('Aktiv', { exact: true })).toBeVisible();
    await row.getByRole('button', { name: /^Einsatz melden/ }).click();
    await page.getByRole('combobox', { name: 'Eingesetzte Version' }).selectOption('1.0.0');
    await page.getByRole('button', { name: /^Einsatz speichern/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /gespeichert|gemeldet/i })).toBeVisible();
    await expect(rowOf(own, 'Wohngeld beantragen').getByText('Update verfügbar')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshotForGuide(page, 'nachnutzungen-kommune');

    await page.goto('/leistungen/wohngeld-beantragen');
    await visited(page, 'Wohngeld beantragen');
    const panel = subscriptionPanel(page);
    await expect(ownSubscription(panel)).toContainText('Aktiv');
    await expect(panel.getByText('Update verfügbar')).toBeVisible();

    // The start page names it under "Was jetzt ansteht".
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Start' })
      .click();
    await visited(page, 'Start');
    const updates = page.getByRole('region', { name: 'Updates verfügbar' });
    await expect(updates.getByRole('link', { name: 'Wohngeld beantragen' })).toBeVisible();
    await screenshotForGuide(page, 'start-kommune');
  });
});

test('the same request by keyboard alone', async ({ page }) => {
  // Typing an address is what a keyboard user does too; from here on no click.
  await page.goto('/anmelden?zurueck=/leistungen/fuehrungszeugnis-beantragen');
  await visited(page, 'Anmelden');
  await tabTo(page, page.getByRole('button', { name: PERSONAS.lucaLuebeck }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/leistungen\/fuehrungszeugnis-beantragen$/);
  await visited(page, /Führungszeugnis/);

  const panel = subscriptionPanel(page);
  await tabTo(page, panel.getByRole('button', { name: 'Nachnutzung beantragen' }));
  await page.keyboard.press('Space');
  const range = panel.getByRole('textbox', { name: 'Versionsbereich' });
  await tabTo(page, range);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('^1.0.0');
  await expect(panel.getByText('Passt derzeit zu Version 1.1.0')).toBeVisible();

  const submit = panel.getByRole('button', { name: 'Antrag stellen' });
  await tabTo(page, submit);
  // Back to the field and forth again: Shift+Tab walks the same order backwards.
  await tabTo(page, range, 'Shift+Tab');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  await expect(
    panel.getByRole('status').filter({ hasText: 'Ihr Antrag auf Nachnutzung ist gestellt.' }),
  ).toBeVisible();
  await expect(ownSubscription(panel)).toContainText('Beantragt');
  await expectNoAxeViolations(page);
});

/** A table row naming all of `texts`. */
function rowOf(scope: Locator, ...texts: string[]): Locator {
  let row = scope.getByRole('row');
  for (const text of texts) {
    row = row.filter({ hasText: text });
  }
  return row;
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after 60 presses. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    if (
      await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)
    ) {
      return;
    }
    await page.keyboard.press(key);
  }
  await expect(target, `not reached by ${key}`).toBeFocused();
}
