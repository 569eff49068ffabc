import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from './axe';
import { ROOT } from './service';

/**
 * What the journeys share: the service global-setup.ts started (the base URL), and steps a user
 * takes on every visit (sign in by persona, sign out), each page checked by axe on arrival.
 */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.BROWSER_BASE_URL;
    if (!url) {
      throw new Error('BROWSER_BASE_URL is not set: run the browser tests with npm run test:browser');
    }
    await use(url);
  },
});
export { expect };

export const PERSONAS = {
  kimKiel: 'Kim Kiel, Landeshauptstadt Kiel (Nachnutzende Kommune)',
  lucaLuebeck: 'Luca Lübeck, Hansestadt Lübeck (Nachnutzende Kommune)',
  miaMaintainer: 'Mia Maintainer, Dataport (Maintainer)',
  olafOperator: 'Olaf Operator, ITVSH (Betrieb)',
} as const;

/** The page has settled: its h1 is there and nothing says "loading". */
export async function pageReady(page: Page, heading: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Arrived on a page: it has its heading and axe finds nothing. */
export async function visited(page: Page, heading: string | RegExp): Promise<void> {
  await pageReady(page, heading);
  await expectNoAxeViolations(page);
}

/** Through the header's "Anmelden" link and a persona's button; back where the user was. */
export async function signInAs(page: Page, persona: string): Promise<void> {
  await page.getByRole('banner').getByRole('link', { name: 'Anmelden' }).click();
  await visited(page, 'Anmelden');
  await page.getByRole('button', { name: persona }).click();
  await expect(page.getByText('Angemeldet als')).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Anmelden' })).toBeVisible();
}

/** A full-page PNG for the user guide (docs/handbuch/bilder/<name>.png), only with SCREENSHOTS=1. */
export async function screenshotForGuide(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') {
    return;
  }
  const folder = join(ROOT, 'docs', 'handbuch', 'bilder');
  mkdirSync(folder, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(folder, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** The field "Suche": a combobox with suggestions while typing (web/src/catalogue/search-field.tsx). */
export function searchField(scope: Page | Locator): Locator {
  return scope.getByRole('combobox', { name: 'Suche' });
}

/**
 * The service page's "Nachnutzung" panel (SubscriptionPanel). The innermost region of that name:
 * the page's section and the panel are both labelled "Nachnutzung" at the moment.
 */
export function subscriptionPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Nachnutzung' }).last();
}

/** The panel's line "Ihre Nachnutzung: <state>". */
export function ownSubscription(panel: Locator): Locator {
  return panel.getByRole('paragraph').filter({ hasText: 'Ihre Nachnutzung:' });
}
