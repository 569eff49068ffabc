import fc from 'fast-check';
import {
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/**
 * Bad values for the input fuzzing spec (input-fuzzing.e2e-spec.ts): for one field of a
 * mutation's arguments, the values a careless or hostile client might send. Three layers:
 *
 * - by GraphQL type (every String, ID, Int, Float, Boolean, enum, list, input object and custom
 *   scalar): wrong types, null, missing, empty, oversized, NUL, control characters, unpaired
 *   surrogates, huge and negative numbers, far and impossible dates;
 * - by meaning (the field's name): malformed ARS, organisation keys, LeiKa keys, slugs, OZG ids,
 *   licences, URLs, digests, versions and ranges, jurisdictions, hours and counts;
 * - generated: a few values per field from fast-check with a fixed seed. fast-check is a
 *   well-kept property-testing library whose generators lean towards edge cases (extreme
 *   doubles, "__proto__", astral code points); we only use its seeded sampling, not its runner,
 *   because every call changes the database and shrinking over that would not be reproducible.
 *
 * `invalid` marks a value that domain.md calls malformed input (BAD_USER_INPUT); the spec also
 * demands BAD_USER_INPUT for any value that carries a NUL or an unpaired surrogate. Everything
 * else may be refused with any client code or accepted.
 */

export const FUZZ_SEED = 20_261_128;

export type Category =
  | 'wrong-type'
  | 'null'
  | 'missing'
  | 'empty'
  | 'oversized'
  | 'nul'
  | 'control'
  | 'surrogate'
  | 'huge-number'
  | 'negative'
  | 'far-date'
  | 'malformed'
  | 'shape'
  | 'generated';

export interface BadValue {
  category: Category;
  /** Short and printable, for reports ("100k x", "\\u0000 inside"). */
  label: string;
  value: unknown;
  /** domain.md calls it malformed: BAD_USER_INPUT. */
  invalid?: boolean;
  /** Leave the field out instead of sending `value`. */
  omit?: boolean;
  /** From the field's meaning (BY_MEANING): always run, never sampled away. */
  meaning?: boolean;
}

export type Path = (string | number)[];

/** One place in a mutation's variables that the spec corrupts. */
export interface FuzzField {
  path: Path;
  type: GraphQLInputType;
  /** The input type that declares it, or "Mutation.<name>" ("Query.<name>") for an argument. */
  owner: string;
  name: string;
  /** A list element: the valid base has it at index 0. */
  element: boolean;
}

export const pathText = (path: Path): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (v, key) => (v == null ? undefined : (v as Record<string, unknown>)[key]),
    value,
  );
}

/** A copy of `vars` with the value at `path` replaced (or removed). */
export function withValueAt(
  vars: Record<string, unknown>,
  path: Path,
  bad: BadValue,
): Record<string, unknown> {
  const copy = structuredClone(vars);
  let target: any = copy;
  for (const key of path.slice(0, -1)) {
    target = target[key];
  }
  const last = path[path.length - 1];
  if (bad.omit) {
    if (Array.isArray(target)) {
      target.splice(last as number, 1);
    } else {
      delete target[last];
    }
  } else {
    target[last] = bad.value;
  }
  return copy;
}

/**
 * Every field of a mutation's arguments, from the schema: each argument, each field of an input
 * object, and the first element of each list the valid base fills (so `input.changes[0].type`).
 */
export function fieldsOf(
  mutation: GraphQLField<unknown, unknown>,
  base: Record<string, unknown>,
  root: 'Mutation' | 'Query' = 'Mutation',
): FuzzField[] {
  const fields: FuzzField[] = [];
  const walk = (path: Path, type: GraphQLInputType, owner: string, name: string, element: boolean) => {
    fields.push({ path, type, owner, name, element });
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      const value = getAt(base, path);
      if (Array.isArray(value) && value.length > 0) {
        walk([...path, 0], nullable.ofType, owner, name, true);
      }
    } else if (isInputObjectType(nullable) && getAt(base, path) != null) {
      for (const field of Object.values(nullable.getFields())) {
        walk([...path, field.name], field.type, nullable.name, field.name, false);
      }
    }
  };
  for (const arg of mutation.args) {
    walk([arg.name], arg.type, `${root}.${mutation.name}`, arg.name, false);
  }
  return fields;
}

