import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
  type ParsedNode,
} from 'yaml';
import type { PubliccodeProblem, PubliccodeProblemParams } from '#src/common/errors/messages';
import {
  PUBLICCODE_KEYS,
  SUPPORTED_VERSIONS,
  SUPPORT_ALIASES,
  type Format,
  type Spec,
} from './publiccode-standard';

// spdx-expression-parse ships without types: it throws on anything that is not an SPDX expression.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parseSpdx = require('spdx-expression-parse') as (expression: string) => unknown;

/**
 * Reads a publiccode.yml: its size, its encoding, its YAML (with an alias limit against alias
 * bombs) and every key against the standard (publiccode-standard.ts), as the reference parser
 * checks them without the network (no reachability of URLs, no logo or screenshot files, no
 * oEmbed). Every problem names its line, column and key. Pure: no framework, no I/O.
 */

/** The largest file the registry reads: 1 MiB. */
export const MAX_FILE_BYTES = 1_048_576;
/** The yaml package's limit of alias expansions (its default): a file past it is an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** A publiccode.yml as read: the plain value (only keys of the standard, of the types it names). */
export interface PubliccodeFile {
  publiccodeYmlVersion: string;
  name: string;
  url: string;
  softwareVersion?: string;
  releaseDate?: string;
  developmentStatus: string;
  description: Record<
    string,
    { localisedName?: string; shortDescription: string; longDescription: string; features: string[] }
  >;
  legal: { license: string; mainCopyrightOwner?: string };
  [key: string]: unknown;
}

export interface Place {
  line: number;
  column: number;
}

export type ReadResult =
  | { kind: 'read'; file: PubliccodeFile; placeOf: (field: string) => Place }
  | { kind: 'invalid'; problems: PubliccodeProblem[] }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'aliasBomb' };

/** Reads the file's text (from the API) or bytes (from a repository). */
export function readPubliccode(source: string | Uint8Array): ReadResult {
  const size = typeof source === 'string' ? Buffer.byteLength(source, 'utf8') : source.byteLength;
  if (size > MAX_FILE_BYTES) {
    return { kind: 'tooLarge', size };
  }
  let text: string;
  if (typeof source === 'string') {
    text = source;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(source);
    } catch {
      return invalid([{ rule: 'INVALID_UTF8', line: 0, column: 0, field: '' }]);
    }
  }
  const lines = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): Place => {
    if (offset === undefined) {
      return { line: 0, column: 0 };
    }
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > 1) {
    return invalid([{ rule: 'MULTIPLE_DOCUMENTS', ...at(list[1].range[0]), field: '' }]);
  }
  const document = list[0] as Document.Parsed | undefined;
  const syntax = [...(document?.errors ?? []), ...(document?.warnings ?? [])].map(
    (error): PubliccodeProblem => ({
      rule: error.code === 'DUPLICATE_KEY' ? 'DUPLICATE_KEY' : 'YAML_SYNTAX',
      ...at(error.pos[0]),
      field: '',
      ...(error.code === 'DUPLICATE_KEY' ? {} : { detail: error.message.split('\n')[0] }),
    }),
  );
  if (syntax.length > 0) {
    return invalid(syntax);
  }
  if (!document || !isMap(document.contents)) {
    return invalid([{ rule: 'NOT_A_MAPPING', ...at(document?.contents?.range[0] ?? 0), field: '' }]);
  }
  try {
    document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { kind: 'aliasBomb' };
    }
    throw error;
  }

  const checker = new Checker(document, at);
  checker.file(document.contents);
  if (checker.problems.length > 0) {
    return invalid(checker.problems);
  }
  return {
    kind: 'read',
    // Again, now that the walk has turned numbers and true/false under string keys into their text.
    file: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as PubliccodeFile,
    placeOf: (field) => checker.places.get(field) ?? { line: 0, column: 0 },
  };
}

function invalid(problems: PubliccodeProblem[]): ReadResult {
  return { kind: 'invalid', problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };
}

