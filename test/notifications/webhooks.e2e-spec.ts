import { createHmac } from 'node:crypto';
import { hostname } from 'node:os';
import { Webhook } from 'standardwebhooks';
import { Role } from '#src/common/auth/role';
import { newWebhookSecret } from '#src/notifications/notification.rules';
import { KIEL, LUEBECK, publishRelease, registerOrganisation, registerService } from '../support/factories';
import {
  drain,
  startWebhookReceiver,
  type ReceivedRequest,
  type WebhookReceiver,
} from '../support/notifications';
import { errorCode, startTestApp, useWorld, type TestApp } from '../support/test-app';

/**
 * Webhooks (docs/notifications.md, "Webhooks"): Standard Webhooks signatures a receiver verifies
 * with the published algorithm, retries until a receiver answers, one delivery per notification
 * with any number of instances, the endpoint switched off after failures, secret rotation, and
 * the address checks at registration and at delivery.
 */

const HOUR = 3_600_000;
const ENV = {
  NOTIFICATION_ALLOW_LOOPBACK: 'true',
  NOTIFICATION_RETRY_DELAY_MS: '1000',
  NOTIFICATION_DISABLE_AFTER_FAILURES: '5',
};
const CHANNEL = `id url enabled disabledReason disabledAt failureStreak previousSecretValidUntil
  deliveries { state attempts responseStatus detail deliveredAt title }`;

interface World {
  t: TestApp;
  wohngeld: string;
  kim: string;
  lea: string;
  receiver: WebhookReceiver;
  /** Publishes the next minor version of wohngeld (1.1.0, 1.2.0, ...); Kiel's subscription (^1.0.0) gets a notice. */
  publishNext(): Promise<string>;
}

async function startWorld(): Promise<World> {
  const t = await startTestApp(ENV);
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  const wohngeld = await registerService(t, {
    slug: 'wohngeld',
    name: 'Wohngeld',
    ownerKey: 'dataport',
    subscriptionApproval: 'AUTOMATIC',
  });
  await publishRelease(t, wohngeld, '1.0.0');
  const kim = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' });
  const subscribed = await t.gql(
    `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { state } }`,
    { input: { serviceId: wohngeld, versionRange: '^1.0.0' } },
    kim,
  );
  expect(subscribed.data?.requestSubscription.state).toBe('ACTIVE');
  await drain(t);
  let minor = 0;
  return {
    t,
    wohngeld,
    kim,
    lea: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK, sub: 'lea' }),
    receiver: await startWebhookReceiver(),
    async publishNext() {
      const version = `1.${++minor}.0`;
      await publishRelease(t, wohngeld, version);
      return version;
    },
  };
}