const NUL = 'a\u0000b';
const CONTROL = 'tab\tbell\u0007esc\u001b[2Jdel\u007fnel\u0085bidi\u202eend';
const OVERSIZED = 'x'.repeat(100_000);
const MAX_SAFE_PLUS = 2 ** 53 + 1;

const hasNulOrLoneSurrogate = (text: string) =>
  text.includes('\u0000') ||
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** Whether a value carries a NUL or an unpaired surrogate anywhere (keys included). */
export function carriesNulOrSurrogate(value: unknown): boolean {
  if (typeof value === 'string') {
    return hasNulOrLoneSurrogate(value);
  }
  if (Array.isArray(value)) {
    return value.some(carriesNulOrSurrogate);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => hasNulOrLoneSurrogate(k) || carriesNulOrSurrogate(v));
  }
  return false;
}

/** Text every string-like field gets, whatever its meaning. */
function textValues(): BadValue[] {
  return [
    { category: 'empty', label: 'empty', value: '' },
    { category: 'empty', label: 'blank', value: '   ' },
    { category: 'oversized', label: '100k x', value: OVERSIZED },
    { category: 'nul', label: 'NUL inside', value: NUL },
    { category: 'nul', label: 'NUL alone', value: '\u0000' },
    { category: 'control', label: 'C0/C1/bidi controls', value: CONTROL },
    { category: 'control', label: 'CRLF header injection', value: 'x\r\nSet-Cookie: a=b' },
    { category: 'surrogate', label: 'lone high surrogate', value: '\uD800' },
    { category: 'surrogate', label: 'lone low surrogate inside', value: 'x\uDFFFy' },
    { category: 'malformed', label: 'SQL quote', value: "x'); DROP TABLE organisation; --" },
    { category: 'malformed', label: 'zero-width and BOM only', value: '\u200b\ufeff' },
    { category: 'wrong-type', label: 'number', value: 42, invalid: true },
    { category: 'wrong-type', label: 'boolean', value: true, invalid: true },
    { category: 'wrong-type', label: 'object', value: { a: 1 }, invalid: true },
    { category: 'wrong-type', label: 'list', value: ['x', 'y'], invalid: true },
  ];
}

function idValues(): BadValue[] {
  return [
    { category: 'malformed', label: 'not a uuid', value: 'not-a-uuid' },
    { category: 'malformed', label: 'nil uuid', value: '00000000-0000-0000-0000-000000000000' },
    {
      category: 'malformed',
      label: 'uuid, upper case, unknown',
      value: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    },
    { category: 'malformed', label: 'uuid with braces', value: '{6f1c5d2e-0b3a-4c1d-9e8f-0123456789ab}' },
    { category: 'malformed', label: 'uuid too long', value: '6f1c5d2e-0b3a-4c1d-9e8f-0123456789abc' },
    { category: 'empty', label: 'empty', value: '' },
    { category: 'oversized', label: '100k x', value: OVERSIZED },
    { category: 'nul', label: 'NUL inside', value: NUL },
    { category: 'control', label: 'controls', value: CONTROL },
    { category: 'surrogate', label: 'lone high surrogate', value: '\uD800' },
    // ID accepts integers and serialises them as strings: legal, reaches the resolver.
    { category: 'huge-number', label: '2^53+1 as int', value: MAX_SAFE_PLUS },
    { category: 'negative', label: '-1 as int', value: -1 },
    { category: 'wrong-type', label: 'float', value: 1.5, invalid: true },
    { category: 'wrong-type', label: 'boolean', value: false, invalid: true },
    { category: 'wrong-type', label: 'object', value: { id: 1 }, invalid: true },
    { category: 'wrong-type', label: 'list', value: ['a'], invalid: true },
  ];
}

