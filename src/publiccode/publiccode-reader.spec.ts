import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES, readPubliccode, type ReadResult } from './publiccode-reader';

/** A minimal valid file (the standard's publiccode.minimal.yml, in German), line by line. */
const MINIMAL = [
  'publiccodeYmlVersion: "0.7"', // 1
  'name: Wohngeld digital', // 2
  'url: "https://github.com/Dataport/Wohngeld.git"', // 3
  'platforms:', // 4
  '  - web', // 5
  'developmentStatus: stable', // 6
  'softwareType: standalone/web', // 7
  'description:', // 8
  '  de:', // 9
  '    shortDescription: Wohngeld online beantragen', // 10
  `    longDescription: ${'Wohngeld lässt sich mit dieser Anwendung vollständig online beantragen. '.repeat(3)}`, // 11
  '    features:', // 12
  '      - Antrag online', // 13
  'legal:', // 14
  '  license: EUPL-1.2', // 15
  'maintenance:', // 16
  '  type: internal', // 17
  '  contacts:', // 18
  '    - name: Mia Maintainer', // 19
  'localisation:', // 20
  '  localisationReady: false', // 21
  '  availableLanguages:', // 22
  '    - de', // 23
];
const text = (lines: string[]) => `${lines.join('\n')}\n`;
/** The minimal file with line `n` (1-based) replaced by `lines`. */
const replacing = (n: number, ...lines: string[]) =>
  text([...MINIMAL.slice(0, n - 1), ...lines, ...MINIMAL.slice(n)]);

const problems = (result: ReadResult) =>
  result.kind === 'invalid'
    ? result.problems.map(({ line, field, rule }) => ({ line, field, rule }))
    : result.kind;