describe('webhooks', () => {
  const w = useWorld(startWorld, async (world) => {
    await world.receiver.close();
    await world.t.close();
  });

  async function addWebhook(url = w.receiver.url, token = w.kim, t = w.t) {
    return t.gql(
      `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { secret channel { ${CHANNEL} } } }`,
      { input: { url, kinds: ['RELEASE_PUBLISHED'] } },
      token,
    );
  }
  async function added(url = w.receiver.url) {
    const result = await addWebhook(url);
    expect(result.errors).toBeUndefined();
    return result.data!.addWebhookEndpoint as { secret: string; channel: { id: string } };
  }
  async function channel(id: string) {
    const result = await w.t.gql(`query { notificationSettings { channels { ${CHANNEL} } } }`, {}, w.kim);
    return result.data!.notificationSettings.channels.find((c: any) => c.id === id);
  }
  const headersOf = (request: ReceivedRequest) => request.headers as Record<string, string>;
  const verify = (secret: string, request: ReceivedRequest) =>
    new Webhook(secret).verify(request.body, headersOf(request)) as any;

  afterEach(async () => {
    // Each test starts with no endpoints, an empty receiver that answers 200 at once.
    const settings = await w.t.gql(`query { notificationSettings { channels { id } } }`, {}, w.kim);
    for (const { id } of settings.data!.notificationSettings.channels) {
      await w.t.gql(`mutation($id: ID!) { removeNotificationChannel(id: $id) }`, { id }, w.kim);
    }
    await drain(w.t);
    w.receiver.requests.length = 0;
    w.receiver.status = () => 200;
    w.receiver.delayMs = 0;
  });

  it('signs each delivery as Standard Webhooks specifies, verifiable with its library and by hand', async () => {
    const { secret, channel: endpoint } = await added();
    expect(secret).toMatch(/^whsec_/);
    const version = await w.publishNext();
    await drain(w.t);

    expect(w.receiver.requests).toHaveLength(1);
    const [request] = w.receiver.requests;
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^Nachnutzungsregister-Webhooks\//);
    const payload = verify(secret, request);
    expect(payload).toMatchObject({
      type: 'release.published',
      schemaVersion: 1,
      organisation: { key: KIEL },
      url: `http://localhost:3000/leistungen/wohngeld/versionen/${version}`,
      data: { release: { version }, inRange: true, newTarget: true },
    });
    expect(request.headers['webhook-id']).toBe(payload.id);
    // The algorithm itself: HMAC-SHA256 with the base64 key after whsec_, over "id.timestamp.body".
    const id = request.headers['webhook-id'] as string;
    const timestamp = request.headers['webhook-timestamp'] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64'))
      .update(`${id}.${timestamp}.${request.body}`)
      .digest('base64');
    expect(request.headers['webhook-signature']).toBe(`v1,${expected}`);
    // A changed body or another secret does not verify.
    expect(() =>
      new Webhook(secret).verify(request.body.replace(version, '9.9.9'), headersOf(request)),
    ).toThrow();
    expect(() => verify(newWebhookSecret(), request)).toThrow();

    const log = (await channel(endpoint.id)).deliveries;
    expect(log).toEqual([
      expect.objectContaining({
        state: 'DELIVERED',
        attempts: 1,
        responseStatus: 200,
        detail: 'HTTP 200',
        title: expect.stringContaining(version),
      }),
    ]);
  });

  it('retries a receiver that fails three times, and delivers exactly once more when it answers', async () => {
    const { secret, channel: endpoint } = await added();
    w.receiver.status = (index) => (index < 3 ? 503 : 200);
    await w.publishNext();
    await drain(w.t);
    expect(w.receiver.requests).toHaveLength(1);
    // Not due again until the retry delay has passed.
    await drain(w.t);
    expect(w.receiver.requests).toHaveLength(1);
    expect((await channel(endpoint.id)).deliveries[0]).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      responseStatus: 503,
    });
    for (let i = 0; i < 3; i++) {
      w.t.clock.advance(HOUR);
      await drain(w.t);
    }
    w.t.clock.advance(48 * HOUR);
    await drain(w.t);

    expect(w.receiver.requests.map((r) => r.headers['webhook-id'])).toEqual(
      Array(4).fill(w.receiver.requests[0].headers['webhook-id']),
    );
    expect(w.receiver.requests.every((r) => verify(secret, r))).toBe(true);
    const after = await channel(endpoint.id);
    expect(after.deliveries).toEqual([
      expect.objectContaining({ state: 'DELIVERED', attempts: 4, responseStatus: 200 }),
    ]);
    expect(after.failureStreak).toBe(0);
  });

  it('delivers each notification once when two instances work the same database', async () => {
    const second = await startTestApp(ENV, { sharing: w.t });
    try {
      const endpoints = [];
      for (const path of ['a', 'b', 'c']) {
        endpoints.push(await added(`${w.receiver.url}/${path}`));
      }
      for (let i = 0; i < 4; i++) {
        await w.publishNext();
      }
      w.receiver.delayMs = 20;
      await Promise.all([drain(w.t), drain(second), drain(w.t), drain(second)]);

      const seen = w.receiver.requests.map((r) => `${r.path} ${String(r.headers['webhook-id'])}`);
      expect(seen).toHaveLength(12);
      expect(new Set(seen).size).toBe(12);
      for (const { channel: endpoint } of endpoints) {
        const log = (await channel(endpoint.id)).deliveries;
        expect(log.map((d: any) => [d.state, d.attempts])).toEqual(Array(4).fill(['DELIVERED', 1]));
      }
    } finally {
      await second.close();
    }
  });

  it('switches an endpoint off after a run of failures, with the reason, and on again by hand', async () => {
    const { channel: endpoint } = await added();
    w.receiver.status = () => 500;
    await w.publishNext();
    await drain(w.t);
    for (let i = 0; i < 6; i++) {
      w.t.clock.advance(6 * HOUR);
      await drain(w.t);
    }
    expect(w.receiver.requests).toHaveLength(5);
    const off = await channel(endpoint.id);
    expect(off).toMatchObject({
      enabled: false,
      disabledReason: '5 failed attempts in a row; the last: HTTP 500',
      failureStreak: 5,
    });
    expect(off.disabledAt).not.toBeNull();
    // Switched off: new events are not queued for it.
    await w.publishNext();
    await drain(w.t);
    expect(w.receiver.requests).toHaveLength(5);

    w.receiver.status = () => 200;
    const on = await w.t.gql(
      `mutation($id: ID!) { updateNotificationChannel(input: { id: $id, enabled: true }) { enabled disabledReason failureStreak } }`,
      { id: endpoint.id },
      w.kim,
    );
    expect(on.data!.updateNotificationChannel).toEqual({
      enabled: true,
      disabledReason: null,
      failureStreak: 0,
    });
    w.t.clock.advance(6 * HOUR);
    await drain(w.t);
    expect(w.receiver.requests).toHaveLength(6);
    expect((await channel(endpoint.id)).deliveries.map((d: any) => d.state)).toEqual(['DELIVERED']);
  });

  it('switches an endpoint off at once when it answers 410 Gone', async () => {
    const { channel: endpoint } = await added();
    w.receiver.status = () => 410;
    await w.publishNext();
    await drain(w.t);
    expect(await channel(endpoint.id)).toMatchObject({
      enabled: false,
      disabledReason: 'the endpoint answered HTTP 410 Gone: HTTP 410',
    });
  });

  it('signs with both secrets for a day after a rotation, then with the new one only', async () => {
    const first = await added();
    const rotated = await w.t.gql(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret channel { previousSecretValidUntil } } }`,
      { id: first.channel.id },
      w.kim,
    );
    const { secret, channel: after } = rotated.data!.rotateWebhookSecret;
    expect(secret).not.toBe(first.secret);
    expect(new Date(after.previousSecretValidUntil).getTime()).toBe(w.t.clock.now().getTime() + 24 * HOUR);

    await w.publishNext();
    await drain(w.t);
    const [during] = w.receiver.requests;
    expect((during.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    expect(verify(first.secret, during)).toBeTruthy();
    expect(verify(secret, during)).toBeTruthy();

    w.t.clock.advance(25 * HOUR);
    await w.publishNext();
    await drain(w.t);
    const [, later] = w.receiver.requests;
    expect((later.headers['webhook-signature'] as string).split(' ')).toHaveLength(1);
    expect(verify(secret, later)).toBeTruthy();
    expect(() => verify(first.secret, later)).toThrow();
  });

  it("keeps an organisation's endpoints and their logs from every other organisation", async () => {
    const { channel: endpoint } = await added();
    for (const mutation of [
      `rotateWebhookSecret(id: $id) { secret }`,
      `removeNotificationChannel(id: $id)`,
      `updateNotificationChannel(input: { id: $id, enabled: false }) { id }`,
    ]) {
      const refused = await w.t.gql(`mutation($id: ID!) { ${mutation} }`, { id: endpoint.id }, w.lea);
      expect(errorCode(refused)).toBe('NOT_FOUND');
      expect(refused.errors![0].extensions.reason).toBe('NOTIFICATION_CHANNEL_NOT_FOUND');
    }
    const theirs = await w.t.gql(`query { notificationSettings { channels { id } } }`, {}, w.lea);
    expect(theirs.data!.notificationSettings.channels).toEqual([]);
    expect(await channel(endpoint.id)).toMatchObject({ enabled: true });
  });

  describe('addresses (with NOTIFICATION_ALLOW_LOOPBACK off)', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await startTestApp({ NOTIFICATION_RETRY_DELAY_MS: '1000' }, { sharing: w.t });
    });
    afterAll(() => strict.close());

    it.each([
      ['loopback', 'http://127.0.0.1:8080/hook', '127.0.0.1 is a loopback address'],
      ['IPv6 loopback', 'http://[::1]:8080/hook', '::1 is a loopback address'],
      ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hook', 'is a loopback address'],
      ['localhost', 'http://localhost:8080/hook', 'names this machine (localhost)'],
      ['a subdomain of localhost', 'http://hooks.localhost/hook', 'names this machine (localhost)'],
      // The machine's own name resolves (through /etc/hosts) to one of its own addresses.
      [
        'a name that resolves to this machine',
        `http://${hostname()}/hook`,
        /resolves to \S+ is a \w+ address/,
      ],
      ['a private network', 'http://10.0.0.5/hook', '10.0.0.5 is a private address'],
      ['another private network', 'https://192.168.1.20/hook', 'is a private address'],
      ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/', 'is a linkLocal address'],
      ['unique-local IPv6', 'http://[fd00::1]/hook', 'is a uniqueLocal address'],
      ['the unspecified address', 'http://0.0.0.0/hook', 'is a unspecified address'],
      ['carrier-grade NAT', 'http://100.64.0.1/hook', 'is a carrierGradeNat address'],
      [
        'credentials in the URL',
        'https://user:secret@hooks.example.org/',
        'must not carry a user name or password',
      ],
      ['another scheme', 'ftp://hooks.example.org/', 'must be an http or https URL'],
      ['a name that does not resolve', 'https://hooks.invalid/', 'hooks.invalid does not resolve'],
    ])('refuses %s at registration', async (_, url, problem) => {
      const refused = await addWebhook(url, w.kim, strict);
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'WEBHOOK_URL',
        field: 'input.url',
      });
      expect(refused.errors![0].message).toMatch(problem);
    });

    it('checks again at delivery, so an endpoint whose address turned local gets nothing', async () => {
      // Registered where loopback is allowed; delivered by an instance where it is not (as if the
      // name had been re-pointed at this machine after registration).
      const { channel: endpoint } = await added();
      await w.publishNext();
      await drain(strict);
      expect(w.receiver.requests).toHaveLength(0);
      expect((await channel(endpoint.id)).deliveries[0]).toMatchObject({
        state: 'PENDING',
        attempts: 1,
        responseStatus: null,
        detail: 'refused: 127.0.0.1 is a loopback address',
      });
    });
  });
});