function intValues(): BadValue[] {
  return [
    { category: 'negative', label: '-1', value: -1 },
    { category: 'negative', label: 'int min', value: -(2 ** 31) },
    { category: 'huge-number', label: 'int max', value: 2 ** 31 - 1 },
    { category: 'huge-number', label: '2^31', value: 2 ** 31, invalid: true },
    { category: 'huge-number', label: '2^53+1', value: MAX_SAFE_PLUS, invalid: true },
    { category: 'huge-number', label: '1e308', value: 1e308, invalid: true },
    { category: 'wrong-type', label: 'fraction', value: 1.5, invalid: true },
    { category: 'wrong-type', label: 'numeric string', value: '1', invalid: true },
    { category: 'wrong-type', label: 'boolean', value: true, invalid: true },
    { category: 'wrong-type', label: 'list', value: [1], invalid: true },
    { category: 'wrong-type', label: 'object', value: { n: 1 }, invalid: true },
    { category: 'nul', label: 'NUL string', value: '1\u0000', invalid: true },
  ];
}

function floatValues(): BadValue[] {
  return [
    { category: 'negative', label: '-1', value: -1 },
    { category: 'negative', label: '-1e308', value: -1e308 },
    { category: 'huge-number', label: '1e308', value: 1e308 },
    { category: 'huge-number', label: '2^53+1', value: MAX_SAFE_PLUS },
    { category: 'huge-number', label: 'max double', value: Number.MAX_VALUE },
    { category: 'huge-number', label: 'smallest subnormal', value: Number.MIN_VALUE },
    { category: 'huge-number', label: 'many decimals', value: 1.0000000001 },
    { category: 'wrong-type', label: 'numeric string', value: '1.5', invalid: true },
    { category: 'wrong-type', label: '"NaN"', value: 'NaN', invalid: true },
    { category: 'wrong-type', label: 'boolean', value: false, invalid: true },
    { category: 'wrong-type', label: 'list', value: [1.5], invalid: true },
    { category: 'wrong-type', label: 'object', value: {}, invalid: true },
  ];
}

function booleanValues(): BadValue[] {
  return [
    { category: 'wrong-type', label: '"true"', value: 'true', invalid: true },
    { category: 'wrong-type', label: '1', value: 1, invalid: true },
    { category: 'wrong-type', label: 'list', value: [true], invalid: true },
    { category: 'wrong-type', label: 'object', value: { b: true }, invalid: true },
  ];
}

function enumValues(values: string[]): BadValue[] {
  return [
    { category: 'malformed', label: 'unknown value', value: 'NOT_A_VALUE', invalid: true },
    { category: 'malformed', label: 'lower case', value: values[0].toLowerCase(), invalid: true },
    { category: 'empty', label: 'empty', value: '', invalid: true },
    { category: 'nul', label: 'value + NUL', value: `${values[0]}\u0000`, invalid: true },
    { category: 'wrong-type', label: 'number', value: 0, invalid: true },
    { category: 'wrong-type', label: 'list', value: [values[0]], invalid: true },
  ];
}

