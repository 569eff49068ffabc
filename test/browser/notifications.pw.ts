import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expectNoAxeViolations } from './support/axe';
import { expect, PERSONAS, screenshotForGuide, signInAs, test, visited } from './support/console';

/**
 * A municipality's notifications (issue 17, part 6): Dataport's maintainer suspends and resumes a
 * subscription of the Landeshauptstadt Kiel (through the API, as a script would); the worker makes
 * notices of both for Kiel. Kim Kiel reads them in the console, marks them read (the header's
 * count drops), and sets up a webhook to a receiver on this machine (the service runs with
 * NOTIFICATION_ALLOW_LOOPBACK, support/global-setup.ts): the secret shows once, the next events
 * are delivered and logged; she switches it off and removes it. The browser tests' service has no
 * SMTP: the e-mail form says so.
 *
 * Suspended and resumed, the subscription is ACTIVE again: the other journeys see Kiel as before.
 */

const KIEL = '010020000000';

test('a municipality reads its notifications, marks them read and sets up a webhook', async ({ page }) => {
  const receiver = await startReceiver();
  try {
    const mia = await tokenOf('mia.maintainer');
    const kim = await tokenOf('kim.kiel');
    const subscription = await kielSubscriptionToDataport(mia);
    const before = await settledUnreadOf(kim);

    await test.step("Dataport suspends and resumes one of Kiel's subscriptions", async () => {
      await suspendAndResume(mia, subscription.id);
      // The worker distributes the events within a poll interval or two (a second each).
      await expect.poll(() => unreadOf(kim), { timeout: 20_000 }).toBe(before + 2);
    });

    const suspended = `Ihre Nachnutzung von ${subscription.service.name} wurde ausgesetzt: Wartung der Schnittstelle`;
    const resumed = `Ihre Nachnutzung von ${subscription.service.name} wird fortgesetzt`;

    await test.step('Kim Kiel sees them unread under Benachrichtigungen, the count in the header', async () => {
      await page.goto('/');
      await visited(page, 'Start');
      await signInAs(page, PERSONAS.kimKiel);
      await navLink(page, `Benachrichtigungen, ${before + 2} ungelesen`).click();
      await visited(page, 'Benachrichtigungen');
      const list = page.getByRole('list', { name: 'Benachrichtigungen, die neuesten zuerst' });
      const items = list.getByRole('listitem');
      await expect(items.nth(0).getByRole('link')).toHaveText(resumed);
      await expect(items.nth(1).getByRole('link')).toHaveText(suspended);
      await expect(items.nth(0).getByText('Ungelesen')).toBeVisible();
      await expect(items.nth(1).getByText('Ungelesen')).toBeVisible();
      await screenshotForGuide(page, 'benachrichtigungen');
    });

    await test.step('marking one read and following the other drop the count', async () => {
      await page.getByRole('button', { name: `Als gelesen markieren: ${resumed}` }).click();
      await expect(navLink(page, `Benachrichtigungen, ${before + 1} ungelesen`)).toBeVisible();
      const unreadOnly = page.getByRole('checkbox', { name: 'Nur ungelesene' });
      await unreadOnly.click();
      await expect(page).toHaveURL(/\/benachrichtigungen\?ungelesen=1$/);
      await expect(unreadOnly).toBeChecked();
      await expect(unreadOnly).toBeFocused();
      await expect(page.getByRole('link', { name: resumed })).toHaveCount(0);
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: suspended }).click();
      await visited(page, 'Nachnutzungen');
      await expect(
        navLink(page, before === 0 ? 'Benachrichtigungen' : `Benachrichtigungen, ${before} ungelesen`),
      ).toBeVisible();
      await page.goBack();
      await visited(page, 'Benachrichtigungen');
      if (before > 0) {
        await page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
        await expect(
          page.getByRole('status').filter({ hasText: 'Alle Benachrichtigungen sind' }),
        ).toBeVisible();
      }
      await expect(page.getByText('Sie haben alle Benachrichtigungen gelesen.')).toBeVisible();
      await expect(navLink(page, 'Benachrichtigungen')).toBeVisible();
    });

    const hook = `http://127.0.0.1:${receiver.port}/hook`;
    const card = page.getByRole('region', { name: `Webhook: ${hook}` });

    await test.step('she adds a webhook and sees its secret once', async () => {
      await page.getByRole('link', { name: 'Benachrichtigungen einstellen' }).click();
      await visited(page, 'Benachrichtigungen einstellen');
      // This registry has no SMTP server: the e-mail form says so and is disabled.
      await expect(page.getByText('E-Mail ist nicht eingerichtet')).toBeVisible();
      const email = page.getByRole('form', { name: 'E-Mail-Empfänger hinzufügen' });
      await expect(email.getByRole('textbox', { name: 'E-Mail-Adresse' })).toBeDisabled();

      const form = page.getByRole('form', { name: 'Webhook hinzufügen' });
      await form.getByRole('textbox', { name: 'Adresse (URL)' }).fill(hook);
      await form.getByRole('checkbox', { name: 'Nachnutzung ausgesetzt' }).check();
      await form.getByRole('checkbox', { name: 'Nachnutzung fortgesetzt' }).check();
      await form.getByRole('button', { name: 'Webhook hinzufügen' }).click();
      await expect(page.getByText(/^whsec_[A-Za-z0-9+/=]{40,}$/)).toBeVisible();
      await expect(page.getByText('Es wird nur jetzt angezeigt und nicht noch einmal.')).toBeVisible();
      await expect(card.getByText('Aktiv', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.reload();
      await visited(page, 'Benachrichtigungen einstellen');
      await expect(card).toBeVisible();
      await expect(page.getByText(/whsec_/)).toHaveCount(0);
    });

    await test.step('the next events reach the receiver, and the delivery log says so', async () => {
      await suspendAndResume(mia, subscription.id);
      await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
      expect(receiver.received.map((r) => r.headers['webhook-signature'])).toEqual([
        expect.stringMatching(/^v1,/),
        expect.stringMatching(/^v1,/),
      ]);
      await expect(async () => {
        await page.reload();
        await visited(page, 'Benachrichtigungen einstellen');
        await expect(card.getByText('Zustellungen (2)')).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 20_000 });
      await card.getByText('Zustellungen (2)').click();
      const log = card.getByRole('table', { name: /Zustellungen an/ });
      await expect(log.getByRole('cell', { name: 'Zugestellt', exact: true })).toHaveCount(2);
      await expect(log).toContainText('204');
      await expectNoAxeViolations(page);
      await screenshotForGuide(page, 'benachrichtigungen-einstellungen');
    });

    await test.step('she switches it off and on, then removes it after confirming', async () => {
      await card.getByRole('button', { name: /^Ausschalten: Webhook/ }).click();
      await expect(card.getByRole('status').filter({ hasText: 'ist ausgeschaltet' })).toBeVisible();
      await expect(card.getByText('Abgeschaltet', { exact: true })).toBeVisible();
      await card.getByRole('button', { name: /^Einschalten: Webhook/ }).click();
      await expect(card.getByText('Aktiv', { exact: true })).toBeVisible();

      await card.getByRole('button', { name: /^Entfernen: Webhook/ }).click();
      await card.getByRole('button', { name: 'Ja, entfernen' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: `Webhook ${hook} ist entfernt.` }),
      ).toBeVisible();
      await expect(card).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  } finally {
    await receiver.stop();
  }
});

function navLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name, exact: true });
}

