import { expect, PERSONAS, screenshotForGuide, signInAs, test, visited } from './support/console';

/**
 * An expired session (issue 14, part 10: e): the token runs out while the console still holds it;
 * the next request the API refuses leads to sign-in with "Sitzung abgelaufen", and sign-in returns
 * to the page the user was on.
 */
test('an expired token leads to sign-in and back to the page', async ({ page }) => {
  await page.goto('/leistungen?suche=Wohngeld');
  await visited(page, 'Leistungen');
  await signInAs(page, PERSONAS.kimKiel);
  await expect(page).toHaveURL(/\/leistungen\?suche=Wohngeld$/);

  // A token of the same persona that expires in 2 s; the stored session claims a later end, so
  // that only the API's refusal can end it (a clock that differs from the provider's, a revoked
  // token).
  const answer = await page.request.post('/auth/dev/token', {
    data: { persona: 'kim.kiel', expiresInSeconds: 2 },
  });
  expect(answer.status()).toBe(200);
  const { token, expiresAt } = (await answer.json()) as { token: string; expiresAt: string };
  const stored = JSON.stringify({
    token,
    expiresAt: new Date(Date.parse(expiresAt) + 3_600_000).toISOString(),
    via: 'personas',
    label: PERSONAS.kimKiel,
  });
  await page.evaluate(
    `window.sessionStorage.setItem('nachnutzungsregister.sitzung', ${JSON.stringify(stored)})`,
  );
  await page.reload();
  await expect(page.getByText('Angemeldet als')).toBeVisible();
  await page.waitForTimeout(Math.max(0, Date.parse(expiresAt) - Date.now()) + 1_000);

  await page
    .getByRole('navigation', { name: 'Hauptnavigation' })
    .getByRole('link', { name: 'Nachnutzungen' })
    .click();
  await expect(page).toHaveURL(/\/anmelden\?/);
  await visited(page, 'Anmelden');
  await expect(
    page.getByRole('alert').or(page.locator('.kern-alert')).filter({ hasText: 'Sitzung abgelaufen' }),
  ).toBeVisible();
  const query = new URL(page.url()).searchParams;
  expect(query.get('zurueck')).toBe('/nachnutzungen');

  await page.getByRole('button', { name: PERSONAS.kimKiel }).click();
  await expect(page).toHaveURL(/\/nachnutzungen$/);
  await visited(page, 'Nachnutzungen');
  await expect(page.getByText('Angemeldet als')).toBeVisible();
});

test('the sign-in page, for the user guide', async ({ page }) => {
  await page.goto('/anmelden');
  await visited(page, 'Anmelden');
  await expect(page.getByRole('button', { name: PERSONAS.kimKiel })).toBeVisible();
  await screenshotForGuide(page, 'anmelden');
});