/** A calendar date (YYYY-MM-DD, a real day), as the Date scalar checks it. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function dateValues(): BadValue[] {
  const bad = (label: string, value: unknown): BadValue => ({
    category: 'far-date',
    label,
    value,
    invalid: true,
  });
  return [
    bad('year 99999', '99999-01-01'),
    bad('0000-00-00', '0000-00-00'),
    bad('month 13, day 45', '2026-13-45'),
    bad('30 February', '2026-02-30'),
    bad('29 February of 2026', '2026-02-29'),
    bad('no zero padding', '2026-1-1'),
    bad('date-time', '2026-11-28T00:00:00Z'),
    bad('negative year', '-2026-01-01'),
    bad('empty', ''),
    bad('NUL', '2026-01-01\u0000'),
    bad('surrogate', '2026-01-0\uD800'),
    bad('number', 20_260_101),
    // Legal calendar dates far away: the rules decide.
    { category: 'far-date', label: 'year 0001', value: '0001-01-01' },
    { category: 'far-date', label: 'year 9999', value: '9999-12-31' },
    { category: 'far-date', label: '1970-01-01', value: '1970-01-01' },
  ];
}

function dateTimeValues(): BadValue[] {
  const bad = (label: string, value: unknown): BadValue => ({
    category: 'far-date',
    label,
    value,
    invalid: true,
  });
  return [
    bad('year 99999', '99999-01-01T00:00:00.000Z'),
    bad('0000-00-00', '0000-00-00T00:00:00Z'),
    bad('month 13, day 45', '2026-13-45T00:00:00Z'),
    bad('hour 25', '2026-11-28T25:61:00Z'),
    bad('not a date', 'tomorrow'),
    bad('empty', ''),
    bad('NUL', '2026-12-01T00:00:00Z\u0000'),
    bad('surrogate', '\uD8002026-12-01T00:00:00Z'),
    bad('object', { at: 1 }),
    bad('list', ['2026-12-01T00:00:00Z']),
    // Legal or arguably legal instants far away: the rules decide (e.g. a waiver's 366 days).
    { category: 'far-date', label: 'max JS date', value: '+275760-09-13T00:00:00.000Z' },
    { category: 'far-date', label: 'year 9999', value: '9999-12-31T23:59:59Z' },
    { category: 'far-date', label: 'epoch', value: '1970-01-01T00:00:00Z' },
    { category: 'far-date', label: 'date only', value: '2026-12-01' },
    { category: 'huge-number', label: 'timestamp 1e308', value: 1e308 },
    { category: 'negative', label: 'timestamp -1', value: -1 },
  ];
}

function semverValues(): BadValue[] {
  const bad = (label: string, value: unknown): BadValue => ({
    category: 'malformed',
    label,
    value,
    invalid: true,
  });
  return [
    bad('leading v', 'v1.0.0'),
    bad('two parts', '1.0'),
    bad('build metadata', '1.0.0+build.7'),
    bad('leading zero', '01.0.0'),
    bad('empty pre-release', '1.0.0-'),
    bad('surrounding spaces', ' 1.0.0 '),
    bad('range', '^1.0.0'),
    bad('empty', ''),
    bad('100k', `1.0.0-${'a'.repeat(100_000)}`),
    bad('NUL', '1.0.0-rc.1\u0000'),
    bad('surrogate', '1.0.0-\uD800'),
    bad('number', 1),
    // Legal semantic versions whose numbers outgrow a 32-bit column.
    { category: 'huge-number', label: 'major 2^31', value: '2147483648.0.0' },
    { category: 'huge-number', label: 'patch 2^53-1', value: '0.0.9007199254740991' },
    { category: 'huge-number', label: 'numeric pre-release 2^53-1', value: '1.0.0-9007199254740991' },
    { category: 'huge-number', label: 'long pre-release', value: `1.0.0-${'a.'.repeat(100)}z` },
  ];
}

function rangeValues(): BadValue[] {
  const bad = (label: string, value: unknown): BadValue => ({
    category: 'malformed',
    label,
    value,
    invalid: true,
  });
  return [
    bad('empty', ''),
    bad('blank', '   '),
    bad('garbage', '>>1.0'),
    bad('dangling or', '^1.0.0 ||| ~'),
    // domain.md sets no maximum length for a range: the rules decide.
    {
      category: 'oversized',
      label: '12,000 alternatives',
      value: `^1.0.0 || ${'1.0.0 || '.repeat(12_000)}1.0.0`,
    },
    bad('NUL', '^1.0.0\u0000'),
    bad('surrogate', '^1.0.0 \uD800'),
    bad('number', 1),
    bad('list', ['^1.0.0']),
    { category: 'malformed', label: 'star (legal)', value: '*' },
    { category: 'huge-number', label: '>= major 2^31', value: '>=2147483648.0.0' },
    { category: 'huge-number', label: 'x-range beyond safe', value: '9007199254740991.x' },
  ];
}

/** Values by meaning: `Owner.field` or just the field's name. */
const BY_MEANING: Record<string, () => BadValue[]> = {
  ars: () => [
    mal('11 digits', '01002000000'),
    mal('13 digits', '0100200000000'),
    mal('letter inside', '01002000000a'),
    mal('Land 17', '170020000000'),
    mal('Land 00', '000000000000'),
    mal('Arabic-Indic digits', '٠١٠٠٢٠٠٠٠٠٠٠'),
    mal('with spaces', '01 002 000 000'),
  ],
  'RegisterOrganisationInput.key': () => [
    mal('upper case slug', 'Dataport-Neu'),
    mal('leading hyphen', '-neu'),
    mal('double hyphen', 'neu--org'),
    mal('81 characters', 'a'.repeat(81)),
    mal('umlaut', 'lübeck-ag'),
    mal('path', '../etc/passwd'),
    mal('ARS with Land 17', '170020000000'),
  ],
  parentKey: () => orgReferences(),
  ownerKey: () => orgReferences(),
  organisationKey: () => orgReferences(),
  slug: () => [
    mal('space', 'bau antrag'),
    mal('upper case', 'Bauantrag'),
    mal('81 characters', 'a'.repeat(81)),
    mal('leading hyphen', '-bau'),
    mal('trailing hyphen', 'bau-'),
    mal('underscore', 'bau_antrag'),
    mal('umlaut', 'führerschein'),
  ],
  leikaKeys: () => [
    mal('13 digits', ['9905001210400']),
    mal('15 digits', ['990500121040000']),
    mal('URN form', ['urn:de:fim:leika:leistung:99050012104000']),
    // "without duplicates" (domain.md) does not say whether a repeat is dropped or refused.
    { category: 'malformed', label: 'duplicate', value: ['99050012104000', '99050012104000'] },
    mal('Arabic-Indic digits', ['٩٩٠٥٠٠١٢١٠٤٠٠٠']),
  ],
  ozgIds: () => [
    mal('empty id', ['']),
    mal('41 characters', ['x'.repeat(41)]),
    mal('space inside', ['OZG 1']),
    { category: 'malformed', label: 'duplicate', value: ['OZG-1', 'OZG-1'] },
  ],
  license: () => [
    mal('not SPDX', 'NOT-A-LICENSE'),
    mal('lower case', 'mit'),
    mal('expression', 'EUPL-1.2 OR MIT'),
  ],
  maturityLevel: () => [
    mal('5', 5),
    mal('-1', -1),
    mal('smallint overflow', 40_000),
    mal('int max', 2 ** 31 - 1),
  ],
  requiredApprovals: () => [mal('0', 0), mal('6', 6), mal('-1', -1), mal('int max', 2 ** 31 - 1)],
  artifactDigest: () => [
    mal('upper-case hex', `sha256:${'A'.repeat(64)}`),
    mal('63 digits', `sha256:${'a'.repeat(63)}`),
    mal('65 digits', `sha256:${'a'.repeat(65)}`),
    mal('not hex', `sha256:${'g'.repeat(64)}`),
    mal('md5', `md5:${'a'.repeat(32)}`),
    mal('no algorithm', 'a'.repeat(64)),
  ],
  artifactUrl: () => urls(),
  repositoryUrl: () => urls(),
  evidenceUrl: () => urls(),
  url: () => urls(),
  jurisdiction: () => [
    mal('unknown state', 'DE-XX'),
    mal('lower case', 'de'),
    mal('dangling', 'DE-'),
    mal('US', 'US'),
  ],
  abbreviation: () => [
    // Surrounding white space is trimmed first (domain.md, "Identifiers"): this is "WoGG", taken.
    { category: 'malformed', label: 'a taken one with a leading space', value: ' WoGG' },
    mal('41 characters', 'x'.repeat(41)),
  ],
  'InterfaceStandardInput.key': () => [
    mal('upper case', 'XBau'),
    mal('41 characters', 'x'.repeat(41)),
    mal('space', 'x bau'),
    mal('leading hyphen', '-xbau'),
  ],
  'InterfaceUseInput.version': () => [mal('41 characters', '2.'.repeat(20) + 'x')],
  versions: () => [
    mal('no version', []),
    mal('empty version', ['']),
    mal('41 characters', ['x'.repeat(41)]),
    { category: 'malformed', label: 'duplicate', value: ['2.2', '2.2'] },
  ],
  standard: () => [
    { category: 'malformed', label: 'unknown', value: 'no-such-standard' },
    { category: 'malformed', label: 'upper case of a known one', value: 'XBAU' },
  ],
  norm: () => [
    { category: 'malformed', label: 'unknown', value: 'NoSuchG' },
    { category: 'malformed', label: 'lower case of a known one', value: 'wogg' },
  ],
  hours: () => [
    mal('0', 0),
    mal('-1', -1),
    mal('24.01', 24.01),
    mal('three decimals', 1.234),
    mal('1e308', 1e308),
    mal('smallest subnormal', Number.MIN_VALUE),
  ],
  optimisticHours: () => hourEstimates(),
  likelyHours: () => hourEstimates(),
  pessimisticHours: () => hourEstimates(),
  'RecordEffortInput.date': () => [mal('tomorrow', '2026-11-29'), mal('year 9999', '9999-12-31')],
};

