import request from 'supertest';
import { parse } from 'yaml';
import { Role } from '#src/common/auth/role';
import { graphemes, readPubliccode } from '#src/publiccode/publiccode-reader';
import { CATEGORIES, SCOPES } from '#src/publiccode/publiccode-standard';
import { RESEARCHED_SERVICES } from '#src/seed/demo-catalogue';
import { DemoSeeder } from '#src/seed/demo-seeder';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * publiccode.yml over the demo data (issue 20, parts 1 and 2): every demo service exports a file
 * that is valid by the standard (read back by the reader, and checked here key by key against
 * the standard's required keys and limits without it), GET /services/:slug/publiccode.yml behaves
 * as the release feed does (public, cached, 304, JSON NOT_FOUND), and importing each service's own
 * file changes nothing.
 */
const PUBLIC_URL = 'https://registry.example.org';
const SLUGS = RESEARCHED_SERVICES.map((service) => service.slug);

const FACTS = `query($slug: String!) {
  service(slug: $slug) {
    id name summary description license repositoryUrl lifecycle
    owner { name }
    legalBases { norm { url } }
    latestRelease { version publishedAt }
  }
}`;

describe('publiccode.yml of the demo services', () => {
  let t: TestApp;
  let operator: string;
  const get = (path: string) => request(t.app.getHttpServer()).get(path);

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    await t.app.get(DemoSeeder).seed();
    operator = await t.token({ roles: [Role.OPERATOR] });
  }, 180_000);
  afterAll(() => t?.close());

  it('has demo services to export', () => {
    expect(SLUGS.length).toBeGreaterThan(30);
  });

  it.each(SLUGS)('exports %s as a valid publiccode.yml of its facts', async (slug) => {
    const response = await get(`/services/${slug}/publiccode.yml`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['content-language']).toBe('de');
    const text = response.text;
    expect(readPubliccode(text)).toMatchObject({ kind: 'read' });

    // The standard's required keys, types and limits, checked on the plain YAML.
    const file = parse(text) as Record<string, any>;
    expect(file.publiccodeYmlVersion).toBe('0.7');
    expect(typeof file.name).toBe('string');
    expect(new URL(file.url).protocol).toBe('https:');
    expect(file.platforms).toEqual(['web']);
    expect(file.developmentStatus).toMatch(/^(concept|development|beta|stable|obsolete)$/);
    expect(file.softwareType).toBe('standalone/web');
    for (const category of file.categories ?? []) {
      expect(CATEGORIES).toContain(category);
    }
    for (const scope of file.intendedAudience?.scope ?? []) {
      expect(SCOPES).toContain(scope);
    }
    expect(Object.keys(file.description)).toEqual(['de']);
    const de = file.description.de;
    expect(graphemes(de.shortDescription)).toBeLessThanOrEqual(150);
    expect(graphemes(de.longDescription)).toBeGreaterThanOrEqual(150);
    expect(graphemes(de.longDescription)).toBeLessThanOrEqual(10_000);
    expect(de.features.length).toBeGreaterThan(0);
    expect(typeof file.legal.license).toBe('string');
    expect(['internal', 'none']).toContain(file.maintenance.type);
    if (file.maintenance.type === 'internal') {
      expect(file.maintenance.contacts.length).toBeGreaterThan(0);
    }
    expect(file.localisation).toEqual({ localisationReady: false, availableLanguages: ['de'] });

    // The service's facts, as the API shows them to anyone.
    const { service } = (await t.gql(FACTS, { slug })).data!;
    expect(file.name).toBe(service.name);
    expect(file.legal.mainCopyrightOwner).toBe(service.owner.name);
    expect(file.legal.license).toBe(service.license ?? 'LicenseRef-nicht-erfasst');
    expect(file.url).toBe(service.repositoryUrl ?? `${PUBLIC_URL}/leistungen/${slug}`);
    expect(file.landingURL).toBe(`${PUBLIC_URL}/leistungen/${slug}`);
    if (service.latestRelease) {
      expect(file.softwareVersion).toBe(service.latestRelease.version);
      expect(file.releaseDate).toBe(service.latestRelease.publishedAt.slice(0, 10));
    } else {
      expect(file.softwareVersion).toBeUndefined();
    }
    // The cited norms with a page of their own (a law portal's root names none).
    const norms = [
      ...new Set(
        service.legalBases
          .map((basis: { norm: { url: string | null } }) => basis.norm.url)
          .filter((url: string | null) => url !== null && new URL(url).pathname !== '/'),
      ),
    ];
    expect((file.supports ?? []).map((s: { id: string }) => s.id)).toEqual(norms);
  });

  it.each(SLUGS)('imports the file of %s again without a change', async (slug) => {
    const text = (await get(`/services/${slug}/publiccode.yml`)).text;
    const { service } = (await t.gql(FACTS, { slug })).data!;
    const audit = async () =>
      (await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { seq: id } }`, { id: service.id }, operator))
        .data!.auditTrail.length;
    const events = await audit();
    const IMPORT = `mutation($slug: String, $text: String, $dryRun: Boolean) {
      importPubliccode(serviceSlug: $slug, text: $text, dryRun: $dryRun) {
        applied changes { field } skipped { key reason } service { name summary description license repositoryUrl }
      }
    }`;
    const dry = await t.gql(IMPORT, { slug, text, dryRun: true }, operator);
    expect(dry.errors).toBeUndefined();
    expect(dry.data!.importPubliccode).toMatchObject({ applied: false, changes: [], skipped: [] });
    const wet = await t.gql(IMPORT, { slug, text }, operator);
    expect(wet.data!.importPubliccode).toMatchObject({ applied: false, changes: [], skipped: [] });
    expect(wet.data!.importPubliccode.service).toEqual({
      name: service.name,
      summary: service.summary,
      description: service.description,
      license: service.license,
      repositoryUrl: service.repositoryUrl,
    });
    expect(await audit()).toBe(events);
  });

  it('answers 304 to a reader whose copy is current', async () => {
    const first = await get(`/services/${SLUGS[0]}/publiccode.yml`);
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    const again = await get(`/services/${SLUGS[0]}/publiccode.yml`).set('if-none-match', first.headers.etag);
    expect(again.status).toBe(304);
    expect(again.text).toBeFalsy();
  });

  it('answers an unknown service with the API JSON NOT_FOUND, in German when asked', async () => {
    const response = await get('/services/gibt-es-nicht/publiccode.yml').set('accept-language', 'de');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      error: {
        code: 'NOT_FOUND',
        reason: 'SERVICE_NOT_FOUND',
        message: 'Die Leistung gibt-es-nicht wurde nicht gefunden.',
      },
    });
  });

  it('tells nobody who subscribes: no usedBy, no subscriber, as subscriptions are not public', async () => {
    const subscribers: { slug: string; subscriber: string; owner: string }[] = await t.db.query(
      `SELECT s.slug, o.name AS subscriber, w.name AS owner
         FROM service_subscription ss
         JOIN online_service s ON s.id = ss.service_id
         JOIN organisation o ON o.id = ss.organisation_id
         JOIN organisation w ON w.id = s.owner_id`,
    );
    expect(subscribers.length).toBeGreaterThan(10);
    const told: string[] = [];
    for (const { slug, subscriber, owner } of subscribers) {
      const text = (await get(`/services/${slug}/publiccode.yml`)).text;
      expect(text).not.toContain('usedBy');
      if (subscriber !== owner && text.includes(subscriber)) {
        told.push(`${slug}: ${subscriber}`);
      }
    }
    expect(told).toEqual([]);
  });
});
