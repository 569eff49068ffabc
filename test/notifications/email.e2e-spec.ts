import request from 'supertest';
import { Role } from '#src/common/auth/role';
import { KIEL, publishRelease, registerOrganisation, registerService } from '../support/factories';
import { drain, startSmtpReceiver, type SmtpReceiver } from '../support/notifications';
import { startTestApp, useWorld, type TestApp } from '../support/test-app';

/**
 * E-mail (docs/notifications.md, "E-mail"): real SMTP to a server started here, in German, plain
 * text and HTML with a link to each item's console page, a daily digest per recipient, and an
 * unsubscribe link that works.
 */

const PUBLIC_URL = 'https://register.example.org';

interface World {
  t: TestApp;
  smtp: SmtpReceiver;
  wohngeld: string;
  kim: string;
  /** it@kiel.de: each release at once. */
  immediate: string;
  /** leitung@kiel.de: releases and deprecations, daily. */
  digest: string;
}

async function startWorld(): Promise<World> {
  const smtp = await startSmtpReceiver();
  const t = await startTestApp({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'Nachnutzungsregister <register@example.org>',
    PUBLIC_URL,
    NOTIFICATION_DIGEST_HOUR_UTC: '6',
  });
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000', name: 'Kiel' });
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  const wohngeld = await registerService(t, {
    slug: 'wohngeld',
    name: 'Wohngeld',
    ownerKey: 'dataport',
    subscriptionApproval: 'AUTOMATIC',
  });
  await publishRelease(t, wohngeld, '1.0.0');
  // Kiel subscribes after 1.0.0 came out: that release is no news to it.
  t.clock.advance(60_000);
  const kim = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' });
  await t.gql(
    `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { state } }`,
    { input: { serviceId: wohngeld, versionRange: '^1.0.0' } },
    kim,
  );
  await drain(t);
  const add = async (email: string, kinds: string[], mode: string) => {
    const result = await t.gql(
      `mutation($input: AddEmailRecipientInput!) { addEmailRecipient(input: $input) { id mode } }`,
      { input: { email, kinds, mode } },
      kim,
    );
    expect(result.data?.addEmailRecipient.mode).toBe(mode);
    return result.data!.addEmailRecipient.id as string;
  };
  return {
    t,
    smtp,
    wohngeld,
    kim,
    immediate: await add('it@kiel.de', ['RELEASE_PUBLISHED'], 'IMMEDIATE'),
    digest: await add('leitung@kiel.de', ['RELEASE_PUBLISHED', 'RELEASE_DEPRECATED'], 'DAILY_DIGEST'),
  };
}