function mal(label: string, value: unknown): BadValue {
  return { category: 'malformed', label, value, invalid: true };
}

function orgReferences(): BadValue[] {
  // Unknown references may be NOT_FOUND or BAD_USER_INPUT depending on the mutation: not flagged.
  return [
    { category: 'malformed', label: 'unknown slug', value: 'no-such-org' },
    { category: 'malformed', label: 'upper case of a known key', value: 'DATAPORT' },
    { category: 'malformed', label: 'unknown ARS', value: '019990000000' },
    { category: 'malformed', label: 'ARS with Land 17', value: '170020000000' },
  ];
}

function urls(): BadValue[] {
  return [
    mal('http', 'http://example.org/x'),
    mal('javascript', 'javascript:alert(1)'),
    mal('no host', 'https://'),
    mal('file', 'file:///etc/passwd'),
    mal('protocol-relative', '//example.org/x'),
    mal('space in host', 'https://exa mple.org'),
    {
      category: 'oversized',
      label: 'https with 100k path',
      value: `https://example.org/${'a'.repeat(100_000)}`,
    },
  ];
}

function hourEstimates(): BadValue[] {
  return [mal('-1', -1), mal('-1e308', -1e308), { category: 'huge-number', label: '1e308', value: 1e308 }];
}

/** fast-check samples for a field, seeded by the field's place so that adding a field changes no other. */
function generated(named: GraphQLInputType, seed: number): BadValue[] {
  const sample = <T>(arb: fc.Arbitrary<T>, n: number) => fc.sample(arb, { seed, numRuns: n });
  const gen = (value: unknown, label = 'fast-check'): BadValue => ({ category: 'generated', label, value });
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return sample(fc.integer(), 2).map((v) => gen(v));
      case 'Float':
        return sample(fc.double({ noNaN: true, noDefaultInfinity: true }), 2).map((v) => gen(v));
      case 'Boolean':
        return [];
      case 'Date':
        // Any Y-M-D with up to five year digits: mostly impossible or far dates.
        return sample(
          fc
            .tuple(
              fc.integer({ min: 0, max: 99_999 }),
              fc.integer({ min: 0, max: 99 }),
              fc.integer({ min: 0, max: 99 }),
            )
            .map(
              ([y, m, d]) =>
                `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
            ),
          2,
        ).map((v) => ({ ...gen(v), invalid: !isCalendarDate(v) }));
      default:
        return [
          ...sample(fc.string({ unit: 'binary', maxLength: 40 }), 2).map((v) => gen(v, 'fast-check unicode')),
          ...sample(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 40 }), 1).map((v) =>
            gen(v, 'fast-check ascii'),
          ),
        ];
    }
  }
  return [];
}

function hash(text: string): number {
  let h = 2_166_136_261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16_777_619);
  }
  return h >>> 0;
}

/**
 * The bad values for one field. `sample` is the field's valid value (for lists: what a list of
 * 1,000 is made of).
 */

/** The bad values of each scalar of the schema. */
const BY_SCALAR: Record<string, () => BadValue[]> = {
  String: textValues,
  ID: idValues,
  Int: intValues,
  Float: floatValues,
  Boolean: booleanValues,
  Date: dateValues,
  DateTime: dateTimeValues,
  SemVer: semverValues,
  SemVerRange: rangeValues,
};

export function badValuesFor(mutation: string, field: FuzzField, sample: unknown): BadValue[] {
  const required = isNonNullType(field.type);
  const nullable = getNullableType(field.type);
  const values: BadValue[] = [
    { category: 'null', label: 'null', value: null, invalid: required },
    // An element cannot be left out of a list; leaving out the argument or field can.
    ...(field.element
      ? []
      : [
          { category: 'missing' as const, label: 'missing', value: undefined, omit: true, invalid: required },
        ]),
  ];
  if (isListType(nullable)) {
    const item = Array.isArray(sample) && sample.length > 0 ? sample[0] : 'x';
    const itemRequired = isNonNullType(nullable.ofType);
    values.push(
      { category: 'shape', label: 'empty list', value: [] },
      { category: 'shape', label: 'list with null', value: [null], invalid: itemRequired },
      { category: 'shape', label: 'list of lists', value: [[item]], invalid: true },
      { category: 'shape', label: 'object for list', value: { 0: item }, invalid: true },
      {
        category: 'oversized',
        label: '1,000 elements',
        value: Array.from({ length: 1_000 }, () => structuredClone(item)),
      },
      { category: 'nul', label: 'NUL element', value: [NUL] },
    );
  } else if (isInputObjectType(nullable)) {
    const requiredFields = Object.values(nullable.getFields()).some(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    values.push(
      { category: 'wrong-type', label: 'string for object', value: 'x', invalid: true },
      { category: 'wrong-type', label: 'list for object', value: [sample], invalid: true },
      { category: 'shape', label: 'empty object', value: {}, invalid: requiredFields },
      {
        category: 'shape',
        label: 'unknown field',
        value: { ...(sample as object), bogus: 1 },
        invalid: true,
      },
      {
        category: 'nul',
        label: 'NUL in a key',
        value: { ...(sample as object), 'k\u0000': 1 },
        invalid: true,
      },
    );
  } else if (isEnumType(nullable)) {
    values.push(...enumValues(nullable.getValues().map((v) => v.name)));
  } else if (isScalarType(nullable)) {
    // A scalar added later gets at least the text values (it is a string on the wire in this API).
    values.push(...(BY_SCALAR[nullable.name] ?? textValues)());
    values.push(...generated(nullable, hash(`${FUZZ_SEED}|${mutation}|${pathText(field.path)}`)));
  }
  const meaning = BY_MEANING[`${field.owner}.${field.name}`] ?? BY_MEANING[field.name];
  if (meaning && !isInputObjectType(nullable)) {
    // Meaningful values of a list field are whole lists; of a list element, single items.
    const own = meaning().map((v) => ({ ...v, meaning: true }));
    const listValued = own.some((v) => Array.isArray(v.value));
    if (field.element && listValued) {
      values.push(
        ...own.flatMap((v) =>
          Array.isArray(v.value) && v.value.length === 1 ? [{ ...v, value: v.value[0] }] : [],
        ),
      );
    } else if (!field.element || !listValued) {
      values.push(...own);
    }
  }
  return values;
}

/**
 * The values a run uses for one field: every value from the field's meaning, the first value of
 * each category, and then, drawn with the field's seed, more of the rest up to `cap` in all
 * (`Infinity`: all of them). So every field gets every kind of bad value, and a run stays short.
 */
export function selectValues(
  mutation: string,
  field: FuzzField,
  values: BadValue[],
  cap: number,
): BadValue[] {
  const chosen = new Set<number>();
  const seen = new Set<Category>();
  values.forEach((v, i) => {
    if (v.meaning || !seen.has(v.category)) {
      chosen.add(i);
      seen.add(v.category);
    }
  });
  const rest = values.map((_, i) => i).filter((i) => !chosen.has(i));
  const room = Math.min(rest.length, Math.max(0, cap - chosen.size));
  if (room > 0) {
    const seed = hash(`${FUZZ_SEED}|select|${mutation}|${pathText(field.path)}`);
    const [drawn] = fc.sample(fc.shuffledSubarray(rest, { minLength: room, maxLength: room }), {
      seed,
      numRuns: 1,
    });
    drawn.forEach((i) => chosen.add(i));
  }
  return values.filter((_, i) => chosen.has(i));
}