describe(readPubliccode.name, () => {
  it('reads a valid file and knows where each key is', () => {
    const result = readPubliccode(text(MINIMAL));
    expect(result.kind).toBe('read');
    if (result.kind === 'read') {
      expect(result.file.description.de.shortDescription).toBe('Wohngeld online beantragen');
      expect(result.placeOf('legal.license')).toEqual({ line: 15, column: 12 });
      expect(result.placeOf('description.de.longDescription').line).toBe(11);
    }
  });

  it('reads a real publiccode.yml: MUCGPT of the Landeshauptstadt München (test/fixtures/publiccode)', () => {
    const file = readFileSync(join(__dirname, '../../test/fixtures/publiccode/mucgpt.publiccode.yml'));
    const result = readPubliccode(file);
    expect(result.kind).toBe('read');
    if (result.kind === 'read') {
      expect(result.file).toMatchObject({
        publiccodeYmlVersion: '0.5.0',
        name: 'MUCGPT',
        releaseDate: '2025-04-24',
        legal: { license: 'MIT', mainCopyrightOwner: 'Landeshauptstadt München' },
      });
    }
  });

  it.each([
    [
      'an unknown key',
      replacing(2, 'name: Wohngeld digital', 'tags: [wohngeld]'),
      [{ line: 3, field: 'tags', rule: 'UNKNOWN_KEY' }],
    ],
    [
      'an unknown key deep inside',
      replacing(19, '    - name: Mia Maintainer', '      mobile: "0431 123"'),
      [{ line: 20, field: 'maintenance.contacts[0].mobile', rule: 'UNKNOWN_KEY' }],
    ],
    [
      'a list for a string',
      replacing(2, 'name: [Wohngeld]'),
      [{ line: 2, field: 'name', rule: 'WRONG_TYPE' }],
    ],
    [
      'a YAML 1.1 yes for a boolean',
      replacing(21, '  localisationReady: yes'),
      [{ line: 21, field: 'localisation.localisationReady', rule: 'WRONG_TYPE' }],
    ],
    [
      'a string for a list',
      replacing(4, 'platforms: web'),
      [{ line: 4, field: 'platforms', rule: 'WRONG_TYPE' }],
    ],
    [
      'an unquoted version, a number',
      replacing(1, 'publiccodeYmlVersion: 0.4'),
      [{ line: 1, field: 'publiccodeYmlVersion', rule: 'WRONG_TYPE' }],
    ],
    [
      'an unsupported version',
      replacing(1, 'publiccodeYmlVersion: "1"'),
      [{ line: 1, field: 'publiccodeYmlVersion', rule: 'UNSUPPORTED_VERSION' }],
    ],
    [
      'a missing key',
      replacing(15, '  mainCopyrightOwner: Dataport'),
      // The reference parser's place of a missing key: the mapping's first key.
      [{ line: 15, field: 'legal.license', rule: 'REQUIRED' }],
    ],
    [
      'contacts missing for internal maintenance',
      text(MINIMAL.filter((_, i) => i !== 17 && i !== 18)),
      [{ line: 17, field: 'maintenance.contacts', rule: 'REQUIRED' }],
    ],
    [
      'a shortDescription over 150 characters',
      replacing(10, `    shortDescription: ${'ä'.repeat(151)}`),
      [{ line: 10, field: 'description.de.shortDescription', rule: 'TOO_LONG' }],
    ],
    [
      'a longDescription under 150 characters',
      replacing(11, '    longDescription: Zu kurz.'),
      [{ line: 11, field: 'description.de.longDescription', rule: 'TOO_SHORT' }],
    ],
    [
      'a value outside the vocabulary',
      replacing(17, '  type: commercial'),
      [{ line: 17, field: 'maintenance.type', rule: 'NOT_ALLOWED' }],
    ],
    [
      'a licence that is no SPDX expression',
      replacing(15, '  license: EUPL'),
      [{ line: 15, field: 'legal.license', rule: 'INVALID_LICENSE' }],
    ],
    [
      'a url without a scheme',
      replacing(3, 'url: github.com/x/y'),
      [{ line: 3, field: 'url', rule: 'INVALID_URL' }],
    ],
    [
      'a NUL written as an escape',
      replacing(2, 'name: "Wohn\\0geld"'),
      [{ line: 2, field: 'name', rule: 'UNSTORABLE_TEXT' }],
    ],
    [
      'a description language that is no BCP 47 tag',
      replacing(9, '  de_DE:'),
      [{ line: 9, field: 'description', rule: 'INVALID_LANGUAGE' }],
    ],
    ['a key twice', replacing(2, 'name: A', 'name: B'), [{ line: 3, field: '', rule: 'DUPLICATE_KEY' }]],
    ['malformed YAML', replacing(5, '  - [web'), [{ line: 6, field: '', rule: 'YAML_SYNTAX' }]],
    [
      'two documents',
      `${text(MINIMAL)}---\nname: x\n`,
      [{ line: 24, field: '', rule: 'MULTIPLE_DOCUMENTS' }],
    ],
    ['a plain string', 'Wohngeld\n', [{ line: 1, field: '', rule: 'NOT_A_MAPPING' }]],
    ['nothing at all', '', [{ line: 1, field: '', rule: 'NOT_A_MAPPING' }]],
  ])('refuses %s, naming line and key', (_what, file, expected) => {
    expect(problems(readPubliccode(file))).toEqual(expected);
  });

  it('takes an unquoted number where the standard asks for a string, as the reference parser does', () => {
    const result = readPubliccode(replacing(19, '    - name: Mia Maintainer', '      phone: +49431123456'));
    expect(result.kind).toBe('read');
    expect(result.kind === 'read' && (result.file.maintenance as { contacts: { phone: string }[] })).toEqual({
      type: 'internal',
      contacts: [{ name: 'Mia Maintainer', phone: '+49431123456' }],
    });
  });

  it('counts characters as the standard does: grapheme clusters', () => {
    // 150 family emojis are 150 characters (and 1,200 UTF-16 units).
    expect(readPubliccode(replacing(10, `    shortDescription: "${'👨‍👩‍👧'.repeat(150)}"`)).kind).toBe('read');
  });

  it('refuses a YAML alias bomb before expanding it', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...'bcdefghi'.split('').map((name, i) => {
        const previous = 'abcdefghi'[i];
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }),
    ].join('\n');
    const started = Date.now();
    expect(readPubliccode(bomb)).toEqual({ kind: 'aliasBomb' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses a file over 1 MiB without parsing it, counted in UTF-8 bytes', () => {
    const padded = `${text(MINIMAL)}# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    expect(readPubliccode(padded)).toEqual({ kind: 'tooLarge', size: Buffer.byteLength(padded) });
    // 524,289 umlauts are 1,048,578 bytes.
    expect(readPubliccode(`# ${'ä'.repeat(524_289)}`).kind).toBe('tooLarge');
  });

  it('refuses bytes that are not UTF-8', () => {
    const latin1 = Buffer.from(replacing(2, 'name: Müll'), 'latin1');
    expect(problems(readPubliccode(latin1))).toEqual([{ line: 0, field: '', rule: 'INVALID_UTF8' }]);
  });
});