/** A development token of a demo persona, as the sign-in page gets one. */
async function tokenOf(persona: string): Promise<string> {
  const response = await fetch(`${process.env.BROWSER_BASE_URL}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function gql<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${process.env.BROWSER_BASE_URL}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'accept-language': 'de',
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data!;
}

interface SubscriptionRow {
  id: string;
  service: { slug: string; name: string };
}

/** An ACTIVE subscription of Kiel to a Dataport service that no other journey uses. */
async function kielSubscriptionToDataport(mia: string): Promise<SubscriptionRow> {
  const data = await gql<{ subscriptions: { edges: { node: SubscriptionRow }[] } }>(
    mia,
    `query ($org: String!) {
      subscriptions(organisationKey: $org, ownerKey: "dataport", state: ACTIVE, first: 50) {
        edges { node { id service { slug name } } }
      }
    }`,
    { org: KIEL },
  );
  const taken = ['wohngeld-beantragen', 'fuehrungszeugnis-beantragen'];
  const found = data.subscriptions.edges.map((e) => e.node).find((s) => !taken.includes(s.service.slug));
  expect(found, 'the demo data has an active subscription of Kiel to a Dataport service').toBeDefined();
  return found!;
}

async function suspendAndResume(mia: string, id: string): Promise<void> {
  await gql(
    mia,
    'mutation ($id: ID!) { suspendSubscription(id: $id, reason: "Wartung der Schnittstelle") { id } }',
    {
      id,
    },
  );
  await gql(mia, 'mutation ($id: ID!) { resumeSubscription(id: $id) { id state } }', { id });
}

/**
 * The unread count once no more notifications are arriving: a journey that ran before this one
 * (a release that affects Kiel) may still have events on their way through the worker.
 */
async function settledUnreadOf(token: string): Promise<number> {
  let count = await unreadOf(token);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2_500)); // longer than two poll intervals
    const now = await unreadOf(token);
    if (now === count) {
      return now;
    }
    count = now;
  }
}

async function unreadOf(token: string): Promise<number> {
  const data = await gql<{ notifications: { unreadCount: number } }>(
    token,
    '{ notifications(first: 1) { unreadCount } }',
  );
  return data.notifications.unreadCount;
}

/** A webhook receiver on 127.0.0.1 that answers 204 and keeps what it got. */
async function startReceiver(): Promise<{
  port: number;
  received: { headers: IncomingMessage['headers']; body: string }[];
  stop: () => Promise<void>;
}> {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