describe('e-mail', () => {
  const w = useWorld(startWorld, async (world) => {
    await world.t.close();
    await world.smtp.close();
  });
  const to = (address: string) => w.smtp.messages.filter((m) => m.envelopeTo.includes(address));

  async function deprecate(version: string) {
    const releases = await w.t.gql(
      `query { service(slug: "wohngeld") { releases { edges { node { id version } } } } }`,
      {},
      w.kim,
    );
    const id = releases.data!.service.releases.edges.find((e: any) => e.node.version === version).node.id;
    const operator = await w.t.token({ roles: [Role.OPERATOR] });
    const result = await w.t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Fehler im Bescheid") { state } }`,
      { id },
      operator,
    );
    expect(result.errors).toBeUndefined();
  }

  it('sends each release at once, in German, as text and HTML, with the console link and an unsubscribe link', async () => {
    await publishRelease(w.t, w.wohngeld, '1.1.0');
    await drain(w.t);

    const [mail] = to('it@kiel.de');
    expect(to('it@kiel.de')).toHaveLength(1);
    expect(mail.from?.value).toEqual([{ name: 'Nachnutzungsregister', address: 'register@example.org' }]);
    expect(mail.subject).toBe('Wohngeld 1.1.0 veröffentlicht – neue Zielversion Ihrer Nachnutzung');
    const link = `${PUBLIC_URL}/leistungen/wohngeld/versionen/1.1.0`;
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('Sie erhalten diese Nachricht, weil für Kiel im Nachnutzungsregister');
    expect(mail.html).toContain(`<a href="${link}">Im Nachnutzungsregister ansehen</a>`);
    expect(mail.html).toContain('<html lang="de">');
    const unsubscribe = /Abbestellen: (\S+)/.exec(mail.text!)![1];
    expect(unsubscribe).toMatch(new RegExp(`^${PUBLIC_URL}/notifications/unsubscribe\\?token=[\\w-]{43}$`));
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribe}>`);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('auto-submitted')).toBe('Auto-Submitted: auto-generated');
    // The digest recipient hears of it tomorrow morning, not now.
    expect(to('leitung@kiel.de')).toHaveLength(0);
  });

  it("collects a day's events in one digest the next morning, grouped by kind; the next day's in the next one", async () => {
    await publishRelease(w.t, w.wohngeld, '1.2.0');
    await deprecate('1.2.0'); // Kiel's target: a notice
    await drain(w.t);
    expect(to('leitung@kiel.de')).toHaveLength(0);

    w.t.clock.set('2026-11-29T05:59:00Z');
    await drain(w.t);
    expect(to('leitung@kiel.de')).toHaveLength(0);
    w.t.clock.set('2026-11-29T06:00:00Z');
    await publishRelease(w.t, w.wohngeld, '1.3.0'); // the 29th: tomorrow's digest
    await drain(w.t);

    const digests = to('leitung@kiel.de');
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest.subject).toBe('Nachnutzungsregister: 3 Benachrichtigungen vom 28.11.2026');
    expect(digest.text).toContain('Ihre Benachrichtigungen vom 28.11.2026 für Kiel:');
    expect(digest.text).toMatch(
      /Neue Versionen \(2\)\n- Wohngeld 1\.1\.0 veröffentlicht.*\n {2}https:\/\/register\.example\.org\/leistungen\/wohngeld\/versionen\/1\.1\.0\n- Wohngeld 1\.2\.0/,
    );
    expect(digest.text).toContain(
      'Abgekündigte Versionen (1)\n- Wohngeld 1.2.0 abgekündigt – sie war Ihre Zielversion',
    );
    expect(digest.text).not.toContain('1.3.0');
    expect(digest.html).toContain('<h2 style="font-size:110%">Neue Versionen (2)</h2>');

    w.t.clock.set('2026-11-30T06:00:00Z');
    await drain(w.t);
    expect(to('leitung@kiel.de')).toHaveLength(2);
    expect(to('leitung@kiel.de')[1].subject).toBe('Nachnutzungsregister: 1 Benachrichtigung vom 29.11.2026');
    const log = await w.t.gql(
      `query { notificationSettings { channels { email deliveries { state digestDay detail } } } }`,
      {},
      w.kim,
    );
    const leitung = log.data!.notificationSettings.channels.find((c: any) => c.email === 'leitung@kiel.de');
    expect(leitung.deliveries.map((d: any) => [d.digestDay, d.state])).toEqual([
      ['2026-11-29', 'DELIVERED'],
      ['2026-11-28', 'DELIVERED'],
    ]);
  });

  it('unsubscribes with the link: a confirmation page, then one click (RFC 8058), then no more mail', async () => {
    const mail = to('it@kiel.de')[0];
    const path = /Abbestellen: (\S+)/.exec(mail.text!)![1].slice(PUBLIC_URL.length);
    const server = w.t.app.getHttpServer();

    // Following the link (as a link scanner would) changes nothing.
    const page = await request(server).get(path);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<button type="submit">Abbestellen</button>');
    const before = await w.t.gql(`query { notificationSettings { channels { email enabled } } }`, {}, w.kim);
    expect(before.data!.notificationSettings.channels.every((c: any) => c.enabled)).toBe(true);

    const done = await request(server)
      .post(path)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect(done.text).toContain('An it@kiel.de gehen keine Benachrichtigungen mehr.');
    const after = await w.t.gql(
      `query { notificationSettings { channels { email enabled disabledReason } } }`,
      {},
      w.kim,
    );
    expect(after.data!.notificationSettings.channels.find((c: any) => c.email === 'it@kiel.de')).toEqual({
      email: 'it@kiel.de',
      enabled: false,
      disabledReason: 'unsubscribed by the recipient (link in the e-mail)',
    });

    const sent = to('it@kiel.de').length;
    await publishRelease(w.t, w.wohngeld, '1.4.0');
    await drain(w.t);
    expect(to('it@kiel.de').length).toBe(sent);

    const unknown = await request(server).post('/notifications/unsubscribe?token=nope');
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Dieser Abbestell-Link ist nicht (mehr) gültig.');
  });

  it('tells the settings whether e-mail is configured on this instance', async () => {
    const withoutSmtp = await startTestApp({}, { sharing: w.t });
    try {
      const settings = await withoutSmtp.gql(`query { notificationSettings { emailAvailable } }`, {}, w.kim);
      expect(settings.data!.notificationSettings.emailAvailable).toBe(false);
      const withSmtp = await w.t.gql(`query { notificationSettings { emailAvailable } }`, {}, w.kim);
      expect(withSmtp.data!.notificationSettings.emailAvailable).toBe(true);
    } finally {
      await withoutSmtp.close();
    }
  });
});