type At = (offset: number | undefined) => Place;
type Rule = Omit<PubliccodeProblemParams, 'rule'> & { rule: PubliccodeProblemParams['rule'] };

/** Walks the document against the standard's keys, collecting every problem and the place of every key. */
class Checker {
  readonly problems: PubliccodeProblem[] = [];
  readonly places = new Map<string, Place>();

  constructor(
    private readonly document: Document.Parsed,
    private readonly at: At,
  ) {}

  file(root: YamlNode): void {
    const version = this.child(root, 'publiccodeYmlVersion');
    if (version) {
      const node = this.resolve(version.value);
      const place = this.placeOf(node ?? version.key);
      if (!isScalar(node) || typeof node.value !== 'string') {
        if (!(isScalar(node) && node.value === null)) {
          // 0.4 unquoted is a number: the parser wants the version as a string.
          this.problems.push({
            rule: 'WRONG_TYPE',
            expected: 'string',
            ...place,
            field: 'publiccodeYmlVersion',
          });
          return;
        }
      } else if (!(SUPPORTED_VERSIONS as readonly string[]).includes(node.value)) {
        // The keys of an unknown version are unknown: the parser stops here too.
        this.problems.push({
          rule: 'UNSUPPORTED_VERSION',
          allowed: SUPPORTED_VERSIONS,
          ...place,
          field: 'publiccodeYmlVersion',
        });
        return;
      }
    }
    this.object(root, { type: 'object', keys: PUBLICCODE_KEYS }, '');
    this.crossRules(root);
  }

  /** The rules between keys: maintenance's contractors and contacts, one Italian section. */
  private crossRules(root: YamlNode): void {
    const maintenance = this.resolve(this.child(root, 'maintenance')?.value);
    const type = this.resolve(this.child(maintenance, 'type')?.value);
    const kind = isScalar(type) && typeof type.value === 'string' ? type.value : undefined;
    if (kind !== undefined && isMap(maintenance)) {
      const contractors = this.present(this.child(maintenance, 'contractors'));
      const contacts = this.present(this.child(maintenance, 'contacts'));
      const contract = { key: 'maintenance.type', values: ['contract'] };
      if (kind === 'contract' && !contractors) {
        this.problem({ rule: 'REQUIRED', when: contract }, maintenance, 'maintenance.contractors');
      }
      if (kind !== 'contract' && contractors) {
        this.problem({ rule: 'EXCLUDED', when: contract }, contractors.key, 'maintenance.contractors');
      }
      if ((kind === 'internal' || kind === 'community') && !contacts) {
        const when = { key: 'maintenance.type', values: ['internal', 'community'] };
        this.problem({ rule: 'REQUIRED', when }, maintenance, 'maintenance.contacts');
      }
    }
    const lower = this.present(this.child(root, 'it'));
    if (lower && this.present(this.child(root, 'IT'))) {
      this.problem({ rule: 'COUNTRY_SECTION_TWICE' }, lower.key, 'it');
    }
  }

  private check(node: YamlNode | null, spec: Spec, field: string, keyNode: YamlNode | null): void {
    const value = this.resolve(node);
    this.places.set(field, this.placeOf(value ?? keyNode));
    switch (spec.type) {
      case 'string':
        return this.string(value, spec, field);
      case 'boolean':
        if (!isScalar(value) || typeof value.value !== 'boolean') {
          this.problem({ rule: 'WRONG_TYPE', expected: 'boolean' }, value, field);
        }
        return;
      case 'list':
        if (!isSeq(value)) {
          this.problem({ rule: 'WRONG_TYPE', expected: 'list' }, value, field);
          return;
        }
        if (spec.nonEmpty && value.items.length === 0) {
          this.problem({ rule: 'EMPTY' }, value, field);
        }
        value.items.forEach((item, i) =>
          this.checkPresent(item as YamlNode, spec.of, `${field}[${i}]`, value),
        );
        return;
      case 'stringOrList':
        if (isSeq(value)) {
          value.items.forEach((item, i) =>
            this.checkPresent(item as YamlNode, spec.of, `${field}[${i}]`, value),
          );
        } else if (isScalar(value) && typeof value.value === 'string') {
          this.check(value, spec.of, field, keyNode);
        } else {
          this.problem({ rule: 'WRONG_TYPE', expected: 'stringOrList' }, value, field);
        }
        return;
      case 'object':
        return this.object(value, spec, field);
      case 'languages':
        if (!isMap(value)) {
          this.problem({ rule: 'WRONG_TYPE', expected: 'mapping' }, value, field);
          return;
        }
        if (value.items.length === 0) {
          this.problem({ rule: 'EMPTY' }, value, field);
        }
        for (const pair of value.items) {
          const key = pair.key as YamlNode;
          const tag = isScalar(key) ? String(key.value) : '';
          if (!isScalar(key) || typeof key.value !== 'string' || !isLanguageTag(tag)) {
            this.problem({ rule: 'INVALID_LANGUAGE' }, key, field);
            continue;
          }
          this.checkPresent(pair.value as YamlNode, spec.of, `${field}.${tag}`, key);
        }
        return;
    }
  }

