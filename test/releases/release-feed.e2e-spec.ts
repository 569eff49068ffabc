import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request from 'supertest';
import { registerService } from '../support/factories';
import { PUBLISH, SUBMIT, useReleaseWorld } from '../support/releases';
import { startTestApp, TEST_START } from '../support/test-app';

/**
 * The Atom feed of a service's releases over HTTP: public, valid Atom with the publications and
 * deprecations newest first and nothing unpublished, cacheable (ETag, 304), a JSON NOT_FOUND for
 * an unknown service, and not taken for a console page.
 */
describe('the releases Atom feed (GET /services/:slug/releases.atom)', () => {
  const w = useReleaseWorld();
  const DAY = 86_400_000;
  const at = (days: number) => new Date(new Date(TEST_START).getTime() + days * DAY).toISOString();
  const ids: Record<string, string> = {};

  const get = (path: string) => request(w.t.app.getHttpServer()).get(path);
  const parse = (xml: string) => {
    expect(XMLValidator.validate(xml)).toBe(true);
    return new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['entry', 'link'].includes(name),
    }).parse(xml);
  };

  beforeAll(async () => {
    const { t, maintainer, create, approveAll } = w;
    const wohngeld = await registerService(t, { slug: 'wohngeld', name: 'Wohngeld', ownerKey: 'dataport' });
    const publish = async (version: string, extra: Record<string, unknown> = {}) => {
      const id = await create(version, { serviceId: wohngeld, ...extra });
      await t.gql(SUBMIT, { id }, maintainer);
      await approveAll(id);
      expect((await t.gql(PUBLISH, { id }, maintainer)).data?.publishRelease.state).toBe('PUBLISHED');
      return id;
    };
    t.clock.set(at(0));
    ids['1.0.0'] = await publish('1.0.0', { notes: 'Erste Version' });
    t.clock.set(at(1));
    ids['1.1.0'] = await publish('1.1.0', {
      changes: [{ type: 'ADDED', description: 'Antrag als PDF herunterladen' }],
      interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
    });
    t.clock.set(at(2));
    const deprecated = await t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Sicherheitslücke im Upload") { id } }`,
      { id: ids['1.0.0'] },
      maintainer,
    );
    expect(deprecated.errors).toBeUndefined();
    t.clock.set(at(3));
    ids['2.0.0'] = await create('2.0.0', { serviceId: wohngeld });
    ids['1.2.0'] = await create('1.2.0', { serviceId: wohngeld });
    await t.gql(SUBMIT, { id: ids['1.2.0'] }, maintainer);
    ids['0.9.0'] = await create('0.9.0', { serviceId: wohngeld });
    await t.gql(
      `mutation($id: ID!) { withdrawRelease(id: $id, reason: "Falscher Build") { id } }`,
      {
        id: ids['0.9.0'],
      },
      maintainer,
    );
  });

  it('answers anyone, without a token, with valid Atom: publications and deprecations newest first', async () => {
    const { publicUrl } = w.t.config;
    const response = await get('/services/wohngeld/releases.atom');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['content-language']).toBe('de');

    const { feed } = parse(response.text);
    const self = `${publicUrl}/services/wohngeld/releases.atom`;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(self);
    expect(feed.title).toBe('Wohngeld: Versionen');
    expect(feed.updated).toBe(at(2));
    expect(feed.author.name).toBeTruthy();
    expect(feed.link).toEqual(
      expect.arrayContaining([
        { '@_rel': 'self', '@_href': self },
        { '@_rel': 'alternate', '@_href': `${publicUrl}/leistungen/wohngeld` },
      ]),
    );

    const entries = feed.entry.map((e: any) => ({
      id: e.id,
      title: e.title['#text'],
      updated: e.updated,
      link: e.link[0]['@_href'],
    }));
    const page = (version: string) => `${publicUrl}/leistungen/wohngeld/versionen/${version}`;
    expect(entries).toEqual([
      {
        id: expect.stringMatching(/^urn:uuid:/),
        title: 'Wohngeld 1.0.0 abgekündigt',
        updated: at(2),
        link: page('1.0.0'),
      },
      { id: `urn:uuid:${ids['1.1.0']}`, title: 'Wohngeld 1.1.0', updated: at(1), link: page('1.1.0') },
      { id: `urn:uuid:${ids['1.0.0']}`, title: 'Wohngeld 1.0.0', updated: at(0), link: page('1.0.0') },
    ]);
    expect(new Set(entries.map((e: any) => e.id)).size).toBe(3);
    expect(feed.entry[0].content['#text']).toContain('Grund: Sicherheitslücke im Upload');
    expect(feed.entry[1].content['#text']).toContain('Neu: Antrag als PDF herunterladen');
    expect(feed.entry[1].content['#text']).toContain('Neue Schnittstellen: xbau 2.3 (nutzt)');
    expect(feed.entry[2].content['#text']).toContain('Erste Version');

    // Draft, in review and withdrawn: not a trace.
    for (const version of ['2.0.0', '1.2.0', '0.9.0']) {
      expect(response.text).not.toContain(version);
      expect(response.text).not.toContain(ids[version]);
    }
  });

  it('answers 304 to a reader whose copy is current, and the whole feed once it changed', async () => {
    const first = await get('/services/wohngeld/releases.atom');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/services/wohngeld/releases.atom').set('if-none-match', `W/"x", ${etag}`);
    expect(again.status).toBe(304);
    expect(again.text).toBeFalsy();
    const stale = await get('/services/wohngeld/releases.atom').set('if-none-match', '"stale"');
    expect(stale.status).toBe(200);
    expect(stale.headers.etag).toBe(etag);
  });

  it('answers an unknown service with the API JSON NOT_FOUND', async () => {
    const response = await get('/services/gibt-es-nicht/releases.atom');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', reason: 'SERVICE_NOT_FOUND' });
  });

  it('keeps the feed of a RETIRED service; without entries "updated" is the service', async () => {
    await registerService(w.t, {
      slug: 'alt',
      name: 'Alte Leistung',
      ownerKey: 'dataport',
      lifecycle: 'RETIRED',
    });
    const response = await get('/services/alt/releases.atom');
    expect(response.status).toBe(200);
    const { feed } = parse(response.text);
    expect(feed.title).toBe('Alte Leistung: Versionen');
    expect(feed.updated).toBe(at(3));
    expect(feed.entry).toBeUndefined();
  });

  it('is not taken for a console page when the console is built', async () => {
    const built = mkdtempSync(join(tmpdir(), 'console-'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><html lang="de"><body>console</body></html>');
    const withConsole = await startTestApp({}, { sharing: w.t, consoleDirectory: built });
    try {
      const response = await request(withConsole.app.getHttpServer()).get('/services/wohngeld/releases.atom');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const page = await request(withConsole.app.getHttpServer()).get('/leistungen/wohngeld');
      expect(page.text).toContain('console');
    } finally {
      await withConsole.close();
      rmSync(built, { recursive: true, force: true });
    }
  });
});
