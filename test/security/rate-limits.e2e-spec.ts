import { createHmac } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { signDevToken } from '#src/common/auth/dev-token';
import { Role } from '#src/common/auth/role';
import { clientKeyOf } from '#src/common/rate-limit/rate-limits';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app';

const QUERY = JSON.stringify({ query: '{ viewer { subject } }' });
const SECRET = 'webhook-secret-for-rate-limits';

function graphql(
  token: string | null,
  remoteAddress = '203.0.113.7',
  headers: Record<string, string> = {},
): InjectOptions {
  return {
    method: 'POST',
    url: '/graphql',
    remoteAddress,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    payload: QUERY,
  };
}

describe('rate limits', () => {
  describe('failed authentication (default: 20 a minute per address)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ GITHUB_WEBHOOK_SECRET: SECRET });
    });
    afterAll(() => t.close());
    const inject = (options: InjectOptions) => t.app.getHttpAdapter().getInstance().inject(options);

    it('answers 20 invalid tokens, then 429 with Retry-After for every credentialed request of that address', async () => {
      const codes: string[] = [];
      for (let i = 0; i < 20; i++) {
        const response = await inject(graphql(`forged-${i}`));
        codes.push(response.json().errors[0].extensions.code);
      }
      expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED']));

      const refused = await inject(graphql('forged-21'));
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.json().errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      // A right guess among later tries is refused as well: the limit is on trying.
      const valid = await t.token({ roles: [Role.OPERATOR] });
      expect((await inject(graphql(valid))).statusCode).toBe(429);
      // Anonymous reads from the same address, and other addresses, are not affected.
      expect((await inject(graphql(null))).json()).toEqual({ data: { viewer: null } });
      expect((await inject(graphql(valid, '198.51.100.9'))).json()).toEqual({
        data: { viewer: { subject: 'operator-none' } },
      });
    });

    it('ignores X-Forwarded-For unless TRUST_PROXY says whose to believe', async () => {
      // 203.0.113.7 is blocked (above); a header cannot make it someone else.
      const response = await inject(graphql('forged', '203.0.113.7', { 'x-forwarded-for': '192.0.2.1' }));
      expect(response.statusCode).toBe(429);
    });

    it('does not count expired tokens: they are no guess', async () => {
      const expired = await signDevToken(
        { sub: 'late', roles: [Role.OPERATOR] },
        { secret: TEST_SECRET, expiresIn: Math.floor(Date.now() / 1000) - 60 },
      );
      const statuses = new Set<number>();
      for (let i = 0; i < 25; i++) {
        statuses.add((await inject(graphql(expired, '192.0.2.77'))).statusCode);
      }
      expect(statuses).toEqual(new Set([200]));
    });

    it('counts an IPv6 network (/64) as one client', async () => {
      for (let i = 1; i <= 20; i++) {
        await inject(graphql(`forged-${i}`, `2001:db8:1:2::${i.toString(16)}`));
      }
      expect((await inject(graphql('forged', '2001:db8:1:2:ffff::1'))).statusCode).toBe(429);
      expect((await inject(graphql('forged', '2001:db8:1:3::1'))).statusCode).toBe(200);
    });

    it('counts bad webhook signatures the same way, also with a valid or an empty Authorization header', async () => {
      const body = JSON.stringify({ zen: 'hi' });
      const valid = await t.token({ roles: [Role.OPERATOR], sub: 'someone' });
      const headersOf = (i: number): Record<string, string> =>
        i % 3 === 1 ? { authorization: `Bearer ${valid}` } : i % 3 === 2 ? { authorization: '' } : {};
      let i = 0;
      const deliver = (signature: string) =>
        inject({
          method: 'POST',
          url: '/webhooks/github',
          remoteAddress: '192.0.2.44',
          headers: {
            ...headersOf(i++),
            'content-type': 'application/json',
            'x-github-event': 'ping',
            'x-github-delivery': 'd-1',
            'x-hub-signature-256': signature,
          },
          payload: body,
        });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        statuses.push((await deliver(`sha256=${'0'.repeat(64)}`)).statusCode);
      }
      expect(new Set(statuses)).toEqual(new Set([401]));
      const signed = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      const refused = await deliver(signed);
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: { code: 'TOO_MANY_REQUESTS' } });
      expect(refused.headers['retry-after']).toBeDefined();
    });
  });

  describe('optional limits, and the window', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        RATE_LIMIT_WINDOW_MS: '1000',
        RATE_LIMIT_FAILED_AUTH: '2',
        RATE_LIMIT_PER_ADDRESS: '5',
        RATE_LIMIT_PER_SUBJECT: '3',
        TRUST_PROXY: '127.0.0.1',
      });
    });
    afterAll(() => t.close());
    const inject = (options: InjectOptions) => t.app.getHttpAdapter().getInstance().inject(options);

    it('limits all requests per address when configured, by the forwarded address behind a trusted proxy', async () => {
      const viaProxy = (client: string) => graphql(null, '127.0.0.1', { 'x-forwarded-for': client });
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await inject(viaProxy('192.0.2.10'))).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect((await inject(viaProxy('192.0.2.11'))).statusCode).toBe(200);
    });

    it('limits requests per token subject across addresses when configured', async () => {
      const token = await t.token({ roles: [Role.OPERATOR], sub: 'busy-user' });
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await inject(graphql(token, '127.0.0.1', { 'x-forwarded-for': `192.0.2.${20 + i}` }))).statusCode,
        );
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    });

    it('lets an address try again once the window has passed', async () => {
      const from = (token: string) => graphql(token, '127.0.0.1', { 'x-forwarded-for': '192.0.2.30' });
      await inject(from('forged-1'));
      await inject(from('forged-2'));
      expect((await inject(from('forged-3'))).statusCode).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await inject(from('forged-4'))).json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  it('keys IPv4 addresses as they are and IPv6 addresses by their /64', () => {
    expect(clientKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(clientKeyOf('fe80::1')).toBe('fe80:0:0:0::/64');
  });
});