  /** A list item or map entry: null counts as absent, which a required one may not be. */
  private checkPresent(node: YamlNode | null, spec: Spec, field: string, parent: YamlNode): void {
    const value = this.resolve(node);
    if (value === null || (isScalar(value) && value.value === null)) {
      this.problem({ rule: 'WRONG_TYPE', expected: expectedOf(spec) }, value ?? parent, field);
      return;
    }
    this.check(value, spec, field, parent);
  }

  private object(node: YamlNode | null, spec: Extract<Spec, { type: 'object' }>, field: string): void {
    if (!isMap(node)) {
      this.problem({ rule: 'WRONG_TYPE', expected: 'mapping' }, node, field);
      return;
    }
    const path = (key: string) => (field ? `${field}.${key}` : key);
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = this.resolve(pair.key as YamlNode);
      const name = isScalar(key) && typeof key.value === 'string' ? key.value : null;
      if (name === null || !Object.hasOwn(spec.keys, name)) {
        this.problem({ rule: 'UNKNOWN_KEY' }, key, name === null ? field : path(name));
        continue;
      }
      seen.add(name);
      const child = spec.keys[name];
      const value = this.resolve(pair.value as YamlNode | null);
      if (value === null || (isScalar(value) && value.value === null)) {
        // `key:` without a value is the key left out.
        seen.delete(name);
        continue;
      }
      if (child.type === 'string' && child.required && isScalar(value) && value.value === '') {
        seen.delete(name);
        this.places.set(path(name), this.placeOf(key));
        continue;
      }
      this.check(value, child, path(name), key);
    }
    for (const [name, child] of Object.entries(spec.keys)) {
      if (!seen.has(name) && 'required' in child && child.required) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === name);
        this.problem({ rule: 'REQUIRED' }, (pair?.key as YamlNode | undefined) ?? node, path(name));
      }
    }
  }

  private string(node: YamlNode | null, spec: Extract<Spec, { type: 'string' }>, field: string): void {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
      this.problem({ rule: 'WRONG_TYPE', expected: 'string' }, node, field);
      return;
    }
    const raw = node.value;
    if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') {
      // As the parser decodes a string key: an unquoted number or true/false counts as its text
      // ("phone: +391624231322", "versionMin: 14").
      node.value = node.source ?? String(raw);
    }
    const text = node.value as string;
    if (hasNulOrLoneSurrogate(text)) {
      this.problem({ rule: 'UNSTORABLE_TEXT' }, node, field);
      return;
    }
    if (spec.oneOf && !spec.oneOf.includes(text)) {
      this.problem(
        spec.list ? { rule: 'NOT_ALLOWED', list: spec.list } : { rule: 'NOT_ALLOWED', allowed: spec.oneOf },
        node,
        field,
      );
      return;
    }
    const length = graphemes(text);
    if (spec.max !== undefined && length > spec.max) {
      this.problem({ rule: 'TOO_LONG', max: spec.max }, node, field);
    }
    if (spec.min !== undefined && length < spec.min) {
      this.problem({ rule: 'TOO_SHORT', min: spec.min }, node, field);
    }
    if (spec.format && !FORMATS[spec.format].valid(text)) {
      this.problem({ rule: FORMATS[spec.format].rule }, node, field);
    }
    if (spec.file && !isRelativePathOrUrl(text)) {
      this.problem({ rule: 'INVALID_PATH' }, node, field);
    } else if (
      spec.file &&
      spec.file !== 'any' &&
      !FILE_TYPES[spec.file].some((ext) => fileExtension(text) === ext)
    ) {
      this.problem({ rule: 'INVALID_FILE_TYPE', allowed: FILE_TYPES[spec.file] }, node, field);
    }
  }

  /** The entry of a mapping by its key, if the node is a mapping that has it. */
  private child(node: YamlNode | null | undefined, key: string) {
    const map = this.resolve(node ?? null);
    if (!isMap(map)) {
      return undefined;
    }
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    return pair ? { key: pair.key as YamlNode, value: pair.value as YamlNode | null } : undefined;
  }

  /** An entry whose value is there (not `key:` alone). */
  private present(entry: { key: YamlNode; value: YamlNode | null } | undefined) {
    const value = this.resolve(entry?.value ?? null);
    return entry && value !== null && !(isScalar(value) && value.value === null) ? entry : undefined;
  }

  /** An alias stands for its anchored node (the alias limit was checked before the walk). */
  private resolve(node: YamlNode | null | undefined): YamlNode | null {
    if (node && isAlias(node)) {
      return (node.resolve(this.document) as YamlNode | undefined) ?? null;
    }
    return node ?? null;
  }

  private placeOf(node: YamlNode | null | undefined): Place {
    return this.at((node as ParsedNode | null | undefined)?.range?.[0]);
  }

  private problem(rule: Rule, node: YamlNode | null | undefined, field: string): void {
    this.problems.push({ ...rule, ...this.placeOf(node), field });
  }
}

