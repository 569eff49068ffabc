import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ChangeType, InterfaceDirection, VersionBump } from './release-enums';
import {
  buildReleaseFeed,
  FEED_ENTRIES,
  feedEntries,
  nameBasedUuid,
  type FeedRelease,
  type FeedService,
} from './release-feed';

/** The Atom builder alone: entries, their order and ids, escaping, and characters XML cannot carry. */

const PUBLIC_URL = 'https://register.example';
const SERVICE: FeedService = {
  slug: 'wohngeld',
  name: 'Wohngeld',
  summary: 'Wohngeld beantragen',
  ownerName: 'Dataport',
  updatedAt: new Date('2026-01-01T00:00:00.000Z'),
};
const ID_1 = '11111111-1111-4111-8111-111111111111';
const ID_2 = '22222222-2222-4222-8222-222222222222';

const release = (overrides: Partial<FeedRelease> & Pick<FeedRelease, 'id' | 'version'>): FeedRelease => ({
  publishedAt: new Date('2026-02-01T00:00:00.000Z'),
  notes: null,
  changes: [],
  deprecation: null,
  impact: null,
  ...overrides,
});

/** Well-formed XML (the validator is strict where the parser is lenient), parsed. */
const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link'].includes(name),
  }).parse(xml);
};

describe('the releases Atom feed builder', () => {
  it('derives version 5 UUIDs as RFC 9562 does', () => {
    // RFC 9562, appendix A.4: "www.example.com" in the DNS namespace.
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('has one entry per publication and per deprecation, newest first, with stable distinct ids', () => {
    const releases = [
      release({
        id: ID_1,
        version: '1.0.0',
        publishedAt: new Date('2026-02-01T00:00:00.000Z'),
        deprecation: { reason: 'Sicherheitslücke', at: '2026-04-01T00:00:00.000Z' },
      }),
      release({ id: ID_2, version: '2.0.0', publishedAt: new Date('2026-03-01T00:00:00.000Z') }),
    ];
    const entries = feedEntries(SERVICE, releases, PUBLIC_URL);
    expect(entries.map((e) => [e.title, e.date.toISOString()])).toEqual([
      ['Wohngeld 1.0.0 abgekündigt', '2026-04-01T00:00:00.000Z'],
      ['Wohngeld 2.0.0', '2026-03-01T00:00:00.000Z'],
      ['Wohngeld 1.0.0', '2026-02-01T00:00:00.000Z'],
    ]);
    expect(entries[2].id).toBe(`urn:uuid:${ID_1}`);
    expect(entries[0].id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(feedEntries(SERVICE, releases, PUBLIC_URL)[0].id).toBe(entries[0].id);
    expect(entries[0].link).toBe('https://register.example/leistungen/wohngeld/versionen/1.0.0');
    expect(entries[0].html).toContain('Grund: Sicherheitslücke');
  });

  it(`keeps the newest ${FEED_ENTRIES} entries`, () => {
    const releases = Array.from({ length: FEED_ENTRIES + 5 }, (_, i) =>
      release({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        version: `1.${i}.0`,
        publishedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
      }),
    );
    const entries = feedEntries(SERVICE, releases, PUBLIC_URL);
    expect(entries).toHaveLength(FEED_ENTRIES);
    expect(entries[0].title).toBe(`Wohngeld 1.${FEED_ENTRIES + 4}.0`);
    expect(entries.at(-1)!.title).toBe('Wohngeld 1.5.0');
  });

  it('writes valid Atom: the feed and entry elements, the links, the changes and the interface impact', () => {
    const xml = buildReleaseFeed(
      SERVICE,
      [
        release({
          id: ID_1,
          version: '1.1.0',
          notes: 'Erster Absatz\n\nZweiter Absatz',
          changes: [{ type: ChangeType.ADDED, description: 'Antrag als PDF' }],
          impact: {
            bump: VersionBump.MINOR,
            breaking: false,
            added: [{ standard: 'xbau', version: '2.3', direction: InterfaceDirection.CONSUMES }],
            removed: [],
          },
        }),
      ],
      PUBLIC_URL,
    );
    const { feed } = parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://register.example/services/wohngeld/releases.atom');
    expect(feed.title).toBe('Wohngeld: Versionen');
    expect(feed.updated).toBe('2026-02-01T00:00:00.000Z');
    expect(feed.author).toEqual({ name: 'Dataport' });
    expect(feed.link.map((l: any) => [l['@_rel'], l['@_href']])).toEqual([
      ['alternate', 'https://register.example/leistungen/wohngeld'],
      ['self', 'https://register.example/services/wohngeld/releases.atom'],
    ]);
    const [entry] = feed.entry;
    expect(entry.id).toBe(`urn:uuid:${ID_1}`);
    expect(entry.title['#text']).toBe('Wohngeld 1.1.0');
    expect(entry.updated).toBe('2026-02-01T00:00:00.000Z');
    expect(entry.content['#text']).toBe(
      '<p>Erster Absatz</p>\n<p>Zweiter Absatz</p>\n<ul><li>Neu: Antrag als PDF</li></ul>\n' +
        '<p>Nebenversion (neue Funktionen). Neue Schnittstellen: xbau 2.3 (nutzt).</p>',
    );
  });

  it('takes "updated" from the service without entries', () => {
    const { feed } = parse(buildReleaseFeed(SERVICE, [], PUBLIC_URL));
    expect(feed.updated).toBe('2026-01-01T00:00:00.000Z');
    expect(feed.entry).toBeUndefined();
  });

  it('escapes markup, keeps CDATA whole and drops characters XML cannot carry', () => {
    const tricky = 'A & B <script>x</script> ]]> ]]> \u0001\u000b\uffff end';
    const xml = buildReleaseFeed(
      { ...SERVICE, name: 'Bauen & <Wohnen>' },
      [
        release({
          id: ID_1,
          version: '1.0.0',
          notes: tricky,
          deprecation: { reason: tricky, at: '2026-03-01T00:00:00.000Z' },
        }),
      ],
      PUBLIC_URL,
    );
    expect(xml).not.toMatch(/[\u0001\u000b\uffff]/);
    expect(xml).not.toContain('<script>');
    const { feed } = parse(xml);
    expect(feed.title).toBe('Bauen & <Wohnen>: Versionen');
    expect(feed.entry.map((e: any) => e.title['#text'])).toEqual([
      'Bauen &amp; &lt;Wohnen&gt; 1.0.0 abgekündigt',
      'Bauen &amp; &lt;Wohnen&gt; 1.0.0',
    ]);
    expect(feed.entry[1].content['#text']).toBe(
      '<p>A &amp; B &lt;script&gt;x&lt;/script&gt; ]]&gt; ]]&gt;  end</p>',
    );
  });
});
