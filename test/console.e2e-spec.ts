import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { CONSOLE_ROUTES } from '#src/console/console-routes';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The console on the API's port: index.html for every console route (deep links, reloads), never
 * cached; hashed assets cached for a year; the security headers on every answer; and the API
 * untouched, with or without a built console.
 */
describe('the console, served by the service', () => {
  const INDEX =
    '<!doctype html><html lang="de"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="app"></div></body></html>';
  let built: string;
  let t: TestApp;
  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), 'console-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), INDEX);
    writeFileSync(join(built, 'assets', 'index-AbC123.js'), 'console.log("console")');
    writeFileSync(join(built, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    t = await startTestApp({}, { consoleDirectory: built });
  });
  afterAll(async () => {
    await t.close();
    rmSync(built, { recursive: true, force: true });
  });

  const inject = (options: InjectOptions | string) => t.app.getHttpAdapter().getInstance().inject(options);

  it('answers every console route, deep links with queries included, with index.html, not cached', async () => {
    const urls = [
      '/',
      '/leistungen?suche=Wohngeld&themenfeld=BAUEN_WOHNEN',
      '/leistungen/wohngeld',
      '/leistungen/neu',
      '/leistungen/wohngeld/bearbeiten',
      '/leistungen/wohngeld/versionen/1.2.0',
      '/nachnutzungen',
      '/anmelden?zurueck=%2Fnachnutzungen',
      '/anmelden/callback?code=x&state=y',
      '/kampagnen/3f2a',
      '/benachrichtigungen',
      '/benachrichtigungen?ungelesen=1&seite=2',
      '/benachrichtigungen/einstellungen',
    ];
    for (const url of urls) {
      const response = await inject(url);
      expect({ url, status: response.statusCode, type: response.headers['content-type'] }).toEqual({
        url,
        status: 200,
        type: 'text/html; charset=utf-8',
      });
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
    expect(CONSOLE_ROUTES.length).toBeGreaterThanOrEqual(13);
  });

  it('serves hashed assets for a year, immutable, and unknown assets as 404', async () => {
    const asset = await inject('/assets/index-AbC123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await inject('/assets/index-Missing.js')).statusCode).toBe(404);
    expect((await inject('/assets/../index.html')).statusCode).not.toBe(200);
  });

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    for (const url of ['/', '/leistungen', '/assets/index-AbC123.js']) {
      const headers = (await inject(url)).headers;
      const csp = String(headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('leaves the API as it was: GraphQL at /graphql, a JSON 404 elsewhere', async () => {
    const result = await t.gql('{ viewer { subject } }');
    expect(result).toMatchObject({ status: 200, data: { viewer: null } });
    const missing = await inject('/no-such-page');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/json/);
    expect((await inject('/health/live')).statusCode).toBe(200);
  });

  it('names the identity provider in connect-src when the console signs in by OIDC', async () => {
    const oidc = await startTestApp(
      {
        AUTH_JWKS_URL: 'https://login.example.org/realms/ozg/protocol/openid-connect/certs',
        AUTH_ISSUER: 'https://login.example.org/realms/ozg',
        AUTH_AUDIENCE: 'registry',
        CONSOLE_OIDC_CLIENT_ID: 'registry-console',
      },
      { consoleDirectory: built },
    );
    try {
      const csp = String(
        (await oidc.app.getHttpAdapter().getInstance().inject('/')).headers['content-security-policy'],
      );
      expect(csp).toContain("connect-src 'self' https://login.example.org");
    } finally {
      await oidc.close();
    }
  });
});

describe('the service without a built console', () => {
  let t: TestApp;
  let empty: string;
  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'no-console-'));
    t = await startTestApp({}, { consoleDirectory: empty });
  });
  afterAll(async () => {
    await t.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('still serves the API, and the console routes say how to build the console', async () => {
    expect(await t.gql('{ viewer { subject } }')).toMatchObject({ status: 200, data: { viewer: null } });
    const page = await t.app.getHttpAdapter().getInstance().inject('/leistungen');
    expect(page.statusCode).toBe(503);
    expect(page.body).toMatch(/npm run build/);
  });
});