function expectedOf(spec: Spec): NonNullable<PubliccodeProblemParams['expected']> {
  switch (spec.type) {
    case 'list':
      return 'list';
    case 'object':
    case 'languages':
      return 'mapping';
    case 'stringOrList':
      return 'stringOrList';
    case 'string':
    case 'boolean':
      return spec.type;
  }
}

// ------------------------------------------------------------------ the formats

/**
 * The parser's isRelativePathOrURL for files of the repository (logo, screenshots, authorsFile):
 * not an absolute path, not a file: URL. Whether the file exists needs the repository: not checked.
 */
const isRelativePathOrUrl = (text: string) => !text.startsWith('/') && !text.startsWith('file:');

/** The extensions the parser's validLogo and isImageFile accept. */
const FILE_TYPES = { logo: ['.svg', '.svgz', '.png'], image: ['.jpg', '.png'] } as const;

function fileExtension(text: string): string {
  const path = parsedUrl(text)?.pathname ?? text;
  const dot = path.lastIndexOf('.');
  return dot < 0 || path.lastIndexOf('/') > dot ? '' : path.slice(dot).toLowerCase();
}

const SEGMENTER = new Intl.Segmenter('und', { granularity: 'grapheme' });
/**
 * Text in which every UTF-16 unit is a grapheme cluster of its own (Latin letters with precomposed
 * umlauts, common punctuation; \r\n aside): counted without the segmenter, which is slow on long texts.
 */
const SIMPLE_TEXT = /^[\t\n\r\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u20ac]*$/;

/** The text's grapheme clusters (user-perceived characters). */
export function clustersOf(text: string): string[] {
  if (SIMPLE_TEXT.test(text) && !text.includes('\r\n')) {
    return text.split('');
  }
  return Array.from(SEGMENTER.segment(text), (s) => s.segment);
}

/** Length as the standard counts it: grapheme clusters (the parser's uniseg), not UTF-16 units. */
export function graphemes(text: string): number {
  if (SIMPLE_TEXT.test(text)) {
    return text.length - (text.match(/\r\n/g)?.length ?? 0);
  }
  const segments = SEGMENTER.segment(text)[Symbol.iterator]();
  let count = 0;
  while (!segments.next().done) {
    count++;
  }
  return count;
}

const hasNulOrLoneSurrogate = (text: string) =>
  text.includes('\u0000') ||
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

function parsedUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** The parser's url_url (go-playground `url`): a scheme, and a host, a fragment or an opaque part. */
function isUrl(text: string): boolean {
  if (text.toLowerCase().startsWith('file:')) {
    return true;
  }
  const url = parsedUrl(text);
  return (
    url !== null && (url.host !== '' || url.hash !== '' || !text.slice(url.protocol.length).startsWith('/'))
  );
}

/** url_http_url: http or https, with a host. */
function isHttpUrl(text: string): boolean {
  const url = parsedUrl(text);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

function isDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const EMAIL =
  /^[^\s@"(),:;<>[\\\]]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*$/u;

const LANGUAGES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes the region names know that ISO 3166-1 does not assign to a country. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'XK']);

/** A well-formed BCP 47 tag whose primary language subtag is a registered language (bcp47_strict_language_tag). */
export function isLanguageTag(tag: string): boolean {
  try {
    Intl.getCanonicalLocales(tag);
  } catch {
    return false;
  }
  const primary = tag.split('-')[0];
  return /^[A-Za-z]{2,3}$/.test(primary) && LANGUAGES.of(primary.toLowerCase()) !== undefined;
}

/** ISO 3166-1 alpha-2, all upper case or (deprecated) all lower case. */
function isCountry(code: string): boolean {
  if (!/^([A-Z]{2}|[a-z]{2})$/.test(code)) {
    return false;
  }
  const upper = code.toUpperCase();
  return !NOT_COUNTRIES.has(upper) && REGIONS.of(upper) !== undefined;
}

function isSpdx(expression: string): boolean {
  try {
    parseSpdx(expression);
    return true;
  } catch {
    return false;
  }
}

/** RFC 2141: urn:<NID>:<NSS>, the NID 1 to 32 letters, digits and hyphens, not "urn". */
const URN = /^urn:(?!urn:)[a-z0-9][a-z0-9-]{0,31}:[a-z0-9()+,\-.:=@;$_!*'%/?#]+$/i;

/** organisation_uri: an address with scheme and host, or a URN. */
function isOrganisationUri(text: string): boolean {
  if (/^urn:/i.test(text)) {
    return URN.test(text);
  }
  const url = parsedUrl(text);
  return url !== null && url.host !== '';
}

function isSupportsId(text: string): boolean {
  const alias = /^alias:(.*)$/.exec(text);
  if (alias) {
    return (SUPPORT_ALIASES as readonly string[]).includes(alias[1]);
  }
  return isOrganisationUri(text);
}

/** The parser's reMIMEType (RFC 2045's token rules). */
const MIME_TYPE = /^ *([A-Za-z0-9][A-Za-z0-9!#$&^_-]{0,126})\/([A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}) *$/;

const FORMATS: Record<Format, { valid: (text: string) => boolean; rule: PubliccodeProblemParams['rule'] }> = {
  url: { valid: isUrl, rule: 'INVALID_URL' },
  httpUrl: { valid: isHttpUrl, rule: 'INVALID_HTTP_URL' },
  date: { valid: isDate, rule: 'INVALID_DATE' },
  email: { valid: (text) => EMAIL.test(text), rule: 'INVALID_EMAIL' },
  language: { valid: isLanguageTag, rule: 'INVALID_LANGUAGE' },
  country: { valid: isCountry, rule: 'INVALID_COUNTRY' },
  spdx: { valid: isSpdx, rule: 'INVALID_LICENSE' },
  mimeType: { valid: (text) => MIME_TYPE.test(text), rule: 'INVALID_MIME_TYPE' },
  organisationUri: { valid: isOrganisationUri, rule: 'INVALID_URI' },
  supportsId: { valid: isSupportsId, rule: 'INVALID_SUPPORTS_ID' },
};
